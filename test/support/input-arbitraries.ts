/**
 * fast-check arbitraries for the input format (src/input/codecs.ts), one per
 * codec. They generate well-formed values only: every value passes its codec,
 * and every `instanceArb` value also passes the semantic checks of
 * `decodeInstance` (unique ids, fields of the default catalogue "2024-09",
 * known prefectures, wages at or above the binding minimum wage, care-only
 * certification routes only for nursing care, job categories of the field,
 * the declarations each field needs, a start date, declared support
 * organisations).
 *
 * Optional properties are sometimes absent (never present as `undefined`), so
 * `codec.decode(codec.encode(v))` deep-equals `v`. Language evidence uses the
 * canonical spellings only ("JFT-Basic A2", not the alias "JFT-Basic A2.2").
 *
 * Fields, skills and languages are drawn with a bias towards the pilot sectors
 * and a small skill palette, so generated workers are often eligible for the
 * generated slots (useful for solver tests).
 *
 * @example
 * fc.assert(fc.property(instanceArb, (input) => E.isRight(decodeInstance(input))), { seed, numRuns: 100, verbose: 1 });
 */
import fc from "fast-check";
import { DEFAULT_FIELD_CATALOGUE_VERSION, FIELD_CATALOGUES, SECTORS, findCatalogue, type FieldCatalogue, type SswField } from "../../src/domain/fields.js";
import { LANGUAGE_EVIDENCE, LANGUAGE_REQUIREMENTS, type LanguageEvidence, type LanguageRequirement } from "../../src/domain/language.js";
import { PREFECTURES, findPrefecture, minimumWageOn, type Prefecture } from "../../src/domain/prefectures.js";
import { DEPARTURE_ITEMS } from "../../src/domain/law.js";
import { LODGING_LICENCES, type DeclarationsInput, type HousingInput } from "../../src/input/lawCodecs.js";
import {
  CERTIFICATION_ROUTES,
  type CertificationInput,
  type CertificationRoute,
  type EmployerInput,
  type InstanceInput,
  type SkillInput,
  type WeightsInput,
  type WorkerInput,
} from "../../src/input/codecs.js";

// ---------------------------------------------------------------------------
// Types of the codecs that codecs.ts does not name

export type PreferencesInput = NonNullable<WorkerInput["preferences"]>;
export type ReferenceInput = NonNullable<InstanceInput["reference"]>;

// ---------------------------------------------------------------------------
// Reference data the arbitraries draw from

const defaultCatalogue = (): FieldCatalogue => {
  const c = findCatalogue(DEFAULT_FIELD_CATALOGUE_VERSION);
  if (c === undefined) throw new Error(`no field catalogue ${DEFAULT_FIELD_CATALOGUE_VERSION}`);
  return c;
};

/** The fields of the default catalogue "2024-09". */
export const DEFAULT_FIELDS: readonly SswField[] = defaultCatalogue().fields;

const NURSING_CARE = "nursing-care";
const PILOT_FIELD_IDS = DEFAULT_FIELDS.filter((f) => f.sector !== null).map((f) => f.id);
const ALL_FIELD_IDS = DEFAULT_FIELDS.map((f) => f.id);

/** Skill names shared by workers and employers, in several spellings (decoding lower-cases and trims). */
export const SKILL_PALETTE = ["welding", "Welding", "forklift", "FORKLIFT", " cooking ", "first-aid", "japanese-driving-licence"] as const;

/** Industry keys an employer can declare; the first two carry a Kagawa industry minimum. */
export const INDUSTRY_PALETTE = ["machinery-manufacturing", "shipbuilding", "retail"] as const;

const TRAINING_CENTRES = ["Semarang", "Bandung", "Surabaya", "Jakarta", "Denpasar"] as const;
const HOME_PROVINCES = ["Central Java", "West Java", "East Java", "Bali", "Lampung", "Jawa Tengah"] as const;

// ---------------------------------------------------------------------------
// Small building blocks

/** A string with a non-blank character (the codecs' nonEmptyString). */
export const nonBlankArb: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
    { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6, unit: "grapheme" }) },
  )
  .filter((s) => s.trim() !== "");

/** Row ids: mostly short codes like "w-12", sometimes any non-blank text. */
export const idArb = (prefix: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 99 }).map((n) => `${prefix}-${n}`) },
    { weight: 1, arbitrary: nonBlankArb },
  );

/** A JIS prefecture code "01".."47". */
export const prefectureCodeArb: fc.Arbitrary<string> = fc.constantFrom(...PREFECTURES.map((p) => p.code));

