/**
 * A model as a network with side rows: the linear program the side engine
 * solves.
 *
 *     maximise   sum_j gain_j x_j
 *     subject to inflow(v) - outflow(v) = 0   for every network node v
 *                sum_j S_rj x_j = rhs_r       for every side row r
 *                lower_j <= x_j <= upper_j    (all finite integers)
 *
 * Columns, in this order:
 * - the network arcs of ../policyNetwork.ts built with the policies that
 *   nest (./laminar.ts), as arcs tail -> head, then the families' arcs;
 * - side-only columns, one or more per side row: self-loops at the root
 *   node n, so their network column is zero;
 * - one artificial column per network node, v -> root, fixed at [0, 0]: the
 *   starting tree hangs on them where the network's own tree does not.
 * Side rows (./rows.ts), each an equality with its own slack column
 * (coefficient +1) and, when soft, the columns that pay for a breach; every
 * variable boxed: the dual simplex needs that, and so does the rigorous
 * bound (./exact.ts). Families kept with one employer add a node and arcs of
 * their own (./families.ts), and every gain is scaled to keep their averages
 * whole.
 *
 * Everything is an integer: the exact bound and certificates rely on it.
 * Raw rows with fractional coefficients are scaled by a power of ten (up to
 * 10^6) when that makes them whole, and refused otherwise, as are fractional
 * gains, bounds or penalties (javascript-lp-solver takes such models).
 */
import type { AssignmentModel, PolicyConstraint } from "../../model/types.js";
import { networkWith, type PolicyNetwork } from "../policyNetwork.js";
import { planFamilies, type FamilyPlan } from "./families.js";
import { splitPolicies } from "./laminar.js";
import { sideRows } from "./rows.js";

/** A family taken as a node: its node, the arc into it, and the arc to each region that can take it whole. */
export interface FamilyColumns {
  readonly plan: FamilyPlan;
  readonly node: number;
  readonly inColumn: number;
  readonly regionColumn: ReadonlyMap<number, number>;
}

/** The largest gain scale accepted for families' averages (families whose size would need more keep their members' own arcs). */
const MAX_SCALE = 60;

export interface SideProblem {
  /** Network nodes 0..n-1; node n is the root where side-only and artificial columns meet. */
  readonly n: number;
  /** Side rows. */
  readonly k: number;
  /** Columns: network arcs 0..m-1, side-only columns m..artificial-1, artificial columns artificial..columns-1. */
  readonly columns: number;
  readonly m: number;
  readonly artificial: number;
  readonly tail: Int32Array;
  readonly head: Int32Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly gain: Float64Array;
  /** Side coefficients by column (CSR): entries sideStart[j]..sideStart[j+1]-1 of sideRow and sideCoef. */
  readonly sideStart: Int32Array;
  readonly sideRow: Int32Array;
  readonly sideCoef: Float64Array;
  readonly rhs: Float64Array;
  /** Each side row's slack column (the starting working basis: the identity). */
  readonly slack: Int32Array;
  /** For people: what each side row is. */
  readonly rowLabel: readonly string[];
  /** The network part and how the model reads off it. */
  readonly network: PolicyNetwork;
  /** Every gain is the model's times this (the families' sizes' least common multiple), so that averages stay whole. */
  readonly scale: number;
  /** The families taken as nodes (./families.ts). */
  readonly families: readonly FamilyColumns[];
  /**
   * What the linear program's objective, divided by `scale`, exceeds the model's by, for the same
   * placements: the network pays a soft minimum's penalty as a gain on the
   * units that meet it (../policyNetwork.ts), so it counts penalty * min more
   * for each soft policy with a minimum that it carries.
   */
  readonly offset: number;
  /** The policies the network carries and those in side rows. */
  readonly networkPolicies: readonly PolicyConstraint[];
  readonly sidePolicies: readonly PolicyConstraint[];
}

