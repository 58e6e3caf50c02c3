/**
 * The benchmark: seeded instances from the pilot's 2,000 workers to 100,000,
 * each engine on each, every answer checked before it is timed, all engines'
 * objectives compared, and a table printed.
 *
 *     npm run bench                                  # all sizes, table
 *     npm run bench -- --sizes 2000x150 --json       # one JSON object per engine and size
 *     npm run bench -- --engines auto,highs --runs 3
 *     npm run bench -- --sizes 2000x150 --policy --json   # with sector quotas, legal caps, diversity, fairness
 *     npm run bench -- --mechanism stable                 # deferred acceptance and the stability audit
 *     npm run bench -- --mechanism stable --proposing workers,employers --sizes 2000x150
 *     npm run bench -- --sizes 2000x150 --policy crossing # quotas that cross, two fairness families, families with one employer
 *     npm run bench -- --scenario nationwide --workers 333000 --engines auto --runs 1  # a bundled scenario, scaled
 *
 * Each case runs in a child process (bench/case.ts, bundled as the library
 * ships: ./bundle.ts) so that peak memory is its own. Times are medians over --runs runs. A run is what match() does:
 * decode, build, solve, the result and its stability summary (its own
 * column, counted in the total); JSON.parse of the file is timed apart and
 * not counted, and each run starts from a collected heap. An engine that passes
 * --skip-after-s seconds at one size is skipped at larger sizes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, cpus, totalmem, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { benchInstance, type BenchPolicy } from "./policies.js";
import { bundledCase } from "./bundle.js";
import { scaledScenario } from "./scenario.js";

const DEFAULT_SIZES = "2000x150,10000x1000,50000x5000,100000x10000";

// `--policy crossing` names a policy; `--policy` alone is the nested one.
const argv = process.argv.slice(2).flatMap((a, i, all) => (a === "--policy" && all[i + 1] === "crossing" ? ["--crossing"] : a === "crossing" && all[i - 1] === "--policy" ? [] : a === "--policy=crossing" ? ["--crossing"] : [a]));
const { values } = parseArgs({
  args: argv,
  options: {
    sizes: { type: "string", default: DEFAULT_SIZES },
    engines: { type: "string", default: "auto,lp-solver,highs" },
    runs: { type: "string", default: "5" },
    seed: { type: "string", default: "20261127" },
    json: { type: "boolean", default: false },
    policy: { type: "boolean", default: false },
    crossing: { type: "boolean", default: false },
    "skip-after-s": { type: "string", default: "60" },
    mechanism: { type: "string", default: "optimal" },
    proposing: { type: "string", default: "workers" },
    scenario: { type: "string" },
    workers: { type: "string", default: "0" },
  },
});

if (values.mechanism !== "optimal" && values.mechanism !== "stable") {
  console.error(`--mechanism: expected optimal or stable, got "${values.mechanism}"`);
  process.exit(2);
}
const stable = values.mechanism === "stable";

// With --scenario, one size: the scenario's cohort scaled to --workers (its employers as drawn).
const sizes = (values.scenario !== undefined ? `${values.workers}x0` : (values.sizes ?? DEFAULT_SIZES)).split(",").map((s) => {
  const [w, e] = s.trim().split("x").map(Number);
  if (!Number.isInteger(w) || !Number.isInteger(e)) {
    console.error(`--sizes: expected WORKERSxEMPLOYERS, got "${s}"`);
    process.exit(2);
  }
  return { workers: w as number, employers: e as number };
});
// With --mechanism stable, the "engines" are the proposing sides of deferred acceptance.
const engines = (stable ? (values.proposing ?? "workers") : (values.engines ?? "")).split(",").map((s) => s.trim());
const skipAfterMs = 1000 * Number(values["skip-after-s"]);

interface CaseResult {
  engine: string;
  workers: number;
  employers: number;
  /** JSON.parse of the instance file, timed apart from the pipeline (absent for the stable mechanism). */
  parseMs?: number;
  decodeMs: number;
  buildMs: number;
  solveMs: number;
  solveCpuMs?: number;
  resultMs: number;
  /** The stability summary match() adds to every result (absent for the stable mechanism, whose audit is auditMs). */
  stabilityMs?: number;
  totalMs: number;
  /** Pages of fresh memory (4 KB) touched from decoding to the result (bench/load.ts `pagesSince`; absent for the stable mechanism). */
  newPages?: number;
  peakMB: number;
  objective: number | null;
  status: string;
  problem: string | null;
  runs: number;
  workerClasses?: number;
  employerClasses?: number;
  arcs?: number;
  placed?: number;
  solvedBy?: string;
  /** --mechanism stable: the audit of the optimal plan (ms), and blocking pairs of the stable and the optimal plan. */
  auditMs?: number;
  blockingPairs?: number;
  optimalBlockingPairs?: number;
  cells?: number;
  proposals?: number;
}

const policy: BenchPolicy = values.crossing ? "crossing" : values.policy ? "nested" : "none";

// The case as the library ships, bundled (./bundle.ts), not module by module through tsx.
const caseFile = await bundledCase();
const dir = mkdtempSync(join(tmpdir(), "jobmatch-bench-"));
const results: CaseResult[] = [];
const skipped = new Map<string, string>();
let failed = false;

