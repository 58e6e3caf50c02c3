/**
 * The re-planning model: the instance's own model (../model/build.ts), with
 * `match`'s classes, and a kept placement as a bonus on the first units of
 * an arc; the objective weighted so that the order the user chose comes out
 * of one solve. The model builder and the engines are used as they are.
 *
 * Kept placements. For an arc from worker class c to employer class j, let
 * k be how many workers of c hold a place (in the plan, still lawful) at an
 * employer of j. Keeping placements on the arc is worth `bonus * min(x, k)`
 * for a flow x: a concave gain, written as two parallel arcs, a "stay" arc
 * of bound min(k, u) and gain score + bonus before the plain arc of bound
 * u - min(k, u) (u the arc's own bound). Every constraint counts both alike
 * (policies and groups read classes, not arcs), so an optimum fills the
 * stay arc first and the two together are exactly the concave gain.
 *
 * Why that is exact. Members of an employer class are interchangeable for
 * every worker (same eligibility, same score, every constraint reads the
 * class); so any flows are met by any split of each arc's units among the
 * class's employers within their slots. Given x units on (c, j), put
 * min(x, k) of the k holders back where they are, and the rest anywhere in
 * j: that fits when each employer's holders fit its slots (then the holders
 * kept take at most their own employer's slots, and the class's remaining
 * slots cover its remaining units, since the flow into j is within the
 * class's capacity). So the model's best is the best plan, and ./keep.ts's
 * disaggregation (holders first) attains it. Two cases break "each
 * employer's holders fit", and get an employer class of their own (and only
 * they, so the model stays `match`'s size):
 * - an employer with more holders than its legal capacity now (slots
 *   removed, closed, a cap lowered; capacity: ../rules/limits.ts):
 *   in a class of its own, keeping min(x, k) per worker class is exact
 *   whatever the slots, as every unit on the arc is then at that employer;
 * - an employer a worker left (job change, and barred from going back):
 *   the worker's class is split by that tag, and the arc back removed.
 *
 * Weights (every number an integer; P = most placements possible, s = the
 * highest score of one placement, S = placements that could be kept):
 * - "fewest" (placements, then fewest moves, then score): a kept placement
 *   earns M = s*P + 1 (more than any difference in total score), and a
 *   placement W = s*P + M*S + 1 (more than all scores and kept placements
 *   together);
 * - "pinned" (fewest moves, then placements, then score): a kept placement
 *   earns B = (W0 + s)*P + 1, more than every placement and score together
 *   (W0 the instance's own placement weight);
 * - { penalty: k } (placements, then score less k per move): a kept
 *   placement earns k score points.
 * Soft policy penalties, which the builder states in placement units, are
 * scaled to the new placement weight.
 */
import { compareStrings, type Instance } from "../input/instance.js";
import { aggregate, assembleModel, eligibleArcs, type BuiltModel, type Classes } from "../model/build.js";
import type { AssignmentModel, Flows, ModelArcs } from "../model/types.js";
import { legalCapacities } from "../rules/limits.js";

/** How moves of placed workers weigh against placements and score. */
export type MovePolicy = "fewest" | "pinned" | { readonly penalty: number };

export interface ReplanModel {
  /** The model with the instance's scores and weights, one arc per class pair: what the result is assembled from. */
  readonly built: BuiltModel;
  /** The same model with a stay arc before each arc with holders, and weights set for the move policy: what is solved. */
  readonly weighted: AssignmentModel;
  /** Per arc of `weighted`: 1 where it is a stay arc (its units keep placements), else 0. */
  readonly stay: Uint8Array;
  /** Per arc of `weighted`: the arc of `built` it is part of. */
  readonly toBuilt: Int32Array;
  /** Per worker index: the employer index they hold and may keep (the plan's, still lawful), or -1. */
  readonly holds: Int32Array;
  /** The instance's own model size, as `match` would report it (the classes before any employer or worker is split apart). */
  readonly plain: { readonly workerClasses: number; readonly employerClasses: number; readonly arcs: number };
  /** Null when every number fits the exact integer range of doubles; else why not. */
  readonly tooLarge: string | null;
}

const SEP = "\u0000";

