/**
 * Random assignment models with the policies planners write once the pilot
 * grows (issue 9), for the engine conformance suite: employer classes in two
 * crossing partitions (sectors, prefectures) with quotas on both; worker
 * classes in two crossing partitions (training centres, home provinces) with
 * fairness floors on both; groups of two worker classes kept with one
 * employer or in one region; soft constraints whose penalties are fractions
 * of a placement (0.5, 0.99, 1.125: objective units penalty * W exactly, W a
 * multiple of their denominators). Built as model data, so every engine and
 * HiGHS read the same numbers.
 *
 * With `law`, the legal limits as ../../src/rules/limits.ts compiles them
 * (hard, marked `law`, listed first): a statutory cap on some single
 * employer classes (they nest), and two support organisations' capacities,
 * each over the employer classes it supports, which cross the sector and
 * prefecture quotas.
 */
import fc from "fast-check";
import { placementWeightFor } from "../../src/model/objective.js";
import { arcColumns, type AssignmentModel, type GroupConstraint, type ModelArc, type PolicyConstraint } from "../../src/model/types.js";

/** Penalties in placements; W is a multiple of 200, so each is a whole number of objective units. */
export const PENALTIES = [0.5, 0.99, 1.125] as const;

export interface PolicyModelShape {
  readonly maxWorkers: number;
  readonly maxEmployers: number;
  readonly maxSupply: number;
  /** Allow groups (kept with one employer, or in one of two regions). */
  readonly groups: boolean;
  /** Minimums are drawn this much higher (infeasible variants are common). */
  readonly tightness: number;
  /** Every group hard, kept with one employer, its members from one centre and province (the side engine's family node). */
  readonly families?: boolean;
  /** Add legal limits: per-employer caps and support organisations' capacities over several employers. */
  readonly law?: boolean;
}

const bound = fc.option(fc.integer({ min: 0, max: 6 }), { nil: null, freq: 2 });
const penalty = fc.option(fc.constantFrom(...PENALTIES), { nil: null, freq: 2 });

const policyDraw = fc.record({ min: bound, max: bound, penalty, on: fc.integer({ min: 0, max: 3 }).map((x) => x > 0) });

