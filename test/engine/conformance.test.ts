/**
 * One conformance suite for every engine (as MathOptInterface does): on
 * random pure network models each engine proves optimality, returns flows
 * that pass `checkFlows`, states their objective truthfully, and agrees with
 * every other engine, with HiGHS reading `toLP(model)`, and (on tiny models)
 * with exhaustive enumeration. Metamorphic checks follow YALPS. Models with
 * side constraints go to the engines that accept them, against HiGHS.
 *
 * To add an engine, append it to `ENGINES`.
 */
import fc from "fast-check";
import type { Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { flowEngine } from "../../src/engine/flow.js";
import { toLP } from "../../src/engine/lpFormat.js";
import { lpSolverEngine } from "../../src/engine/lpSolver.js";
import { sideEngine, sideProblemOf } from "../../src/engine/side/engine.js";
import type { Engine } from "../../src/engine/types.js";
import { checkFlows } from "../../src/model/check.js";
import { objectiveOf, placementWeightFor, policyViolation } from "../../src/model/objective.js";
import { diagnose } from "../../src/analysis/diagnose.js";
import { hasCrossing, policyModels, type PolicyModelShape } from "../support/policyModels.js";
import { arcColumns, arcList, type AssignmentModel, type ModelArc, type PolicyConstraint, type SideConstraint } from "../../src/model/types.js";
import { solveModel } from "../../src/engine/select.js";

const ENGINES: readonly Engine[] = [lpSolverEngine, flowEngine, sideEngine];

const seed = Number(process.env.FC_SEED ?? 20261127);
const params = (numRuns: number) => ({ seed, numRuns, verbose: true });

let highs: Highs;
beforeAll(async () => {
  highs = await (await import("highs")).default();
});

/** HiGHS's verdict on the LP text of the model: the optimum, or null when infeasible. */
const highsOptimum = (model: AssignmentModel): number | null => {
  const answer = highs.solve(toLP(model), { mip_rel_gap: 0 });
  if (answer.Status === "Infeasible") return null;
  expect(answer.Status).toBe("Optimal");
  return Math.round(answer.ObjectiveValue);
};

/** The best objective over every integer flow (side constraints included), by enumeration. */
const bruteForce = (model: AssignmentModel): number | null => {
  const leftS = model.workerClasses.map((c) => c.supply);
  const leftC = model.employerClasses.map((g) => g.capacity);
  const arcs = arcList(model.arcs);
  const flows = arcs.map(() => 0);
  let best: number | null = null;
  const visit = (a: number): void => {
    if (a === arcs.length) {
      if (checkFlows(model, flows) === null) best = Math.max(best ?? -Infinity, objectiveOf(model, flows));
      return;
    }
    const arc = arcs[a]!;
    for (let x = 0; x <= Math.min(arc.upper, leftS[arc.from]!, leftC[arc.to]!); x++) {
      flows[a] = x;
      leftS[arc.from]! -= x;
      leftC[arc.to]! -= x;
      visit(a + 1);
      leftS[arc.from]! += x;
      leftC[arc.to]! += x;
    }
    flows[a] = 0;
  };
  visit(0);
  return best;
};

/** Random pure network models: up to maxW x maxE classes, supplies and capacities up to maxSupply. */
const models = (maxW: number, maxE: number, maxSupply: number): fc.Arbitrary<AssignmentModel> =>
  fc
    .record({
      nW: fc.noBias(fc.integer({ min: 0, max: maxW })),
      nE: fc.noBias(fc.integer({ min: 0, max: maxE })),
      maxScore: fc.integer({ min: 0, max: 10 }),
    })
    .chain(({ nW, nE, maxScore }) =>
      fc.record({
        maxScore: fc.constant(maxScore),
        supplies: fc.array(fc.noBias(fc.integer({ min: 0, max: maxSupply })), { minLength: nW, maxLength: nW }),
        capacities: fc.array(fc.noBias(fc.integer({ min: 0, max: maxSupply })), { minLength: nE, maxLength: nE }),
        pairs: fc.array(
          fc.option(fc.record({ score: fc.integer({ min: 0, max: maxScore }), cut: fc.integer({ min: 0, max: maxSupply + 2 }) }), {
            nil: null,
            freq: 3,
          }),
          { minLength: nW * nE, maxLength: nW * nE },
        ),
      }),
    )
    .map(({ maxScore, supplies, capacities, pairs }) => {
      const arcs: ModelArc[] = [];
      pairs.forEach((pair, k) => {
        if (pair === null) return;
        const from = Math.floor(k / capacities.length);
        const to = k % capacities.length;
        const implied = Math.min(supplies[from]!, capacities[to]!);
        arcs.push({ from, to, score: pair.score, upper: Math.min(implied, pair.cut) });
      });
      const placements = Math.min(
        supplies.reduce((s, x) => s + x, 0),
        capacities.reduce((s, x) => s + x, 0),
      );
      return {
        workerClasses: supplies.map((supply, c) => ({ key: `w${c}`, supply })),
        employerClasses: capacities.map((capacity, g) => ({ key: `e${g}`, capacity })),
        arcs: arcColumns(arcs),
        placementWeight: placementWeightFor(maxScore, placements),
        maxScore,
        sideConstraints: [],
      };
    });

/** Runs an engine, checks its answer on its own terms, and returns the objective it proved. */
const provedOptimum = (engine: Engine, model: AssignmentModel): number => {
  expect(engine.accepts(model)).toEqual({ ok: true });
  const out = engine.solve(model, {});
  expect(out.engine).toBe(engine.name);
  expect(out.termination, `${engine.name}: ${out.message}`).toBe("optimal");
  const solution = out.solution!;
  expect(checkFlows(model, solution.flows)).toBeNull();
  expect(solution.objective).toBe(objectiveOf(model, solution.flows));
  return solution.objective;
};

describe.each(ENGINES.map((engine) => [engine.name, engine] as const))("engine %s on pure network models", (_, engine) => {
  it("proves the optimum HiGHS finds", () => {
    fc.assert(
      fc.property(models(8, 6, 5), (model) => {
        expect(provedOptimum(engine, model)).toBe(highsOptimum(model));
      }),
      params(200),
    );
  });

  it("matches exhaustive enumeration on tiny models", () => {
    fc.assert(
      fc.property(models(4, 3, 3), (model) => {
        expect(provedOptimum(engine, model)).toBe(bruteForce(model));
      }),
      params(150),
    );
  });

  it("is unmoved by a worker class without arcs, or an arc with bound 0", () => {
    fc.assert(
      fc.property(models(6, 5, 4), fc.nat(), fc.nat(), (model, pick, supply) => {
        const base = provedOptimum(engine, model);
        const idle = { ...model, workerClasses: [...model.workerClasses, { key: "idle", supply: 1 + (supply % 5) }] };
        expect(provedOptimum(engine, idle)).toBe(base);
        // An arc with bound 0 on a pair that has none, inserted in (from, to) order.
        const nE = model.employerClasses.length;
        const free: [number, number][] = [];
        for (let c = 0; c < model.workerClasses.length; c++) {
          for (let g = 0; g < nE; g++) if (!arcList(model.arcs).some((a) => a.from === c && a.to === g)) free.push([c, g]);
        }
        if (free.length === 0) return;
        const [from, to] = free[pick % free.length]!;
        const arcs = arcColumns([...arcList(model.arcs), { from, to, score: model.maxScore, upper: 0 }].sort((a, b) => a.from - b.from || a.to - b.to));
        expect(provedOptimum(engine, { ...model, arcs })).toBe(base);
      }),
      params(30),
    );
  });

  it("never loses objective when a capacity grows", () => {
    fc.assert(
      fc.property(models(6, 5, 4), fc.nat(), fc.integer({ min: 1, max: 4 }), (model, pick, more) => {
        fc.pre(model.employerClasses.length > 0);
        const g = pick % model.employerClasses.length;
        const employerClasses = model.employerClasses.map((e, k) => (k === g ? { ...e, capacity: e.capacity + more } : e));
        expect(provedOptimum(engine, { ...model, employerClasses })).toBeGreaterThanOrEqual(provedOptimum(engine, model));
      }),
      params(30),
    );
  });
});

describe("all engines agree", () => {
  it("on the optimum of every pure network model", () => {
    fc.assert(
      fc.property(models(8, 6, 5), (model) => {
        const optima = ENGINES.map((engine) => provedOptimum(engine, model));
        expect(new Set(optima).size).toBe(1);
      }),
      params(100),
    );
  });
});

/** A pure model with arcs and 1 to 3 random side constraints over them (repeated arcs, which may cancel, included). */
const sideModels = models(6, 5, 4)
  .filter((model) => model.arcs.length > 0)
  .chain((model) =>
    fc
      .array(
        fc.record({
          terms: fc.array(fc.record({ arc: fc.nat(), coefficient: fc.integer({ min: -2, max: 2 }).filter((c) => c !== 0) }), {
            minLength: 1,
            maxLength: 4,
          }),
          relation: fc.constantFrom("<=" as const, "<=" as const, ">=" as const, "=" as const),
          rhs: fc.integer({ min: -1, max: 5 }),
        }),
        { minLength: 1, maxLength: 3 },
      )
      .map((raw): AssignmentModel => {
        const sideConstraints: SideConstraint[] = raw.map((side, k) => ({
          label: `policy ${k}\nsecond line`,
          terms: side.terms.map((t) => ({ arc: t.arc % model.arcs.length, coefficient: t.coefficient })),
          relation: side.relation,
          rhs: side.rhs,
        }));
        return { ...model, sideConstraints };
      }),
  );

describe("models with side constraints", () => {
  it("the flow engine refuses them and says why", () => {
    fc.assert(
      fc.property(sideModels, (model) => {
        fc.pre(model.sideConstraints.length > 0);
        const verdict = flowEngine.accepts(model);
        expect(verdict.ok).toBe(false);
        const out = flowEngine.solve(model, {});
        expect(out.termination).toBe("error");
        expect(out.message).toMatch(/side constraint/);
      }),
      params(10),
    );
  });

  it("every engine that accepts them agrees with HiGHS, or both say infeasible", () => {
    fc.assert(
      fc.property(sideModels, (model) => {
        const expected = highsOptimum(model);
        for (const engine of ENGINES.filter((e) => e.accepts(model).ok)) {
          const out = engine.solve(model, {});
          if (expected === null) {
            expect(out.termination, engine.name).toBe("infeasible");
            continue;
          }
          expect(out.termination, `${engine.name}: ${out.message}`).toBe("optimal");
          expect(checkFlows(model, out.solution!.flows)).toBeNull();
          expect(out.solution!.objective).toBe(expected);
        }
      }),
      params(250),
    );
  });
});

/** Hard constraints the diagnosis may relax: the policy's, never a legal limit. */
const relaxable = (p: PolicyConstraint): boolean => p.penalty === null && p.law !== true;

/** The relaxation the diagnosis solves: every hard policy soft at a penalty no placement can pay for; legal limits stay hard. */
const relaxedForDiagnosis = (model: AssignmentModel): AssignmentModel => {
  const supply = model.workerClasses.reduce((s, c) => s + c.supply, 0);
  const penalty = model.placementWeight * (supply + 1);
  return { ...model, policies: (model.policies ?? []).map((p) => (relaxable(p) ? { ...p, penalty } : p)) };
};

/** Units of hard-policy violation in HiGHS's optimum of the diagnosis's relaxation. */
const highsRelaxationUnits = (model: AssignmentModel): number => {
  const answer = highs.solve(toLP(relaxedForDiagnosis(model)), { mip_rel_gap: 0 });
  expect(answer.Status).toBe("Optimal");
  const columns = answer.Columns as Record<string, { Primal?: number }>;
  const flows = Array.from({ length: model.arcs.length }, (_, a) => Math.round(columns[`x${a}`]?.Primal ?? 0));
  return (model.policies ?? []).filter(relaxable).reduce((s, p) => s + policyViolation(model, p, flows), 0);
};

/** An infeasible model: every engine that accepts it says so, and each one's diagnosis relaxes the policy only (never a legal limit), by the least HiGHS finds. */
const expectSmallestRelaxation = (model: AssignmentModel): void => {
  const units = highsRelaxationUnits(model);
  for (const engine of ENGINES.filter((e) => e.accepts(model).ok)) {
    expect(engine.solve(model, {}).termination, engine.name).toBe("infeasible");
    const d = diagnose(model, engine.name);
    expect(d.kind, `${engine.name}: ${d.kind === "unavailable" ? d.message : ""}`).toBe("relaxation");
    if (d.kind !== "relaxation") continue;
    expect(d.totalUnits, engine.name).toBe(units);
    for (const r of d.relaxations) expect(r.source.startsWith("law."), r.label).toBe(false);
  }
};

/** Every engine that accepts the model proves HiGHS's optimum with flows that pass the model and an objective they earn, or says infeasible with HiGHS. */
const expectEnginesAgreeWithHighs = (model: AssignmentModel): void => {
  const expected = highsOptimum(model);
  for (const engine of ENGINES.filter((e) => e.accepts(model).ok)) {
    const out = engine.solve(model, {});
    if (expected === null) {
      expect(out.termination, `${engine.name}: ${out.message}`).toBe("infeasible");
      continue;
    }
    expect(out.termination, `${engine.name}: ${out.message}`).toBe("optimal");
    expect(checkFlows(model, out.solution!.flows)).toBeNull();
    expect(out.solution!.objective).toBe(objectiveOf(model, out.solution!.flows));
    expect(out.solution!.objective, engine.name).toBe(expected);
  }
};

/** Over models drawn tighter (minimums 3 higher), the infeasible ones (more than 10) each pass `expectSmallestRelaxation`. */
const infeasibleVariants = (shape: PolicyModelShape, runs: number): void => {
  let infeasible = 0;
  fc.assert(
    fc.property(policyModels({ ...shape, tightness: 3 }), (model) => {
      if (highsOptimum(model) !== null) return;
      infeasible++;
      expectSmallestRelaxation(model);
    }),
    params(runs),
  );
  expect(infeasible).toBeGreaterThan(10);
};

describe("models with quotas that cross, two fairness families, groups and fractional penalties", () => {
  const shape = { maxWorkers: 6, maxEmployers: 5, maxSupply: 3, groups: true, tightness: 0 };

  it("every engine that accepts one agrees with HiGHS, or all say infeasible", () => {
    let crossing = 0;
    fc.assert(
      fc.property(policyModels(shape), (model) => {
        if (hasCrossing(model)) crossing++;
        expectEnginesAgreeWithHighs(model);
      }),
      params(120),
    );
    expect(crossing).toBeGreaterThan(30);
  });

  it("the side engine takes every one, and proves what exhaustive enumeration finds on tiny ones", () => {
    fc.assert(
      fc.property(policyModels({ ...shape, maxWorkers: 4, maxEmployers: 3, maxSupply: 2 }), (model) => {
        expect(sideEngine.accepts(model)).toEqual({ ok: true });
        const best = bruteForce(model);
        const out = sideEngine.solve(model, {});
        if (best === null) expect(out.termination).toBe("infeasible");
        else {
          expect(out.termination, out.message ?? "").toBe("optimal");
          expect(out.solution!.objective).toBe(best);
        }
      }),
      params(150),
    );
  });

  it("families kept with one employer, as the side engine's family nodes, agree with HiGHS", () => {
    let nodes = 0;
    fc.assert(
      fc.property(policyModels({ ...shape, families: true }), (model) => {
        const problem = sideProblemOf(model);
        if (typeof problem !== "string") nodes += problem.families.length;
        const expected = highsOptimum(model);
        const out = sideEngine.solve(model, {});
        if (expected === null) expect(out.termination).toBe("infeasible");
        else {
          expect(out.termination, out.message ?? "").toBe("optimal");
          expect(checkFlows(model, out.solution!.flows)).toBeNull();
          expect(out.solution!.objective).toBe(expected);
        }
      }),
      params(80),
    );
    expect(nodes).toBeGreaterThan(40);
  });

  it("the flow engine refuses those whose quotas cross, and says why", () => {
    fc.assert(
      fc.property(policyModels(shape), (model) => {
        fc.pre(hasCrossing(model));
        const verdict = flowEngine.accepts(model);
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) expect(verdict.why).toMatch(/overlap without nesting/);
      }),
      params(20),
    );
  });

  it("infeasible variants: every engine says so, and each one's diagnosis finds the smallest relaxation HiGHS finds", () => {
    infeasibleVariants(shape, 60);
  });
});

