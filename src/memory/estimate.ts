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
 * (the README's "Memory" section has the table). Reading the input takes the text and the
 * objects parsed from it; solving keeps the input, its decoded copy, the
 * aggregated model and the result.
 *
 * @example
 * estimateMemory({ workers: 100_000, employers: 10_000, inputBytes: 44_000_000 });
 * // { readBytes: ..., totalBytes: ... } (about 0.3 GB in all)
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
  /** Whether the input has a policy section: its rules split the classes (by centre, fairness, groups), so a worker costs more. */
  readonly policy?: boolean;
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
 * Heap per worker and per employer for the whole call. Measured on
 * 2026-11-30 (`npm run bench:memory`; the table is in the README's
 * "Memory" section): since decoding shares the lists rows hold alike and
 * the model keeps its arcs as typed-array columns, 100,000 workers and
 * 10,000 employers need a heap limit of 208 MB (it was 448), 100,000 and
 * 50,000 need 304 MB, 300,000 and 30,000 need 464 MB, and the bundled
 * `nationwide` scenario at 333,000 workers (26,013 employers, 5.3 million
 * arcs, the heaviest instance bundled) 496 MB (`--max-old-space-size` 384
 * fails, 448 solves). Fitted to the generated cases, the need is about
 * 1,200 bytes a worker and 2,300 an employer; with these coefficients the
 * estimate is 1.3 to 1.6 times the limit measured from 30,000 workers on
 * (the nationwide case 1.6), and 1.06 at 10,000 workers, where the fixed
 * 80 MB is most of it.
 */
export const WORKER_BYTES = 2000;
export const EMPLOYER_BYTES = 3000;
/**
 * Heap per worker when the input has a policy. The benchmark's pilot-like
 * policy (quotas, legal caps, a diversity limit by training centre,
 * fairness, families; `npm run bench -- --policy`) splits the classes, and
 * 50,000 workers and 5,000 employers need a heap limit of 208 MB
 * (`--max-old-space-size` 128 fails, 160 solves), 100,000 and 10,000 need
 * 336 MB (256 fails, 288 solves), measured on 2026-11-30: about 2,400
 * bytes a worker, more than `WORKER_BYTES` covers. With this figure the
 * estimate is 1.23 and 1.29 times those limits.
 */
export const POLICY_WORKER_BYTES = 3400;
/**
 * Heap per row of the other sections (a support organisation, an expected
 * minimum wage): 100,000 organisations and 10,000 expected wages hold 282
 * bytes a row once parsed and decoded (measured with the heap after a
 * garbage collection), with a margin.
 */
export const OTHER_ROW_BYTES = 400;

export const estimateMemory = (size: InputSize): MemoryNeed => {
  const readBytes = BASE_BYTES + Math.ceil((size.inputBytes ?? 0) * READ_FACTOR[size.format ?? "json"]);
  const perWorker = size.policy === true ? POLICY_WORKER_BYTES : WORKER_BYTES;
  const solveBytes = BASE_BYTES + size.workers * perWorker + size.employers * EMPLOYER_BYTES + (size.otherRows ?? 0) * OTHER_ROW_BYTES;
  return { readBytes, totalBytes: Math.max(readBytes, solveBytes) };
};

/**
 * What each finished solve keeps while later ones run, where a caller keeps
 * every instance and result (`jobmatch scenario` compares its variations
 * only once all are solved): the instance as given and its result. Measured
 * on 2026-11-30 with the heap after a garbage collection: 677 bytes a worker
 * and 663 an employer (100,000 x 10,000 and 20,000 x 50,000 generated
 * instances); these sit about half above it.
 */
export const KEPT_WORKER_BYTES = 1000;
export const KEPT_EMPLOYER_BYTES = 1000;

/**
 * The estimate for solving several instances one after another while
 * keeping each instance and its result until the last is solved: the
 * largest need of one solve, plus what every other one keeps meanwhile.
 *
 * @example
 * estimateRuns([{ workers: 50_000, employers: 5_000 }, { workers: 60_000, employers: 5_000 }]);
 */
export const estimateRuns = (sizes: readonly InputSize[]): MemoryNeed => {
  const kept = sizes.map((s) => s.workers * KEPT_WORKER_BYTES + s.employers * KEPT_EMPLOYER_BYTES);
  const allKept = kept.reduce((a, b) => a + b, 0);
  let readBytes = 0;
  let totalBytes = 0;
  sizes.forEach((s, i) => {
    const one = estimateMemory(s);
    readBytes = Math.max(readBytes, one.readBytes);
    totalBytes = Math.max(totalBytes, one.totalBytes + allKept - (kept[i] as number));
  });
  return { readBytes, totalBytes };
};