export const policyModels = (shape: PolicyModelShape): fc.Arbitrary<AssignmentModel> =>
  fc
    .record({
      nW: fc.integer({ min: Math.min(3, shape.maxWorkers), max: shape.maxWorkers }),
      nE: fc.integer({ min: Math.min(3, shape.maxEmployers), max: shape.maxEmployers }),
    })
    .chain(({ nW, nE }) =>
      fc.record({
        supplies: fc.array(fc.integer({ min: 0, max: shape.maxSupply }), { minLength: nW, maxLength: nW }),
        capacities: fc.array(fc.integer({ min: 0, max: shape.maxSupply }), { minLength: nE, maxLength: nE }),
        pairs: fc.array(fc.option(fc.record({ score: fc.integer({ min: 0, max: 10 }), cut: fc.integer({ min: 0, max: 4 }) }), { nil: null, freq: 2 }), {
          minLength: nW * nE,
          maxLength: nW * nE,
        }),
        sector: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: nE, maxLength: nE }),
        prefecture: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: nE, maxLength: nE }),
        centre: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: nW, maxLength: nW }),
        province: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: nW, maxLength: nW }),
        sectorPolicies: fc.array(policyDraw, { minLength: 2, maxLength: 2 }),
        prefecturePolicies: fc.array(policyDraw, { minLength: 3, maxLength: 3 }),
        centrePolicies: fc.array(policyDraw, { minLength: 2, maxLength: 2 }),
        provincePolicies: fc.array(policyDraw, { minLength: 3, maxLength: 3 }),
        groups: fc.array(fc.record({ on: fc.boolean(), byEmployer: fc.boolean(), alike: fc.boolean(), penalty }), { minLength: shape.groups ? 3 : 0, maxLength: shape.groups ? 3 : 0 }),
        caps: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), { minLength: shape.law === true ? nE : 0, maxLength: shape.law === true ? nE : 0 }),
        support: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: shape.law === true ? nE : 0, maxLength: shape.law === true ? nE : 0 }),
        supportMax: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 2 }),
      }),
    )
    .map((raw) => (shape.families === true ? { ...raw, groups: raw.groups.map((g) => ({ ...g, on: true, byEmployer: true, alike: true, penalty: null })) } : raw))
    .map((d): AssignmentModel => {
      const nW = d.supplies.length;
      const nE = d.capacities.length;
      const arcs: ModelArc[] = [];
      d.pairs.forEach((pair, i) => {
        if (pair === null) return;
        const from = Math.floor(i / nE);
        const to = i % nE;
        arcs.push({ from, to, score: pair.score, upper: Math.min(d.supplies[from] as number, d.capacities[to] as number, pair.cut) });
      });
      const placements = Math.min(
        d.supplies.reduce((s, x) => s + x, 0),
        d.capacities.reduce((s, x) => s + x, 0),
      );
      const W = placementWeightFor(10, placements, 200);
      const units = (p: number | null): number | null => (p === null ? null : Math.round(p * W));
      // Groups: consecutive pairs of worker classes that hold someone; each class in at most one group. A group
      // "alike" has its members in the same centre and province (a family from one place: the side engine's family node).
      const holding = d.supplies.flatMap((s, c) => (s > 0 ? [c] : []));
      const centre = [...d.centre];
      const province = [...d.province];
      d.groups.forEach((draw, g) => {
        const pair = holding.slice(2 * g, 2 * g + 2);
        if (!draw.on || !draw.alike || pair.length < 2) return;
        centre[pair[1] as number] = centre[pair[0] as number] as number;
        province[pair[1] as number] = province[pair[0] as number] as number;
      });
      const policies: PolicyConstraint[] = [];
      const add = (label: string, kind: "employers" | "workers", classes: number[], draw: (typeof d.sectorPolicies)[number]): void => {
        if (!draw.on || classes.length === 0 || (draw.min === null && draw.max === null)) return;
        const min = draw.min === null ? null : draw.min + shape.tightness;
        const max = draw.max === null ? null : Math.max(draw.max, min ?? 0);
        policies.push({ label, source: label, scope: { kind, classes }, min, max, penalty: units(draw.penalty) });
      };
      const members = (of: readonly number[], value: number): number[] => of.flatMap((v, i) => (v === value ? [i] : []));
      d.caps.forEach((cap, j) => {
        if (cap !== null && cap < (d.capacities[j] as number)) {
          policies.push({ label: `legal cap at e${j}`, source: "law.care-staff-cap", scope: { kind: "employers", classes: [j] }, min: null, max: cap, penalty: null, law: true });
        }
      });
      [0, 1].forEach((o) => {
        const js = members(d.support, o);
        if (js.length > 0) policies.push({ label: `support capacity of S${o}`, source: "law.support-capacity", scope: { kind: "employers", classes: js }, min: null, max: d.supportMax[o] as number, penalty: null, law: true });
      });
      d.sectorPolicies.forEach((draw, s) => add(`sector ${s}`, "employers", members(d.sector, s), draw));
      d.prefecturePolicies.forEach((draw, s) => add(`prefecture ${s}`, "employers", members(d.prefecture, s), draw));
      d.centrePolicies.forEach((draw, s) => add(`centre ${s}`, "workers", members(centre, s), draw));
      d.provincePolicies.forEach((draw, s) => add(`province ${s}`, "workers", members(province, s), draw));
      const groups: GroupConstraint[] = [];
      d.groups.forEach((draw, g) => {
        const pair = holding.slice(2 * g, 2 * g + 2);
        if (!draw.on || pair.length < 2) return;
        const size = pair.reduce((s, c) => s + (d.supplies[c] as number), 0);
        const regions = draw.byEmployer ? d.capacities.map((_, j) => [j]) : [0, 1].map((r) => members(d.sector, r)).filter((r) => r.length > 0);
        groups.push({ label: `group ${g}`, source: "groups", workerClasses: pair, size, regions, penalty: units(draw.penalty) });
      });
      return {
        workerClasses: d.supplies.map((supply, c) => ({ key: `w${c}`, supply })),
        employerClasses: d.capacities.map((capacity, j) => ({ key: `e${j}`, capacity })),
        arcs: arcColumns(arcs),
        placementWeight: W,
        maxScore: 10,
        sideConstraints: [],
        ...(policies.length > 0 ? { policies } : {}),
        ...(groups.length > 0 ? { groups } : {}),
      };
    });

/** Whether two policies of the model cross (so the flow engine cannot take it). */
export const hasCrossing = (model: AssignmentModel): boolean => {
  const sets = (model.policies ?? []).flatMap((p) => (p.scope.kind === "pairs" ? [] : [{ kind: p.scope.kind, members: new Set(p.scope.classes) }]));
  return sets.some((a, i) =>
    sets.some((b, k) => {
      if (k <= i || a.kind !== b.kind) return false;
      const inside = [...a.members].filter((m) => b.members.has(m)).length;
      return inside > 0 && inside < a.members.size && inside < b.members.size;
    }),
  );
};