/** Whether a support organisation's set of employer classes crosses another employer set of the model (a sector or prefecture quota, another organisation). */
const supportCrosses = (model: AssignmentModel): boolean => {
  const sets = (model.policies ?? []).flatMap((p) => (p.scope.kind === "employers" ? [{ support: p.source === "law.support-capacity", members: new Set(p.scope.classes) }] : []));
  return sets.some((a) =>
    a.support
      ? sets.some((b) => {
          if (b === a) return false;
          const inside = [...a.members].filter((m) => b.members.has(m)).length;
          return inside > 0 && inside < a.members.size && inside < b.members.size;
        })
      : false,
  );
};

describe("the law's limits with a policy whose quotas cross (per-employer caps, support organisations over several employers)", () => {
  const shape = { maxWorkers: 6, maxEmployers: 5, maxSupply: 3, groups: true, tightness: 0, law: true };

  it("every engine that accepts one agrees with HiGHS; auto never leaves a crossing support capacity to javascript-lp-solver", () => {
    let crossing = 0;
    let law = 0;
    fc.assert(
      fc.property(policyModels(shape), (model) => {
        law += (model.policies ?? []).filter((p) => p.law === true).length;
        expectEnginesAgreeWithHighs(model);
        const auto = solveModel(model, "auto", {});
        expect(auto.engine).not.toBe("lp-solver");
        if (supportCrosses(model)) {
          crossing++;
          expect(auto.engine).toBe("side");
        }
      }),
      params(100),
    );
    expect(crossing).toBeGreaterThan(20);
    expect(law).toBeGreaterThan(100);
  });

  it("per-employer caps nest: with them and a sector quota alone, auto keeps the flow engine", () => {
    fc.assert(
      fc.property(policyModels({ ...shape, groups: false }), (model) => {
        // Keep the legal caps on single employers and the two sector quotas (a partition): everything nests.
        const nested = { ...model, policies: (model.policies ?? []).filter((p) => (p.law === true && p.scope.kind === "employers" && p.scope.classes.length === 1) || p.source.startsWith("sector")) };
        const out = solveModel(nested, "auto", {});
        expect(out.engine).toBe("flow");
        const expected = highsOptimum(nested);
        if (expected === null) expect(out.termination).toBe("infeasible");
        else expect(out.solution!.objective).toBe(expected);
      }),
      params(40),
    );
  });

  it("infeasible variants: the diagnosis relaxes the policy only, by the least HiGHS finds with the law kept hard", () => {
    infeasibleVariants(shape, 50);
  });
});

