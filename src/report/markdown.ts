/**
 * Markdown reports: a comparison of results side by side (one column per
 * scenario or variation), and the report of a single result. Plain
 * GitHub-flavoured Markdown tables, padded so that they also read well in a
 * terminal. Every text that comes from the input (names, titles, ids,
 * assumptions) is escaped (./escape.ts), so no raw HTML passes through.
 *
 * @example
 * console.log(formatComparisonMarkdown(compareRuns(runs), { title: "Shikoku" }));
 * // # Shikoku
 * // | | shikoku | shikoku/language +1 | ...
 */
import type { MatchResult } from "../result/types.js";
import { RULES, type RuleId } from "../rules/eligibility.js";
import { RULE_WORDS } from "../rules/ruleIds.js";
import { compareResults, fillOf, UNPLACED_KINDS, type Comparison, type ComparisonRow } from "../scenario/compare.js";
import { duration, fieldLabel, int, pct, prefectureLabel, UNPLACED_WORDS } from "./format.js";
import { escapeMarkdown } from "./escape.js";
import { lawMarkdown } from "./law.js";
import { brokenWords, policyDigest } from "./policy.js";
import { priceOfStabilityMarkdown, stabilityMarkdown, stabilityRows } from "./stability.js";
import { wavesSection } from "./waves.js";
import type { PriceOfStability } from "../stable/price.js";
import type { StabilityReport } from "../stable/stabilityReport.js";

/** Options of the Markdown reports. */
export interface MarkdownOptions {
  /** A level-one heading. */
  readonly title?: string;
  /** Paragraphs shown under the title (plain text: escaped like every other text, see ./escape.ts). */
  readonly notes?: readonly string[];
  /** Sections at the end, e.g. each scenario's assumptions: a heading and a bulleted list each. */
  readonly appendix?: readonly { readonly heading: string; readonly items: readonly string[] }[];
  /** A single result's full stability report (../stable/stabilityReport.ts): the employers most exposed, and workers' best options. */
  readonly stability?: StabilityReport;
}

/** Every text from the input is escaped (./escape.ts): no raw HTML, links or table breaks pass through. */
const cell = escapeMarkdown;

/** A Markdown table; the first column left-aligned, the others right-aligned, every column padded. */
export const markdownTable = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const all = [header, ...rows].map((r) => r.map(cell));
  const widths = header.map((_, i) => all.reduce((w, r) => Math.max(w, (r[i] ?? "").length), 3));
  const line = (r: readonly string[]): string =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (i === 0 ? "-".repeat(w) : `${"-".repeat(w - 1)}:`)).join(" | ")} |`;
  return [line(all[0] ?? []), rule, ...all.slice(1).map(line)].join("\n");
};

/** "+3.1 pp" against the first row, or "" for the first row itself. */
const delta = (value: number, base: number, first: boolean): string => {
  if (first) return "";
  const d = 100 * (value - base);
  return ` (${d >= 0 ? "+" : ""}${d.toFixed(1)} pp)`;
};

/** The summary table's rows (label, then one cell per result), shared with the HTML report. */
export const summaryRows = (rows: readonly ComparisonRow[]): string[][] => {
  const base = rows[0];
  const each = (f: (r: ComparisonRow, i: number) => string): string[] => rows.map(f);
  const out: string[][] = [
    ["Status", ...each((r) => (r.message === null ? r.status : `${r.status}: ${r.message}`))],
    ["Workers", ...each((r) => int(r.workers))],
    ["Slots", ...each((r) => int(r.slots))],
    ["Placed", ...each((r) => int(r.placed))],
    ["Placement rate", ...each((r, i) => pct(r.placementRate) + delta(r.placementRate, base?.placementRate ?? 0, i === 0))],
    ["Fill rate", ...each((r, i) => pct(r.fillRate) + delta(r.fillRate, base?.fillRate ?? 0, i === 0))],
    ["Mean score", ...each((r) => r.meanScore.toFixed(2))],
    ...stabilityRows(rows),
  ];
  for (const kind of UNPLACED_KINDS) {
    if (kind === "no-solution" && rows.every((r) => r.unplacedByReason[kind] === 0)) continue;
    out.push([`Unplaced: ${UNPLACED_WORDS[kind]}`, ...each((r) => int(r.unplacedByReason[kind]))]);
  }
  out.push(["Engine", ...each((r) => r.engine)]);
  if (rows.some((r) => r.generateMs !== null)) out.push(["Generate time", ...each((r) => (r.generateMs === null ? "-" : duration(r.generateMs)))]);
  out.push(["Solve time", ...each((r) => duration(r.solveMs))], ["Total time", ...each((r) => duration(r.totalMs))]);
  return out;
};

/** "placed / slots (fill)" for one group. */
const fillCell = (g: { readonly placed: number; readonly slots: number }): string =>
  g.slots === 0 ? (g.placed === 0 ? "-" : int(g.placed)) : `${int(g.placed)} / ${int(g.slots)} (${pct(fillOf(g))})`;

/** The comparison as Markdown: summary, fill by field, fill by prefecture. */
export const formatComparisonMarkdown = (c: Comparison, options: MarkdownOptions = {}): string => {
  const names = c.rows.map((r) => r.name);
  const parts: string[] = [];
  if (options.title !== undefined) parts.push(`# ${escapeMarkdown(options.title)}`);
  for (const note of options.notes ?? []) parts.push(escapeMarkdown(note));
  parts.push("## Summary", markdownTable(["", ...names], summaryRows(c.rows)));
  parts.push(
    "## Fill by field (placed / slots)",
    markdownTable(
      ["field", ...names],
      c.fields.map((f) => [fieldLabel(f), ...c.rows.map((r) => fillCell(r.byField[f] ?? { placed: 0, slots: 0 }))]),
    ),
  );
  parts.push(
    "## Fill by prefecture (placed / slots)",
    markdownTable(
      ["prefecture", ...names],
      c.prefectures.map((p) => [prefectureLabel(p), ...c.rows.map((r) => fillCell(r.byPrefecture[p] ?? { placed: 0, slots: 0 }))]),
    ),
  );
  for (const section of options.appendix ?? []) {
    if (section.items.length > 0) parts.push(`## ${escapeMarkdown(section.heading)}`, section.items.map((i) => `- ${escapeMarkdown(i)}`).join("\n"));
  }
  return `${parts.join("\n\n")}\n`;
};


