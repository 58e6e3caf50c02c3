/**
 * How much memory a solve needs, estimated from the input's size before the
 * work starts, so that an input too large for the memory at hand is refused
 * with a message instead of ending in a crash (V8 aborts a process past its
 * heap without a word). The command line compares the estimate with its
 * heap limit (../cli/memory.ts); a program can do the same with its own.
 *
 * The figures are measured, not derived: `npm run bench:memory` finds the
 * smallest heap with which `jobmatch solve` finishes on generated instances
 * of several sizes, and these coefficients sit a margin above what it finds
 * (bench/RESULTS.md has the table). Reading the input takes the text and the
 * objects parsed from it; solving keeps the input, its decoded copy, the
 * aggregated model and the result.
 *
 * @example
 * estimateMemory({ workers: 100_000, employers: 10_000, inputBytes: 27_000_000 });
 * // { readBytes: ..., totalBytes: ... } (about 0.46 GB in all)
 */

/** What the estimate reads: counts, and the size of the input text when it is a file. */
export interface InputSize {
  readonly workers: number;
  readonly employers: number;
  /** Rows of the other sections: registered support organisations, expected minimum wages. */
  readonly otherRows?: number;
  /** Bytes of the input file(s), when known. */
  readonly inputBytes?: number;
  /** "json" (default) or "csv": CSV packs more rows into a byte. */
  readonly format?: "json" | "csv";
}

/** The estimate, in bytes. */
export interface MemoryNeed {
  /** To read and parse the input text (known from its size alone). */
  readonly readBytes: number;
  /** For the whole call: reading, decoding, building, solving and the result. */
  readonly totalBytes: number;
}

const MB = 2 ** 20;

/** Heap per byte of input text while it is parsed: the text itself plus the objects made from it. */
export const READ_FACTOR = { json: 3.5, csv: 9 } as const;
/** Heap whatever the size (Node, the modules, V8's young generation). */
export const BASE_BYTES = 80 * MB;
/**
 * Heap per worker and per employer for the whole call. The law's fields
 * (declarations, housing, wage schedules over the period, the rules that bar
 * an employer) about doubled them: 100,000 workers and 10,000 employers now
 * need a heap limit of 432 MB, where 1,800 and 1,400 bytes estimated 265.
 */
export const WORKER_BYTES = 3800;
export const EMPLOYER_BYTES = 3000;
/**
 * Heap per row of the other sections (a support organisation, an expected
 * minimum wage): 100,000 organisations and 10,000 expected wages hold 282
 * bytes a row once parsed and decoded (measured with the heap after a
 * garbage collection), with a margin.
 */
export const OTHER_ROW_BYTES = 400;

export const estimateMemory = (size: InputSize): MemoryNeed => {
  const readBytes = BASE_BYTES + Math.ceil((size.inputBytes ?? 0) * READ_FACTOR[size.format ?? "json"]);
  const solveBytes = BASE_BYTES + size.workers * WORKER_BYTES + size.employers * EMPLOYER_BYTES + (size.otherRows ?? 0) * OTHER_ROW_BYTES;
  return { readBytes, totalBytes: Math.max(readBytes, solveBytes) };
};
