/**
 * Number and label formatting shared by the Markdown and HTML reports, the
 * same in every locale: `1,234`, `88.9%`, `1.2 s`, `37 Kagawa`.
 */
import { DEFAULT_FIELD_CATALOGUE_VERSION, findCatalogue, findField } from "../domain/fields.js";
import { findPrefecture } from "../domain/prefectures.js";
import type { UnplacedKind } from "../scenario/compare.js";

/** An integer with thousands separators: 12345 -> "12,345". */
export const int = (n: number): string => {
  const s = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return n < 0 ? `-${s}` : s;
};

/** A share as a percentage with one decimal; "-" for null. */
export const pct = (share: number | null): string => (share === null ? "-" : `${(100 * share).toFixed(1)}%`);

/** Milliseconds for people: "850 ms", "12.3 s", "2 min 05 s". */
export const duration = (ms: number): string => {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
};

/** "37 Kagawa" for a JIS code. */
export const prefectureLabel = (code: string): string => `${code} ${findPrefecture(code)?.name ?? ""}`.trim();

const catalogue = findCatalogue(DEFAULT_FIELD_CATALOGUE_VERSION);

/** The English name of an SSW field id ("Nursing care"), or the id. */
export const fieldLabel = (id: string): string => (catalogue === undefined ? id : (findField(catalogue, id)?.name ?? id));

/** Unplaced reasons in words. */
export const UNPLACED_WORDS: Readonly<Record<UnplacedKind, string>> = {
  "no-eligible-slot": "no eligible slot anywhere",
  "eligible-slots-taken": "eligible, but those slots went to others",
  "no-solution": "no solution from the solver",
};
