/**
 * Statuses that never lie (issue 9): a limited solve is never called
 * optimal unless the search is proved to have ended on its own, a point the
 * solver had not finished with at its limit is a "time-limit", not an
 * "error", and every plan that comes back is a plan of the model whose
 * objective is stated truthfully.
 *
 * The model is the one of the first report, built from the seeded
 * generator (8 workers, 12 employers; a field quota and two prefecture
 * quotas that cross; three families kept with one employer, soft): its
 * optimum takes javascript-lp-solver about a second to prove, so a limit of
 * 100 ms stops it inside its branch and bound, at a moment that varies from
 * run to run. Before the fix, runs like these came back "optimal" with a
 * worse objective (the adapter timed the solve with its own clock while the
 * solver stopped at its own deadline, up to a millisecond earlier) or
 * "error: variable ... came back non-integral".
 */
import * as E from "fp-ts/lib/Either.js";
import type { Highs } from "highs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { toLP } from "../../src/engine/lpFormat.js";
import { lpSolverEngine, mayHaveStoppedForTime } from "../../src/engine/lpSolver.js";
import { sideEngine } from "../../src/engine/side/engine.js";
import { generateInstance } from "../../src/generate/generate.js";
import { decodeInstance } from "../../src/input/decode.js";
import { buildModel } from "../../src/model/build.js";
import { checkFlows } from "../../src/model/check.js";
import { objectiveOf } from "../../src/model/objective.js";
import { arcColumns, type AssignmentModel, type ModelArc } from "../../src/model/types.js";

/** [from, to, score] per arc, every arc with bound 1 (each worker class holds one worker). */
const ARCS: readonly (readonly [number, number, number])[] = [
  [0, 2, 2], [0, 4, 2], [0, 5, 3], [0, 6, 2], [0, 8, 4], [0, 11, 4], [1, 2, 31], [1, 4, 21], [1, 5, 24], [1, 11, 23],
  [2, 2, 20], [2, 4, 20], [2, 5, 23], [2, 6, 0], [2, 11, 22], [3, 6, 20], [4, 6, 0], [5, 2, 0], [5, 4, 0], [5, 5, 1],
  [5, 11, 2], [6, 2, 20], [6, 4, 20], [6, 5, 23], [6, 11, 22], [7, 2, 0], [7, 4, 0], [7, 5, 1], [7, 11, 2],
];
const CAPACITY = [0, 0, 2, 0, 1, 1, 3, 0, 1, 0, 0, 1];
const ONE_EMPLOYER = CAPACITY.map((_, j) => [j]);

const crossingFamilies: AssignmentModel = {
  workerClasses: Array.from({ length: 8 }, (_, c) => ({ key: `w${c}`, supply: 1 })),
  employerClasses: CAPACITY.map((capacity, j) => ({ key: `e${j}`, capacity })),
  arcs: arcColumns(ARCS.map(([from, to, score]): ModelArc => ({ from, to, score, upper: 1 }))),
  placementWeight: 393,
  maxScore: 49,
  sideConstraints: [],
  policies: [
    { label: "field nursing-care: at least 1 placed", source: "policy.quotas[0]", scope: { kind: "employers", classes: [2, 4, 5, 10, 11] }, min: 1, max: null, penalty: null },
    { label: "prefecture 37: between 1 and 3 placed", source: "policy.quotas[1]", scope: { kind: "employers", classes: [0, 1, 2] }, min: 1, max: 3, penalty: null },
    { label: "prefecture 38: at most 2 placed", source: "policy.quotas[2]", scope: { kind: "employers", classes: [3, 4, 5] }, min: null, max: 2, penalty: null },
  ],
  groups: [
    { label: "group g0", source: "workers[].group", workerClasses: [4, 6], size: 2, regions: ONE_EMPLOYER, penalty: 197 },
    { label: "group g1", source: "workers[].group", workerClasses: [2, 5], size: 2, regions: ONE_EMPLOYER, penalty: 197 },
    { label: "group g2", source: "workers[].group", workerClasses: [1, 3], size: 2, regions: ONE_EMPLOYER, penalty: 197 },
  ],
};

let highs: Highs;
beforeAll(async () => {
  highs = await (await import("highs")).default();
});

const highsOptimum = (model: AssignmentModel): number => {
  const answer = highs.solve(toLP(model), { mip_rel_gap: 0 });
  expect(answer.Status).toBe("Optimal");
  return Math.round(answer.ObjectiveValue);
};

/** Checks one outcome's promises; returns its termination. */
const honest = (out: ReturnType<typeof lpSolverEngine.solve>, optimum: number): string => {
  expect(["optimal", "time-limit"], `${out.termination}: ${out.message}`).toContain(out.termination);
  if (out.termination === "optimal") expect(out.solution?.objective).toBe(optimum);
  if (out.solution !== null) {
    expect(checkFlows(crossingFamilies, out.solution.flows)).toBeNull();
    expect(out.solution.objective).toBe(objectiveOf(crossingFamilies, out.solution.flows));
    expect(out.solution.objective).toBeLessThanOrEqual(optimum);
  }
  return out.termination;
};

