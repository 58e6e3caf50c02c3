/**
 * The Indonesia-Kagawa pilot as a scenario: about 2,000 workers into Kagawa
 * (JIS 37), in the fields behind the memorandum's four sectors.
 *
 * Demand is the pilot's 150 employers and 2,200 slots (1.1 per worker) split
 * by the pilot field mix (src/generate/facts.ts, PILOT_FIELD_MIX) by largest
 * remainders. It follows the same facts as the bundled pilot instance
 * (examples/data/kagawa-pilot.json) but draws employers field by field, so
 * the two instances are alike, not identical.
 */
import type { Scenario } from "../types.js";

/** The Kagawa pilot scenario; see the module comment. */
export const KAGAWA_PILOT_SCENARIO: Scenario = {
  name: "kagawa-pilot",
  title: "Kagawa pilot (2,000 workers)",
  description: "The Indonesia-Kagawa SSW pilot: about 2,000 Indonesian workers placed with Kagawa employers in caregiving, manufacturing, construction and hospitality.",
  // The date the memorandum was signed.
  seed: 20260123,
  assumptions: [
    "Cohort size 2,000 and prefecture Kagawa (37): the memorandum of 23 January 2026 (shared/domain.md, 'The pilot').",
    "Fields: the six SSW fields behind the four sectors named (nursing care; industrial products and food and beverage manufacturing; construction; accommodation and food service).",
    "Worker field mix: the pilot mix, which keeps the order and rough proportions of Indonesian SSW holders in June 2024 (care 9,760, food and beverage manufacturing 9,134, construction 3,075); the shares of industrial products, food service and accommodation are assumptions.",
    "Employers (150) and slots (2,200, 1.1 per worker) are assumptions: no employer list is public. Slots per field follow the worker mix.",
    "Wages: drawn at or a few 50-yen steps above Kagawa's FY2025 minimum wage of 1,036 yen/hour (from 2025-10-18), or the industry minimum for machinery manufacturing (1,158) where it applies.",
    "Language: most workers at N4 / JFT-Basic A2 (the SSW (i) requirement), some above, a few below; the shares are assumptions.",
    "Home provinces: Indonesia's 2024 SSW placements (Central Java 3,684, West Java 3,399, East Java 1,990 of 12,272); training centres are invented identifiers.",
    "No policy section: the bundled scenarios place without quotas, caps or groups; add a `policy` to compare them.",
  ],
  cohort: { size: 2000 },
  prefectures: [
    {
      prefecture: "37",
      demand: [
        { field: "nursing-care", employers: 63, slots: 924 },
        { field: "food-manufacturing", employers: 51, slots: 748 },
        { field: "construction", employers: 17, slots: 242 },
        { field: "industrial-products", employers: 9, slots: 132 },
        { field: "food-service", employers: 6, slots: 88 },
        { field: "accommodation", employers: 4, slots: 66 },
      ],
    },
  ],
  variations: [
    { name: "language +1", description: "Every worker one Japanese level higher (N4 becomes N3).", changes: [{ kind: "language-shift", by: 1 }] },
    { name: "care slots -25%", description: "A quarter fewer nursing-care slots.", changes: [{ kind: "scale-slots", field: "nursing-care", factor: 0.75 }] },
    { name: "+ Ehime", description: "Ehime (38) joins with half of Kagawa's demand.", changes: [{ kind: "add-prefecture", prefecture: "38", like: "37", factor: 0.5 }] },
  ],
};
