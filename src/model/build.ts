/**
 * Model building: a decoded instance in, the integer program (./types.ts) out,
 * with the membership tables that map classes back to workers and employers.
 * Never touches a solver.
 *
 * Aggregation (shared/solver-notes.md: aggregate before you solve):
 * - a *worker class* holds the workers whose eligibility and score agree for
 *   every employer: same language evidence, care test, certifications (with
 *   their job categories), skills, ranked preferences, the worker rules that
 *   exclude them (age, time in SSW, departure checklist) and whether they
 *   qualify for home-visit care. Training centre and home province do not
 *   enter the rules, so they do not split classes;
 * - an *employer class* holds the employers that agree for every worker:
 *   same prefecture, field, job category, language requirement, required and
 *   preferred skills, wage points (wage above the minimum in 50-yen steps),
 *   home-visit care, and the employer rules that exclude them. Its capacity
 *   is the sum of their legal capacities (../rules/limits.ts: slots, lowered
 *   by the legal limits that count every worker), so a legal limit does not
 *   set an employer apart. Under a diversity limit each employer has a
 *   class of its own, unless the model is built with `mergeAlike` (as
 *   `match` builds it): then employers alike in every rule share classes
 *   where their own limits allow it exactly (../policy/alike.ts).
 * The legal limits (../rules/limits.ts) come first among the model's
 * constraints, then the policy's (../policy/compile.ts).
 * Classes are ordered by key and members by id, so the model is the same
 * whatever the order of the input rows.
 */
import { findField } from "../domain/fields.js";
import type { Employer, Instance, Reference, Worker } from "../input/instance.js";
import { compareStrings } from "../input/instance.js";
import { isDeepFrozen } from "../input/freeze.js";
import { eligibilityKinds, homeVisitStanding, homeVisitStandingFor } from "../rules/eligibility.js";
import { compileScorer } from "../rules/scorer.js";
import { compileLimits, legalCapacities } from "../rules/limits.js";
import { startLimits, startsKey } from "../rules/starts.js";
import { unbarred, workerBarriers, workerBarriersFor } from "../rules/worker.js";
import { maxScore, wagePoints } from "../rules/scoring.js";
import { penaltyDenominator, placementWeightFor } from "./objective.js";
import { classSplits, compilePolicy, policyPenalties, type ClassSplits } from "../policy/compile.js";
import { alikeBuckets, alikeClasses, memberCaps, type AlikeClasses } from "../policy/alike.js";
import { groupByParts } from "./grouping.js";
import { indexColumn, noArcs, type AssignmentModel, type ModelArcs } from "./types.js";

export interface BuiltModel {
  readonly model: AssignmentModel;
  /** For each worker class, indices into instance.workers, in id order. */
  readonly workerMembers: readonly (readonly number[])[];
  /** For each employer class, indices into instance.employers, in id order. */
  readonly employerMembers: readonly (readonly number[])[];
  /** Employer classes of several employers under a diversity limit (../policy/alike.ts): what splitting their placements among members reads; absent when there are none. */
  readonly alike?: AlikeClasses;
}

/**
 * The attributes that decide a worker's eligibility and score, as a canonical
 * string; plus training centre, home province, group or internship employer
 * where a policy or a legal limit reads them.
 */
export const workerClassKey = (w: Worker, reference: Reference, splits: ClassSplits = NO_SPLITS): string => JSON.stringify(workerClassParts(w, reference, splits));

/** What `workerClassKey` prints: the worker's class attributes as plain data, written into `into` (a fresh array unless given). */
const workerClassParts = (
  w: Worker,
  reference: Reference,
  splits: ClassSplits,
  into: unknown[] = [],
  barriers: (w: Worker) => readonly unknown[] = (x) => workerBarriers(x, reference.placement),
  standing: (w: Worker) => unknown = (x) => homeVisitStanding(x, reference),
): unknown[] => {
  into[0] = w.language;
  into[1] = w.careJapaneseTest;
  into[2] = w.certifications;
  into[3] = w.skills;
  into[4] = w.fieldPreferences;
  into[5] = w.prefecturePreferences;
  into[6] = barriers(w);
  into[7] = standing(w);
  into[8] = splits.byCentre ? w.trainingCentre : null;
  into[9] = splits.byProvince ? w.homeProvince : null;
  into[10] = splits.byGroup ? w.group : null;
  into[11] = splits.byFormerIntern ? w.formerInternAt : null;
  into[12] = w.availableFrom;
  return into;
};