/** A prefecture as the input may name it: code (usually), English or Japanese name. */
export const prefectureRefArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: prefectureCodeArb },
  { weight: 1, arbitrary: fc.constantFrom(...PREFECTURES.map((p) => p.name)) },
  { weight: 1, arbitrary: fc.constantFrom(...PREFECTURES.map((p) => p.nameJa)) },
);

/** A field id of the default catalogue, biased towards the pilot sectors' fields. */
export const fieldIdArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PILOT_FIELD_IDS) },
  { weight: 1, arbitrary: fc.constantFrom(...ALL_FIELD_IDS) },
);

/** An ISO date YYYY-MM-DD between 2024 and 2027. */
export const isoDateArb: fc.Arbitrary<string> = fc
  .date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const skillNameArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SKILL_PALETTE) },
  { weight: 1, arbitrary: nonBlankArb },
);

// ---------------------------------------------------------------------------
// One arbitrary per codec

export const languageEvidenceArb: fc.Arbitrary<LanguageEvidence> = fc.constantFrom(...LANGUAGE_EVIDENCE);

export const languageRequirementArb: fc.Arbitrary<LanguageRequirement> = fc.constantFrom(...LANGUAGE_REQUIREMENTS);

/** A job category of the field (sometimes none), where the field has several. */
const withCategory = (c: { field: string; via: CertificationRoute }, pick: number | undefined): CertificationInput => {
  const categories = DEFAULT_FIELDS.find((f) => f.id === c.field)?.jobCategories ?? [];
  const jobCategory = pick === undefined || categories.length === 0 ? undefined : categories[pick % categories.length]?.id;
  return jobCategory === undefined ? c : { ...c, jobCategory };
};

/** Care school and EPA only for nursing care; the skills test and TITP No. 2 for any field; a job category of the field, sometimes. */
export const certificationArb: fc.Arbitrary<CertificationInput> = fc
  .tuple(
    fc.oneof(
      fc.record({ field: fc.constant(NURSING_CARE), via: fc.constantFrom<CertificationRoute>(...CERTIFICATION_ROUTES) }, { noNullPrototype: true }),
      fc.record({ field: fieldIdArb, via: fc.constantFrom<CertificationRoute>("skills-test", "titp-2") }, { noNullPrototype: true }),
    ),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([c, pick]) => withCategory(c, pick));

export const skillArb: fc.Arbitrary<SkillInput> = fc.record(
  {
    name: skillNameArb,
    level: fc.integer({ min: 1, max: 10 }),
    years: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 60 }).map((halfYears) => halfYears / 2)),
  },
  { requiredKeys: ["name"], noNullPrototype: true },
);

export const preferencesArb: fc.Arbitrary<PreferencesInput> = fc.record(
  {
    fields: fc.array(fc.oneof(fc.constantFrom(...SECTORS), fieldIdArb), { maxLength: 4 }),
    prefectures: fc.array(prefectureRefArb, { maxLength: 3 }),
  },
  { requiredKeys: [], noNullPrototype: true },
);

/** A date of birth (1950..2008) or an age on the start date; one of them, as the format requires. */
const ageArb: fc.Arbitrary<{ birthDate: string } | { age: number }> = fc.oneof(
  fc
    .date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2008-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => ({ birthDate: d.toISOString().slice(0, 10) })),
  fc.integer({ min: 15, max: 60 }).map((age) => ({ age })),
);

export const workerArb: fc.Arbitrary<WorkerInput> = fc
  .tuple(
    fc.record(
      {
        id: idArb("w"),
    language: fc.array(
      fc.oneof({ weight: 3, arbitrary: fc.constantFrom<LanguageEvidence>("N4", "JFT-Basic A2", "N3") }, { weight: 2, arbitrary: languageEvidenceArb }),
      { maxLength: 3 },
    ),
    trainingCentre: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TRAINING_CENTRES) }, { weight: 1, arbitrary: nonBlankArb }),
    homeProvince: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOME_PROVINCES) }, { weight: 1, arbitrary: nonBlankArb }),
    careJapaneseTest: fc.boolean(),
    certifications: fc.array(certificationArb, { maxLength: 3 }),
    skills: fc.array(skillArb, { maxLength: 3 }),
    preferences: preferencesArb,
    sswMonths: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 70 }) }),
    departure: fc.oneof({ weight: 4, arbitrary: fc.constant([...DEPARTURE_ITEMS]) }, { weight: 1, arbitrary: fc.subarray([...DEPARTURE_ITEMS]) }),
    careExperienceMonths: fc.integer({ min: 0, max: 48 }),
    careInitialTraining: fc.boolean(),
      },
      { requiredKeys: ["id", "language", "trainingCentre", "homeProvince", "sswMonths", "departure"], noNullPrototype: true },
    ),
    ageArb,
  )
  .map(([w, age]) => ({ ...w, ...age }) as WorkerInput);