/**
 * Splits each class by a tag per member (null: untagged), keeping keys sorted and members in index order.
 * A part's key is its class's key, or that key, SEP and the tag: class keys are JSON (no raw SEP in
 * them), so a class's parts sort right after its own key and before the next class's, the untagged part
 * first and the tagged ones by tag. Only the few classes with a tagged member are split; the others are
 * kept as they are.
 */
const refine = (
  groups: readonly { readonly key: string; readonly members: readonly number[] }[],
  tagOf: (member: number) => string | null,
): { readonly classes: { key: string; members: readonly number[] }[]; readonly parent: number[] } => {
  const classes: { key: string; members: readonly number[] }[] = [];
  const parent: number[] = [];
  groups.forEach((g, c) => {
    let byTag: Map<string, number[]> | null = null;
    for (let i = 0; i < g.members.length; i++) {
      const m = g.members[i] as number;
      const tag = tagOf(m);
      if (tag === null) continue;
      byTag ??= new Map();
      const list = byTag.get(tag);
      if (list === undefined) byTag.set(tag, [m]);
      else list.push(m);
    }
    if (byTag === null) {
      classes.push(g);
      parent.push(c);
      return;
    }
    const untagged = g.members.filter((m) => tagOf(m) === null);
    if (untagged.length > 0) {
      classes.push({ key: g.key, members: untagged });
      parent.push(c);
    }
    for (const tag of [...byTag.keys()].sort(compareStrings)) {
      classes.push({ key: `${g.key}${SEP}${tag}`, members: byTag.get(tag) as number[] });
      parent.push(c);
    }
  });
  return { classes, parent };
};

/**
 * The model for re-planning `instance`: `keptAt` gives each worker's employer
 * in the plan (by id), `barred` the employer a worker left and may not go
 * back to (such a worker keeps nothing).
 */
