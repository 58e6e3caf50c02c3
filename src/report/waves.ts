/**
 * Arrival waves in the reports: placements by the month their slots start
 * (the result's `summary.byStartMonth`), shown where the slots start in more
 * than one month (a plan whose slots all start on the placement's start has
 * one wave, and its reports stay as they were). The same rows for the text,
 * Markdown and HTML reports; each passes its own table renderer.
 *
 * @example
 * waveRows(result.summary)
 * // [["2026-10", "600", "540", "60", "90.0%"], ["2027-01", ...], ...] or null for one wave
 */
import type { Summary } from "../result/types.js";
import { int } from "./format.js";

/** The table's header. */
export const WAVE_HEADER: readonly string[] = ["start month", "slots", "placed", "unfilled", "fill"];

const pct = (part: number, whole: number): string => (whole === 0 ? "-" : `${((100 * part) / whole).toFixed(1)}%`);

/** One row per start month, in month order; null with fewer than two months (or a summary saved before start months were counted). */
export const waveRows = (summary: Summary): string[][] | null => {
  const months = Object.entries(summary.byStartMonth ?? {});
  if (months.length < 2) return null;
  return months.map(([month, g]) => [month, int(g.slots), int(g.placed), int(g.unfilledSlots), pct(g.placed, g.slots)]);
};

/** The waves as a titled section by a table renderer (Markdown, HTML), or null with one wave. */
export const wavesSection = (
  render: (header: readonly string[], rows: readonly (readonly string[])[]) => string,
  summary: Summary,
  heading: (text: string) => string,
): string | null => {
  const rows = waveRows(summary);
  return rows === null ? null : `${heading("Arrival waves: placements by start month")}\n\n${render(WAVE_HEADER, rows)}\n`;
};
