/**
 * Seeded synthetic cohorts and employers, in the instance input format.
 *
 * `generateInstance(params)` is pure: the same parameters give the same
 * instance, byte for byte once serialised. Workers and employers draw from
 * separate streams (`Random.fork`), so changing the number of workers does not
 * change the employers.
 *
 * Every distribution comes from ./facts.ts, where each number carries its
 * source or is marked synthetic. The data is built to *aggregate*: attributes
 * come from small palettes (a few language results, one main certification,
 * a handful of skill sets and preference patterns per field; a few wage steps
 * and requirement patterns per employer), so identical workers and identical
 * employers recur and the model's classes stay few (shared/solver-notes.md,
 * "Aggregation depends on the score").
 *
 * About `eligibleShare`: eligibility is mostly "certified in the employer's
 * field", so the share of eligible pairs is steered by how many workers also
 * hold a second certification (the other field of their sector, then one in
 * another sector; see ./setup.ts). The steering assumes the default language
 * and requirement mix, so `languageShift` moves the share, on purpose. It is
 * approximate (0.26-0.33 over seeds at 2,000 x 150 for the default 0.3), and
 * it has a floor: the share the field mix gives when every worker holds one
 * certification (about 0.24 for the pilot mix).
 *
 * @example
 * const instance = generateInstance({ seed: 7, workers: 500, employers: 40 });
 * JSON.stringify(instance) === JSON.stringify(generateInstance({ seed: 7, workers: 500, employers: 40 })); // true
 */
import type { FieldId } from "../domain/fields.js";
import type { InstanceInput } from "../input/codecs.js";
import { makeEmployers } from "./employers.js";
import { assignOrganisations, expectedWagesFor } from "./law.js";
import { DEFAULT_PLACEMENT_MONTHS } from "../input/lawDecode.js";
import * as F from "./facts.js";
import { createRandom } from "./random.js";
import { setUp } from "./setup.js";
import { makeWorkers } from "./workers.js";

export interface GeneratorParams {
  /** Any number or string; `12` and `"12"` are the same seed. */
  readonly seed: number | string;
  /** Number of workers. */
  readonly workers: number;
  /** Number of employers. */
  readonly employers: number;
  /** JIS codes the employers are spread over (uniformly); the first is the one workers name first. */
  readonly prefectures?: readonly string[];
  /** SSW field ids used, from the field catalogue. */
  readonly fields?: readonly FieldId[];
  /** Relative weight per field, for workers' main certification and for employers; missing fields weigh 0. */
  readonly fieldMix?: Readonly<Record<FieldId, number>>;
  /** Moves every worker's Japanese level up (or down, if negative) by this many levels, within N5..N1. */
  readonly languageShift?: number;
  /** Total slots divided by workers. */
  readonly slotsPerWorker?: number;
  /** Target share of worker-employer pairs that are eligible (approximate; see the module comment). */
  readonly eligibleShare?: number;
  /**
   * Share of workers also certified in a field of another sector (0..1).
   * When given, second certifications are drawn at this share (and the other
   * field of the sector at SIBLING_CERTIFICATION_SHARE) rather than steered to
   * `eligibleShare`: the eligible share is then what the mix gives.
   */
  readonly crossCertificationShare?: number;
  /** Number of common worker profiles the cohort is drawn from (fewer: fewer worker classes). */
  readonly profiles?: number;
  /** Share of workers with a profile of their own rather than a common one (0..1). */
  readonly individualShare?: number;
  /** Field catalogue version, written to `reference.fieldCatalogue`. */
  readonly fieldCatalogue?: string;
  /** Reference date, written to `reference.asOf`: the placement start (ages, minimum wages in force). */
  readonly asOf?: string;
}

/** Defaults for every optional parameter, each from ./facts.ts. */
export const GENERATOR_DEFAULTS = {
  /** Kagawa only. */
  prefectures: [F.PILOT_PREFECTURE.value] as readonly string[],
  /** The six fields behind the pilot's four sectors. */
  fields: F.PILOT_FIELDS.value,
  languageShift: 0,
  /** 1.1 slots per worker. */
  slotsPerWorker: F.SLOTS_PER_WORKER.value,
  /** About 30% of pairs eligible. */
  eligibleShare: F.ELIGIBLE_SHARE.value,
  /** 400 common profiles. */
  profiles: F.COMMON_PROFILES.value,
  /** 3% of workers with a profile of their own. */
  individualShare: F.INDIVIDUAL_PROFILE_SHARE.value,
  fieldCatalogue: F.PILOT_FIELD_CATALOGUE.value,
  asOf: F.PILOT_AS_OF.value,
} as const;