/**
 * Slot groups starting on several dates (../../src/rules/starts.ts): at an
 * employer class, the worker classes available only for its later groups
 * take at most those groups' slots. The sets nest (a later group's workers
 * inside an earlier one's), so the flow engine keeps them as chained pair
 * nodes; a diversity limit beside them nests too or crosses (then the flow
 * engine refuses and the side engine carries it).
 */
const startModels = (maxW: number, maxE: number, maxSupply: number, diversity: boolean): fc.Arbitrary<AssignmentModel> =>
  models(maxW, maxE, maxSupply).chain((model) =>
    fc
      .record({
        levels: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: model.workerClasses.length, maxLength: model.workerClasses.length }),
        bounds: fc.array(fc.tuple(fc.integer({ min: 0, max: maxSupply }), fc.integer({ min: 0, max: maxSupply })), { minLength: model.employerClasses.length, maxLength: model.employerClasses.length }),
        extra: diversity ? fc.array(fc.integer({ min: 0, max: model.workerClasses.length }), { maxLength: 3 }) : fc.constant<number[]>([]),
      })
      .map(({ levels, bounds, extra }) => {
        const policies: PolicyConstraint[] = [];
        model.employerClasses.forEach((_, j) => {
          const into = arcList(model.arcs).filter((a) => a.to === j).map((a) => a.from);
          const [later, last] = bounds[j]!;
          for (const [k, max] of [[1, Math.max(later, last)], [2, last]] as const) {
            const workers = into.filter((c) => levels[c]! >= k);
            if (workers.length > 0) policies.push({ label: `e${j} from group ${k}`, source: "employers[].slotGroups", scope: { kind: "pairs", workers, employer: j }, min: null, max, penalty: null, law: true });
          }
          const diverse = into.filter((c) => extra.includes(c));
          if (diverse.length > 0) policies.push({ label: `e${j} diversity`, source: "policy.diversity", scope: { kind: "pairs", workers: diverse, employer: j }, min: null, max: 1, penalty: null });
        });
        return { ...model, policies };
      }),
  );

