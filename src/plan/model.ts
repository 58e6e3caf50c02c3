/**
 * The re-planning model: the instance's own model (../model/build.ts) with
 * its classes refined so that keeping a placement is one arc, and the
 * objective weighted so that the order the user chose comes out of one
 * solve. The model builder and the engines are used as they are; only the
 * classes given to them are finer, and the arc scores and weights of the
 * built model are raised here.
 *
 * Refinement: a worker placed in the plan (and still in it, at an employer
 * still in it) goes into a class of their own kind *and* employer; that
 * employer into a class of its own. The arc between the two is the
 * placement kept ("stay arc"); a worker who changed jobs is split out the
 * same way and the arc back to the employer they left is removed. Members of
 * a refined class are still interchangeable, so the answer stays exact and
 * reproducible. Eligibility decides the arcs as always: a placement that
 * became unlawful (a test result, a wage under the new minimum, a closed
 * employer) has no stay arc, and a capacity that fell (slots removed, a cap
 * on a smaller staff) keeps only as many as fit.
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
import type { AssignmentModel } from "../model/types.js";

/** How moves of placed workers weigh against placements and score. */
export type MovePolicy = "fewest" | "pinned" | { readonly penalty: number };

export interface ReplanModel {
  /** The refined model with the instance's scores and weights: what the result is assembled from. */
  readonly built: BuiltModel;
  /** The same model with stay arcs raised and weights set for the move policy: what is solved. */
  readonly weighted: AssignmentModel;
  /** Per arc of the model: whether it keeps a placement. */
  readonly stay: readonly boolean[];
  /** The instance's own (unrefined) model size, as `match` would report it. */
  readonly plain: { readonly workerClasses: number; readonly employerClasses: number; readonly arcs: number };
  /** Null when every number fits the exact integer range of doubles; else why not. */
  readonly tooLarge: string | null;
}

const SEP = "\u0000";

/** Splits each class by a tag per member (null: untagged), keeping keys sorted and members in index order. */
const refine = (
  groups: readonly { readonly key: string; readonly members: readonly number[] }[],
  tagOf: (member: number) => string | null,
): { readonly classes: { key: string; members: number[] }[]; readonly parent: number[] } => {
  const parts: { key: string; members: number[]; parent: number }[] = [];
  groups.forEach((g, c) => {
    const byTag = new Map<string, number[]>();
    for (const m of g.members) {
      const tag = tagOf(m) ?? "";
      const list = byTag.get(tag);
      if (list === undefined) byTag.set(tag, [m]);
      else list.push(m);
    }
    for (const [tag, members] of byTag) parts.push({ key: tag === "" ? g.key : `${g.key}${SEP}${tag}`, members, parent: c });
  });
  parts.sort((a, b) => compareStrings(a.key, b.key));
  return { classes: parts.map(({ key, members }) => ({ key, members })), parent: parts.map((p) => p.parent) };
};

/**
 * The model for re-planning `instance`: `keptAt` gives each worker's employer
 * in the plan (by id; only workers who may keep it), `barred` the employer a
 * worker may not go back to.
 */
export const replanModel = (
  instance: Instance,
  keptAt: ReadonlyMap<string, string>,
  barred: ReadonlyMap<string, string>,
  moves: MovePolicy,
): ReplanModel => {
  const base = aggregate(instance);
  const employerIndex = new Map(instance.employers.map((e, i) => [e.id, i]));
  const own = new Set<string>([...keptAt.values(), ...barred.values()].filter((id) => employerIndex.has(id)));
  const workers = refine(base.workers, (w) => {
    const id = (instance.workers[w] as { readonly id: string }).id;
    const left = barred.get(id);
    if (left !== undefined && own.has(left)) return `!${left}`;
    const at = keptAt.get(id);
    return at !== undefined && own.has(at) ? `@${at}` : null;
  });
  const employers = refine(base.employers, (e) => {
    const id = (instance.employers[e] as { readonly id: string }).id;
    return own.has(id) ? `@${id}` : null;
  });
  const classes: Classes = { workers: workers.classes, employers: employers.classes };
  const ownClass = new Map<string, number>();
  employers.classes.forEach((g, j) => {
    const tag = g.key.split(SEP).pop() ?? "";
    if (g.key.includes(SEP) && tag.startsWith("@")) ownClass.set(tag.slice(1), j);
  });
  const tagOfClass = workers.classes.map((g) => (g.key.includes(SEP) ? (g.key.split(SEP).pop() ?? "") : ""));
  const all = eligibleArcs(instance, classes);
  const plainArcs = new Set(all.map((a) => `${workers.parent[a.from]},${employers.parent[a.to]}`)).size;
  const arcs = all.filter((a) => {
    const tag = tagOfClass[a.from] ?? "";
    return !(tag.startsWith("!") && ownClass.get(tag.slice(1)) === a.to);
  });
  const built = assembleModel(instance, classes, arcs);
  const stay = built.model.arcs.map((a) => {
    const tag = tagOfClass[a.from] ?? "";
    return tag.startsWith("@") && ownClass.get(tag.slice(1)) === a.to;
  });
  const { weighted, tooLarge } = weigh(built.model, stay, moves);
  return { built, weighted, stay, plain: { workerClasses: base.workers.length, employerClasses: base.employers.length, arcs: plainArcs }, tooLarge };
};

/** The model with stay arcs raised for the move policy; see the module comment. */
const weigh = (model: AssignmentModel, stay: readonly boolean[], moves: MovePolicy): { readonly weighted: AssignmentModel; readonly tooLarge: string | null } => {
  const supply = model.workerClasses.reduce((s, c) => s + c.supply, 0);
  const capacity = model.employerClasses.reduce((s, g) => s + g.capacity, 0);
  const P = Math.min(supply, capacity);
  const s = model.maxScore;
  const W0 = model.placementWeight;
  let keptSupply = 0;
  const counted = new Set<number>();
  model.arcs.forEach((a, i) => {
    if (stay[i] === true && !counted.has(a.from)) {
      counted.add(a.from);
      keptSupply += model.workerClasses[a.from]?.supply ?? 0;
    }
  });
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
  // The engines work exactly while every arc's gain times its bound, summed, stays under 2^52 (the flow engine's policy solver checks the same).
  let reach = 0;
  model.arcs.forEach((a, i) => {
    reach += (weight + a.score + (stay[i] === true ? bonus : 0)) * a.upper;
  });
  const tooLarge =
    reach <= 2 ** 52
      ? null
      : `at ${P.toLocaleString("en-US")} placements the order ${JSON.stringify(moves)} needs numbers (gains times bounds up to ${reach.toExponential(1)}) beyond exact arithmetic in doubles (2^52): give moves a penalty instead (moves: { penalty: k }: placements first, then score less k points per move), which keeps the numbers near those of match`;
  return {
    tooLarge,
    weighted: {
      ...model,
      arcs: model.arcs.map((a, i) => (stay[i] === true ? { ...a, score: a.score + bonus } : a)),
      placementWeight: weight,
      maxScore: s + bonus,
      ...(model.policies === undefined ? {} : { policies: model.policies.map((p) => ({ ...p, penalty: scale(p.penalty) })) }),
      ...(model.groups === undefined ? {} : { groups: model.groups.map((g) => ({ ...g, penalty: scale(g.penalty) })) }),
    },
  };
};