/** The highest minimum wage that can bind an employer in `prefecture` with `industry`, at any date, without overrides. */
export const highestFloor = (prefecture: Prefecture, industry: string | undefined): number => {
  const regional = Math.max(...prefecture.minimumWages.map((r) => r.amount), minimumWageOn(prefecture).amount);
  const special = Math.max(0, ...(prefecture.industryMinimumWages.find((m) => m.industry === industry)?.records.map((r) => r.amount) ?? []));
  return Math.max(regional, special);
};

/** Support organisations every generated instance declares, with officers enough for any instance of the arbitrary's size. */
export const SUPPORT_ORGANISATIONS = [
  { id: "RSO-1", officers: 2 },
  { id: "RSO-2", officers: 1, workers: 45, employers: 2 },
] as const;

/** Each prerequisite of the field, declared (met or not), so the instance decodes. */
const declarationsFor = (field: string, slots: number, bits: readonly boolean[]): DeclarationsInput => {
  const f = DEFAULT_FIELDS.find((x) => x.id === field);
  const out: Record<string, unknown> = {};
  (f?.prerequisites ?? []).forEach((id, i) => {
    const bit = bits[i % bits.length] ?? true;
    out[id] =
      id === "acceptancePlan"
        ? { approved: bit, headcount: slots + (i % 3) - 1 < 0 ? 0 : slots + (i % 3) - 1 }
        : id === "lodgingLicence"
          ? bit ? "hotel-ryokan" : LODGING_LICENCES[1 + (i % 3)]
          : id === "entertainmentBusiness"
            ? !bit
            : bit;
  });
  return out as DeclarationsInput;
};

const prefectureOf = (ref: string): Prefecture => {
  const p = findPrefecture(ref);
  if (p === undefined) throw new Error(`arbitrary made an unknown prefecture ${ref}`);
  return p;
};

/** An employer paying at least the highest minimum that can bind it (so any `reference.asOf` is fine). */
export const employerArb: fc.Arbitrary<EmployerInput> = fc
  .record(
    {
      id: idArb("e"),
      prefecture: fc.oneof({ weight: 3, arbitrary: fc.constantFrom("37", "Kagawa", "香川県") }, { weight: 2, arbitrary: prefectureRefArb }),
      field: fieldIdArb,
      slots: fc.integer({ min: 0, max: 4 }),
      wageAboveFloor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 600 })),
      category: fc.option(fc.nat(), { nil: undefined }),
      law: fc.record(
        {
          employment: fc.oneof({ weight: 5, arbitrary: fc.constant("direct" as const) }, { weight: 1, arbitrary: fc.constant("dispatch" as const) }),
          equalPayGap: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: -100, max: 100 }) }),
          support: fc.constantFrom("self", ...SUPPORT_ORGANISATIONS.map((o) => o.id)),
          housing: fc.oneof(
            fc.constant<HousingInput>("private"),
            fc.record({ beds: fc.integer({ min: 0, max: 6 }), areaM2: fc.integer({ min: 1, max: 60 }).map((x) => x * 1.5) }, { noNullPrototype: true }),
          ),
          met: fc.array(fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), { minLength: 1, maxLength: 4 }),
          staff: fc.integer({ min: 0, max: 12 }),
          sswEmployed: fc.integer({ min: 0, max: 3 }),
          homeVisitCare: fc.boolean(),
        },
        { noNullPrototype: true },
      ),
      optional: fc.record(
        {
          name: fc.string({ maxLength: 12 }),
          minLanguage: languageRequirementArb,
          requiredSkills: fc.array(skillArb, { maxLength: 2 }),
          preferredSkills: fc.array(skillArb, { maxLength: 3 }),
          industry: fc.constantFrom(...INDUSTRY_PALETTE),
        },
        { requiredKeys: [], noNullPrototype: true },
      ),
    },
    { noNullPrototype: true },
  )
  .map(({ wageAboveFloor, category, optional, law, ...e }) => {
    const field = DEFAULT_FIELDS.find((f) => f.id === e.field);
    const categories = field?.jobCategories ?? [];
    const jobCategory = category === undefined || categories.length === 0 ? undefined : categories[category % categories.length]?.id;
    const hourlyWage = highestFloor(prefectureOf(e.prefecture), optional.industry) + wageAboveFloor;
    const staff =
      field?.headcountCap === "japanese-care-staff"
        ? { japaneseCareStaff: law.staff, sswEmployed: law.sswEmployed }
        : field?.headcountCap === "full-time-staff"
          ? { fullTimeStaff: law.staff, sswEmployed: law.sswEmployed }
          : {};
    return {
      ...e,
      hourlyWage,
      ...optional,
      ...(jobCategory === undefined ? {} : { jobCategory }),
      ...staff,
      employment: law.employment,
      japaneseWage: Math.max(0, hourlyWage + law.equalPayGap),
      support: law.support,
      housing: law.housing,
      declarations: declarationsFor(e.field, e.slots, law.met),
      ...(field?.homeVisit !== null && field?.homeVisit !== undefined && law.homeVisitCare ? { homeVisitCare: true } : {}),
    };
  });

