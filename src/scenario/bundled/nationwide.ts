/**
 * Nationwide: 50,000 workers over all 47 prefectures, in the ten SSW fields
 * with Indonesian workers or pilot sectors.
 *
 * The demand table (47 x 10) is computed once, at load, by a rule written
 * here, and is then plain data like any other scenario (`jobmatch scenario
 * nationwide --show` prints it):
 *
 * 1. Slots: 1.1 per worker (SLOTS_PER_WORKER, an assumption), 55,000.
 * 2. By prefecture: no per-prefecture table of foreign or Indonesian workers
 *    was found (docs/SOURCES.md), so prefectures weigh 1 each, and 2 where
 *    the FY2025 minimum wage is above the national weighted average of 1,121
 *    yen (Saitama, Chiba, Tokyo, Kanagawa, Aichi, Kyoto, Osaka: a stand-in
 *    for the large urban labour markets). Synthetic.
 * 3. By field, in every prefecture alike: the FY2024-28 SSW five-year caps of
 *    the field catalogue (sourced), the national intake the government
 *    planned per field.
 * 4. Employers: one per 15 slots (the pilot's mean), rounded up.
 *
 * Workers follow the Indonesian SSW holders of June 2024 by field (sourced),
 * with industrial products and food service, missing from those figures, at
 * the pilot's ratio to care (assumption). Caps and the Indonesian mix differ
 * (industrial products has the largest cap and few Indonesian workers), which
 * is the point: the comparison shows where slots stay empty.
 */
import { findCatalogue } from "../../domain/fields.js";
import { NATIONAL_AVERAGE_MINIMUM_WAGE_FY2025, PREFECTURES, minimumWageOn } from "../../domain/prefectures.js";
import { INDONESIAN_SSW_BY_FIELD_JUNE_2024, PILOT_FIELD_MIX, SLOTS_PER_WORKER } from "../../generate/facts.js";
import { apportion } from "../../numbers/apportion.js";
import type { PrefectureDemand, Scenario } from "../types.js";

const WORKERS = 50_000;
const SLOTS_PER_EMPLOYER = 15;
const FIELDS = [
  "nursing-care",
  "food-manufacturing",
  "industrial-products",
  "construction",
  "food-service",
  "building-cleaning",
  "shipbuilding",
  "accommodation",
  "fishery",
  "aviation",
] as const;

const catalogue = findCatalogue("2024-09");
const capOf = (field: string): number => catalogue?.fields.find((f) => f.id === field)?.cap ?? 0;

const prefectureWeight = (code: string): number => {
  const p = PREFECTURES.find((x) => x.code === code);
  return p !== undefined && minimumWageOn(p, "2026-04-01").amount > NATIONAL_AVERAGE_MINIMUM_WAGE_FY2025 ? 2 : 1;
};

const demandTable = (): PrefectureDemand[] => {
  const codes = PREFECTURES.map((p) => p.code);
  const total = Math.round(WORKERS * SLOTS_PER_WORKER.value);
  const byPrefecture = apportion(total, codes.map(prefectureWeight));
  const caps = FIELDS.map(capOf);
  return codes.map((prefecture, i) => {
    const slots = apportion(byPrefecture[i] as number, caps);
    return {
      prefecture,
      demand: FIELDS.map((field, j) => {
        const n = slots[j] as number;
        return { field, employers: Math.ceil(n / SLOTS_PER_EMPLOYER), slots: n };
      }).filter((d) => d.slots > 0),
    };
  });
};

const indonesian = INDONESIAN_SSW_BY_FIELD_JUNE_2024.value;
const care = indonesian["nursing-care"] as number;
const pilotRatio = (field: string): number => Math.round(((PILOT_FIELD_MIX.value[field] as number) / (PILOT_FIELD_MIX.value["nursing-care"] as number)) * care);

/** The nationwide scenario; see the module comment for how its demand table is made. */
export const NATIONWIDE_SCENARIO: Scenario = {
  name: "nationwide",
  title: "Nationwide (50,000 workers, 47 prefectures)",
  description: "A cohort of 50,000 over every prefecture, demand by field following the SSW caps.",
  seed: 20260123,
  assumptions: [
    "Cohort size 50,000 is a planning assumption (Indonesia placed 12,272 SSW workers in Japan in 2024; 228,118 Indonesians worked in Japan in October 2025).",
    "Worker field mix: Indonesian SSW (i) holders by field, June 2024 (care 9,760; food and beverage manufacturing 9,134; construction 3,075; fishery 2,452; shipbuilding 1,641; building cleaning 972; accommodation 91; aviation 70); industrial products and food service are not in those figures and are set at the pilot's ratio to care (assumption).",
    "Slots: 55,000 (1.1 per worker, an assumption). Split by prefecture evenly, twice as many where the FY2025 minimum wage is above the national weighted average of 1,121 yen (synthetic: no per-prefecture table was found).",
    "Slots by field: proportional to the FY2024-28 SSW five-year caps (nursing care 135,000; industrial products 173,300; food and beverage manufacturing 139,000; construction 80,000; food service 53,000; building cleaning 37,000; shipbuilding 36,000; accommodation 23,000; fishery 17,000; aviation 4,400).",
    "Employers: one per 15 slots, the pilot's mean (assumption).",
    "Wages: at or above each prefecture's FY2025 minimum wage (1,023 yen in Kochi, Miyazaki, Okinawa up to 1,226 in Tokyo), or an industry minimum where one applies.",
    "No policy section: the legal caps apply as law; add a `policy` for quotas, diversity or groups.",
  ],
  cohort: {
    size: WORKERS,
    fieldMix: {
      ...Object.fromEntries(Object.entries(indonesian).filter(([f]) => (FIELDS as readonly string[]).includes(f))),
      "industrial-products": pilotRatio("industrial-products"),
      "food-service": pilotRatio("food-service"),
    },
    preferredPrefectures: ["37", ...PREFECTURES.map((p) => p.code).filter((c) => c !== "37")],
  },
  prefectures: demandTable(),
  variations: [
    { name: "language +1", description: "Every worker one Japanese level higher.", changes: [{ kind: "language-shift", by: 1 }] },
    {
      name: "industrial cap 5,000",
      description: "Industrial-products slots capped at 5,000 nationwide, nearer the Indonesian supply.",
      changes: [{ kind: "field-cap", field: "industrial-products", cap: 5000 }],
    },
    { name: "cohort 60,000", description: "10,000 more workers for the same slots.", changes: [{ kind: "cohort-size", size: 60_000 }] },
  ],
};
