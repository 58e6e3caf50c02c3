/**
 * Expansion scenarios as data: the io-ts codecs are the format, the types
 * follow from them.
 *
 * A scenario says who is sent (a cohort: size, field mix, language shift,
 * where the workers come from and trained) and where they may go (prefectures,
 * each with employer demand by SSW field: employers and slots). Everything
 * else (each worker's certifications and skills, each employer's wage and
 * requirements) is drawn by the seeded generator (src/generate), so a
 * scenario and its seed give the same instance on every run. Wages are drawn
 * at or above the binding minimum wage of the prefecture (or industry), never
 * under it.
 *
 * @example
 * const scenario: Scenario = {
 *   name: "kagawa-small",
 *   seed: 7,
 *   cohort: { size: 200 },
 *   prefectures: [{ prefecture: "37", demand: [{ field: "nursing-care", employers: 10, slots: 120 }] }],
 * };
 */
import * as t from "io-ts";
import { WeightsCodec } from "../input/codecs.js";
import { PolicyCodec } from "../policy/codecs.js";
import { MISSING, amountsByKey, integer, isoDate, nonEmptyString, numberAtLeast, oneOf, struct } from "../input/combinators.js";

/**
 * A read-only list of `item`; `plural` names the list in messages ("a list of
 * origins"). An `ArrayType` (not io-ts's ReadonlyArrayType) so that issue
 * paths render indices as `[i]` like the instance format's.
 */
const listOf = <C extends t.Mixed>(item: C, plural: string): t.ArrayType<C, ReadonlyArray<t.TypeOf<C>>, ReadonlyArray<t.OutputOf<C>>, unknown> => {
  const base = t.array(item, `a list of ${plural}`);
  type A = ReadonlyArray<t.TypeOf<C>>;
  type O = ReadonlyArray<t.OutputOf<C>>;
  return new t.ArrayType<C, A, O, unknown>(base.name, base.is, base.validate, (a) => base.encode([...a]), item);
};

