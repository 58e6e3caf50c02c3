/**
 * The SSW field catalogues against the sources (docs/SOURCES.md): the 16
 * fields and their FY2024-28 caps, the 2026 catalogue (its caps to FY2028,
 * the three fields not yet open), pilot sectors, language and headcount
 * rules, job categories, prerequisites, home-visit care. Expected values are
 * written out here from the sources, not read from src.
 */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_FIELD_CATALOGUE_VERSION,
  FIELD_CATALOGUES,
  SECTORS,
  findCatalogue,
  findField,
  findJobCategory,
  type FieldCatalogue,
  type SswField,
} from "../../src/domain/fields.js";

/** The sources' table: English field name (lower case) -> [pilot sector or null, 5-year cap FY2024-28]. */
const EXPECTED_2024: Readonly<Record<string, readonly [string | null, number]>> = {
  "nursing care": ["caregiving", 135_000],
  "building cleaning": [null, 37_000],
  "industrial products manufacturing": ["manufacturing", 173_300],
  construction: ["construction", 80_000],
  "shipbuilding and ship machinery": ["manufacturing", 36_000],
  "automobile repair and maintenance": [null, 10_000],
  aviation: [null, 4_400],
  accommodation: ["hospitality", 23_000],
  agriculture: [null, 78_000],
  "fishery and aquaculture": [null, 17_000],
  "food and beverage manufacturing": ["manufacturing", 139_000],
  "food service": ["hospitality", 53_000],
  "automobile transportation": [null, 24_500],
  railway: [null, 3_800],
  forestry: [null, 1_000],
  "wood industry": [null, 5_000],
};

const catalogue = (version: string): FieldCatalogue => {
  const c = findCatalogue(version);
  if (c === undefined) throw new Error(`no catalogue ${version}`);
  return c;
};

const field = (version: string, id: string): SswField => {
  const f = findField(catalogue(version), id);
  if (f === undefined) throw new Error(`no field ${id} in ${version}`);
  return f;
};

