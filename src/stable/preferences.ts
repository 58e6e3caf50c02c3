/**
 * Preferences: how much a worker wants an employer, and how much an employer
 * wants a worker, as numbers (higher is better; equal numbers are a tie,
 * a true indifference). Stated rankings (./rankings.ts) come first; where a
 * worker or an employer states nothing, the preference is *derived* from the
 * data already in the instance, with the instance's scoring weights
 * (../rules/scoring.ts), so that it reads like the planner's own score:
 *
 * A worker's value of an employer (derived):
 *
 *     50 x (fieldPreference weight x field points + prefecturePreference weight x prefecture points)
 *       + wageAboveMinimum weight x starting wage in yen an hour
 *
 * The *starting wage* (`startingWage`) is what the employer pays her from
 * the first day: its declared hourly wage, raised to every floor already in
 * force at the start of the placement period where the plan lists such a
 * raise (a minimum wage, or equal pay with its Japanese employee; see
 * ../rules/wages.ts). Raises due later in the period (a minimum wage
 * revision in October) are not counted: they lift every employer of the
 * prefecture and industry to the same floor, so counting them would turn
 * real differences in the first months' pay into ties, and a worker
 * choosing between offers compares what each pays when she arrives.
 * where field and prefecture points are the score's (6 - rank of the
 * employer's field or sector, and of its prefecture, in the worker's stated
 * lists; 0 when unlisted). The wage counts in full yen, not in the score's
 * capped 50-yen steps: one weighted point of the score is worth 50 yen an
 * hour, so with the default weights a worker takes her second-choice field
 * over her first (one point x weight 4) for 200 yen an hour more, and one
 * place down her prefecture list (one point x weight 2) for 100 yen. Every
 * eligible employer is acceptable to her.
 *
 * An employer's value of a worker (derived):
 *
 *     preferredSkills weight x preferred skills held (at most 5)
 *       + languageAboveRequirement weight x levels above the slot's requirement (at most 4)
 *       + experience: years in the skills the employer requires or prefers, the most of any one (at most 5)
 *
 * Every eligible worker is acceptable to it.
 *
 * Stated rankings: a worker's listed employers rank above every unlisted one,
 * tier by tier; unlisted employers follow in the derived order, or are
 * unacceptable (`others: "unacceptable"`). An employer ranks its listed
 * workers first, then the workers accepted at interview (derived order), then
 * the rest (derived order, or unacceptable); a worker rejected at interview
 * is never acceptable.
 *
 * Ties are kept as ties here: the stability audit reads them as
 * indifference (a worker indifferent between two employers does not block).
 * Mechanisms need strict lists and break ties by one documented rule
 * (./tieBreak.ts).
 */
import type { Employer, Instance, Reference, Worker } from "../input/instance.js";
import { languagePoints, preferredSkillPoints, score, type Weights } from "../rules/scoring.js";
import type { EmployerRanking, WorkerRanking } from "./rankings.js";

/** Yen an hour that one point of the score is worth in a worker's derived value. */
export const YEN_PER_POINT = 50;

/** The most years of experience an employer's derived value counts. */
export const MAX_EXPERIENCE_YEARS = 5;

/** The part of a worker's derived value that is not the wage, from the score's field and prefecture points. */
export const placeValueOf = (fieldPoints: number, prefecturePoints: number, w: Weights): number =>
  YEN_PER_POINT * (w.fieldPreference * fieldPoints + w.prefecturePreference * prefecturePoints);

/** The part of a worker's derived value that is not the wage: 50 x weighted field and prefecture points. */
export const placeValue = (worker: Worker, employer: Employer, instance: Instance): number => {
  const p = score(worker, employer, instance.reference, instance.weights).points;
  return placeValueOf(p.fieldPreference, p.prefecturePreference, instance.weights);
};

/**
 * The wage a worker's derived value reads: the employer's declared hourly
 * wage, raised to every floor in force at the start of the placement period
 * (the raises from the first day the plan lists); see the module comment.
 */
export const startingWage = (employer: Employer, reference: Reference): number => {
  const start = reference.placement.start;
  let wage = employer.hourlyWage;
  for (const step of reference.wages.get(employer.id)?.shortfalls ?? []) if (step.from <= start && step.amount > wage) wage = step.amount;
  return wage;
};

