/**
 * Shikoku expansion: the pilot extended to the four Shikoku prefectures
 * (Tokushima 36, Kagawa 37, Ehime 38, Kochi 39) with a cohort of 6,000.
 *
 * Kagawa keeps the pilot's demand (./kagawaPilot.ts) and adds shipbuilding;
 * the other three prefectures' demand is an assumption (no per-prefecture
 * table of foreign or Indonesian workers was found), sized to give 1.1 slots
 * per worker in all. Fishery joins the cohort because it is the fourth
 * largest field of Indonesian SSW holders.
 */
import { KAGAWA_PILOT_DEMAND } from "./kagawaPilot.js";
import type { Scenario } from "../types.js";

/** The Shikoku expansion scenario; see the module comment. */
export const SHIKOKU_SCENARIO: Scenario = {
  name: "shikoku",
  title: "Shikoku expansion (6,000 workers, 4 prefectures)",
  description: "The pilot extended to Tokushima, Kagawa, Ehime and Kochi, with shipbuilding and fishery added to the pilot's fields.",
  seed: 20260123,
  assumptions: [
    "Prefectures: the four of Shikoku (JIS 36-39) in the eight-region grouping of src/domain/prefectures.ts.",
    "Cohort 6,000 and its spread over Shikoku are assumptions for planning; only Kagawa's 2,000 come from the memorandum.",
    "Worker field mix: the pilot mix plus fishery (0.055: its June 2024 count of Indonesian SSW holders, 2,452, relative to care's 9,760, times care's pilot share 0.22).",
    "Demand: Kagawa keeps the pilot's 2,200 slots and adds 150 in shipbuilding (Kagawa has a shipbuilding industry minimum wage, 1,159 yen); Ehime, Tokushima and Kochi demand is synthetic, split so that Shikoku's slots by field follow the cohort's field mix (1.1 slots per worker in each field), with Ehime's shipbuilding (Imabari) and fishery, Tokushima's manufacturing and Kochi's fishery. Total 6,600 slots, 1.1 per worker (an assumption).",
    "Wages: at or above each prefecture's FY2025 minimum wage (Tokushima 1,046, Kagawa 1,036, Ehime 1,033, Kochi 1,023 yen/hour) or an industry minimum where one applies.",
    "Workers name Kagawa first when they state a prefecture (the pilot recruits for Kagawa), then another Shikoku prefecture.",
    "No policy section: the legal caps apply as law; add a `policy` for quotas, diversity or groups.",
  ],
  cohort: {
    size: 6000,
    fieldMix: {
      "nursing-care": 0.22,
      "industrial-products": 0.2,
      "food-manufacturing": 0.17,
      construction: 0.16,
      shipbuilding: 0.13,
      "food-service": 0.07,
      fishery: 0.055,
      accommodation: 0.05,
    },
    preferredPrefectures: ["37", "38", "36", "39"],
  },
  prefectures: [
    {
      prefecture: "37",
      demand: KAGAWA_PILOT_DEMAND.map((d) => (d.field === "shipbuilding" ? { field: d.field, employers: d.employers + 10, slots: d.slots + 150 } : d)),
    },
    {
      prefecture: "38",
      demand: [
        { field: "nursing-care", employers: 28, slots: 400 },
        { field: "shipbuilding", employers: 20, slots: 380 },
        { field: "industrial-products", employers: 25, slots: 380 },
        { field: "food-manufacturing", employers: 22, slots: 330 },
        { field: "construction", employers: 24, slots: 300 },
        { field: "fishery", employers: 10, slots: 140 },
        { field: "food-service", employers: 8, slots: 120 },
        { field: "accommodation", employers: 5, slots: 70 },
      ],
    },
    {
      prefecture: "36",
      demand: [
        { field: "industrial-products", employers: 20, slots: 300 },
        { field: "nursing-care", employers: 18, slots: 250 },
        { field: "food-manufacturing", employers: 14, slots: 200 },
        { field: "construction", employers: 14, slots: 180 },
        { field: "food-service", employers: 6, slots: 90 },
        { field: "accommodation", employers: 4, slots: 60 },
      ],
    },
    {
      prefecture: "39",
      demand: [
        { field: "nursing-care", employers: 17, slots: 240 },
        { field: "fishery", employers: 14, slots: 200 },
        { field: "construction", employers: 13, slots: 170 },
        { field: "food-manufacturing", employers: 11, slots: 160 },
        { field: "industrial-products", employers: 9, slots: 130 },
        { field: "food-service", employers: 5, slots: 75 },
        { field: "accommodation", employers: 5, slots: 75 },
      ],
    },
  ],
  variations: [
    { name: "language +1", description: "Every worker one Japanese level higher: what if the cohort reached N3?", changes: [{ kind: "language-shift", by: 1 }] },
    {
      name: "construction cap 300",
      description: "Construction intake capped at 300 over Shikoku (an intake cap, shared out by prefecture).",
      changes: [{ kind: "field-cap", field: "construction", cap: 300 }],
    },
    {
      name: "+ Okayama",
      description: "Okayama (33, Chugoku) joins with Tokushima's demand pattern.",
      changes: [{ kind: "add-prefecture", prefecture: "33", like: "36" }],
    },
  ],
};