/** The attributes that decide an employer's eligibility and score, as a canonical string; plus its id (or organisation) where a constraint needs it apart. */
export const employerClassKey = (e: Employer, wagePoints: number, reference: Reference, splits: ClassSplits = NO_SPLITS): string =>
  JSON.stringify(employerClassParts(e, wagePoints, reference, splits));

/** What `employerClassKey` prints: the employer's class attributes as plain data. */
const employerClassParts = (e: Employer, wagePoints: number, reference: Reference, splits: ClassSplits): unknown[] => [
  e.prefecture,
  e.field,
  e.jobCategory,
  e.minLanguage,
  e.requiredSkills,
  e.preferredSkills,
  wagePoints,
  e.homeVisitCare,
  reference.employerBarriers.get(e.id) ?? NO_BARRIERS,
  splits.ownClass(e) ? e.id : null,
  splits.bySupport ? e.support : null,
  startsKey(e),
];

/** The barriers of an employer no rule excludes: one frozen empty list (grouping knows it by identity). */
const NO_BARRIERS: readonly never[] = Object.freeze([]);

const NO_SPLITS: ClassSplits = { byCentre: false, byProvince: false, byGroup: false, ownClass: () => false, byDiversity: false, bySupport: false, byFormerIntern: false };

/** The key under which an employer class is listed as a candidate: its field, and its job category where the field has them and the employer names one. */
const candidateKey = (field: string, jobCategory: string | null): string => (jobCategory === null ? field : `${field}\u0000${jobCategory}`);

/**
 * The keys of the employer classes a worker could possibly work at: each field her certifications name,
 * and each (field, job category) they name. Eligibility needs a certification in the employer's field,
 * and where the employer names a job category of a field that has them, one in that category.
 */
const candidateKeys = (w: Worker): ReadonlySet<string> => {
  const keys = new Set<string>();
  for (const c of w.certifications) {
    keys.add(c.field);
    if (c.jobCategory !== null) keys.add(candidateKey(c.field, c.jobCategory));
  }
  return keys;
};

/** Workers and employers grouped into classes (the aggregation step). */
export interface Classes {
  readonly workers: readonly { readonly key: string; readonly members: readonly number[] }[];
  readonly employers: readonly { readonly key: string; readonly members: readonly number[] }[];
}

/** Workers and employers in classes; `mergeAlike`: employers under a diversity limit share classes where that is exact (../policy/alike.ts). */
export const aggregate = (instance: Instance, mergeAlike = false): Classes => aggregateUntil(instance, undefined, mergeAlike) as Classes;

/**
 * Worker class attributes remembered for workers that cannot change (deeply frozen: decoded from a frozen
 * input, ../input/reuse.ts, as a saved plan's are), with what else they read: the catalogue, the placement
 * period and the splits. Re-planning after events then works out the rules behind them (the worker rules,
 * home-visit standing) only for the rows the events changed.
 */
const workerParts = new WeakMap<Worker, { readonly context: string; readonly parts: readonly unknown[] }>();

const workerPartsOf = (reference: Reference, splits: ClassSplits): ((w: Worker) => readonly unknown[]) => {
  const context = JSON.stringify([reference.catalogue.version, reference.placement, splits.byCentre, splits.byProvince, splits.byGroup, splits.byFormerIntern]);
  // The parts of a worker not remembered are written into one array, read before the next worker's
  // (./grouping.ts): 333,000 arrays of 13 parts were most of what grouping allocated.
  // Workers alike in the worker rules share one frozen answer (../rules/worker.ts).
  const scratch: unknown[] = [];
  const barriers = workerBarriersFor(reference.placement);
  const standing = homeVisitStandingFor(reference);
  return (w) => {
    // Only a deeply frozen worker is remembered, and frozen is for good: an unfrozen one (a decoded input
    // that was not frozen, as at national scale) is neither looked up nor walked.
    if (!Object.isFrozen(w)) return workerClassParts(w, reference, splits, scratch, barriers, standing);
    const known = workerParts.get(w);
    if (known !== undefined && known.context === context) return known.parts;
    if (!isDeepFrozen(w)) return workerClassParts(w, reference, splits, scratch, barriers, standing);
    const parts = Object.freeze(workerClassParts(w, reference, splits, [], barriers, standing));
    workerParts.set(w, { context, parts });
    return parts;
  };
};

