/**
 * The command line's memory check: before reading an input, and again before
 * solving it, the estimate of what it needs (../memory/estimate.ts) against
 * the heap this process may use. Past it, the command stops with exit 6 and
 * says how much it would need and how to give Node that much, instead of V8
 * aborting without a word halfway through. JOBMATCH_MEMORY_CHECK=off skips
 * the check (for measuring, or when you know better than the estimate).
 */
import { getHeapStatistics } from "node:v8";
import * as E from "fp-ts/lib/Either.js";
import { thousands } from "../input/limits.js";
import type { MemoryNeed } from "../memory/estimate.js";
import { EXIT, failure, type Failure } from "./exit.js";

const MB = 2 ** 20;

/** The heap this process may use, in bytes (Node's --max-old-space-size, or its default for the machine). */
export const heapLimit = (): number => getHeapStatistics().heap_size_limit;

/** A failure (exit 6) when `need` (bytes) is more than the heap `limit`; `what` names the work ("solving big.json"). */
export const checkMemory = (need: number, what: string, limit: number = heapLimit()): E.Either<Failure, void> => {
  if (process.env.JOBMATCH_MEMORY_CHECK === "off" || need <= limit) return E.right(undefined);
  const suggest = Math.ceil((need * 1.25) / 256 / MB) * 256;
  return E.left(
    failure(
      EXIT.outOfMemory,
      `${what} needs about ${thousands(Math.ceil(need / MB))} MB of memory, more than this process may use (${thousands(Math.floor(limit / MB))} MB). ` +
        `On a machine with that much free memory, give Node more: NODE_OPTIONS=--max-old-space-size=${suggest} jobmatch ... ` +
        "(JOBMATCH_MEMORY_CHECK=off skips this estimate; the README's \"Reliability\" section says what fits in how much memory).",
    ),
  );
};

/** Both checks of an estimate: reading, then the whole call. */
export const checkNeed = (need: MemoryNeed, what: string, limit: number = heapLimit()): E.Either<Failure, void> =>
  checkMemory(Math.max(need.readBytes, need.totalBytes), what, limit);