describe("field catalogue 2024-09", () => {
  const c = catalogue("2024-09");

  it("is the default, confirmed, in force from 30 September 2024", () => {
    expect(DEFAULT_FIELD_CATALOGUE_VERSION).toBe("2024-09");
    expect(c.confirmed).toBe(true);
    expect(c.effectiveFrom).toBe("2024-09-30");
  });

  it("has the 16 fields, each with its pilot sector and cap", () => {
    expect(c.fields).toHaveLength(16);
    expect(c.fields.map((f) => f.name.toLowerCase()).sort()).toEqual(Object.keys(EXPECTED_2024).sort());
    for (const f of c.fields) {
      expect([f.sector, f.cap], f.name).toEqual(EXPECTED_2024[f.name.toLowerCase()]);
    }
  });

  it("the caps add up to the 820,000 total of the Cabinet decision", () => {
    expect(c.fields.reduce((s, f) => s + (f.cap ?? 0), 0)).toBe(820_000);
  });

  it("has unique kebab-case ids and Japanese names", () => {
    expect(new Set(c.fields.map((f) => f.id)).size).toBe(16);
    for (const f of c.fields) {
      expect(f.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(f.nameJa).not.toBe("");
    }
  });

  it("pilot sectors map to fields: manufacturing includes shipbuilding", () => {
    const fieldsOf = (sector: string): string[] => c.fields.filter((f) => f.sector === sector).map((f) => f.id).sort();
    expect(fieldsOf("manufacturing")).toEqual(["food-manufacturing", "industrial-products", "shipbuilding"]);
    expect(fieldsOf("hospitality")).toEqual(["accommodation", "food-service"]);
    expect(fieldsOf("construction")).toEqual(["construction"]);
    expect(fieldsOf("caregiving")).toEqual(["nursing-care"]);
    expect([...SECTORS].sort()).toEqual(["caregiving", "construction", "hospitality", "manufacturing"]);
  });

  it("SSW (i) needs N4 in every field; nursing care also needs the care Japanese test", () => {
    for (const f of c.fields) expect(f.minLanguage, f.id).toBe("N4");
    expect(c.fields.filter((f) => f.requiresCareJapaneseTest).map((f) => f.id)).toEqual(["nursing-care"]);
  });

  it("taxi and bus drivers need N3 and a Japanese driving licence; truck drivers the licence only", () => {
    const transport = field("2024-09", "automobile-transportation");
    expect(findJobCategory(transport, "taxi-driver")).toMatchObject({ minLanguage: "N3", requiredSkills: ["japanese-driving-licence"] });
    expect(findJobCategory(transport, "bus-driver")).toMatchObject({ minLanguage: "N3", requiredSkills: ["japanese-driving-licence"] });
    expect(findJobCategory(transport, "truck-driver")?.minLanguage).toBeUndefined();
    expect(findJobCategory(transport, "truck-driver")?.requiredSkills).toEqual(["japanese-driving-licence"]);
  });

  it("railway transport staff (station staff, conductors, drivers: one category) need N3", () => {
    const railway = field("2024-09", "railway");
    expect(railway.jobCategories.map((x) => x.id)).toEqual(["track-maintenance", "electrical-equipment", "rolling-stock-maintenance", "rolling-stock-manufacturing", "transport-staff"]);
    expect(railway.jobCategories.filter((x) => x.minLanguage === "N3").map((x) => x.id)).toEqual(["transport-staff"]);
  });

  it("job categories where the law distinguishes several; unknown or absent ids find nothing", () => {
    const counts = Object.fromEntries(c.fields.filter((f) => f.jobCategories.length > 0).map((f) => [f.id, f.jobCategories.length]));
    expect(counts).toEqual({
      "industrial-products": 10,
      construction: 3,
      shipbuilding: 3,
      aviation: 2,
      agriculture: 2,
      fishery: 2,
      "automobile-transportation": 3,
      railway: 5,
    });
    expect(field("2024-09", "construction").jobCategories.map((x) => x.nameJa)).toEqual(["土木", "建築", "ライフライン・設備"]);
    expect(field("2024-09", "shipbuilding").jobCategories.map((x) => x.nameJa)).toEqual(["造船", "舶用機械", "舶用電気電子機器"]);
    expect(findJobCategory(field("2024-09", "railway"), undefined)).toBeUndefined();
    expect(findJobCategory(field("2024-09", "railway"), "taxi-driver")).toBeUndefined();
  });

  it("prerequisites: the sector council everywhere; construction licence, JAC, CCUS and plan; lodging licence; no entertainment business; designated industry", () => {
    const extra = Object.fromEntries(
      c.fields.flatMap((f) => {
        const list = f.prerequisites.filter((p) => p !== "sectorCouncil");
        return list.length > 0 ? [[f.id, list] as const] : [];
      }),
    );
    for (const f of c.fields) expect(f.prerequisites[0], f.id).toBe("sectorCouncil");
    expect(extra).toEqual({
      construction: ["constructionLicence", "jac", "ccus", "acceptancePlan"],
      accommodation: ["lodgingLicence", "entertainmentBusiness"],
      "food-service": ["entertainmentBusiness"],
      "industrial-products": ["designatedIndustry"],
      "food-manufacturing": ["designatedIndustry"],
    });
  });

  it("home-visit care: nursing care only, from 2025-04-21, with 12 months of care work and the initial training", () => {
    expect(c.fields.filter((f) => f.homeVisit !== null).map((f) => f.id)).toEqual(["nursing-care"]);
    expect(field("2024-09", "nursing-care").homeVisit).toMatchObject({ allowedFrom: "2025-04-21", minCareExperienceMonths: 12, initialTraining: true });
  });

  it("Employment for Skill Development transfer periods: one year in nine fields, two in the others; none for transport and aviation", () => {
    const years = (n: number | null): string[] => c.fields.filter((f) => f.esdTransferYears === n).map((f) => f.id).sort();
    expect(years(1)).toEqual(["accommodation", "agriculture", "building-cleaning", "fishery", "forestry", "railway", "wood-industry"]);
    expect(years(2)).toEqual(["automobile-repair", "construction", "food-manufacturing", "food-service", "industrial-products", "nursing-care", "shipbuilding"]);
    expect(years(null)).toEqual(["automobile-transportation", "aviation"]);
  });

  it("headcount caps: nursing care by Japanese care staff, construction by full-time staff, no cap elsewhere", () => {
    const caps = Object.fromEntries(c.fields.filter((f) => f.headcountCap !== null).map((f) => [f.id, f.headcountCap]));
    expect(caps).toEqual({ "nursing-care": "japanese-care-staff", construction: "full-time-staff" });
  });

  it("dispatch is allowed in agriculture and fishery only", () => {
    expect(c.fields.filter((f) => f.dispatchAllowed).map((f) => f.id).sort()).toEqual(["agriculture", "fishery"]);
  });
});

describe("field catalogue 2026-01", () => {
  const c = catalogue("2026-01");

  it("has 19 fields, dates from the decision of 2026-01-23 and is marked unconfirmed", () => {
    expect(c.fields).toHaveLength(19);
    expect(c.effectiveFrom).toBe("2026-01-23");
    expect(c.confirmed).toBe(false);
    expect(c.note.toLowerCase()).toContain("unconfirmed");
  });

  it("adds resource recycling, logistics warehousing and linen supply: no cap found, and not open yet (date not set)", () => {
    const old = new Set(catalogue("2024-09").fields.map((f) => f.id));
    const added = c.fields.filter((f) => !old.has(f.id));
    expect(added.map((f) => f.name.toLowerCase()).sort()).toEqual(["linen supply", "logistics warehousing", "resource recycling"]);
    for (const f of added) {
      expect(f.cap, f.id).toBeNull();
      expect(f.acceptsFrom, f.id).toBeNull();
    }
  });

  it("carries the caps to FY2028 found for six fields (industrial products 199,500, construction 76,000, accommodation 14,800, food service 50,000, ...), null for the others", () => {
    const caps = Object.fromEntries(c.fields.filter((f) => f.cap !== null).map((f) => [f.id, f.cap]));
    expect(caps).toEqual({
      "nursing-care": 126_900,
      "building-cleaning": 32_200,
      "industrial-products": 199_500,
      construction: 76_000,
      accommodation: 14_800,
      "food-service": 50_000,
    });
  });

  it("keeps the 16 older fields' rules (all but the caps)", () => {
    for (const f of catalogue("2024-09").fields) expect({ ...findField(c, f.id), cap: null }).toEqual({ ...f, cap: null });
  });
});

describe("catalogue lookup", () => {
  it("lists the catalogues oldest first and finds none for an unknown version", () => {
    expect(FIELD_CATALOGUES.map((x) => x.version)).toEqual(["2024-09", "2026-01"]);
    expect(findCatalogue("2023-01")).toBeUndefined();
    expect(findField(catalogue("2024-09"), "linen-supply")).toBeUndefined();
    expect(findField(catalogue("2024-09"), "nursing")).toBeUndefined();
  });
});