/**
 * The pilot's size (2,000 workers, 150 Kagawa employers) with every other
 * parameter at its default: the case the generator's calibration is checked
 * on. The bundled pilot instance itself comes from the `kagawa-pilot`
 * scenario (src/scenario/bundled/kagawaPilot.ts), which draws employers field
 * by field.
 */
export const PILOT_SIZE_PARAMS: GeneratorParams = {
  // The date the memorandum was signed.
  seed: 20260123,
  workers: F.PILOT_WORKERS.value,
  employers: F.PILOT_EMPLOYERS.value,
};

// --------------------------------------------------------------- instance

const ids = (prefix: string, count: number): string[] => {
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => prefix + String(i + 1).padStart(width, "0"));
};

const fail = (message: string): never => {
  throw new RangeError(`generateInstance: ${message}`);
};

const checkCount = (name: string, n: number): void => {
  if (!Number.isInteger(n) || n < 0) fail(`${name} must be a non-negative integer, got ${n}`);
};

/** A synthetic instance; see the module comment and ./facts.ts. Throws RangeError on impossible parameters. */
export const generateInstance = (params: GeneratorParams): InstanceInput => {
  checkCount("workers", params.workers);
  checkCount("employers", params.employers);
  const languageShift = params.languageShift ?? GENERATOR_DEFAULTS.languageShift;
  if (!Number.isInteger(languageShift)) fail(`languageShift must be an integer, got ${languageShift}`);
  const slotsPerWorker = params.slotsPerWorker ?? GENERATOR_DEFAULTS.slotsPerWorker;
  if (!(slotsPerWorker >= 0)) fail(`slotsPerWorker must be >= 0, got ${slotsPerWorker}`);
  const eligibleShare = params.eligibleShare ?? GENERATOR_DEFAULTS.eligibleShare;
  if (!(eligibleShare >= 0 && eligibleShare <= 1)) fail(`eligibleShare must be in 0..1, got ${eligibleShare}`);
  const cross = params.crossCertificationShare;
  if (cross !== undefined && !(cross >= 0 && cross <= 1)) fail(`crossCertificationShare must be in 0..1, got ${cross}`);
  const profiles = params.profiles ?? GENERATOR_DEFAULTS.profiles;
  checkCount("profiles", profiles);
  const individualShare = params.individualShare ?? GENERATOR_DEFAULTS.individualShare;
  if (!(individualShare >= 0 && individualShare <= 1)) fail(`individualShare must be in 0..1, got ${individualShare}`);
  const fieldCatalogue = params.fieldCatalogue ?? GENERATOR_DEFAULTS.fieldCatalogue;
  const asOf = params.asOf ?? GENERATOR_DEFAULTS.asOf;
  const setup = setUp({
    fieldCatalogue,
    fields: params.fields,
    fieldMix: params.fieldMix,
    prefectures: params.prefectures ?? GENERATOR_DEFAULTS.prefectures,
    eligibleShare,
    crossCertificationShare: cross,
  });

  const root = createRandom(params.seed);
  const workers = makeWorkers(ids("W", params.workers), setup, root.fork("workers"), { languageShift, profiles, individualShare, start: asOf });
  const totalSlots = Math.round(params.workers * slotsPerWorker);
  const drawn = makeEmployers(ids("E", params.employers), totalSlots, setup, root.fork("employers"), asOf);
  const { employers, organisations } = assignOrganisations(drawn);
  const expectedMinimumWages = expectedWagesFor(employers, asOf, DEFAULT_PLACEMENT_MONTHS);
  return {
    reference: { fieldCatalogue, asOf, ...(expectedMinimumWages.length > 0 ? { expectedMinimumWages } : {}) },
    workers,
    employers,
    ...(organisations.length > 0 ? { supportOrganisations: organisations } : {}),
  };
};
