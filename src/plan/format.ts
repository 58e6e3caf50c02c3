/**
 * The diff of a re-plan (./diff.ts) for people: a summary line, then who
 * moved and why, who is no longer placed and why, who is newly placed, and
 * where slots reopened. `diffSections` gives the same as headed lists, the
 * shape the Markdown report's appendix and the HTML report's notes take
 * (../report/), so both reports show the diff without a renderer of their own.
 *
 * @example
 * console.log(formatDiff(r.diff));
 * formatResultMarkdown(r.result, { title: "Re-plan", appendix: diffSections(r.diff) });
 */
import { int } from "../report/format.js";
import type { PlanDiff } from "./diff.js";

/** "kept 1,560, moved 42, newly placed 3, no longer placed 2, waiting 390, left 1". */
export const diffSummary = (d: PlanDiff): string =>
  `kept ${int(d.kept.length)}, moved ${int(d.moved.length)}, newly placed ${int(d.placed.length)}, no longer placed ${int(d.unplaced.length)}, still waiting ${int(d.waiting.length)}, left ${int(d.left.length)}`;

/** The diff as headed lists (empty lists left out); `limit` cuts each list, saying how many more there are. */
export const diffSections = (d: PlanDiff, limit = Infinity): { readonly heading: string; readonly items: readonly string[] }[] => {
  const cut = (items: readonly string[]): string[] => (items.length <= limit ? [...items] : [...items.slice(0, limit), `... and ${int(items.length - limit)} more`]);
  const sections = [
    { heading: "Changes", items: [diffSummary(d)] },
    { heading: `Moved (${int(d.moved.length)})`, items: cut(d.moved.map((m) => `${m.workerId}: ${m.from} -> ${m.to}, because ${m.why.text}`)) },
    { heading: `No longer placed (${int(d.unplaced.length)})`, items: cut(d.unplaced.map((u) => `${u.workerId} (was at ${u.from}): ${u.why.text}`)) },
    { heading: `Newly placed (${int(d.placed.length)})`, items: cut(d.placed.map((p) => `${p.workerId} at ${p.employerId}`)) },
    { heading: `Left the cohort before being placed (${int(d.left.length)})`, items: cut(d.left.map((l) => `${l.workerId}: ${l.why.text}`)) },
    {
      heading: `Slots reopened (${int(d.reopened.length)} employers)`,
      items: cut(d.reopened.map((r) => `${r.employerId}: ${r.leavers} left, ${r.refilled} filled again; ${r.after} of ${r.slots} slots filled now (${r.before} before)`)),
    },
  ];
  return sections.filter((s, i) => i === 0 || s.items.length > 0);
};

/** The diff as text: each section a heading and indented lines. */
export const formatDiff = (d: PlanDiff, limit = Infinity): string =>
  diffSections(d, limit)
    .map((s, i) => (i === 0 ? `${s.items[0] as string}\n` : `${s.heading}:\n${s.items.map((x) => `  ${x}`).join("\n")}\n`))
    .join("");