const weightArb = fc.integer({ min: 0, max: 100 });

export const weightsArb: fc.Arbitrary<WeightsInput> = fc.record(
  {
    fieldPreference: weightArb,
    prefecturePreference: weightArb,
    preferredSkills: weightArb,
    languageAboveRequirement: weightArb,
    wageAboveMinimum: weightArb,
  },
  { requiredKeys: [], noNullPrototype: true },
);

/** Minimum wage overrides: one key per prefecture (code or name), amounts 800..1300 yen. */
export const minimumWagesArb: fc.Arbitrary<Record<string, number>> = fc
  .uniqueArray(fc.tuple(prefectureRefArb, fc.integer({ min: 800, max: 1300 })), {
    maxLength: 3,
    selector: ([ref]) => prefectureOf(ref).code,
  })
  .map((entries) => Object.fromEntries(entries));

export const referenceArb: fc.Arbitrary<ReferenceInput> = fc.record(
  {
    fieldCatalogue: fc.constantFrom(...FIELD_CATALOGUES.map((c) => c.version)),
    asOf: isoDateArb,
    minimumWages: minimumWagesArb,
  },
  { requiredKeys: [], noNullPrototype: true },
);

/** Raises each employer's wage to any override for its prefecture, so the instance stays valid. */
const respectOverrides = (input: InstanceInput): InstanceInput => {
  const overrides = input.reference?.minimumWages;
  if (overrides === undefined) return input;
  const byCode = new Map(Object.entries(overrides).map(([key, amount]) => [prefectureOf(key).code, amount]));
  return {
    ...input,
    employers: input.employers.map((e) => {
      const override = byCode.get(prefectureOf(e.prefecture).code);
      return override !== undefined && e.hourlyWage < override ? { ...e, hourlyWage: override } : e;
    }),
  };
};

export interface InstanceSize {
  readonly minWorkers?: number;
  readonly maxWorkers?: number;
  readonly minEmployers?: number;
  readonly maxEmployers?: number;
}

/** Gives the instance a start date (a placement start, or else `reference.asOf`) where it has none. */
const withStart = (input: InstanceInput, start: string, months: number | undefined): InstanceInput =>
  input.reference?.asOf !== undefined
    ? input
    : { ...input, placement: { start, ...(months === undefined ? {} : { months }) } };

/** Valid instances (they pass `decodeInstance`) of the given size; default 0..8 workers, 0..5 employers. */
export const instanceArbitrary = ({ minWorkers = 0, maxWorkers = 8, minEmployers = 0, maxEmployers = 5 }: InstanceSize = {}): fc.Arbitrary<InstanceInput> =>
  fc
    .tuple(
      fc.record(
        {
          workers: fc.uniqueArray(workerArb, { minLength: minWorkers, maxLength: maxWorkers, selector: (w) => w.id }),
          employers: fc.uniqueArray(employerArb, { minLength: minEmployers, maxLength: maxEmployers, selector: (e) => e.id }),
          weights: weightsArb,
          reference: referenceArb,
        },
        { requiredKeys: ["workers", "employers"], noNullPrototype: true },
      ),
      isoDateArb,
      fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
    )
    .map(([input, start, months]) => ({ ...withStart(respectOverrides(input), start, months), supportOrganisations: SUPPORT_ORGANISATIONS.map((o) => ({ ...o })) }));

/** Valid instances: 0..8 workers, 0..5 employers. */
export const instanceArb: fc.Arbitrary<InstanceInput> = instanceArbitrary();