describe("slot groups with their own start dates (nested pair limits at one employer class)", () => {
  it("the flow engine keeps them in its network and agrees with HiGHS, as does every engine", () => {
    let limits = 0;
    fc.assert(
      fc.property(startModels(6, 4, 4, false), (model) => {
        limits += (model.policies ?? []).length;
        expect(flowEngine.accepts(model)).toEqual({ ok: true });
        expectEnginesAgreeWithHighs(model);
      }),
      params(100),
    );
    expect(limits).toBeGreaterThan(100);
  });

  it("with diversity limits beside them: every engine that accepts the model agrees with HiGHS; the side engine takes every one", () => {
    let refused = 0;
    fc.assert(
      fc.property(startModels(6, 4, 4, true), (model) => {
        expect(sideEngine.accepts(model)).toEqual({ ok: true });
        if (!flowEngine.accepts(model).ok) refused++;
        expectEnginesAgreeWithHighs(model);
      }),
      params(120),
    );
    expect(refused).toBeGreaterThan(5);
  });

  it("match exhaustive enumeration on tiny models", () => {
    fc.assert(
      fc.property(startModels(3, 2, 2, true), (model) => {
        const best = bruteForce(model);
        for (const engine of ENGINES.filter((e) => e.accepts(model).ok)) {
          const out = engine.solve(model, {});
          if (best === null) expect(out.termination).toBe("infeasible");
          else expect(out.solution?.objective, engine.name).toBe(best);
        }
      }),
      params(150),
    );
  });
});

