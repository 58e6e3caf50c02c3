/**
 * Specified Skilled Worker (SSW, tokutei ginou) fields, as versioned catalogues.
 *
 * The set of fields and their caps change by Cabinet decision, so they are
 * data with a version, never an enum in the solver. Two catalogues ship:
 *
 * - "2024-09": the 16 fields of the Cabinet decision of 29 March 2024 (the
 *   last four in force from 30 September 2024), with the FY2024-28 caps.
 * - "2026-01": adds resource recycling, logistics warehousing and linen supply
 *   (Cabinet decision of 23 January 2026). Marked unconfirmed: the sources
 *   (shared/domain.md) disagree in detail, and per-field caps under the reset
 *   FY2028 totals were not found, so the new fields carry no cap.
 *
 * Each field maps to at most one of the pilot's four sectors (manufacturing,
 * hospitality, construction, caregiving); fields outside the pilot map to null.
 *
 * Sources: xn--gmq34r9ubz2f8q4bhsf7n1d.com (caps), stepjob.jp/tokuteiginou-bunya,
 * mlit.go.jp, mofa.go.jp/mofaj/ca/fna/ssw/us/overview/, jicwels.or.jp (via shared/domain.md).
 */
import type { LanguageRequirement } from "./language.js";

/** The four sectors named in the Indonesia-Kagawa memorandum. */
export type Sector = "manufacturing" | "hospitality" | "construction" | "caregiving";

export const SECTORS: readonly Sector[] = ["caregiving", "construction", "hospitality", "manufacturing"];

/** Field identifier, kebab-case English: "nursing-care", "food-service". */
export type FieldId = string;

/**
 * A job category inside a field. Fields that list categories (automobile
 * transportation, railway) accept only those, since rules depend on them;
 * elsewhere a category is free text with no rule attached.
 */
export interface JobCategory {
  readonly id: string;
  readonly name: string;
  /** Statutory minimum Japanese for this category (the field's otherwise). */
  readonly minLanguage?: LanguageRequirement;
  /** Skills (by name) the law requires for this category, e.g. a Japanese driving licence. */
  readonly requiredSkills?: readonly string[];
}

/** A legal cap on SSW workers per employer, computed from declared staff. */
export type HeadcountCapRule =
  /** At most the establishment's Japanese full-time care staff (home-visit care excluded). */
  | "japanese-care-staff"
  /** At most the employer's full-time staff, not counting TITP and SSW workers. */
  | "full-time-staff";

export interface SswField {
  readonly id: FieldId;
  readonly name: string;
  readonly nameJa: string;
  readonly sector: Sector | null;
  /** Five-year acceptance cap for FY2024-28; null where none is known. */
  readonly cap: number | null;
  /** Statutory minimum Japanese for SSW (i) in this field. */
  readonly minLanguage: LanguageRequirement;
  /** The Nursing Care Japanese Language Evaluation Test is required on top of the general test. */
  readonly requiresCareJapaneseTest: boolean;
  readonly jobCategories: readonly JobCategory[];
  readonly headcountCap: HeadcountCapRule | null;
  /** Dispatch (haken) employment allowed; direct employment only otherwise. */
  readonly dispatchAllowed: boolean;
}

export interface FieldCatalogue {
  readonly version: string;
  readonly effectiveFrom: string;
  readonly decision: string;
  readonly confirmed: boolean;
  readonly note: string;
  readonly fields: readonly SswField[];
}

const field = (
  id: FieldId,
  name: string,
  nameJa: string,
  sector: Sector | null,
  cap: number | null,
  extra: Partial<Pick<SswField, "requiresCareJapaneseTest" | "jobCategories" | "headcountCap" | "dispatchAllowed">> = {},
): SswField => ({
  id,
  name,
  nameJa,
  sector,
  cap,
  minLanguage: "N4",
  requiresCareJapaneseTest: extra.requiresCareJapaneseTest ?? false,
  jobCategories: extra.jobCategories ?? [],
  headcountCap: extra.headcountCap ?? null,
  dispatchAllowed: extra.dispatchAllowed ?? false,
});

