/**
 * The side engine on the models issue 9 reported as never finishing, from
 * the seeded generator at the sizes: fairness by training centre and
 * by home province where centres cross provinces (59 x 10: not finished
 * after 300 s on javascript-lp-solver; HiGHS 0.3 s), the diagnosis of an
 * infeasible one (33 x 10: 275 s), and families kept with one employer
 * (300 x 30 with 60 families: the flow engine's search not proved in 10 s).
 * Each is checked against HiGHS reading the model's LP export; "auto" must
 * choose the side engine and prove the answer.
 */
import * as E from "fp-ts/lib/Either.js";
import type { Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { diagnose } from "../../src/analysis/diagnose.js";
import { toLP } from "../../src/engine/lpFormat.js";
import { solveModel } from "../../src/engine/select.js";
import { generateInstance } from "../../src/generate/generate.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import { buildModel } from "../../src/model/build.js";
import { checkFlows } from "../../src/model/check.js";
import { policyViolation } from "../../src/model/objective.js";
import type { AssignmentModel } from "../../src/model/types.js";

let highs: Highs;
beforeAll(async () => {
  highs = await (await import("highs")).default();
});

const highsSolve = (model: AssignmentModel): { status: string; objective: number; flows: number[] } => {
  const answer = highs.solve(toLP(model), { mip_rel_gap: 0 });
  const columns = answer.Columns as Record<string, { Primal?: number }>;
  return { status: answer.Status, objective: Math.round(answer.ObjectiveValue), flows: Array.from({ length: model.arcs.length }, (_, a) => Math.round(columns[`x${a}`]?.Primal ?? 0)) };
};

const modelOf = (input: unknown): AssignmentModel => {
  const decoded = decodeInstance(input);
  if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left.slice(0, 3)));
  return buildModel(decoded.right).model;
};

/** Workers whose training centres cross their home provinces: centre i % 3, province (i / 3) % 4. */
const crossingOrigins = (workers: number, employers: number): InstanceInput => {
  const base = generateInstance({ seed: 9, workers, employers });
  return { ...base, workers: base.workers.map((w, i) => ({ ...w, trainingCentre: `centre-${i % 3}`, homeProvince: `province-${Math.floor(i / 3) % 4}` })) };
};

/** "auto" chooses the side engine and proves the optimum HiGHS finds. */
const expectProvedBySide = (model: AssignmentModel): void => {
  const expected = highsSolve(model);
  expect(expected.status).toBe("Optimal");
  const out = solveModel(model, "auto", {});
  expect(out.engine).toBe("side");
  expect(out.termination, out.message ?? "").toBe("optimal");
  expect(checkFlows(model, out.solution!.flows)).toBeNull();
  expect(out.solution!.objective).toBe(expected.objective);
};

const fairness = (minShare: number) => [
  { by: "trainingCentre" as const, minShare },
  { by: "homeProvince" as const, minShare },
];

describe("the side engine on the models that never finished", () => {
  it("fairness by training centre and by home province that cross, 59 x 10", () => {
    // Under the law's caps 27 of the 59 can be placed at all, so each centre and province is asked for 40% (half is infeasible).
    expectProvedBySide(modelOf({ ...crossingOrigins(59, 10), policy: { fairness: fairness(0.4) } }));
  });

  it("the diagnosis of an infeasible one, 33 x 10: the smallest relaxation HiGHS finds", () => {
    const model = modelOf({ ...crossingOrigins(33, 10), policy: { fairness: fairness(1), quotas: [{ scope: "sector", key: "caregiving", min: 30 }] } });
    expect(highsSolve(model).status).toBe("Infeasible");
    expect(solveModel(model, "auto", {}).termination).toBe("infeasible");
    const d = diagnose(model, "auto");
    expect(d.kind).toBe("relaxation");
    // HiGHS on the same relaxation: every hard policy soft at a penalty no placement can pay; the legal limits stay hard.
    const supply = model.workerClasses.reduce((s, c) => s + c.supply, 0);
    const relaxed = { ...model, policies: (model.policies ?? []).map((p) => (p.penalty === null && p.law !== true ? { ...p, penalty: model.placementWeight * (supply + 1) } : p)) };
    const answer = highsSolve(relaxed);
    const units = (model.policies ?? []).reduce((s, p) => s + policyViolation(model, p, answer.flows), 0);
    if (d.kind === "relaxation") expect(d.totalUnits).toBe(units);
  });

  it("families kept with one employer, 300 x 30 with 60 families", () => {
    const base = generateInstance({ seed: 9, workers: 300, employers: 30 });
    const workers = base.workers.map((w, i) => {
      if (i % 5 >= 2) return w; // 60 families of two; a family comes from one place
      const first = base.workers[i - (i % 5)] as (typeof base.workers)[number];
      return { ...w, group: `family-${Math.floor(i / 5)}`, trainingCentre: first.trainingCentre, homeProvince: first.homeProvince };
    });
    expectProvedBySide(modelOf({ ...base, workers, policy: { groups: { together: "employer" } } }));
  });
});