describe("javascript-lp-solver at a time limit", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("never calls a cut-short search optimal, never calls an unfinished point an error", () => {
    // A clock that advances 100 ms per reading makes the solver stop after
    // timeout / 100 branch-and-bound nodes, whatever the machine, long before
    // the limit has passed in real time: the race of the issue (the solver's
    // deadline reached, the adapter's clock not), every time.
    // (In the calling thread, as where there are no worker threads: a worker has its own clock.)
    const optimum = highsOptimum(crossingFamilies);
    let now = 1_000_000;
    vi.spyOn(Date, "now").mockImplementation(() => (now += 100));
    vi.spyOn(process, "getBuiltinModule").mockReturnValue(undefined as never);
    const seen = new Set<string>();
    for (let timeout = 5_000; timeout <= 15_000; timeout += 5_000) seen.add(honest(lpSolverEngine.solve(crossingFamilies, { deadline: performance.now() + timeout }), optimum));
    // The search needs far more nodes than that: it is cut short every time.
    expect([...seen]).toEqual(["time-limit"]);
  });

  it("on the real clock too, in a worker thread and in the calling thread", () => {
    const optimum = highsOptimum(crossingFamilies);
    for (let run = 0; run < 2; run++) honest(lpSolverEngine.solve(crossingFamilies, { deadline: performance.now() + 100 }), optimum);
    vi.spyOn(process, "getBuiltinModule").mockReturnValue(undefined as never);
    for (let run = 0; run < 2; run++) honest(lpSolverEngine.solve(crossingFamilies, { deadline: performance.now() + 100 }), optimum);
  });

  it("holds its limit through a linear solve that never looks at the clock (in a worker thread)", () => {
    // 500 x 60 classes, 30% of pairs: the first linear relaxation alone takes javascript-lp-solver several seconds.
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const arcs: ModelArc[] = [];
    for (let c = 0; c < 500; c++) for (let j = 0; j < 60; j++) if (random() < 0.3) arcs.push({ from: c, to: j, score: Math.floor(random() * 20), upper: 3 });
    const model: AssignmentModel = {
      workerClasses: Array.from({ length: 500 }, (_, c) => ({ key: `w${c}`, supply: 3 })),
      employerClasses: Array.from({ length: 60 }, (_, j) => ({ key: `e${j}`, capacity: 10 })),
      arcs: arcColumns(arcs),
      placementWeight: 20 * 600 + 1,
      maxScore: 20,
      sideConstraints: [],
    };
    const started = performance.now();
    const out = lpSolverEngine.solve(model, { deadline: started + 150 });
    const elapsed = performance.now() - started;
    expect(out.termination).toBe("time-limit");
    expect(out.solution).toBeNull();
    // The promise is max(10%, 200 ms) past the limit, starting the worker included (bench/RESULTS.md
    // measures it); on a machine shared with other tests, a second of slack still shows the solve was cut.
    expect(elapsed).toBeLessThan(150 + 1000);
  });

  it("decides 'stopped for time' on the solver's own integer-millisecond clock", () => {
    // The solver's deadline is Date.now() at its start + timeout, its start at or after ours.
    expect(mayHaveStoppedForTime(1000, 1199, 200)).toBe(false); // every reading inside was below the deadline
    expect(mayHaveStoppedForTime(1000, 1200, 200)).toBe(true); // 199.1 ms of real time can read as 200
    expect(mayHaveStoppedForTime(1000, 1500, 200)).toBe(true);
  });
});

/** 400 workers, 40 employers over Shikoku: a caregiving minimum crossing prefecture bands, fairness by centre and province, ten families kept with one employer. */
const crossingModel = (): AssignmentModel => {
  const base = generateInstance({ seed: 20261127, workers: 400, employers: 40, prefectures: ["36", "37", "38", "39"] });
  const workers = base.workers.map((w, i) => {
    if (i % 40 >= 3) return w;
    const first = base.workers[i - (i % 40)] as typeof w;
    return { ...w, group: `family-${Math.floor(i / 40)}`, trainingCentre: first.trainingCentre, homeProvince: first.homeProvince };
  });
  const decoded = decodeInstance({
    ...base,
    workers,
    policy: {
      quotas: [
        // The law's caps leave room for 98 caregivers, and with 100 of them Kagawa could take only 96 (the match's diagnosis, fair generator).
        { scope: "sector", key: "caregiving", min: 95 },
        { scope: "prefecture", key: "37", min: 90, max: 180 },
        { scope: "prefecture", key: "38", min: 30, max: 120 },
      ],
      fairness: [
        { by: "trainingCentre", minShare: 0.5 },
        { by: "homeProvince", minShare: 0.5 },
      ],
      groups: { together: "employer" },
    },
  });
  if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left.slice(0, 3)));
  return buildModel(decoded.right).model;
};

describe("the side engine at a deadline", () => {
  it("stops on time, and what it returns is a plan of the model under a bound no lower than the optimum", () => {
    const model = crossingModel();
    const optimum = highsOptimum(model);
    expect(sideEngine.solve(model, { deadline: performance.now() })).toMatchObject({ termination: "time-limit", solution: null });
    for (const limit of [20, 60, 150, 300, 5000]) {
      const started = performance.now();
      const out = sideEngine.solve(model, { deadline: started + limit });
      expect(performance.now() - started).toBeLessThan(limit + 1000); // the promise is 200 ms; the margin is for a shared machine
      expect(["optimal", "time-limit"], out.message ?? "").toContain(out.termination);
      if (out.termination === "optimal") expect(out.solution?.objective).toBe(optimum);
      if (out.solution !== null) {
        expect(checkFlows(model, out.solution.flows)).toBeNull();
        expect(out.solution.objective).toBe(objectiveOf(model, out.solution.flows));
        expect(out.solution.objective).toBeLessThanOrEqual(optimum);
      }
      if (out.bound !== null) expect(out.bound).toBeGreaterThanOrEqual(optimum);
    }
  });
});