describe("the LP text HiGHS reads", () => {
  it("keeps every line short, names generated, and a label on one comment line", () => {
    const arcs: ModelArc[] = [];
    for (let c = 0; c < 3; c++) for (let g = 0; g < 120; g++) arcs.push({ from: c, to: g, score: (c * 7 + g) % 11, upper: 1 });
    const model: AssignmentModel = {
      workerClasses: [0, 1, 2].map((c) => ({ key: `constructor ${c}`, supply: 100 })),
      employerClasses: Array.from({ length: 120 }, (_, g) => ({ key: `__proto__${g}`, capacity: 2 })),
      arcs: arcColumns(arcs),
      placementWeight: placementWeightFor(10, 240),
      maxScore: 10,
      sideConstraints: [{ label: `${"long ".repeat(100)}\r\nx0 >= 1000\u2028`, terms: arcs.map((_, a) => ({ arc: a, coefficient: 1 + (a % 2) })), relation: "<=", rhs: 200 }],
    };
    const lines = toLP(model).split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(255);
    expect(lines.filter((l) => l.startsWith("\\ s0:"))).toHaveLength(1);
    expect(lines.some((l) => l.trim().startsWith("x0 >= 1000"))).toBe(false);
    expect(lines.join("\n")).not.toMatch(/constructor|__proto__/);
    const flows = lpSolverEngine.solve({ ...model, sideConstraints: [] }, {});
    expect(highsOptimum({ ...model, sideConstraints: [] })).toBe(flows.solution?.objective);
    expect(highsOptimum(model)).toBeLessThan(flows.solution!.objective);
  });
});

