/**
 * The timed start of every benchmark case: parse the instance file's text,
 * decode it, then build its model. Parsing is timed apart: the issue's
 * end-to-end figure (#15) runs from decoding to the result.
 */
import * as E from "fp-ts/lib/Either.js";
import { decodeInstance } from "../src/input/decode.js";
import type { Instance } from "../src/input/instance.js";
import { buildModel, type BuiltModel } from "../src/model/build.js";

export interface Loaded {
  /** performance.now() before parsing the text, and after (decoding starts there). */
  readonly started: number;
  readonly parsed: number;
  readonly instance: Instance;
  readonly built: BuiltModel;
  /** performance.now() after decoding and after building. */
  readonly t1: number;
  readonly t2: number;
}

/** Parses, decodes and builds; throws when the instance does not decode (a benchmark's input is generated). */
export const decodeAndBuild = (text: string): Loaded => {
  const started = performance.now();
  const input = JSON.parse(text) as unknown;
  const parsed = performance.now();
  const decoded = decodeInstance(input);
  if (E.isLeft(decoded)) throw new Error(`the instance does not decode: ${JSON.stringify(decoded.left.slice(0, 3))}`);
  const instance = decoded.right;
  const t1 = performance.now();
  // As `match` builds it: employers under a diversity limit merged where exact (src/policy/alike.ts).
  const built = buildModel(instance, true);
  return { started, parsed, instance, built, t1, t2: performance.now() };
};