/** `aggregate`, or null when the deadline came first. */
const aggregateUntil = (instance: Instance, deadline: number | undefined, mergeAlike: boolean): Classes | null => {
  const splits = classSplits(instance, mergeAlike);
  // Grouped as by the class keys, without a key string per row (./grouping.ts).
  const workers = groupByParts(instance.workers, workerPartsOf(instance.reference, splits), deadline);
  if (workers === null) return null;
  const employers = groupByParts(instance.employers, (e) => employerClassParts(e, wagePoints(e, instance.reference), instance.reference, splits), deadline);
  if (employers === null) return null;
  if (!splits.byDiversity) return { workers, employers };
  // Employers alike in every rule under a diversity limit: split into the buckets that may share a class
  // (../policy/alike.ts), each keyed by its bucket; classes again in key order.
  const legal = legalCapacities(instance);
  const caps = memberCaps(instance);
  const refined = employers.flatMap((g) => {
    if (g.members.length <= 1) return [g];
    const buckets = alikeBuckets(legal, caps, g.members);
    return buckets.length === 1 ? [g] : buckets.map((b) => ({ key: `${g.key}~${b.k}`, members: b.members }));
  });
  refined.sort((a, b) => compareStrings(a.key, b.key));
  return { workers, employers: refined };
};

/** One arc per eligible (worker class, employer class) pair with its score (the eligibility step). */
export const eligibleArcs = (instance: Instance, classes: Classes): ModelArcs => eligibleArcsUntil(instance, classes, undefined).arcs;

/**
 * The eligibility step, stopping at a deadline (a `performance.now()`
 * reading; undefined for none), checked before each worker class: the arcs of
 * the classes checked so far, and how many those were. A model built from an
 * interrupted step is incomplete and must not be solved. The arcs come in
 * increasing (worker class, employer class) order (re-planning bisects them),
 * written straight into columns (no object per arc).
 */
