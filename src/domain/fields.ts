/**
 * Specified Skilled Worker (SSW, tokutei ginou) fields, as versioned catalogues.
 *
 * The set of fields and their caps change by Cabinet decision, so they are
 * data with a version, never an enum in the solver. Two catalogues ship:
 *
 * - "2024-09": the 16 fields of the Cabinet decision of 29 March 2024 (the
 *   last four in force from 30 September 2024), with the FY2024-28 caps.
 * - "2026-01": the Cabinet decision of 23 January 2026: 19 fields (resource
 *   recycling, logistics warehousing and linen supply added, expected to
 *   accept workers only from around 2027: their date is not set, so they
 *   accept none yet), and caps reset to the end of FY2028 (SSW 805,700 in
 *   all). Per-field caps are stored where a source gave them (industrial
 *   products 199,500, construction 76,000, accommodation 14,800, food service
 *   50,000, nursing care 126,900, building cleaning 32,200; from the drafts
 *   of December 2025 and January 2026, whose total the decision kept), null
 *   elsewhere. Marked unconfirmed.
 *
 * Each field maps to at most one of the pilot's four sectors (manufacturing,
 * hospitality, construction, caregiving); fields outside the pilot map to
 * null. Shipbuilding counts as manufacturing.
 *
 * Also per field: its job categories where the law distinguishes several
 * (a skills test, and a job change, are within one category), the employer
 * prerequisites it asks for (./prerequisites.ts), the statutory headcount
 * cap, whether dispatch is allowed, the date it accepts workers from, and the
 * Employment for Skill Development transfer period.
 *
 * Sources (docs/SOURCES.md, "SSW fields"): xn--gmq34r9ubz2f8q4bhsf7n1d.com
 * (FY2024-28 caps), gurutto-asia.com/topics/94 (per-field rules),
 * moj.go.jp/isa/policies/ssw/manufacturing.html (industrial products
 * categories), jitco.or.jp news 42896 and horei.co.jp/gis/topics (2026 caps),
 * amazing-human.jp ukeire123 (19 fields), roukijp.jp ?p=16654 (ESD transfer
 * periods), sa-qc.com and sr-kplanning.com ?p=790 (home-visit care).
 */
import type { LanguageRequirement } from "./language.js";
import type { PrerequisiteId } from "./prerequisites.js";

/** The four sectors named in the Indonesia-Kagawa memorandum. */
export type Sector = "manufacturing" | "hospitality" | "construction" | "caregiving";

export const SECTORS: readonly Sector[] = ["caregiving", "construction", "hospitality", "manufacturing"];

/** Field identifier, kebab-case English: "nursing-care", "food-service". */
export type FieldId = string;

/**
 * A job category (業務区分) inside a field. Fields that list categories
 * accept only those: a skills test is passed, and a job change made, within
 * one category. A field with one category lists none; there a category is
 * free text with no rule attached.
 */
export interface JobCategory {
  readonly id: string;
  readonly name: string;
  readonly nameJa?: string;
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

/**
 * Home-visit care (訪問系サービス) in nursing care: allowed for SSW (i) from
 * `allowedFrom`, for workers with at least `minCareExperienceMonths` of care
 * work and the initial care training (介護職員初任者研修).
 */
export interface HomeVisitRule {
  readonly allowedFrom: string;
  readonly minCareExperienceMonths: number;
  readonly initialTraining: true;
  readonly source: string;
}

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
  /** What an employer in the field must declare it has (./prerequisites.ts). */
  readonly prerequisites: readonly PrerequisiteId[];
  /** The first date the field accepts SSW (i) workers; null where not yet set (no placement then). */
  readonly acceptsFrom: string | null;
  /** Employment for Skill Development: years before a trainee may change employer; null where the field has no ESD. */
  readonly esdTransferYears: 1 | 2 | null;
  /** Home-visit care, where the field allows it (nursing care). */
  readonly homeVisit: HomeVisitRule | null;
}

export interface FieldCatalogue {
  readonly version: string;
  /** The date the catalogue applies from: the decision's date, or when its fields came into force. */
  readonly effectiveFrom: string;
  readonly decision: string;
  readonly confirmed: boolean;
  readonly note: string;
  readonly fields: readonly SswField[];
}