export const replanModel = (
  instance: Instance,
  keptAt: ReadonlyMap<string, string>,
  barred: ReadonlyMap<string, string>,
  moves: MovePolicy,
): ReplanModel => {
  const base = aggregate(instance);
  const employerIndex = new Map(instance.employers.map((e, i) => [e.id, i]));
  // The kept placements of workers still in the instance, by worker index (no map of every worker id).
  const keptOf = instance.workers.map((w) => {
    const e = keptAt.get(w.id);
    return e === undefined || barred.has(w.id) ? undefined : e;
  });
  // Holders per employer, to find the employers whose holders no longer fit their slots.
  const holders = new Map<string, number>();
  for (let w = 0; w < keptOf.length; w++) {
    const e = keptOf[w];
    if (e !== undefined && employerIndex.has(e)) holders.set(e, (holders.get(e) ?? 0) + 1);
  }
  const apart = new Set<string>([...barred.values()].filter((id) => employerIndex.has(id)));
  const legal = legalCapacities(instance);
  for (const [id, n] of holders) if (n > (legal[employerIndex.get(id) as number] ?? 0)) apart.add(id);

  const split = apart.size > 0;
  const workers = split
    ? refine(base.workers, (w) => {
        const left = barred.get((instance.workers[w] as { readonly id: string }).id);
        return left !== undefined && apart.has(left) ? `!${left}` : null;
      })
    : { classes: base.workers, parent: base.workers.map((_, c) => c) };
  const employers = split
    ? refine(base.employers, (e) => {
        const id = (instance.employers[e] as { readonly id: string }).id;
        return apart.has(id) ? `@${id}` : null;
      })
    : { classes: base.employers, parent: base.employers.map((_, j) => j) };
  const classes: Classes = { workers: workers.classes, employers: employers.classes };
  const all = eligibleArcs(instance, classes);
  let arcs: ModelArcs = all;
  let plainArcs = all.length;
  if (split) {
    // The arc from a class of workers who left an employer back to that employer's own class is removed.
    const ownClass = new Map<string, number>();
    employers.classes.forEach((g, j) => {
      const tag = g.key.split(SEP).pop() ?? "";
      if (g.key.includes(SEP) && tag.startsWith("@")) ownClass.set(tag.slice(1), j);
    });
    const backTo = workers.classes.map((g) => {
      const tag = g.key.includes(SEP) ? (g.key.split(SEP).pop() ?? "") : "";
      return tag.startsWith("!") ? (ownClass.get(tag.slice(1)) ?? -1) : -1;
    });
    let removed = 0;
    for (let i = 0; i < all.length; i++) if (backTo[all.from[i] as number] === all.to[i]) removed++;
    if (removed > 0) {
      const n = all.length - removed;
      const kept = { length: n, from: new Int32Array(n), to: new Int32Array(n), score: new Int32Array(n), upper: new Int32Array(n) };
      let k = 0;
      for (let i = 0; i < all.length; i++) {
        if (backTo[all.from[i] as number] === all.to[i]) continue;
        kept.from[k] = all.from[i] as number;
        kept.to[k] = all.to[i] as number;
        kept.score[k] = all.score[i] as number;
        kept.upper[k++] = all.upper[i] as number;
      }
      arcs = kept;
    }
    // Distinct (unsplit worker class, unsplit employer class) pairs. An arc between two classes that were
    // not split is the only arc of its pair (the pair of classes is the pair of parents); only arcs with an
    // end in a split class can share a pair, and those few are counted through a set.
    const partsOf = (parent: readonly number[], count: number): Int32Array => {
      const parts = new Int32Array(count);
      for (const c of parent) parts[c] = (parts[c] as number) + 1;
      return parts;
    };
    const workerParts = partsOf(workers.parent, base.workers.length);
    const employerParts = partsOf(employers.parent, base.employers.length);
    const span = base.employers.length;
    const shared = new Set<number>();
    plainArcs = 0;
    for (let i = 0; i < all.length; i++) {
      const c = workers.parent[all.from[i] as number] as number;
      const j = employers.parent[all.to[i] as number] as number;
      if ((workerParts[c] as number) === 1 && (employerParts[j] as number) === 1) plainArcs++;
      else shared.add(c * span + j);
    }
    plainArcs += shared.size;
  }
  const built = assembleModel(instance, classes, arcs);

  // Holders per arc: k of the module comment. A holder whose pair has no arc (no longer eligible) holds nothing.
  const workerClassOf = new Int32Array(instance.workers.length);
  built.workerMembers.forEach((members, c) => members.forEach((w) => (workerClassOf[w] = c)));
  const employerClassOf = new Int32Array(instance.employers.length);
  built.employerMembers.forEach((members, j) => members.forEach((e) => (employerClassOf[e] = j)));
  // The arcs come in increasing (worker class, employer class) order (../model/build.ts `eligibleArcsUntil`,
  // and filtering keeps it): a pair's arc is found by bisecting its worker class's run, not through a map of every arc.
  const modelArcs = built.model.arcs;
  const runStart = new Int32Array(built.model.workerClasses.length + 1);
  for (let i = 0; i < modelArcs.length; i++) {
    const from = modelArcs.from[i] as number;
    runStart[from + 1] = (runStart[from + 1] as number) + 1;
  }
  for (let c = 0; c < built.model.workerClasses.length; c++) runStart[c + 1] = (runStart[c + 1] as number) + (runStart[c] as number);
  const arcOf = (from: number, to: number): number | undefined => {
    let lo = runStart[from] as number;
    let hi = (runStart[from + 1] as number) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = modelArcs.to[mid] as number;
      if (t === to) return mid;
      if (t < to) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  const holds = new Int32Array(instance.workers.length).fill(-1);
  const kept = new Int32Array(built.model.arcs.length);
  for (let w = 0; w < instance.workers.length; w++) {
    const eId = keptOf[w];
    const e = eId === undefined ? undefined : employerIndex.get(eId);
    if (e === undefined) continue;
    const a = arcOf(workerClassOf[w] as number, employerClassOf[e] as number);
    if (a === undefined) continue;
    holds[w] = e;
    kept[a] = (kept[a] as number) + 1;
  }
  const { weighted, stay, toBuilt, tooLarge } = weigh(built.model, kept, moves);
  return {
    built,
    weighted,
    stay,
    toBuilt,
    holds,
    plain: { workerClasses: base.workers.length, employerClasses: base.employers.length, arcs: plainArcs },
    tooLarge,
  };
};

/** The model with a stay arc before each arc with holders, and weights for the move policy; see the module comment. */
const weigh = (
  model: AssignmentModel,
  kept: Int32Array,
  moves: MovePolicy,
): { readonly weighted: AssignmentModel; readonly stay: Uint8Array; readonly toBuilt: Int32Array; readonly tooLarge: string | null } => {
  const supply = model.workerClasses.reduce((s, c) => s + c.supply, 0);
  const capacity = model.employerClasses.reduce((s, g) => s + g.capacity, 0);
  const P = Math.min(supply, capacity);
  const s = model.maxScore;
  const W0 = model.placementWeight;
  const { from, to, score, upper } = model.arcs;
  let keptSupply = 0;
  for (let i = 0; i < model.arcs.length; i++) keptSupply += Math.min(kept[i] as number, upper[i] as number);
  const S = Math.min(keptSupply, P);
  let bonus: number;
  let weight: number;
  if (moves === "fewest") {
    bonus = s * P + 1;
    weight = s * P + bonus * S + 1;
  } else if (moves === "pinned") {
    bonus = (W0 + s) * P + 1;
    weight = W0;
  } else {
    bonus = moves.penalty;
    weight = (s + bonus) * P + 1;
  }
  const scale = (penalty: number | null): number | null => (penalty === null ? null : weight === W0 ? penalty : Math.round((penalty / W0) * weight));
  // Sized first (a stay arc per arc with holders, a plain part unless the holders take the whole bound), then filled.
  let size = 0;
  for (let i = 0; i < model.arcs.length; i++) {
    const u = upper[i] as number;
    const k = bonus > 0 ? Math.min(kept[i] as number, u) : 0;
    size += (k > 0 ? 1 : 0) + (u - k > 0 || k === 0 ? 1 : 0);
  }
  // Stay arcs score up to s + bonus: beyond 32 bits under "pinned", and a penalty need not be whole: then the scores are doubles (../model/types.ts).
  const arcs = {
    length: size,
    from: new Int32Array(size),
    to: new Int32Array(size),
    score: Number.isInteger(bonus) && s + bonus <= 2 ** 31 - 1 ? new Int32Array(size) : new Float64Array(size),
    upper: new Int32Array(size),
  };
  const stay = new Uint8Array(size);
  const toBuilt = new Int32Array(size);
  let n = 0;
  for (let i = 0; i < model.arcs.length; i++) {
    const u = upper[i] as number;
    const k = bonus > 0 ? Math.min(kept[i] as number, u) : 0;
    if (k > 0) {
      arcs.from[n] = from[i] as number;
      arcs.to[n] = to[i] as number;
      arcs.score[n] = (score[i] as number) + bonus;
      arcs.upper[n] = k;
      stay[n] = 1;
      toBuilt[n++] = i;
    }
    // An arc whose holders take its whole bound keeps no plain part (a zero bound would be an arc for nothing).
    if (u - k > 0 || k === 0) {
      arcs.from[n] = from[i] as number;
      arcs.to[n] = to[i] as number;
      arcs.score[n] = score[i] as number;
      arcs.upper[n] = u - k;
      toBuilt[n++] = i;
    }
  }
  // The engines work exactly while every arc's gain times its bound, summed, stays under 2^52 (the flow engine's policy solver checks the same).
  let reach = 0;
  for (let i = 0; i < size; i++) reach += (weight + (arcs.score[i] as number)) * (arcs.upper[i] as number);
  const tooLarge =
    reach <= 2 ** 52
      ? null
      : `at ${P.toLocaleString("en-US")} placements the order ${JSON.stringify(moves)} needs numbers (gains times bounds up to ${reach.toExponential(1)}) beyond exact arithmetic in doubles (2^52): give moves a penalty instead (moves: { penalty: k }: placements first, then score less k points per move), which keeps the numbers near those of match`;
  return {
    tooLarge,
    stay,
    toBuilt,
    weighted: {
      ...model,
      arcs,
      placementWeight: weight,
      maxScore: s + bonus,
      ...(model.policies === undefined ? {} : { policies: model.policies.map((p) => ({ ...p, penalty: scale(p.penalty) })) }),
      ...(model.groups === undefined ? {} : { groups: model.groups.map((g) => ({ ...g, penalty: scale(g.penalty) })) }),
    },
  };
};

/** The flows of `built` (one per class pair) from the flows of `weighted` (stay and plain parts added). */
export const builtFlows = (m: ReplanModel, flows: Flows): number[] => {
  const out = new Array<number>(m.built.model.arcs.length).fill(0);
  for (let i = 0; i < flows.length; i++) {
    const a = m.toBuilt[i] as number;
    out[a] = (out[a] as number) + (flows[i] as number);
  }
  return out;
};
