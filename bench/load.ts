/**
 * The timed start of every benchmark case: parse the instance file's text,
 * decode it, then build its model. Parsing is timed apart: the issue's
 * end-to-end figure (#15) runs from decoding to the result.
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { decodeInstance } from "../src/input/decode.js";
import type { Instance } from "../src/input/instance.js";
import { buildModel, type BuiltModel } from "../src/model/build.js";

export interface Loaded {
  /** performance.now() before parsing the text, and after (decoding starts there). */
  readonly started: number;
  readonly parsed: number;
  /** Minor page faults of the process when decoding starts (see `pagesSince`). */
  readonly pagesAtParsed: number;
  readonly instance: Instance;
  readonly built: BuiltModel;
  /** performance.now() after decoding and after building. */
  readonly t1: number;
  readonly t2: number;
}

/**
 * Reads the instance file (untimed), parses, decodes and builds; throws when
 * the instance does not decode (a benchmark's input is generated). Each run
 * starts from a collected heap where the process allows it (`--expose-gc`,
 * as bench/run.ts starts it), as a fresh process would, rather than paying
 * for the previous run's garbage. The file's text is let go once parsed, and
 * the parsed input once decoded (`parseAndDecode`), as `jobmatch solve`
 * lets it go (src/cli/instance.ts `loadDecoded`, then `matchDecoded`).
 */
export const decodeAndBuild = (file: string): Loaded => {
  (globalThis as { gc?: () => void }).gc?.();
  const { started, parsed, pagesAtParsed, instance, t1 } = parseAndDecode(file);
  // As `match` builds it: employers under a diversity limit merged where exact (src/policy/alike.ts).
  const built = buildModel(instance, true);
  return { started, parsed, pagesAtParsed, instance, built, t1, t2: performance.now() };
};

/**
 * Reading, parsing and decoding in a function of their own: an argument or
 * a local stays reachable until its function returns, so the parsed input
 * (about 250 MB of objects at 333,000 workers) is garbage from here on and
 * not walked again by the collections of the build, the solve and the result.
 */
const parseAndDecode = (file: string): Omit<Loaded, "built" | "t2"> => {
  let text: string | null = readFileSync(file, "utf8");
  const started = performance.now();
  const input = JSON.parse(text) as unknown;
  text = null;
  const parsed = performance.now();
  const pagesAtParsed = process.resourceUsage().minorPageFault;
  const decoded = decodeInstance(input);
  if (E.isLeft(decoded)) throw new Error(`the instance does not decode: ${JSON.stringify(decoded.left.slice(0, 3))}`);
  return { started, parsed, pagesAtParsed, instance: decoded.right, t1: performance.now() };
};

/**
 * Pages of memory touched for the first time since `pages` (minor page
 * faults, a count of 4 KB pages). On a virtual machine each costs time (about
 * 17 microseconds on the benchmark host: a new 100 MB array takes 0.4 s to
 * write once, 5 ms to write again), and unlike a wall time the count hardly
 * moves with the load of a shared machine: a steady figure to compare codes by.
 */
export const pagesSince = (pages: number): number => process.resourceUsage().minorPageFault - pages;