for (const planned of sizes) {
  const input = values.scenario !== undefined ? scaledScenario(values.scenario, planned.workers) : benchInstance(values.seed ?? "20261127", planned.workers, planned.employers, policy);
  const size = { workers: input.workers.length, employers: input.employers.length };
  const file = join(dir, `${size.workers}x${size.employers}.json`);
  writeFileSync(file, JSON.stringify(input));
  const row: CaseResult[] = [];
  for (const engine of engines) {
    const reason = skipped.get(engine);
    if (reason !== undefined) {
      if (!values.json) console.error(`skip ${engine} at ${size.workers}x${size.employers}: ${reason}`);
      continue;
    }
    if (!values.json) console.error(`run ${engine} at ${size.workers}x${size.employers} ...`);
    const child = spawnSync(
      process.execPath,
      [
        "--max-old-space-size=8192",
        // bench/load.ts collects the heap before each run (untimed), so runs do not pay for each other's garbage.
        "--expose-gc",
        caseFile,
        "--file",
        file,
        ...(stable ? ["--mechanism", "stable", "--proposing", engine] : ["--engine", engine]),
        "--runs",
        values.runs ?? "5",
        "--time-limit-s",
        String(skipAfterMs / 1000),
      ],
      { encoding: "utf8", timeout: 4 * skipAfterMs + 60_000, maxBuffer: 1 << 26 },
    );
    const line = child.stdout.trim().split("\n").pop() ?? "";
    let r: CaseResult;
    try {
      r = { ...(JSON.parse(line) as CaseResult), workers: size.workers, employers: size.employers };
    } catch {
      const why = child.error !== undefined ? String(child.error.message) : (child.stderr.trim().split("\n").slice(-3).join(" ") || `exit ${child.status}`);
      r = { engine, workers: size.workers, employers: size.employers, decodeMs: NaN, buildMs: NaN, solveMs: NaN, resultMs: NaN, totalMs: NaN, peakMB: NaN, objective: null, status: "failed", problem: why, runs: 0 };
    }
    row.push(r);
    if ((r.status !== "optimal" && r.status !== "stable") || r.solveMs > skipAfterMs) {
      skipped.set(engine, r.status === "optimal" ? `its solve took ${(r.solveMs / 1000).toFixed(0)} s at ${size.workers}x${size.employers}` : `${r.status} at ${size.workers}x${size.employers}`);
    }
  }
  // All engines that proved optimality must agree on the objective.
  const proved = row.filter((r) => r.status === "optimal" && r.problem === null);
  const objectives = new Set(proved.map((r) => r.objective));
  if (objectives.size > 1) {
    failed = true;
    console.error(`objectives differ at ${size.workers}x${size.employers}: ${proved.map((r) => `${r.engine} ${r.objective}`).join(", ")}`);
  }
  for (const r of row) {
    if (r.problem !== null && (r.status === "optimal" || r.status === "stable")) failed = true;
    if (values.json) console.log(JSON.stringify(r));
  }
  results.push(...row);
}
rmSync(dir, { recursive: true, force: true });

if (!values.json && stable) {
  const ms = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? "-" : x < 10 ? x.toFixed(2) : x.toFixed(0));
  console.log(`Machine: ${cpus()[0]?.model ?? "unknown"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; medians of up to ${values.runs} runs\n`);
  console.log("| workers x employers | mechanism | worker classes x cells | decode ms | build ms | DA ms | result ms | audit of optimal plan ms | peak MB | placed | blocking pairs: stable / optimal | status |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const status = r.problem === null ? r.status : `${r.status}: ${r.problem}`;
    console.log(
      `| ${r.workers.toLocaleString("en")} x ${r.employers.toLocaleString("en")} | ${r.solvedBy ?? r.engine} | ${r.workerClasses ?? "-"} x ${r.cells ?? "-"} | ${ms(r.decodeMs)} | ${ms(r.buildMs)} | ${ms(r.solveMs)} | ${ms(r.resultMs)} | ${ms(r.auditMs)} | ${r.peakMB} | ${r.placed?.toLocaleString("en") ?? "-"} | ${r.blockingPairs?.toLocaleString("en") ?? "-"} / ${r.optimalBlockingPairs?.toLocaleString("en") ?? "-"} | ${status}${r.runs === 1 ? " (1 run)" : ""} |`,
    );
  }
} else if (!values.json) {
  const ms = (x: number): string => (Number.isNaN(x) ? "-" : x < 10 ? x.toFixed(2) : x.toFixed(0));
  console.log(`Machine: ${cpus()[0]?.model ?? "unknown"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; medians of up to ${values.runs} runs; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(", ")}\n`);
  console.log("| workers x employers | engine | classes (w x e, arcs) | parse ms | decode ms | build ms | solve ms | solve CPU ms | result ms | stability ms | total ms (decode to result) | new pages | peak MB | objective | status |");
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const classes = r.arcs === undefined ? "-" : `${r.workerClasses} x ${r.employerClasses}, ${r.arcs}`;
    const engine = r.solvedBy !== undefined && r.engine === "auto" ? `auto (${r.solvedBy})` : r.engine;
    const status = r.problem === null ? r.status : `${r.status}: ${r.problem}`;
    console.log(
      `| ${r.workers.toLocaleString("en")} x ${r.employers.toLocaleString("en")} | ${engine} | ${classes} | ${ms(r.parseMs ?? NaN)} | ${ms(r.decodeMs)} | ${ms(r.buildMs)} | ${ms(r.solveMs)} | ${ms(r.solveCpuMs ?? NaN)} | ${ms(r.resultMs)} | ${ms(r.stabilityMs ?? NaN)} | ${ms(r.totalMs)} | ${r.newPages === undefined ? "-" : r.newPages.toLocaleString("en")} | ${r.peakMB} | ${r.objective ?? "-"} | ${status}${r.runs === 1 ? " (1 run)" : ""} |`,
    );
  }
}
process.exit(failed ? 1 : 0);
