/**
 * Prefectures rolled up by region (the eight-region grouping of
 * ../domain/prefectures.ts), so that a nationwide result reads as eight bars
 * with a drill-down instead of 47.
 *
 * @example
 * byRegion({ "37": { placed: 5, slots: 8, unfilledSlots: 3 } })
 * // [{ region: "Shikoku", placed: 5, slots: 8, prefectures: ["37"] }]
 */
import { findPrefecture, PREFECTURES, type Region } from "../domain/prefectures.js";

/** One region's totals and its prefectures (JIS codes, in code order). */
export interface RegionTotal {
  readonly region: Region | "other";
  readonly placed: number;
  readonly slots: number;
  readonly prefectures: readonly string[];
}

const ORDER: readonly Region[] = [...new Set(PREFECTURES.map((p) => p.region))];

/** Totals per region, in the regions' north-to-south order; regions without prefectures in the input are left out. */
export const byRegion = (byPrefecture: Readonly<Record<string, { readonly placed: number; readonly slots: number }>>): RegionTotal[] => {
  const out = new Map<string, { placed: number; slots: number; prefectures: string[] }>();
  for (const code of Object.keys(byPrefecture).sort()) {
    const region = findPrefecture(code)?.region ?? "other";
    const g = byPrefecture[code];
    const t = out.get(region) ?? { placed: 0, slots: 0, prefectures: [] };
    t.placed += g?.placed ?? 0;
    t.slots += g?.slots ?? 0;
    t.prefectures.push(code);
    out.set(region, t);
  }
  return [...ORDER, "other" as const].flatMap((region) => {
    const t = out.get(region);
    return t === undefined ? [] : [{ region, ...t }];
  });
};
