/**
 * The diagnosis of an infeasible plan with side constraints, timed end to
 * end: the crossing policy of bench/policies.ts made infeasible (a caregiving
 * minimum of 60% of the workers, every training centre 90% placed), solved
 * by `match`, which proves the plan infeasible and diagnoses it.
 *
 *     npm run bench:diagnose -- --sizes 2000x150 --runs 5
 *
 * Each answer is checked before it is timed: the status is "infeasible", the
 * diagnosis is a relaxation, and the model with those relaxations applied
 * (each relaxed bound moved to the value it names) is feasible. Times are
 * medians of the timed runs, after an untimed first run.
 */
import { parseArgs } from "node:util";
import * as E from "fp-ts/lib/Either.js";
import { solveModel } from "../src/engine/select.js";
import { decodeInstance } from "../src/input/decode.js";
import { match } from "../src/match.js";
import { buildModel } from "../src/model/build.js";
import type { AssignmentModel } from "../src/model/types.js";
import { benchInstance } from "./policies.js";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "2000x150" }, runs: { type: "string", default: "5" }, seed: { type: "string", default: "20261127" } } });

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

console.log("| workers x employers | relaxations | units | decode ms | build ms | solve and diagnose ms | total ms | check |");
console.log("|---|---|---|---|---|---|---|---|");
for (const size of (values.sizes ?? "").split(",")) {
  const [workers, employers] = size.split("x").map(Number) as [number, number];
  const input = benchInstance(values.seed ?? "20261127", workers, employers, "crossing") as { policy: { quotas: { min?: number }[]; fairness: { minShare: number }[] } };
  (input.policy.quotas[0] as { min: number }).min = Math.floor(0.6 * workers);
  (input.policy.fairness[0] as { minShare: number }).minShare = 0.9;
  const text = JSON.stringify(input);
  const once = () => {
    const r = match(JSON.parse(text) as unknown);
    if (E.isLeft(r)) throw new Error(`the instance does not decode: ${JSON.stringify(r.left.slice(0, 3))}`);
    return r.right;
  };
  // Check: infeasible, a relaxation, and the relaxed model feasible.
  const first = once();
  let check = "ok";
  if (first.status !== "infeasible" || first.diagnosis?.kind !== "relaxation") check = `status ${first.status}, diagnosis ${first.diagnosis?.kind ?? "none"}`;
  else {
    const decoded = decodeInstance(JSON.parse(text) as unknown);
    if (E.isLeft(decoded)) throw new Error("does not decode");
    const { model } = buildModel(decoded.right);
    const byKey = new Map(first.diagnosis.relaxations.map((r) => [`${r.source} ${r.label}`, r]));
    const relaxed: AssignmentModel = {
      ...model,
      policies: (model.policies ?? []).map((p) => {
        const r = byKey.get(`${p.source} ${p.label}`);
        return r === undefined ? p : r.bound === "min" ? { ...p, min: r.to } : { ...p, max: r.to };
      }),
    };
    const outcome = solveModel(relaxed, "auto", {});
    if (outcome.termination !== "optimal") check = `the relaxed model is ${outcome.termination}`;
  }
  const timed = Array.from({ length: Number(values.runs) }, () => {
    const started = performance.now();
    const result = once();
    return { ...result.timings, wall: performance.now() - started };
  });
  const d = first.diagnosis;
  console.log(
    `| ${workers.toLocaleString("en")} x ${employers.toLocaleString("en")} | ${d?.kind === "relaxation" ? d.relaxations.length : "-"} | ${d?.kind === "relaxation" ? d.totalUnits : "-"} | ${median(timed.map((t) => t.decodeMs)).toFixed(0)} | ${median(timed.map((t) => t.buildMs)).toFixed(0)} | ${median(timed.map((t) => t.solveMs)).toFixed(0)} | ${median(timed.map((t) => t.wall)).toFixed(0)} | ${check} |`,
  );
}