type Extra = Partial<
  Pick<SswField, "requiresCareJapaneseTest" | "jobCategories" | "headcountCap" | "dispatchAllowed" | "prerequisites" | "acceptsFrom" | "esdTransferYears" | "homeVisit">
>;

/** Fields of the first SSW catalogue, in force from 1 April 2019. */
const SINCE_2019 = "2019-04-01";

const field = (id: FieldId, name: string, nameJa: string, sector: Sector | null, cap: number | null, extra: Extra = {}): SswField => ({
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
  prerequisites: ["sectorCouncil", ...(extra.prerequisites ?? [])],
  acceptsFrom: extra.acceptsFrom === undefined ? SINCE_2019 : extra.acceptsFrom,
  esdTransferYears: extra.esdTransferYears === undefined ? null : extra.esdTransferYears,
  homeVisit: extra.homeVisit ?? null,
});

const category = (id: string, name: string, nameJa: string, extra: Omit<JobCategory, "id" | "name" | "nameJa"> = {}): JobCategory => ({ id, name, nameJa, ...extra });

const HOME_VISIT: HomeVisitRule = {
  allowedFrom: "2025-04-21",
  minCareExperienceMonths: 12,
  initialTraining: true,
  source: "MHLW notices revised 2025-04-21 (sr-kplanning.com ?p=790; sa-qc.com; aidemille.com industry/kaigo; read 2026-11-29)",
};

const FIELDS_2024: readonly SswField[] = [
  field("nursing-care", "Nursing care", "介護", "caregiving", 135_000, {
    requiresCareJapaneseTest: true,
    headcountCap: "japanese-care-staff",
    esdTransferYears: 2,
    homeVisit: HOME_VISIT,
  }),
  field("building-cleaning", "Building cleaning", "ビルクリーニング", null, 37_000, { esdTransferYears: 1 }),
  field("industrial-products", "Industrial products manufacturing", "工業製品製造業", "manufacturing", 173_300, {
    prerequisites: ["designatedIndustry"],
    esdTransferYears: 2,
    jobCategories: [
      category("metal-machining", "Machinery and metal processing", "機械金属加工"),
      category("electrical-electronic-assembly", "Electrical and electronic equipment assembly", "電気電子機器組立て"),
      category("metal-surface-treatment", "Metal surface treatment", "金属表面処理"),
      category("paper-cardboard", "Paper containers and cardboard boxes", "紙器・段ボール箱製造"),
      category("concrete-products", "Concrete products", "コンクリート製品製造"),
      category("rpf", "Refuse paper and plastic fuel (RPF)", "RPF製造"),
      category("ceramics", "Ceramic products", "陶磁器製品製造"),
      category("printing-bookbinding", "Printing and bookbinding", "印刷・製本"),
      category("textile-products", "Textile products", "紡織製品製造"),
      category("sewing", "Sewing", "縫製"),
    ],
  }),
  field("construction", "Construction", "建設", "construction", 80_000, {
    headcountCap: "full-time-staff",
    prerequisites: ["constructionLicence", "jac", "ccus", "acceptancePlan"],
    esdTransferYears: 2,
    jobCategories: [
      category("civil-engineering", "Civil engineering", "土木"),
      category("building", "Building", "建築"),
      category("lifelines-equipment", "Lifelines and equipment", "ライフライン・設備"),
    ],
  }),
  field("shipbuilding", "Shipbuilding and ship machinery", "造船・舶用工業", "manufacturing", 36_000, {
    esdTransferYears: 2,
    jobCategories: [
      category("shipbuilding", "Shipbuilding", "造船"),
      category("marine-machinery", "Marine machinery", "舶用機械"),
      category("marine-electrical-electronic", "Marine electrical and electronic equipment", "舶用電気電子機器"),
    ],
  }),
  field("automobile-repair", "Automobile repair and maintenance", "自動車整備", null, 10_000, { esdTransferYears: 2 }),
  field("aviation", "Aviation", "航空", null, 4_400, {
    jobCategories: [
      category("ground-handling", "Airport ground handling", "空港グランドハンドリング"),
      category("aircraft-maintenance", "Aircraft maintenance", "航空機整備"),
    ],
  }),
  field("accommodation", "Accommodation", "宿泊", "hospitality", 23_000, {
    prerequisites: ["lodgingLicence", "entertainmentBusiness"],
    esdTransferYears: 1,
  }),
  field("agriculture", "Agriculture", "農業", null, 78_000, {
    dispatchAllowed: true,
    esdTransferYears: 1,
    jobCategories: [
      category("crop-farming", "Crop farming", "耕種農業全般"),
      category("livestock-farming", "Livestock farming", "畜産農業全般"),
    ],
  }),
  field("fishery", "Fishery and aquaculture", "漁業", null, 17_000, {
    dispatchAllowed: true,
    esdTransferYears: 1,
    jobCategories: [category("fishing", "Fishing", "漁業"), category("aquaculture", "Aquaculture", "養殖業")],
  }),
  field("food-manufacturing", "Food and beverage manufacturing", "飲食料品製造業", "manufacturing", 139_000, {
    prerequisites: ["designatedIndustry"],
    esdTransferYears: 2,
  }),
  field("food-service", "Food service", "外食業", "hospitality", 53_000, { prerequisites: ["entertainmentBusiness"], esdTransferYears: 2 }),
  field("automobile-transportation", "Automobile transportation", "自動車運送業", null, 24_500, {
    acceptsFrom: "2024-09-30",
    jobCategories: [
      category("truck-driver", "Truck driver", "トラック運転者", { requiredSkills: ["japanese-driving-licence"] }),
      category("taxi-driver", "Taxi driver", "タクシー運転者", { minLanguage: "N3", requiredSkills: ["japanese-driving-licence"] }),
      category("bus-driver", "Bus driver", "バス運転者", { minLanguage: "N3", requiredSkills: ["japanese-driving-licence"] }),
    ],
  }),
  field("railway", "Railway", "鉄道", null, 3_800, {
    acceptsFrom: "2024-09-30",
    esdTransferYears: 1,
    jobCategories: [
      category("track-maintenance", "Track maintenance", "軌道整備"),
      category("electrical-equipment", "Electrical equipment maintenance", "電気設備整備"),
      category("rolling-stock-maintenance", "Rolling stock maintenance", "車両整備"),
      category("rolling-stock-manufacturing", "Rolling stock manufacturing", "車両製造"),
      // Station staff, conductors and drivers: one category, with N3.
      category("transport-staff", "Transport staff (station staff, conductors, drivers)", "運輸係員", { minLanguage: "N3" }),
    ],
  }),
  field("forestry", "Forestry", "林業", null, 1_000, { acceptsFrom: "2024-09-30", esdTransferYears: 1 }),
  field("wood-industry", "Wood industry", "木材産業", null, 5_000, { acceptsFrom: "2024-09-30", esdTransferYears: 1 }),
];

