/**
 * The timed start of every benchmark case: parse and decode the instance
 * file's text, then build its model.
 */
import * as E from "fp-ts/lib/Either.js";
import { decodeInstance } from "../src/input/decode.js";
import type { Instance } from "../src/input/instance.js";
import { buildModel, type BuiltModel } from "../src/model/build.js";

export interface Loaded {
  readonly started: number;
  readonly instance: Instance;
  readonly built: BuiltModel;
  /** performance.now() after decoding and after building. */
  readonly t1: number;
  readonly t2: number;
}

/** Parses, decodes and builds; throws when the instance does not decode (a benchmark's input is generated). */
export const decodeAndBuild = (text: string): Loaded => {
  const started = performance.now();
  const decoded = decodeInstance(JSON.parse(text) as unknown);
  if (E.isLeft(decoded)) throw new Error(`the instance does not decode: ${JSON.stringify(decoded.left.slice(0, 3))}`);
  const instance = decoded.right;
  const t1 = performance.now();
  // As `match` builds it: employers under a diversity limit merged where exact (src/policy/alike.ts).
  const built = buildModel(instance, true);
  return { started, instance, built, t1, t2: performance.now() };
};
