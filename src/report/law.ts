/**
 * The law over the placement period in the reports: the period, the raises
 * employers must make, the placements that rest on an expected or an
 * unpublished minimum wage, the support organisations' load, and what
 * changes during the period (../result/law.ts has the data).
 *
 * @example
 * lawLines(result) // ["", "Placement period: 2026-10-01 to 2027-09-30 (12 months); wages under a floor: raise", "  E031 must raise ...", ...]
 */
import { dayBefore } from "../domain/dates.js";
import type { MatchResult } from "../result/types.js";
import { escapeMarkdown } from "./escape.js";

const SHOWN = 5;

/** At most SHOWN items, then how many more. */
const some = (items: readonly string[], indent: string): string[] => [
  ...items.slice(0, SHOWN).map((t) => `${indent}${t}`),
  ...(items.length > SHOWN ? [`${indent}and ${items.length - SHOWN} more`] : []),
];

const periodWords = (r: MatchResult): string => {
  const p = r.law.placement;
  return `${p.start} to ${dayBefore(p.end)} (${p.months} months); wages under a floor: ${p.wages === "raise" ? "the plan lists the raise" : "the employer is excluded"}`;
};

/** The text report's lines; empty without a solution. */
export const lawLines = (r: MatchResult): string[] => {
  if (!r.hasSolution) return [];
  const law = r.law;
  const over = law.support.filter((s) => s.workers > s.capacity.workers || s.employers > s.capacity.employers || s.officers === 0);
  return [
    "",
    `Placement period: ${periodWords(r)}`,
    ...(law.raises.length === 0 ? [] : [`  Raises the plan needs (${law.raises.length}):`, ...some(law.raises.map((x) => x.text), "    ")]),
    ...law.wageReliance.map((w) => `  ${w.text}`),
    ...(law.support.length === 0
      ? []
      : [`  Support organisations: ${law.support.length}, ${law.support.filter((s) => s.enforced).length} with their capacity enforced; over or unknown: ${over.length}`, ...some(over.map((s) => s.text), "    ")]),
    ...law.notes.map((n) => `  ${n}`),
  ];
};

/** The Markdown report's section body, every text escaped (ids, organisations and notes come from the input: ./escape.ts); null without a solution. */
export const lawMarkdown = (r: MatchResult): string | null => {
  if (!r.hasSolution) return null;
  const law = r.law;
  const list = (texts: readonly string[]): string => texts.map((t) => `- ${escapeMarkdown(t)}`).join("\n");
  return [
    escapeMarkdown(`Placement period: ${periodWords(r)}.`),
    ...(law.raises.length === 0 ? [] : [`Raises the plan needs:\n\n${list(law.raises.map((x) => x.text))}`]),
    ...(law.wageReliance.length === 0 ? [] : [`Minimum wages the plan relies on:\n\n${list(law.wageReliance.map((w) => w.text))}`]),
    ...(law.support.length === 0 ? [] : [`Support organisations:\n\n${list(law.support.map((s) => s.text))}`]),
    ...law.notes.map(escapeMarkdown),
  ].join("\n\n");
};