/** Caps to the end of FY2028 set by the 2026-01 decision, where a source gave the field's figure. */
const CAPS_2026: Readonly<Record<FieldId, number>> = {
  "nursing-care": 126_900,
  "building-cleaning": 32_200,
  "industrial-products": 199_500,
  construction: 76_000,
  accommodation: 14_800,
  "food-service": 50_000,
};

const FIELDS_2026: readonly SswField[] = [
  ...FIELDS_2024.map((f) => ({ ...f, cap: CAPS_2026[f.id] ?? null })),
  // Expected to accept workers from around 2027; the date is not set.
  field("resource-recycling", "Resource recycling", "資源循環", null, null, { acceptsFrom: null, esdTransferYears: 2 }),
  field("logistics-warehousing", "Logistics warehousing", "物流倉庫", null, null, { acceptsFrom: null, esdTransferYears: 1 }),
  field("linen-supply", "Linen supply", "リネンサプライ", null, null, { acceptsFrom: null, esdTransferYears: 1 }),
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
    decision: "Cabinet decision of 23 January 2026 (19 fields; caps reset to the end of FY2028: SSW 805,700, Employment for Skill Development 426,200)",
    confirmed: false,
    note:
      "Unconfirmed in detail: 2026-01-23 is the decision's date. The three new fields accept workers only from a date not yet set (around 2027). Caps run to the end of FY2028; six fields' caps were found (from the drafts, whose total the decision kept), the others are null.",
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
