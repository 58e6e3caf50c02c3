/**
 * The long fuzz run: `npm run fuzz -- --runs 1000000 [--seed N]`.
 *
 * Draws `runs` cases (./cases.ts) from the seed, checks each, and prints what
 * was found by kind (throws, calls over 10 s, lost or duplicated workers,
 * employers over capacity, engines refusing a decoded model, prototype
 * pollution, answers that change with row or policy order), with the slowest
 * call and the cases per second; the first few findings in full, with the
 * seed and the case's index so that each replays. The sentinel inputs (a
 * list of 200,000, values 17,000 deep) are checked once first.
 *
 * A watchdog thread stops the run (exit 3) if one case takes more than a
 * minute: a hang cannot hide behind a synchronous call. Exit 1 when anything
 * was found.
 */
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { caseArb, check, checkSentinel, HANG_MS, SENTINELS, type Finding } from "./cases.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "10000" }, seed: { type: "string", default: "20261127" } } });
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isSafeInteger(runs) || runs < 1 || !Number.isSafeInteger(seed)) {
  console.error("usage: npm run fuzz -- --runs N [--seed S]");
  process.exit(2);
}

// The watchdog: the main thread writes the index of the case it is on and when it started; a stuck case ends the run.
const shared = new Float64Array(new SharedArrayBuffer(16));
const watchdog = new Worker(
  `const { workerData } = require("node:worker_threads");
   const s = new Float64Array(workerData);
   setInterval(() => {
     if (s[1] > 0 && Date.now() - s[1] > 60000) {
       process.stderr.write("fuzz: case " + s[0] + " has run for more than a minute: a hang (replay it with the same --seed)\\n");
       process.exit(3);
     }
   }, 1000);`,
  { eval: true, workerData: shared.buffer },
);
watchdog.unref();

const counts = new Map<Finding["kind"], number>();
const shown: string[] = [];
const record = (where: string, findings: readonly Finding[]): void => {
  for (const f of findings) {
    counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
    if (shown.length < 10) shown.push(`${where}: ${f.kind}: ${f.detail.slice(0, 500)}`);
  }
};

let slowest = 0;
const timedCheck = (index: number, f: () => Finding[]): Finding[] => {
  shared[0] = index;
  shared[1] = Date.now();
  const started = performance.now();
  const findings = f();
  slowest = Math.max(slowest, performance.now() - started);
  shared[1] = 0;
  return findings;
};

const started = performance.now();
for (const [i, s] of SENTINELS.entries()) record(`sentinel ${s.name}`, timedCheck(-1 - i, () => checkSentinel(s.input())));

// The cases, drawn one by one from the seed (fc.sample would hold them all in memory): a property
// that records its findings and always holds, so that fast-check neither stops nor shrinks.
let done = 0;
fc.assert(
  fc.property(caseArb, (c) => {
    record(`seed ${seed}, case ${done}`, timedCheck(done, () => check(c)));
    done++;
    if (done % 10_000 === 0) process.stderr.write(`fuzz: ${done.toLocaleString("en-US")} of ${runs.toLocaleString("en-US")} cases\n`);
    return true;
  }),
  { seed, numRuns: runs },
);
const seconds = (performance.now() - started) / 1000;

const KINDS: readonly Finding["kind"][] = ["throw", "slow", "lost-worker", "over-capacity", "engine-refused", "pollution", "row-order", "policy-order", "scenario-limits", "csv-round-trip", "stability"];
console.log(`fuzz: seed ${seed}, ${done.toLocaleString("en-US")} cases and ${SENTINELS.length} sentinels in ${seconds.toFixed(0)} s (${(done / seconds).toFixed(0)} cases/s); slowest check ${(slowest / 1000).toFixed(2)} s (bound ${HANG_MS / 1000} s)`);
console.log("| finding | count |");
console.log("|---|---:|");
for (const k of KINDS) console.log(`| ${k} | ${counts.get(k) ?? 0} |`);
for (const s of shown) console.log(s);
process.exit(counts.size > 0 ? 1 : 0);