const isWhole = (x: number): boolean => Number.isSafeInteger(x);

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The side problem of `model`, or why the side engine cannot take it exactly. */
export const toSideProblem = (model: AssignmentModel): SideProblem | string => {
  const split = splitPolicies(model);
  const network = networkWith(model, split.network);
  if (typeof network === "string") return `the network part does not nest (${network}): a bug in the split of policies`;
  const net = network.problem;
  const m0 = net.tail.length;
  // A model arc never carries more than its class's supply or its employer class's capacity.
  const upperOf = net.upper.slice();
  const { from, to } = model.arcs;
  for (let a = 0; a < model.arcs.length; a++) {
    const j = network.modelArc[a] as number;
    upperOf[j] = Math.min(upperOf[j] as number, model.workerClasses[from[a] as number]?.supply ?? 0, model.employerClasses[to[a] as number]?.capacity ?? 0);
  }
  for (let a = 0; a < m0; a++) {
    if (!isWhole(net.gain[a] as number)) return `network arc ${a} has gain ${net.gain[a]}, not an integer (soft penalties must be whole objective units)`;
    if (!isWhole(net.lower[a] as number) || !isWhole(upperOf[a] as number)) return `network arc ${a} has bounds [${net.lower[a]}, ${upperOf[a]}], not integers`;
  }
  const built = sideRows(model, split.side, network, upperOf);
  if (typeof built === "string") return built;
  const { rows, offset: sideOffset } = built;
  // Families kept with one employer become nodes of their own (./families.ts); gains are scaled to keep their averages whole.
  // Side terms by column, for the few columns that have any (a list per column would cost more than the rest together).
  const perColumn = new Map<number, [number, number][]>();
  const addTerm = (j: number, r: number, c: number): void => {
    const list = perColumn.get(j);
    if (list === undefined) perColumn.set(j, [[r, c]]);
    else list.push([r, c]);
  };
  rows.forEach((row, r) => {
    for (const [j, c] of row.terms) addTerm(j, r, c);
  });
  const families: FamilyPlan[] = [];
  let scale = 1;
  for (const plan of planFamilies(model, network, (j) => perColumn.get(j) ?? [], net.gain, upperOf)) {
    const next = (scale / gcd(scale, plan.size)) * plan.size;
    if (next > MAX_SCALE) continue;
    scale = next;
    families.push(plan);
  }
  const n0 = net.nodeCount;
  const n = n0 + families.length;
  const m = m0 + families.reduce((s, f) => s + 1 + f.regions.length, 0);
  const k = rows.length;
  const ownCount = rows.reduce((s, r) => s + r.own.length, 0);
  const artificial = m + ownCount;
  const columns = artificial + n;
  const tail = new Int32Array(columns);
  const head = new Int32Array(columns);
  const lower = new Float64Array(columns);
  const upper = new Float64Array(columns);
  const gain = new Float64Array(columns);
  tail.set(net.tail);
  head.set(net.head);
  lower.set(net.lower);
  upper.set(upperOf);
  for (let a = 0; a < m0; a++) gain[a] = (net.gain[a] as number) * scale;
  let j = m0;
  const familyColumns: FamilyColumns[] = families.map((plan, i) => {
    const node = n0 + i;
    // The members' own arcs into their classes are closed: the family's placements all go through F.
    for (const c of plan.classes) upper[network.classIn[c] as number] = 0;
    const inColumn = j++;
    tail[inColumn] = plan.from;
    head[inColumn] = node;
    upper[inColumn] = plan.size;
    for (const [r, c] of plan.inSide) addTerm(inColumn, r, c);
    const regionColumn = new Map<number, number>();
    for (const region of plan.regions) {
      const col = j++;
      tail[col] = node;
      head[col] = region.head;
      upper[col] = plan.size;
      gain[col] = (region.gain * scale) / plan.size;
      for (const [r, c] of region.side) addTerm(col, r, c);
      regionColumn.set(region.region, col);
    }
    return { plan, node, inColumn, regionColumn };
  });
  // Side coefficients per column: network arcs from the rows' terms, then each side-only column's own.
  const slack = new Int32Array(k);
  rows.forEach((row, r) => {
    row.own.forEach((own, i) => {
      if (i === 0) slack[r] = j;
      tail[j] = n;
      head[j] = n;
      lower[j] = own.lower;
      upper[j] = own.upper;
      gain[j] = own.gain * scale;
      addTerm(j, r, own.coefficient);
      j++;
    });
  });
  for (let v = 0; v < n; v++) {
    tail[artificial + v] = v;
    head[artificial + v] = n;
  }
  // Exact arithmetic: every sum of gains times bounds stays below 2^52 (so potentials, bounds and objectives are exact).
  let reachable = 0;
  for (let c = 0; c < columns; c++) reachable += Math.abs(gain[c]!) * Math.max(Math.abs(lower[c]!), Math.abs(upper[c]!));
  if (reachable > 2 ** 52) return `gains times bounds sum to ${reachable}, above 2^52: objectives could leave exact arithmetic; lower the penalties or the bounds`;
  const sideStart = new Int32Array(columns + 1);
  for (const [c, list] of perColumn) sideStart[c + 1] = list.length;
  for (let c = 0; c < columns; c++) sideStart[c + 1]! += sideStart[c]!;
  const nnz = sideStart[columns] as number;
  const sideRow = new Int32Array(nnz);
  const sideCoef = new Float64Array(nnz);
  for (const [c, list] of perColumn) {
    list.sort((a, b) => a[0] - b[0]);
    list.forEach(([r, coefficient], i) => {
      sideRow[(sideStart[c] as number) + i] = r;
      sideCoef[(sideStart[c] as number) + i] = coefficient;
    });
  }
  return {
    n,
    k,
    columns,
    m,
    artificial,
    tail,
    head,
    lower,
    upper,
    gain,
    sideStart,
    sideRow,
    sideCoef,
    rhs: Float64Array.from(rows.map((r) => r.rhs)),
    slack,
    rowLabel: rows.map((r) => r.label),
    network,
    scale,
    families: familyColumns,
    offset: sideOffset + split.network.reduce((s, p) => s + (p.penalty !== null && p.min !== null && p.min > 0 ? p.penalty * p.min : 0), 0),
    networkPolicies: split.network,
    sidePolicies: split.side,
  };
};
