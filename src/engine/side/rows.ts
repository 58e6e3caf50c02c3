/**
 * The side rows of a model (./problem.ts): the policies that do not nest
 * (./laminar.ts) and the raw side constraints, as terms over the network's
 * columns, each row an equality with its own side-only columns.
 *
 * - A policy: the flow of its scope, read off the one arc into each worker
 *   class or out of each employer class (`classIn`, `classOut`; a diversity
 *   limit reads its model arcs), plus the slack s in [-max, -min] (so the
 *   scope carries -s in [min, max]); when soft, also `under` (+1, in
 *   [0, min]) and `over` (-1, in [0, big]), each gaining -penalty per unit.
 * - A raw side constraint `sum c_a x_a (rel) rhs` over model arcs, scaled by
 *   a power of ten (up to 10^6) to whole coefficients (refused otherwise)
 *   and tightened by the coefficients' common divisor: the slack in [0, big]
 *   for <=, [-big, 0] for >=, [0, 0] for =.
 * `big` bounds what a scope or row can reach (the sum of |coefficient| times
 * upper bound over its columns, plus its bounds), so every variable is boxed.
 */
import { scopeArcs, type AssignmentModel, type PolicyConstraint } from "../../model/types.js";
import type { PolicyNetwork } from "../policyNetwork.js";

/** One side row: its terms over network columns, its right-hand side, and its own side-only columns. */
export interface Row {
  label: string;
  terms: Map<number, number>;
  rhs: number;
  /** Side-only columns of the row: lower, upper, gain, coefficient. The first is its slack. */
  own: { lower: number; upper: number; gain: number; coefficient: number }[];
}

/** Sum of |coefficient| * upper over a row's terms. */
const reach = (terms: ReadonlyMap<number, number>, upper: ArrayLike<number>): number => {
  let s = 0;
  for (const [j, c] of terms) s += Math.abs(c) * (upper[j] as number);
  return s;
};

/** The smallest power of ten (up to 10^6) making every number whole, or null. */
const wholeScale = (xs: readonly number[]): number | null => {
  for (let scale = 1; scale <= 1e6; scale *= 10) {
    if (xs.every((x) => Number.isSafeInteger(Math.round(x * scale)) && Math.abs(x * scale - Math.round(x * scale)) <= 1e-9 * Math.max(1, Math.abs(x * scale)))) return scale;
  }
  return null;
};

const isWhole = (x: number): boolean => Number.isSafeInteger(x);

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The side rows, and the constant the model's objective has beyond what they
 * count (a soft policy whose minimum is above its maximum pays at least the
 * difference whatever the flow); or why a row cannot be taken exactly.
 */
export const sideRows = (
  model: AssignmentModel,
  policies: readonly PolicyConstraint[],
  network: PolicyNetwork,
  upperOf: Float64Array,
): { readonly rows: Row[]; readonly offset: number } | string => {
  const rows: Row[] = [];
  let offset = 0;
  for (const p of policies) {
    const terms = new Map<number, number>();
    const add = (j: number): void => {
      terms.set(j, (terms.get(j) ?? 0) + 1);
    };
    if (p.scope.kind === "employers") for (const j of p.scope.classes) add(network.classOut[j] as number);
    else if (p.scope.kind === "workers") for (const c of p.scope.classes) add(network.classIn[c] as number);
    else for (const a of scopeArcs(model, p.scope)) add(network.modelArc[a] as number);
    for (const [j, c] of terms) if (c === 0 || j === undefined) terms.delete(j);
    const min = p.min ?? 0;
    const big = reach(terms, upperOf) + Math.abs(min) + Math.abs(p.max ?? 0);
    const max = p.max ?? big;
    if (!isWhole(min) || !isWhole(max)) return `policy "${p.label}" has bounds that are not integers`;
    // The scope carries w - under + over, w within [min, max] (a hard policy with min > max: an empty range, infeasible).
    // A soft one with min > max is broken by every flow, by at least min - max: w within [max, min] and that much paid up front.
    const crossedSoft = p.penalty !== null && min > max;
    const own: Row["own"] = [crossedSoft ? { lower: -min, upper: -max, gain: 0, coefficient: 1 } : { lower: -max, upper: -min, gain: 0, coefficient: 1 }];
    if (p.penalty !== null) {
      if (!isWhole(p.penalty)) return `policy "${p.label}" has penalty ${p.penalty}, not a whole number of objective units`;
      if (min > 0) own.push({ lower: 0, upper: min, gain: -p.penalty, coefficient: 1 });
      if (p.max !== null) own.push({ lower: 0, upper: big, gain: -p.penalty, coefficient: -1 });
      if (crossedSoft) offset += p.penalty * (min - max);
    }
    rows.push({ label: `${p.label} (${p.source})`, terms, rhs: 0, own });
  }
  for (const side of model.sideConstraints) {
    const valid = side.terms.filter((t) => t.arc >= 0 && t.arc < model.arcs.length);
    const scale = wholeScale([...valid.map((t) => t.coefficient), side.rhs]);
    if (scale === null) return `side constraint "${side.label}" has coefficients that are not whole after scaling by up to 10^6`;
    const terms = new Map<number, number>();
    for (const t of valid) {
      const j = network.modelArc[t.arc] as number;
      terms.set(j, (terms.get(j) ?? 0) + Math.round(t.coefficient * scale));
    }
    // Columns that cannot move (an arc closed at 0) add a constant; the others' common divisor g divides every
    // integer plan's sum, so the row tightens to whole multiples of g: an equality g does not divide cannot hold
    // (parity), and a bound rounds inwards. Integer plans are unchanged; relaxations lose fractions no plan has.
    let constant = 0;
    let g = 0;
    for (const [j, c] of terms) {
      if (c === 0) terms.delete(j);
      else if (network.problem.lower[j] === upperOf[j]) {
        constant += c * (network.problem.lower[j] as number);
        terms.delete(j);
      } else g = gcd(g, Math.abs(c));
    }
    let rhs = Math.round(side.rhs * scale) - constant;
    let slack: { lower: number; upper: number };
    if (g > 1) {
      for (const [j, c] of terms) terms.set(j, c / g);
      rhs = side.relation === "<=" ? Math.floor(rhs / g) : side.relation === ">=" ? Math.ceil(rhs / g) : rhs / g;
    }
    const big = reach(terms, upperOf) + Math.abs(rhs);
    if (side.relation === "=" && !Number.isInteger(rhs)) slack = { lower: 1, upper: 0 }; // empty: no plan meets it
    else slack = side.relation === "<=" ? { lower: 0, upper: big } : side.relation === ">=" ? { lower: -big, upper: 0 } : { lower: 0, upper: 0 };
    rows.push({ label: side.label, terms, rhs: Number.isInteger(rhs) ? rhs : 0, own: [{ ...slack, gain: 0, coefficient: 1 }] });
  }

  return { rows, offset };
};
