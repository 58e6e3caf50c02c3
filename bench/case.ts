/**
 * One benchmark case, run in its own process so its peak memory is its own:
 * reads an instance file, checks one engine's answer, then times the whole
 * pipeline (parse; then decode, build, solve, result) over several runs and
 * prints one JSON line with the medians.
 *
 *     node --import tsx bench/case.ts --file F --engine auto --runs 5
 *     node --import tsx bench/case.ts --file F --mechanism stable --proposing workers --runs 5
 *
 * bench/run.ts runs it bundled (./bundle.ts), as the package ships; through
 * tsx, module by module, the nationwide solve is slower.
 */
import { parseArgs } from "node:util";
import { solveModel } from "../src/engine/select.js";
import type { EngineChoice, EngineOutcome } from "../src/engine/types.js";
import { checkFlows } from "../src/model/check.js";
import { objectiveOf } from "../src/model/objective.js";
import { assemble } from "../src/result/assemble.js";
import { withStability } from "../src/stable/summary.js";
import { highsEngine, loadHighs, type BenchEngine } from "./highsEngine.js";
import { decodeAndBuild, pagesSince } from "./load.js";
import { stableRun } from "./stableCase.js";

const { values } = parseArgs({
  options: {
    file: { type: "string" },
    engine: { type: "string", default: "auto" },
    runs: { type: "string", default: "5" },
    "time-limit-s": { type: "string", default: "60" },
    mechanism: { type: "string", default: "optimal" },
    proposing: { type: "string", default: "workers" },
  },
});
const file = values.file ?? "";
const engineName = values.engine ?? "auto";
const runs = Math.max(1, Number(values.runs));
const timeLimitMs = 1000 * Number(values["time-limit-s"]);

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

if (values.mechanism === "stable") {
  // Deferred acceptance: verify first (untimed), then time `runs` more.
  const proposing = values.proposing === "employers" ? "employers" : "workers";
  const first = stableRun(file, proposing, true);
  const timed = first.problem === null && first.totalMs < 10_000 ? Array.from({ length: Math.max(1, Number(values.runs)) }, () => stableRun(file, proposing, false)) : [first];
  const pick = (f: (r: typeof first) => number): number => median(timed.map(f));
  console.log(
    JSON.stringify({
      engine: proposing === "workers" ? "deferred-acceptance" : "deferred-acceptance (employers proposing)",
      decodeMs: pick((r) => r.decodeMs),
      buildMs: pick((r) => r.buildMs),
      solveMs: pick((r) => r.solveMs),
      resultMs: pick((r) => r.resultMs),
      auditMs: pick((r) => r.auditMs),
      totalMs: pick((r) => r.totalMs),
      peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
      objective: first.objective,
      status: "stable",
      problem: first.problem,
      runs: timed.length,
      blockingPairs: first.blockingPairs,
      optimalBlockingPairs: first.optimalBlockingPairs,
      ...first.summary,
    }),
  );
  process.exit(0);
}

const engine: BenchEngine =
  engineName === "highs"
    ? highsEngine(await loadHighs())
    : { name: engineName, solve: (model, options) => solveModel(model, (["flow", "side", "lp-solver"].includes(engineName) ? engineName : "auto") as EngineChoice, options) };


interface Run {
  /** JSON.parse of the file's text, apart from the rest. */
  parseMs: number;
  decodeMs: number;
  buildMs: number;
  solveMs: number;
  /** CPU time of the solve (user + system): what the solve costs on a machine shared with other work. */
  solveCpuMs: number;
  /** The result's assembly, and apart from it the stability summary every result of match() carries. */
  resultMs: number;
  stabilityMs: number;
  totalMs: number;
  /** Pages of fresh memory touched from decoding to the result with its stability summary (./load.ts `pagesSince`). */
  newPages: number;
  problem: string | null;
  /** What the runs report of the engine's answer; not the answer itself, so a run's flows are garbage once it ends. */
  objective: number | null;
  status: string;
  summary: { workerClasses: number; employerClasses: number; arcs: number; placed: number; solvedBy: string };
}

const once = (): Run => {
  const { started, parsed, pagesAtParsed, instance, built, t1, t2 } = decodeAndBuild(file);
  const cpu = process.cpuUsage();
  const outcome = engine.solve(built.model, { deadline: performance.now() + timeLimitMs });
  const t3 = performance.now();
  const cpuUsed = process.cpuUsage(cpu);
  // HiGHS is no library engine; the result's engine label is irrelevant here.
  const full: EngineOutcome = { engine: "engine" in outcome ? (outcome as EngineOutcome).engine : "lp-solver", ...outcome };
  // As match() makes it: the result, then its stability summary (src/stable/summary.ts).
  const assembled = assemble(instance, built, full, { decodeMs: t1 - parsed, buildMs: t2 - t1, solveMs: t3 - t2 }, parsed);
  const t4 = performance.now();
  const result = withStability(instance, built, assembled);
  const t5 = performance.now();
  const newPages = pagesSince(pagesAtParsed);

  // The checks: the engine proved optimality, its flows satisfy the model and
  // give the objective it claims, and the result places every worker once.
  let problem: string | null = null;
  if (outcome.termination !== "optimal") problem = `status ${outcome.termination}: ${outcome.message ?? ""}`;
  else if (outcome.solution === null) problem = "no solution";
  else {
    problem = checkFlows(built.model, outcome.solution.flows);
    if (problem === null && objectiveOf(built.model, outcome.solution.flows) !== outcome.solution.objective) problem = "objective does not match the flows";
    if (problem === null && result.placements.length + result.unplaced.length !== instance.workers.length) problem = "workers lost in the result";
  }
  return {
    parseMs: parsed - started,
    decodeMs: t1 - parsed,
    buildMs: t2 - t1,
    solveMs: t3 - t2,
    solveCpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
    resultMs: t4 - t3,
    stabilityMs: t5 - t4,
    totalMs: t5 - parsed,
    newPages,
    problem,
    objective: outcome.solution?.objective ?? null,
    status: outcome.termination,
    summary: { ...result.model, placed: result.summary.placed, solvedBy: engineName === "auto" ? full.engine : engineName },
  };
};


// Verify first, untimed (it also warms the JIT up); then time `runs` more.
// A slow engine (over 10 s) is timed on the verified run alone.
const first = once();
const timed: Run[] = first.problem === null && first.totalMs < 10_000 ? Array.from({ length: runs }, once) : [first];

console.log(
  JSON.stringify({
    engine: engineName,
    parseMs: median(timed.map((r) => r.parseMs)),
    decodeMs: median(timed.map((r) => r.decodeMs)),
    buildMs: median(timed.map((r) => r.buildMs)),
    solveMs: median(timed.map((r) => r.solveMs)),
    solveCpuMs: median(timed.map((r) => r.solveCpuMs)),
    resultMs: median(timed.map((r) => r.resultMs)),
    stabilityMs: median(timed.map((r) => r.stabilityMs)),
    totalMs: median(timed.map((r) => r.totalMs)),
    newPages: median(timed.map((r) => r.newPages)),
    peakMB: Math.round(process.resourceUsage().maxRSS / 1024),
    objective: first.objective,
    status: first.status,
    problem: first.problem,
    runs: timed.length,
    ...first.summary,
  }),
);