const FIELDS_2024: readonly SswField[] = [
  field("nursing-care", "Nursing care", "介護", "caregiving", 135_000, {
    requiresCareJapaneseTest: true,
    headcountCap: "japanese-care-staff",
  }),
  field("building-cleaning", "Building cleaning", "ビルクリーニング", null, 37_000),
  field("industrial-products", "Industrial products manufacturing", "工業製品製造業", "manufacturing", 173_300),
  field("construction", "Construction", "建設", "construction", 80_000, { headcountCap: "full-time-staff" }),
  field("shipbuilding", "Shipbuilding and ship machinery", "造船・舶用工業", null, 36_000),
  field("automobile-repair", "Automobile repair and maintenance", "自動車整備", null, 10_000),
  field("aviation", "Aviation", "航空", null, 4_400),
  field("accommodation", "Accommodation", "宿泊", "hospitality", 23_000),
  field("agriculture", "Agriculture", "農業", null, 78_000, { dispatchAllowed: true }),
  field("fishery", "Fishery and aquaculture", "漁業", null, 17_000, { dispatchAllowed: true }),
  field("food-manufacturing", "Food and beverage manufacturing", "飲食料品製造業", "manufacturing", 139_000),
  field("food-service", "Food service", "外食業", "hospitality", 53_000),
  field("automobile-transportation", "Automobile transportation", "自動車運送業", null, 24_500, {
    jobCategories: [
      { id: "truck-driver", name: "Truck driver", requiredSkills: ["japanese-driving-licence"] },
      { id: "taxi-driver", name: "Taxi driver", minLanguage: "N3", requiredSkills: ["japanese-driving-licence"] },
      { id: "bus-driver", name: "Bus driver", minLanguage: "N3", requiredSkills: ["japanese-driving-licence"] },
    ],
  }),
  field("railway", "Railway", "鉄道", null, 3_800, {
    jobCategories: [
      { id: "track-maintenance", name: "Track maintenance" },
      { id: "electrical-equipment", name: "Electrical equipment" },
      { id: "rolling-stock-manufacturing", name: "Rolling stock manufacturing" },
      { id: "rolling-stock-maintenance", name: "Rolling stock maintenance" },
      { id: "station-staff", name: "Station staff", minLanguage: "N3" },
      { id: "conductor", name: "Conductor", minLanguage: "N3" },
      { id: "train-driver", name: "Train driver", minLanguage: "N3" },
    ],
  }),
  field("forestry", "Forestry", "林業", null, 1_000),
  field("wood-industry", "Wood industry", "木材産業", null, 5_000),
];

const FIELDS_2026: readonly SswField[] = [
  ...FIELDS_2024,
  field("resource-recycling", "Resource recycling", "資源循環", null, null),
  field("logistics-warehousing", "Logistics warehousing", "物流倉庫", null, null),
  field("linen-supply", "Linen supply", "リネンサプライ", null, null),
];

/** Every shipped catalogue, oldest first. */
export const FIELD_CATALOGUES: readonly FieldCatalogue[] = [
  {
    version: "2024-09",
    effectiveFrom: "2024-09-30",
    decision: "Cabinet decision of 29 March 2024 (16 fields, 820,000 total cap FY2024-28)",
    confirmed: true,
    note: "Caps are the five-year caps for FY2024-28.",
    fields: FIELDS_2024,
  },
  {
    version: "2026-01",
    effectiveFrom: "2026-01-23",
    decision: "Cabinet decision of 23 January 2026 (19 fields; caps reset to FY2028: SSW 805,700)",
    confirmed: false,
    note: "Unconfirmed in detail. The three new fields carry no per-field cap; the older fields keep their FY2024-28 caps.",
    fields: FIELDS_2026,
  },
];

/** The catalogue used when an instance names none: the latest confirmed one. */
export const DEFAULT_FIELD_CATALOGUE_VERSION = "2024-09";

export const findCatalogue = (version: string): FieldCatalogue | undefined =>
  FIELD_CATALOGUES.find((c) => c.version === version);

export const findField = (catalogue: FieldCatalogue, id: FieldId): SswField | undefined =>
  catalogue.fields.find((f) => f.id === id);

export const findJobCategory = (f: SswField, id: string | undefined): JobCategory | undefined =>
  id === undefined ? undefined : f.jobCategories.find((c) => c.id === id);
