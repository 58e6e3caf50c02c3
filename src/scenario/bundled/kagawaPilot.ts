/**
 * The Indonesia-Kagawa pilot as a scenario: about 2,000 workers into Kagawa
 * (JIS 37), in the SSW fields behind the memorandum's four sectors. It is the
 * one source of the bundled pilot instance: scripts/make-pilot-data.ts writes
 * examples/data/kagawa-pilot.json from it, so `jobmatch scenario
 * kagawa-pilot` and `npm start` place the same workers with the same
 * employers.
 *
 * Demand is the pilot's 150 employers and 2,200 slots (1.1 per worker), the
 * slots split by the pilot field mix (src/generate/facts.ts, PILOT_FIELD_MIX:
 * manufacturing half, shipbuilding among it); employers per field are an
 * assumption (small care and construction employers, larger shipyards).
 * Placements start 2026-10-01 (PILOT_START) for a year.
 */
import { PILOT_START } from "../../generate/facts.js";
import type { FieldDemand, Scenario } from "../types.js";

/** Kagawa's pilot demand by field: PILOT_FIELD_MIX of 2,200 slots, and the employers holding them. */
export const KAGAWA_PILOT_DEMAND: readonly FieldDemand[] = [
  { field: "nursing-care", employers: 36, slots: 484 },
  { field: "industrial-products", employers: 30, slots: 440 },
  { field: "food-manufacturing", employers: 25, slots: 374 },
  { field: "shipbuilding", employers: 15, slots: 286 },
  { field: "construction", employers: 28, slots: 352 },
  { field: "food-service", employers: 10, slots: 154 },
  { field: "accommodation", employers: 6, slots: 110 },
];

/** The Kagawa pilot scenario; see the module comment. */
export const KAGAWA_PILOT_SCENARIO: Scenario = {
  name: "kagawa-pilot",
  title: "Kagawa pilot (2,000 workers)",
  description:
    "The Indonesia-Kagawa SSW pilot: about 2,000 Indonesian workers placed with Kagawa employers in manufacturing, caregiving, construction and hospitality, from 2026-10-01 for a year.",
  // The date the memorandum was signed.
  seed: 20260123,
  asOf: PILOT_START.value,
  assumptions: [
    "Cohort size 2,000 and prefecture Kagawa (37): the memorandum of 23 January 2026 (docs/SOURCES.md, 'The pilot').",
    "Fields: the seven SSW fields behind the four sectors named (nursing care; industrial products, food and beverage manufacturing and shipbuilding; construction; accommodation and food service).",
    "Field mix (workers and slots): manufacturing about half, as among Kagawa's foreign workers (58% in 2017; 'just under half' recently): industrial products 20%, food and beverage manufacturing 17%, shipbuilding 13%; care 22%, construction 16%, food service 7%, accommodation 5%. The split within sectors is an assumption.",
    "Employers (150) and slots (2,200, 1.1 per worker) are assumptions: no employer list is public.",
    "Placements start 2026-10-01 (about nine months after the memorandum) for a year: the period crosses Kagawa's FY2026 minimum wage revision (expected, not published: 1,036 + 66 = 1,102 yen from about 2026-10-18, an assumption) and 2027-04-01 (support organisations' limits; Employment for Skill Development).",
    "Wages: a few 50-yen steps above Kagawa's FY2025 minimum of 1,036 yen (from 2025-10-18), about 85 above on average, near the 1,117 yen lowest hiring wage Kagawa firms reported in September 2025; machinery, electronics and shipbuilding employers above their industry minimums (1,158 and 1,159 yen from December 2025).",
    "Declarations: most employers meet their field's prerequisites; a few do not (no approved construction plan, not in the sector council, simple lodging, dispatch employment, a Japanese co-worker paid more), so the plan shows each rule's reason. Registered support organisations per field, a few short of officers.",
    "Workers: most at N4 / JFT-Basic A2 (the SSW (i) requirement), a few below; a few still 17 at the start, returning near the five-year limit, or short of the departure checklist.",
    "Home provinces: Indonesia's 2024 SSW placements (Central Java 3,684, West Java 3,399, East Java 1,990 of 12,272); training centres are invented identifiers.",
    "No policy section: the legal caps (care staff, construction staff and plan, housing, support capacity) apply as law; add a `policy` for quotas, diversity or groups.",
  ],
  cohort: { size: 2000 },
  prefectures: [{ prefecture: "37", demand: KAGAWA_PILOT_DEMAND }],
  variations: [
    { name: "language +1", description: "Every worker one Japanese level higher (N4 becomes N3).", changes: [{ kind: "language-shift", by: 1 }] },
    { name: "care slots -25%", description: "A quarter fewer nursing-care slots.", changes: [{ kind: "scale-slots", field: "nursing-care", factor: 0.75 }] },
    { name: "+ Ehime", description: "Ehime (38) joins with half of Kagawa's demand.", changes: [{ kind: "add-prefecture", prefecture: "38", like: "37", factor: 0.5 }] },
  ],
};