/** A seed: any number or string (`12` and `"12"` are the same seed). */
export const SeedCodec: t.Type<number | string, number | string, unknown> = new t.Type<number | string, number | string, unknown>(
  "a number or a string",
  (u): u is number | string => (typeof u === "number" && Number.isFinite(u)) || typeof u === "string",
  (u, c) => ((typeof u === "number" && Number.isFinite(u)) || typeof u === "string" ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** Where a share of the cohort comes from: an Indonesian province and the training centres (LPK) there. */
export const OriginCodec = struct(
  "an origin",
  {
    /** Home province, e.g. "Central Java". */
    province: nonEmptyString,
    /** Relative weight (for example the province's 2024 SSW placements, 3,684 for Central Java). */
    weight: numberAtLeast(0),
    /** Training centres in the province; workers from it train at one of these, uniformly. */
    trainingCentres: listOf(nonEmptyString, "training centre names"),
  },
  {},
);

/** Who is sent: the cohort's size and how it is drawn. */
export const CohortCodec = struct(
  "a cohort",
  {
    /** Number of workers. */
    size: integer(0, 1_000_000),
  },
  {
    /** Relative weight per SSW field of the workers' main certification; default: the pilot's mix (src/generate/facts.ts). */
    fieldMix: amountsByKey("weights by SSW field id"),
    /** Moves every worker's Japanese level up (or down) by this many levels, within N5..N1. Default 0. */
    languageShift: integer(-4, 4),
    /** Home provinces and training centres; default: Indonesia's 2024 SSW placements by province (src/generate/facts.ts). */
    origins: listOf(OriginCodec, "origins"),
    /** Prefecture codes in the order workers name them when they state a preference; default: the scenario's prefectures in order. */
    preferredPrefectures: listOf(nonEmptyString, "prefecture codes"),
  },
);

/** Employer demand in one SSW field of one prefecture. */
export const FieldDemandCodec = struct(
  "employer demand in a field",
  {
    /** SSW field id, e.g. "nursing-care". */
    field: nonEmptyString,
    /** Number of employers. */
    employers: integer(0, 100_000),
    /** Total slots of those employers (1..30 per employer, handed out one at a time by random weights; see src/generate/employers.ts). */
    slots: integer(0, 10_000_000),
  },
  {},
);

/** A prefecture the cohort may go to, and its employers' demand by field. */
export const PrefectureDemandCodec = struct(
  "a prefecture with its demand",
  {
    /** JIS code ("37") or name ("Kagawa"). */
    prefecture: nonEmptyString,
    demand: listOf(FieldDemandCodec, "field demands"),
  },
  {},
);

// ------------------------------------------------------------- variations

const ScaleSlotsCodec = struct(
  "a scale-slots change",
  { kind: t.literal("scale-slots"), factor: numberAtLeast(0) },
  { field: nonEmptyString, prefecture: nonEmptyString },
);
const FieldCapCodec = struct("a field-cap change", { kind: t.literal("field-cap"), field: nonEmptyString, cap: integer(0) }, {});
const LanguageShiftCodec = struct("a language-shift change", { kind: t.literal("language-shift"), by: integer(-4, 4) }, {});
const ScaleCodec = struct("a scale change", { kind: t.literal("scale"), factor: numberAtLeast(0) }, {});
const CohortSizeCodec = struct("a cohort-size change", { kind: t.literal("cohort-size"), size: integer(0, 1_000_000) }, {});
const AddPrefectureCodec = struct(
  "an add-prefecture change",
  { kind: t.literal("add-prefecture"), prefecture: nonEmptyString },
  {
    /** The new prefecture's demand; or copy it from `like`. */
    demand: listOf(FieldDemandCodec, "field demands"),
    /** A prefecture of the scenario whose demand is copied. */
    like: nonEmptyString,
    /** Scales copied demand (slots and employers); default 1. */
    factor: numberAtLeast(0),
  },
);

const CHANGE_CODECS = {
  "language-shift": LanguageShiftCodec,
  "scale-slots": ScaleSlotsCodec,
  "field-cap": FieldCapCodec,
  "add-prefecture": AddPrefectureCodec,
  "cohort-size": CohortSizeCodec,
  scale: ScaleCodec,
} as const;

/** The kinds of change a variation can make. */
export type ChangeKind = keyof typeof CHANGE_CODECS;
/** Every change kind, in the order messages list them. */
export const CHANGE_KINDS = Object.keys(CHANGE_CODECS) as readonly ChangeKind[];

const KindCodec = oneOf<ChangeKind>(`one of ${CHANGE_KINDS.join(", ")}`, CHANGE_KINDS);

/**
 * One change a variation makes to a scenario:
 * - `language-shift` `by`: every worker's Japanese up (or down) this many levels;
 * - `scale-slots` `factor` (optionally one `field` and/or `prefecture`): slots multiplied, rounded;
 * - `field-cap` `field` `cap`: the field's slots over all prefectures cut to at most `cap`,
 *   proportionally (an intake cap for the field; SSW caps are national and for five years, so scale them to the cohort);
 * - `add-prefecture` `prefecture` with `demand`, or `like` another prefecture (times `factor`);
 * - `cohort-size` `size`: a larger or smaller cohort;
 * - `scale` `factor`: the whole scenario smaller or larger (cohort, slots and employers), e.g. 0.1 for a quick trial.
 */
export type Change =
  | t.TypeOf<typeof LanguageShiftCodec>
  | t.TypeOf<typeof ScaleSlotsCodec>
  | t.TypeOf<typeof FieldCapCodec>
  | t.TypeOf<typeof AddPrefectureCodec>
  | t.TypeOf<typeof CohortSizeCodec>
  | t.TypeOf<typeof ScaleCodec>;

/** A change, dispatched on `kind` so that errors name the right properties. */
export const ChangeCodec: t.Type<Change, Change, unknown> = new t.Type<Change, Change, unknown>(
  "a change",
  (u): u is Change => typeof u === "object" && u !== null && (u as { kind?: unknown }).kind !== undefined,
  (u, c) => {
    if (typeof u !== "object" || u === null || Array.isArray(u)) return t.failure(u, c);
    const kind = (u as { kind?: unknown }).kind;
    const k = KindCodec.validate(kind, t.appendContext(c, "kind", KindCodec, kind));
    if (k._tag === "Left") return kind === undefined ? t.failure(undefined, t.appendContext(c, "kind", KindCodec, undefined), MISSING) : k;
    return (CHANGE_CODECS[k.right] as t.Type<Change, Change, unknown>).validate(u, c);
  },
  t.identity,
);

/** A named list of changes to a scenario ("what if ..."). */
export const VariationCodec = struct(
  "a variation",
  {
    /** Short label shown in comparisons, e.g. "N3 for all". */
    name: nonEmptyString,
    changes: listOf(ChangeCodec, "changes"),
  },
  { description: t.string },
);

// --------------------------------------------------------------- scenario

export const ScenarioCodec = struct(
  "a scenario",
  {
    /** Short identifier, e.g. "shikoku". */
    name: nonEmptyString,
    seed: SeedCodec,
    cohort: CohortCodec,
    prefectures: listOf(PrefectureDemandCodec, "prefectures"),
  },
  {
    /** A title for reports. */
    title: t.string,
    description: t.string,
    /** Which figures are assumptions, and which real figures they lean on. */
    assumptions: listOf(t.string, "notes"),
    /** SSW field catalogue version; default the generator's ("2024-09"). */
    fieldCatalogue: nonEmptyString,
    /** Date minimum wages are read at; default the generator's ("2026-04-01"). */
    asOf: isoDate,
    weights: WeightsCodec,
    /** Variations compared with the scenario by `--compare`. */
    variations: listOf(VariationCodec, "variations"),
    /** Placement policy, passed to the instance as it is (its keys are checked when the instance is decoded). */
    policy: PolicyCodec,
  },
);

/** An origin: home province, weight and training centres. */
export type OriginInput = t.TypeOf<typeof OriginCodec>;
/** The cohort of a scenario. */
export type CohortInput = t.TypeOf<typeof CohortCodec>;
/** Employers and slots in one field of one prefecture. */
export type FieldDemand = t.TypeOf<typeof FieldDemandCodec>;
/** A prefecture and its demand by field. */
export type PrefectureDemand = t.TypeOf<typeof PrefectureDemandCodec>;
/** A named list of changes; see `Change`. */
export type Variation = t.TypeOf<typeof VariationCodec>;
/**
 * A scenario. As written it may name prefectures by name; `decodeScenario`
 * checks it (fields in the catalogue, prefectures that exist, no repeats) and
 * returns it with JIS codes.
 */
export type Scenario = t.TypeOf<typeof ScenarioCodec>;
