/**
 * The javascript-lp-solver adapter: names never reach the solver, statuses map
 * honestly, and answers are checked before they are believed.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { estimateTableauBytes, lpSolverEngine, MAX_TABLEAU_BYTES, toJsLpModel } from "../../src/engine/lpSolver.js";
import { match } from "../../src/index.js";
import { arcColumns, type AssignmentModel } from "../../src/model/types.js";
import { lawful } from "../support/lawful.js";

const model = (over: Partial<AssignmentModel> = {}): AssignmentModel => ({
  workerClasses: [{ key: "a", supply: 2 }, { key: "b", supply: 1 }],
  employerClasses: [{ key: "E", capacity: 2 }, { key: "F", capacity: 1 }],
  arcs: arcColumns([
    { from: 0, to: 0, score: 3, upper: 2 },
    { from: 0, to: 1, score: 1, upper: 1 },
    { from: 1, to: 0, score: 5, upper: 1 },
  ]),
  placementWeight: 16,
  maxScore: 5,
  sideConstraints: [],
  ...over,
});

describe("javascript-lp-solver adapter", () => {
  it("solves a small transportation model to the known optimum", () => {
    const out = lpSolverEngine.solve(model(), {});
    expect(out.termination).toBe("optimal");
    // a->E 1 (19), a->F 1 (17), b->E 1 (21): three placements, the best score among them
    expect(out.solution).toEqual({ flows: [1, 1, 1], objective: 57 });
  });

  it("uses generated names only", () => {
    const js = toJsLpModel(model());
    const names = [...Object.keys(js.constraints), ...Object.keys(js.variables)];
    for (const name of names) expect(name).toMatch(/^[xwesb]\d+$/);
  });

  it("reports an infeasible model as infeasible, with no solution", () => {
    const out = lpSolverEngine.solve(
      model({ sideConstraints: [{ label: "at least 4 placed", terms: [0, 1, 2].map((arc) => ({ arc, coefficient: 1 })), relation: ">=", rhs: 4 }] }),
      {},
    );
    expect(out.termination).toBe("infeasible");
    expect(out.solution).toBeNull();
  });

  it("respects side constraints and per-arc bounds", () => {
    const out = lpSolverEngine.solve(
      model({
        arcs: arcColumns([
          { from: 0, to: 0, score: 3, upper: 1 },
          { from: 0, to: 1, score: 1, upper: 1 },
          { from: 1, to: 0, score: 5, upper: 1 },
        ]),
        sideConstraints: [{ label: "at most 1 at F", terms: [{ arc: 1, coefficient: 1 }], relation: "<=", rhs: 0 }],
      }),
      {},
    );
    expect(out.termination).toBe("optimal");
    expect(out.solution?.flows).toEqual([1, 0, 1]);
  });

  it("refuses a model whose dense tableau would not fit, instead of exhausting memory", () => {
    const n = 20_000;
    const big: AssignmentModel = {
      workerClasses: Array.from({ length: n }, (_, i) => ({ key: `w${i}`, supply: 1 })),
      employerClasses: Array.from({ length: 200 }, (_, j) => ({ key: `e${j}`, capacity: 5 })),
      arcs: arcColumns(Array.from({ length: n }, (_, i) => ({ from: i, to: i % 200, score: 1, upper: 1 }))),
      placementWeight: 1001,
      maxScore: 1,
      sideConstraints: [],
    };
    expect(estimateTableauBytes(toJsLpModel(big))).toBeGreaterThan(MAX_TABLEAU_BYTES);
    expect(lpSolverEngine.accepts(big).ok).toBe(false);
    const out = lpSolverEngine.solve(big, {});
    expect(out.termination).toBe("error");
    expect(out.message).toMatch(/too large/);
  });
});

describe("ids that javascript-lp-solver would mishandle as names", () => {
  it("places workers and employers called __proto__, constructor, toString like any other", () => {
    const ids = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "result", "feasible", "bounded", "isIntegral"];
    const input = JSON.parse(
      JSON.stringify(lawful({
        workers: ids.map((id) => ({
          id,
          language: ["N4"],
          certifications: [{ field: "construction", via: "skills-test" }],
          trainingCentre: "Semarang",
          homeProvince: "Central Java",
        })),
        employers: ids.map((id) => ({ id, prefecture: "37", field: "construction", slots: 1, hourlyWage: 1100 })),
      })),
    ) as unknown;
    for (const engine of ["auto", "lp-solver"] as const) {
      const r = match(input, { engine });
      expect(E.isRight(r)).toBe(true);
      if (E.isRight(r)) {
        expect(r.right.status).toBe("optimal");
        expect(r.right.placements.map((p) => p.workerId).sort()).toEqual([...ids].sort());
        expect(new Set(r.right.placements.map((p) => p.employerId)).size).toBe(ids.length);
      }
    }
  });
});