export const eligibleArcsUntil = (
  instance: Instance,
  classes: Classes,
  deadline: number | undefined,
): { readonly arcs: ModelArcs; readonly checkedClasses: number } => {
  const { workers, employers, reference, weights } = instance;
  const supplyOf = (c: number): number => classes.workers[c]?.members.length ?? 0;
  const legal = legalCapacities(instance);
  const capacities = Int32Array.from(classes.employers, (g) => g.members.reduce((s, i) => s + (legal[i] as number), 0));
  const slotsOf = (j: number): number => (classes.employers[j]?.members ?? []).reduce((s, i) => s + (employers[i] as Employer).slots, 0);

  // Index employer classes by field, and by job category where the field has
  // them and the employer names one, so a worker class is tested only against
  // the fields, and the categories in them, its certifications name: the
  // certification and job-category rules (../rules/eligibility.ts) exclude
  // every other class. (At national scale the job category alone rules out
  // about a third of the pairs in a worker's fields.)
  const classesByField = new Map<string, number[]>();
  classes.employers.forEach((g, j) => {
    const rep = employers[g.members[0] as number] as Employer;
    const field = findField(reference.catalogue, rep.field);
    // An employer a rule excludes whoever the worker (./rules/employer.ts) gets no arc.
    if (slotsOf(j) === 0 || field === undefined || reference.employerBarriers.has(rep.id)) return;
    const key = candidateKey(rep.field, field.jobCategories.length > 0 ? rep.jobCategory : null);
    const list = classesByField.get(key);
    if (list === undefined) classesByField.set(key, [j]);
    else list.push(j);
  });
  // As typed arrays, so a worker's candidates are one kind of array whether from one key or merged.
  const listsByField = new Map([...classesByField].map(([key, list]) => [key, Int32Array.from(list)]));

  /**
   * The employer classes listed under the worker's candidate keys, in
   * increasing order: each key's list already is, and a class is in one
   * key's list, so the lists are merged. Worked out once per list of
   * certifications (the candidate keys read nothing else; at national scale
   * 7,407 worker classes hold 338 lists, the decoder's shared ones), and kept
   * for the call: nothing changes the instance during it.
   */
  const merged = new Int32Array(classes.employers.length);
  const spare = new Int32Array(classes.employers.length);
  const candidateLists = new Map<Worker["certifications"], Int32Array>();
  const candidatesOf = (worker: Worker): Int32Array => {
    const known = candidateLists.get(worker.certifications);
    if (known !== undefined) return known;
    let lists = 0;
    let single = new Int32Array(0);
    let n = 0;
    for (const f of candidateKeys(worker)) {
      const list = listsByField.get(f);
      if (list === undefined) continue;
      lists++;
      if (lists === 1) {
        single = list;
        continue;
      }
      if (lists === 2) {
        merged.set(single);
        n = single.length;
      }
      // Merge the list into merged[0, n) through the spare buffer.
      spare.set(merged.subarray(0, n));
      let a = 0;
      let b = 0;
      let k = 0;
      while (a < n || b < list.length) {
        if (b >= list.length || (a < n && (spare[a] as number) < (list[b] as number))) merged[k++] = spare[a++] as number;
        else merged[k++] = list[b++] as number;
      }
      n = k;
    }
    const candidates = lists <= 1 ? single : merged.slice(0, n);
    candidateLists.set(worker.certifications, candidates);
    return candidates;
  };
  // Each side is read once per class, through its representative (the
  // first member: class keys hold all the rules and the score read):
  // eligibility once per pair of rule kinds and availability as two ranks
  // compared (../rules/eligibility.ts `eligibilityKinds`), the score compiled
  // (../rules/scorer.ts, the same totals as `score`).
  const workerReps = classes.workers.map((g) => workers[g.members[0] as number] as Worker);
  const employerReps = classes.employers.map((g) => employers[g.members[0] as number] as Employer);
  const { workerKind, employerKind, kindsEligible, workerDay, employerDay } = eligibilityKinds(reference, workerReps, employerReps);
  const scorer = compileScorer(employerReps, reference, weights);
  // Two passes over the candidates: the first marks the eligible ones (a bit each) and counts them, the second
  // writes the four columns once at their final length. Growing columns arc by arc and joining them at the end
  // wrote every arc twice into fresh memory, and fresh memory is dear: on a virtual machine the first write to
  // each page of it costs a page fault (85 MB of 32-bit arcs: about 0.4 s of CPU on the benchmark host; the
  // second write to the same memory, 20 ms). Hence too the 16-bit columns below: 43 MB.
  let eligibleBits = new Uint8Array(1 << 12);
  let candidateCount = 0;
  let n = 0;
  let checked = classes.workers.length;
  let largestSupply = 0;
  for (let c = 0; c < classes.workers.length; c++) {
    if (deadline !== undefined && performance.now() >= deadline) {
      checked = c;
      break;
    }
    const worker = workerReps[c] as Worker;
    // Nor does a worker a rule excludes whatever the employer (../rules/worker.ts; asked without the sentences).
    if (!unbarred(worker, reference.placement)) continue;
    largestSupply = Math.max(largestSupply, supplyOf(c));
    const candidates = candidatesOf(worker);
    if (((candidateCount + candidates.length) >> 3) >= eligibleBits.length) {
      const grown = new Uint8Array(Math.max(2 * eligibleBits.length, ((candidateCount + candidates.length) >> 3) + 1));
      grown.set(eligibleBits);
      eligibleBits = grown;
    }
    const kind = workerKind[c] as number;
    const day = workerDay[c] as number;
    for (let k = 0; k < candidates.length; k++, candidateCount++) {
      const j = candidates[k] as number;
      if ((employerDay[j] as number) >= day && kindsEligible(kind, employerKind[j] as number)) {
        eligibleBits[candidateCount >> 3] = (eligibleBits[candidateCount >> 3] as number) | (1 << (candidateCount & 7));
        n++;
      }
    }
  }
  // Each column as narrow as its values allow (./types.ts `indexColumn`). A bound is min(supply, capacity), so
  // at most the smaller of the largest of each.
  const largestUpper = Math.min(largestSupply, capacities.reduce((m, x) => Math.max(m, x), 0));
  const arcs: ModelArcs = {
    length: n,
    from: indexColumn(n, checked - 1),
    to: indexColumn(n, classes.employers.length - 1),
    score: indexColumn(n, maxScore(weights)),
    upper: indexColumn(n, largestUpper),
  };
  const { from, to, score, upper } = arcs;
  for (let c = 0, a = 0, bit = 0; c < checked; c++) {
    const worker = workerReps[c] as Worker;
    // The classes and candidates of the first pass, in its order.
    if (!unbarred(worker, reference.placement)) continue;
    const candidates = candidatesOf(worker);
    const supply = supplyOf(c);
    const scoreAt = scorer.forWorker(worker);
    const first = a;
    for (let k = 0; k < candidates.length; k++, bit++) {
      if (((eligibleBits[bit >> 3] as number) & (1 << (bit & 7))) === 0) continue;
      const j = candidates[k] as number;
      to[a] = j;
      score[a] = scoreAt(j);
      upper[a] = Math.min(supply, capacities[j] as number);
      a++;
    }
    from.fill(c, first, a);
  }
  return { arcs, checkedClasses: checked };
};