/** Of the workers with no eligible slot, how many each rule stood in the way of. */
const ruleTable = (result: MatchResult): string | null => {
  const totals = new Map<RuleId, number>();
  for (const u of result.unplaced) {
    if (u.reason.kind !== "no-eligible-slot") continue;
    for (const r of u.reason.excludedBy) totals.set(r.rule, (totals.get(r.rule) ?? 0) + 1);
  }
  if (totals.size === 0) return null;
  const rows = RULES.flatMap((rule) => (totals.has(rule) ? [[`${rule}: ${RULE_WORDS[rule]}`, int(totals.get(rule) as number)]] : []));
  return markdownTable(["rule", "workers"], rows);
};

/** The policy (or the legal limits), one row per source: its constraints, how many are met, and those not met. */
const policyTable = (result: MatchResult, which: "policy" | "law"): string | null => {
  const rows = policyDigest(result, which);
  if (rows.length === 0) return null;
  const table = markdownTable(
    ["constraint", "source", "met"],
    rows.map((r) => [r.what, r.source, `${int(r.met)} / ${int(r.constraints)}`]),
  );
  const broken = rows.flatMap((r) => r.broken).map((p) => `- ${escapeMarkdown(brokenWords(p))}`);
  return broken.length === 0 ? table : `${table}\n\nNot met:\n\n${broken.join("\n")}`;
};

/** One result as Markdown: the comparison tables with one column, the policy, and what kept workers without an eligible slot. */
export const formatResultMarkdown = (result: MatchResult, options: MarkdownOptions & { readonly name?: string } = {}): string => {
  const body = formatComparisonMarkdown(compareResults([{ name: options.name ?? "result", result }]), options);
  const policy = policyTable(result, "policy");
  const limits = policyTable(result, "law");
  const law = lawMarkdown(result);
  const rules = ruleTable(result);
  const stability = stabilityMarkdown(markdownTable, result.stability, options.stability);
  const waves = wavesSection(markdownTable, result.summary, (t) => `## ${t}`);
  return [
    body,
    ...(waves === null ? [] : [waves]),
    ...(stability === null ? [] : [stability]),
    ...(result.diagnosis?.kind === "relaxation"
      ? [`## Why infeasible: the smallest relaxation (${int(result.diagnosis.totalUnits)} units)\n\n${result.diagnosis.relaxations.map((r) => `- ${escapeMarkdown(`${r.text} [${r.source}]`)}`).join("\n")}\n`]
      : []),
    ...(limits === null ? [] : [`## Legal limits\n\n${limits}\n`]),
    ...(law === null ? [] : [`## The law over the placement period\n\n${law}\n`]),
    ...(policy === null ? [] : [`## Policy\n\n${policy}\n`]),
    ...(rules === null ? [] : [`## Workers with no eligible slot: what stood in the way\n\nA worker counts once under each rule that excluded them somewhere.\n\n${rules}\n`]),
  ].join("\n");
};

/** The price of stability (../stable/price.ts) as a Markdown table, one column per plan, and what the differences mean. */
export const formatPriceOfStability = (p: PriceOfStability): string => priceOfStabilityMarkdown(markdownTable, p);