describe("terms that cancel", () => {
  // javascript-lp-solver 1.0.3 answers "infeasible" when a constraint holds a
  // variable with coefficient 0; the adapter sums terms per arc and drops
  // zeros, so 2 x0 - 2 x0 <= 1 (that is, 0 <= 1) is always satisfied.
  it("lp-solver: a side constraint whose terms cancel is always satisfied", () => {
    const model: AssignmentModel = {
      workerClasses: [{ key: "a", supply: 2 }],
      employerClasses: [{ key: "E", capacity: 2 }],
      arcs: arcColumns([{ from: 0, to: 0, score: 1, upper: 2 }]),
      placementWeight: 5,
      maxScore: 1,
      sideConstraints: [{ label: "cancels", terms: [{ arc: 0, coefficient: 2 }, { arc: 0, coefficient: -2 }], relation: "<=", rhs: 1 }],
    };
    expect(highsOptimum(model)).toBe(12);
    expect(lpSolverEngine.solve(model, {}).termination).toBe("optimal");
  });
});

describe("the flow engine's own promises", () => {
  it("stops at a time limit of 0 with feasible flows, not claiming optimality", () => {
    fc.assert(
      fc.property(models(8, 6, 5), (model) => {
        const out = flowEngine.solve(model, { deadline: performance.now() });
        expect(out.termination).toBe("time-limit");
        expect(out.bound).toBeNull();
        expect(checkFlows(model, out.solution!.flows)).toBeNull();
        expect(out.message).toMatch(/time limit/);
      }),
      params(10),
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(models(8, 6, 5), (model) => {
        expect(flowEngine.solve(model, {})).toEqual(flowEngine.solve(model, {}));
      }),
      params(20),
    );
  });

  it("refuses data it cannot solve exactly, as an error value", () => {
    const model: AssignmentModel = {
      workerClasses: [{ key: "a", supply: 1.5 }],
      employerClasses: [{ key: "E", capacity: 1 }],
      arcs: arcColumns([{ from: 0, to: 0, score: 1, upper: 1 }]),
      placementWeight: 3,
      maxScore: 1,
      sideConstraints: [],
    };
    expect(flowEngine.accepts(model).ok).toBe(false);
    expect(flowEngine.solve(model, {})).toMatchObject({ termination: "error", solution: null });
    const huge = { ...model, workerClasses: [{ key: "a", supply: 1 }], placementWeight: 2 ** 52 };
    expect(flowEngine.solve(huge, {})).toMatchObject({ termination: "error", solution: null });
    const stray = { ...model, workerClasses: [{ key: "a", supply: 1 }], arcs: arcColumns([{ from: 0, to: 3, score: 1, upper: 1 }]) };
    expect(flowEngine.solve(stray, {}).message).toMatch(/employer class 3/);
  });

  it("solves models whose arcs are not in (from, to) order", () => {
    const model: AssignmentModel = {
      workerClasses: [{ key: "a", supply: 1 }, { key: "b", supply: 1 }],
      employerClasses: [{ key: "E", capacity: 1 }, { key: "F", capacity: 1 }],
      arcs: arcColumns([
        { from: 1, to: 0, score: 5, upper: 1 },
        { from: 0, to: 0, score: 4, upper: 1 },
        { from: 0, to: 1, score: 0, upper: 1 },
      ]),
      placementWeight: 11,
      maxScore: 5,
      sideConstraints: [],
    };
    const solution = flowEngine.solve(model, {}).solution;
    expect(Array.from(solution?.flows ?? [])).toEqual([1, 0, 1]);
    expect(solution?.objective).toBe(27);
  });

  it("reads a bound above its arc's supply or capacity as that supply or capacity: the same flows", () => {
    // The engine passes the model's own columns to the simplex, and copies them (clamped) only for such bounds.
    fc.assert(
      fc.property(models(8, 6, 5), fc.array(fc.nat({ max: 4 }), { minLength: 48, maxLength: 48 }), (model, extra) => {
        // Bounds equal to min(supply, capacity) raised above it: the same model.
        const implied = (arc: ModelArc): number => Math.min(model.workerClasses[arc.from]!.supply, model.employerClasses[arc.to]!.capacity);
        const loose = arcColumns(arcList(model.arcs).map((a, i) => (a.upper === implied(a) ? { ...a, upper: a.upper + (extra[i % extra.length] ?? 0) } : a)));
        expect(flowEngine.solve({ ...model, arcs: loose }, {}).solution).toEqual(flowEngine.solve(model, {}).solution);
      }),
      params(60),
    );
  });
});