/** The pure transportation model from classes and arcs. */
export const assembleModel = (instance: Instance, classes: Classes, arcs: ModelArcs): BuiltModel => {
  const workerClasses = classes.workers.map((g) => ({ key: g.key, supply: g.members.length }));
  const legal = legalCapacities(instance);
  const employerClasses = classes.employers.map((g) => ({ key: g.key, capacity: g.members.reduce((s, i) => s + (legal[i] as number), 0) }));
  // The placement weight is set from the slots, not the legal capacities: a
  // bound the input states, so objective values do not move with the law's
  // arithmetic (any bound on the placements keeps the order exact).
  const totalCapacity = classes.employers.reduce((s, g) => s + g.members.reduce((t, i) => t + (instance.employers[i] as Employer).slots, 0), 0);
  const best = maxScore(instance.weights);
  const placementWeight = placementWeightFor(best, Math.min(instance.workers.length, totalCapacity), penaltyDenominator(policyPenalties(instance.policy)));
  const compiled = compilePolicy(instance, classes, arcs, placementWeight);
  const policies = [...compileLimits(instance, classes), ...startLimits(instance, classes, arcs), ...compiled.policies];
  const { groups } = compiled;
  const alike = alikeClasses(instance, classes);
  return {
    model: {
      workerClasses,
      employerClasses,
      arcs,
      placementWeight,
      maxScore: best,
      sideConstraints: [],
      ...(policies.length > 0 ? { policies } : {}),
      ...(groups.length > 0 ? { groups } : {}),
    },
    workerMembers: classes.workers.map((g) => g.members),
    employerMembers: classes.employers.map((g) => g.members),
    ...(alike === null ? {} : { alike }),
  };
};

/**
 * The model of an instance, each employer under a diversity limit in a class
 * of its own (one limit per employer and centre, as explanations read them).
 * `match` solves the same model with such employers merged where that is
 * exact (`buildModelUntil` with `mergeAlike`; ../policy/alike.ts): the same
 * optimum, fewer classes.
 */
export const buildModel = (instance: Instance, mergeAlike = false): BuiltModel => buildModelUntil(instance, undefined, mergeAlike).built;

/** A model built against a deadline: `interrupted` names the step the deadline stopped, and the model is then empty (no classes, nothing to solve). */
export interface BuiltUntil {
  readonly built: BuiltModel;
  readonly interrupted: string | null;
}

/**
 * `buildModel`, stopping at a deadline (a `performance.now()` reading;
 * undefined for none) while workers and employers are grouped into classes
 * and while eligibility is checked, the steps whose time grows with the
 * input. Compiling the legal limits and the policy is not interrupted.
 */
export const buildModelUntil = (instance: Instance, deadline: number | undefined, mergeAlike = false): BuiltUntil => {
  const stopped = (step: string): BuiltUntil => ({
    built: {
      model: { workerClasses: [], employerClasses: [], arcs: noArcs(), placementWeight: 1, maxScore: maxScore(instance.weights), sideConstraints: [] },
      workerMembers: [],
      employerMembers: [],
    },
    interrupted: step,
  });
  const classes = aggregateUntil(instance, deadline, mergeAlike);
  if (classes === null) return stopped("while workers and employers were grouped into classes");
  const { arcs, checkedClasses } = eligibleArcsUntil(instance, classes, deadline);
  if (checkedClasses < classes.workers.length) return stopped(`while eligibility was checked (${checkedClasses} of ${classes.workers.length} worker classes)`);
  return { built: assembleModel(instance, classes, arcs), interrupted: null };
};
