/**
 * The model written out as a plain mixed-integer program: variables with
 * gains and upper bounds, and linear rows. The general engines
 * (javascript-lp-solver, the LP export) translate this one form, so every
 * policy has exactly one algebraic meaning.
 *
 * Variables (all integer, lower bound 0), in this order:
 * - x{a}: the flow on arc a (gain placementWeight + score, upper the arc's bound);
 * - u{k}: how far policy k falls below its min, when soft (gain -penalty);
 * - v{k}: how far policy k rises above its max, when soft (gain -penalty);
 * - y{g}r{r}: group g is placed in region r (binary);
 * - z{g}: group g is split, when soft (binary, gain -penalty).
 * Rows: w{c} supply, e{j} capacity, s{k} side rows, p{k}min / p{k}max
 * policies, g{g}r{r} and g{g}one groups. Names are generated, never taken
 * from the input.
 *
 * A group's rows: with f_r the flow from its classes into region r,
 * f_r = size * y_r (hard) or |f_r - size * y_r| <= size * z (soft), and
 * sum_r y_r <= 1. So a hard group is placed whole in one region or not at all.
 */
import { scopeArcs, type AssignmentModel } from "./types.js";

export interface MipVariable {
  readonly name: string;
  readonly gain: number;
  /** Infinity for none. */
  readonly upper: number;
}

export interface MipRow {
  readonly name: string;
  /** Where the row comes from, for people; null for supply and capacity rows. */
  readonly label: string | null;
  /** [variable index, coefficient], each variable at most once, no zero coefficients. */
  readonly terms: readonly (readonly [number, number])[];
  readonly relation: "<=" | ">=" | "=";
  readonly rhs: number;
}

export interface Mip {
  readonly variables: readonly MipVariable[];
  readonly rows: readonly MipRow[];
}

/** Sums repeated variables and drops zero coefficients, in variable order. */
const merge = (terms: readonly (readonly [number, number])[]): [number, number][] => {
  const sums = new Map<number, number>();
  for (const [v, c] of terms) sums.set(v, (sums.get(v) ?? 0) + c);
  return [...sums.entries()].filter(([, c]) => c !== 0).sort(([a], [b]) => a - b);
};

export const toMip = (model: AssignmentModel): Mip => {
  const { from, to, score, upper } = model.arcs;
  const variables: MipVariable[] = Array.from({ length: model.arcs.length }, (_, a) => ({ name: `x${a}`, gain: model.placementWeight + (score[a] as number), upper: upper[a] as number }));
  const rows: MipRow[] = [];
  const add = (v: MipVariable): number => variables.push(v) - 1;

  const byWorker = model.workerClasses.map((): [number, number][] => []);
  const byEmployer = model.employerClasses.map((): [number, number][] => []);
  for (let a = 0; a < model.arcs.length; a++) {
    byWorker[from[a] as number]?.push([a, 1]);
    byEmployer[to[a] as number]?.push([a, 1]);
  }
  byWorker.forEach((terms, c) => {
    if (terms.length > 0) rows.push({ name: `w${c}`, label: null, terms, relation: "<=", rhs: model.workerClasses[c]?.supply ?? 0 });
  });
  byEmployer.forEach((terms, j) => {
    if (terms.length > 0) rows.push({ name: `e${j}`, label: null, terms, relation: "<=", rhs: model.employerClasses[j]?.capacity ?? 0 });
  });

  model.sideConstraints.forEach((side, k) => {
    const terms = merge(side.terms.filter((t) => t.arc >= 0 && t.arc < model.arcs.length).map((t) => [t.arc, t.coefficient] as const));
    rows.push({ name: `s${k}`, label: side.label, terms, relation: side.relation, rhs: side.rhs });
  });

  (model.policies ?? []).forEach((p, k) => {
    const arcs = scopeArcs(model, p.scope).map((a) => [a, 1] as const);
    const label = `${p.label} (${p.source})`;
    if (p.min !== null) {
      const slack = p.penalty === null ? [] : [[add({ name: `u${k}`, gain: -p.penalty, upper: p.min }), 1] as const];
      rows.push({ name: `p${k}min`, label, terms: merge([...arcs, ...slack]), relation: ">=", rhs: p.min });
    }
    if (p.max !== null) {
      const slack = p.penalty === null ? [] : [[add({ name: `v${k}`, gain: -p.penalty, upper: Infinity }), -1] as const];
      rows.push({ name: `p${k}max`, label, terms: merge([...arcs, ...slack]), relation: "<=", rhs: p.max });
    }
  });

  (model.groups ?? []).forEach((group, k) => {
    const classes = new Set(group.workerClasses);
    const label = `${group.label} (${group.source})`;
    const split = group.penalty === null ? null : add({ name: `z${k}`, gain: -group.penalty, upper: 1 });
    const picks: [number, number][] = [];
    group.regions.forEach((region, r) => {
      const inRegion = new Set(region);
      const flow: [number, number][] = [];
      for (let a = 0; a < model.arcs.length; a++) if (classes.has(from[a] as number) && inRegion.has(to[a] as number)) flow.push([a, 1]);
      const y = add({ name: `y${k}r${r}`, gain: 0, upper: 1 });
      picks.push([y, 1]);
      const base: [number, number][] = [...flow, [y, -group.size]];
      if (split === null) {
        rows.push({ name: `g${k}r${r}`, label, terms: merge(base), relation: "=", rhs: 0 });
      } else {
        rows.push({ name: `g${k}r${r}lo`, label, terms: merge([...base, [split, group.size]]), relation: ">=", rhs: 0 });
        rows.push({ name: `g${k}r${r}hi`, label, terms: merge([...base, [split, -group.size]]), relation: "<=", rhs: 0 });
      }
    });
    rows.push({ name: `g${k}one`, label, terms: picks, relation: "<=", rhs: 1 });
  });

  return { variables, rows };
};

/** Whether a row with no terms holds (0 relation rhs). */
export const holdsAtZero = (row: MipRow): boolean =>
  row.relation === "<=" ? 0 <= row.rhs : row.relation === ">=" ? 0 >= row.rhs : row.rhs === 0;