/** A worker's derived value of an employer; see the module comment. */
export const derivedWorkerValue = (worker: Worker, employer: Employer, instance: Instance): number =>
  placeValue(worker, employer, instance) + instance.weights.wageAboveMinimum * startingWage(employer, instance.reference);

/** Years of experience the employer counts: the most years in any one skill it requires or prefers, at most 5, whole years. */
export const experienceYears = (worker: Worker, employer: Employer): number => {
  // Loops over the few skills on each side, no set of names: the market asks this for every (standing,
  // profile) pair it reads, and a set and two arrays per call were most of the garbage it made.
  let best = 0;
  for (let i = 0; i < worker.skills.length; i++) {
    const s = worker.skills[i] as Worker["skills"][number];
    if (s.years > best && (namedIn(employer.requiredSkills, s.name) || namedIn(employer.preferredSkills, s.name))) best = s.years;
  }
  return Math.min(MAX_EXPERIENCE_YEARS, Math.floor(best));
};

const namedIn = (skills: readonly { readonly name: string }[], name: string): boolean => {
  for (let i = 0; i < skills.length; i++) if ((skills[i] as { readonly name: string }).name === name) return true;
  return false;
};

/** An employer's derived value of a worker; see the module comment. */
export const derivedEmployerValue = (worker: Worker, employer: Employer, instance: Instance): number => {
  // The two criteria of the score it reads (not the worker's own preferences, nor the wage), as score computes them.
  const w = instance.weights;
  return w.preferredSkills * preferredSkillPoints(worker, employer) + w.languageAboveRequirement * languagePoints(worker, employer, instance.reference) + experienceYears(worker, employer);
};

/** The largest derived employer value under these weights. */
export const maxDerivedEmployerValue = (w: Weights): number => w.preferredSkills * 5 + w.languageAboveRequirement * 4 + MAX_EXPERIENCE_YEARS;

/** Unacceptable, on either side. */
export const UNACCEPTABLE = -Infinity;

/** A stated worker tier's value: above every derived value (which stays below 2^40). */
const TIER_BASE = 2 ** 40;

/**
 * A worker's value of an employer, her stated ranking first; UNACCEPTABLE
 * where she would rather stay unplaced. Meaningful only where eligible.
 */
export const workerValueWith = (ranking: WorkerRanking | undefined, tierOf: ReadonlyMap<string, number> | undefined, derived: number, employerId: string): number => {
  if (ranking === undefined || tierOf === undefined) return derived;
  const tier = tierOf.get(employerId);
  if (tier !== undefined) return TIER_BASE * (ranking.tiers.length - tier);
  return ranking.others === "unacceptable" ? UNACCEPTABLE : derived;
};

/** Each id's tier (0 = best) in a ranking. */
export const tierIndex = (tiers: readonly (readonly string[])[]): Map<string, number> => {
  const out = new Map<string, number>();
  tiers.forEach((tier, i) => tier.forEach((id) => out.set(id, i)));
  return out;
};

/** An employer's stated ranking, indexed for lookups. */
export interface IndexedEmployerRanking {
  readonly ranking: EmployerRanking;
  readonly tierOf: ReadonlyMap<string, number>;
  readonly accepted: ReadonlySet<string>;
  readonly rejected: ReadonlySet<string>;
}

export const indexEmployerRanking = (ranking: EmployerRanking): IndexedEmployerRanking => ({
  ranking,
  tierOf: tierIndex(ranking.tiers),
  accepted: new Set(ranking.accepted),
  rejected: new Set(ranking.rejected),
});

/**
 * An employer's value of a worker, its stated ranking first, as a small
 * integer (derived values are 0..D, D = maxDerivedEmployerValue): listed
 * tiers above accepted-at-interview workers above the rest; UNACCEPTABLE for
 * a worker rejected at interview, or unlisted under `others: "unacceptable"`.
 */
export const employerValueWith = (stated: IndexedEmployerRanking | undefined, maxDerived: number, derived: number, workerId: string): number => {
  if (stated === undefined) return derived;
  if (stated.rejected.has(workerId)) return UNACCEPTABLE;
  const tier = stated.tierOf.get(workerId);
  if (tier !== undefined) return 2 * maxDerived + 2 + (stated.ranking.tiers.length - 1 - tier);
  if (stated.accepted.has(workerId)) return maxDerived + 1 + derived;
  return stated.ranking.others === "unacceptable" ? UNACCEPTABLE : derived;
};
