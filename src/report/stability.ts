/**
 * Stability in the reports: blocking pairs and retention risk, in a few
 * lines of text, as Markdown and as HTML tables, and the price of stability
 * (the optimal plan against the stable one) side by side.
 *
 * How to read it: a *blocking pair* is a worker and an employer who would
 * both rather be together than keep what the plan gave them (the worker
 * prefers the employer, which has a free slot or holds a worker it values
 * less); every one is a job change waiting to happen. A placement is at
 * *high* retention risk when its worker has such a pair, *medium* when a
 * job in her field elsewhere would pay at least 10% more by the regional
 * minimum wage alone. Indicators, not predictions.
 *
 * @example
 * console.log(formatPriceOfStability(p)); // ./markdown.ts: optimal | stable | top-choice, one row per figure
 */
import type { ComparisonRow } from "../scenario/compare.js";
import type { PriceOfStability } from "../stable/price.js";
import type { StabilityReport } from "../stable/stabilityReport.js";
import type { StabilitySummary } from "../stable/types.js";
import type { MatchResult } from "../result/types.js";
import { duration, int } from "./format.js";

/** Renders a table (Markdown or HTML): the report that asks passes its own. */
export type TableRenderer = (header: readonly string[], rows: readonly (readonly string[])[]) => string;

/** "12 (3 workers, 2 employers)". */
const pairsCell = (s: StabilitySummary): string =>
  s.blockingPairs === 0 ? "0" : `${int(s.blockingPairs)} (${int(s.workersWithBlockingOption)} workers, ${int(s.employersInBlockingPairs)} employers)`;

/** "41 high, 380 medium". */
const riskCell = (s: StabilitySummary): string => `${int(s.risk.high)} high, ${int(s.risk.medium)} medium`;

/** Rows for the comparison's summary table, when any result was audited. */
export const stabilityRows = (rows: readonly ComparisonRow[]): string[][] =>
  rows.some((r) => r.stability !== null)
    ? [
        ["Blocking pairs", ...rows.map((r) => (r.stability === null ? "-" : pairsCell(r.stability)))],
        ["Placements at risk", ...rows.map((r) => (r.stability === null ? "-" : riskCell(r.stability)))],
      ]
    : [];

/** A few lines of text for the plain report. */
export const stabilityLines = (s: StabilitySummary | null): string[] => {
  if (s === null) return [];
  const kinds = s.blockingPairs === 0 ? "" : `: ${int(s.byKind.freeSlot)} where the employer has a free slot, ${int(s.byKind.preferred)} where it would take her over a worker it values less`;
  const lines = [
    `Stability (${s.preferences} preferences): ${s.blockingPairs === 0 ? "no blocking pair" : `${int(s.blockingPairs)} blocking pairs, ${int(s.workersWithBlockingOption)} workers with a better offer in the plan, at ${int(s.employersInBlockingPairs)} employers`}${kinds}`,
    `Retention risk: ${int(s.risk.high)} placements high (a better offer inside the plan), ${int(s.risk.medium)} medium (a better-paid job in their field elsewhere), ${int(s.risk.low)} low; employers at risk: ${int(s.employersAtRisk.high)} high, ${int(s.employersAtRisk.medium)} medium`,
  ];
  if (s.withinFullCap > 0) lines.push(`  of the blocking pairs, ${int(s.withinFullCap)} move a worker within a regional cap at its maximum`);
  if (s.unacceptablePlacements > 0) lines.push(`  ${int(s.unacceptablePlacements)} placements one side finds unacceptable (rejected at interview, or not on a list)`);
  if (s.warnings.length > 0) lines.push(`  ${int(s.warnings.length)} ranking entries ignored (pairs that can never be placed)`);
  return lines;
};

/** The employers workers would rather join: blocking pairs at each, most first. */
const attractingRows = (report: StabilityReport, shown: number): string[][] => report.byEmployer.slice(0, shown).map((e) => [e.employerId, int(e.pairs)]);

const ATTRACTING_HEADER = ["employer", "blocking pairs (workers who would rather be here)"];

/** The employers at risk of losing workers to a better offer in the plan, most high-risk placements first, with the wage that would answer those offers. */
export const atRiskEmployers = (report: StabilityReport): StabilityReport["retention"]["employers"] =>
  report.retention.employers.filter((e) => e.high > 0).sort((a, b) => b.high - a.high || (a.employerId < b.employerId ? -1 : 1));

const atRiskRows = (report: StabilityReport, shown: number): string[][] =>
  atRiskEmployers(report)
    .slice(0, shown)
    .map((e) => [e.employerId, `${int(e.high)} / ${int(e.placed)}`, int(e.hourlyWage), e.retainingWage !== null ? int(e.retainingWage) : "none would"]);

const AT_RISK_HEADER = ["employer", "placements with a better offer / placed", "hourly wage", "wage that answers those offers"];

/** A Markdown section: the summary, and with a full report the employers most exposed and some workers' best options. */
export const stabilityMarkdown = (markdownTable: TableRenderer, s: StabilitySummary | null, report?: StabilityReport, shown = 10): string | null => {
  if (s === null) return null;
  const parts = [
    "## Stability and retention",
    markdownTable(
      ["", "count"],
      [
        ["Blocking pairs", int(s.blockingPairs)],
        ["  where the employer has a free slot", int(s.byKind.freeSlot)],
        ["  where it would take her over a worker it values less", int(s.byKind.preferred)],
        ["  moves within a regional cap at its maximum", int(s.withinFullCap)],
        ["Workers with a better offer in the plan", int(s.workersWithBlockingOption)],
        ["Employers in blocking pairs", int(s.employersInBlockingPairs)],
        ["Placements at high risk (a better offer in the plan)", int(s.risk.high)],
        ["Placements at medium risk (a better-paid job in the field elsewhere)", int(s.risk.medium)],
        ["Placements at low risk", int(s.risk.low)],
        ["Placements one side finds unacceptable", int(s.unacceptablePlacements)],
      ],
    ),
    `Preferences: ${s.preferences}. A blocking pair is a worker and an employer who would both rather be together than keep what the plan gave them. Risk levels are indicators, not predictions.`,
  ];
  if (report !== undefined && report.byEmployer.length > 0) {
    parts.push(`Employers workers would rather join (${Math.min(shown, report.byEmployer.length)} of ${report.byEmployer.length}):`, markdownTable(ATTRACTING_HEADER, attractingRows(report, shown)));
  }
  const atRisk = report === undefined ? [] : atRiskEmployers(report);
  if (report !== undefined && atRisk.length > 0) {
    parts.push(`Employers at risk of losing workers to a better offer in the plan (${Math.min(shown, atRisk.length)} of ${atRisk.length}):`, markdownTable(AT_RISK_HEADER, atRiskRows(report, shown)));
  }
  if (report !== undefined && report.bestOptions.length > 0) {
    const rows = report.bestOptions.slice(0, shown).map((b) => [b.workerId, b.placedAt ?? "not placed", b.best, int(b.options)]);
    parts.push(`Workers' best blocking options (${Math.min(shown, report.bestOptions.length)} of ${report.bestOptions.length}):`, markdownTable(["worker", "placed at", "would rather be at", "options"], rows));
  }
  return `${parts.join("\n\n")}\n`;
};

/** An HTML section with the employer table, for the HTML report (`table` renders and escapes). */
export const stabilityHtml = (table: TableRenderer, paragraph: (text: string) => string, report: StabilityReport, shown = 15): string =>
  [
    "<h2>Stability and retention</h2>",
    paragraph(stabilityLines(report.summary).join(" ")),
    report.byEmployer.length === 0 ? "" : `${paragraph("Employers workers would rather join:")}${table(ATTRACTING_HEADER, attractingRows(report, shown))}`,
    atRiskEmployers(report).length === 0 ? "" : `${paragraph("Employers at risk of losing workers to a better offer in the plan:")}${table(AT_RISK_HEADER, atRiskRows(report, shown))}`,
  ]
    .filter((x) => x !== "")
    .join("\n");

/** One column of the price of stability. */
const column = (r: MatchResult): string[] => {
  const s = r.stability;
  return [
    r.message === null ? r.status : `${r.status}: ${r.message}`,
    int(r.summary.placed),
    int(r.summary.totalScore),
    r.summary.meanScore.toFixed(2),
    s === null ? "-" : pairsCell(s),
    s === null ? "-" : riskCell(s),
    int(r.summary.unplacedByReason["no-eligible-slot"]),
    int(r.summary.unplacedByReason["eligible-slots-taken"]),
    duration(r.timings.solveMs),
  ];
};

const PRICE_ROWS = [
  "Status",
  "Placed",
  "Total score",
  "Mean score",
  "Blocking pairs",
  "Placements at risk",
  "Unplaced: no eligible slot",
  "Unplaced: eligible, slots went to others",
  "Solve time",
];

/** The price of stability as a Markdown table: one column per plan, then what the differences mean. */
export const priceOfStabilityMarkdown = (markdownTable: TableRenderer, p: PriceOfStability): string => {
  const plans: [string, MatchResult][] = [
    ["optimal", p.optimal],
    ["stable", p.stable],
    ...(p.topChoice === null ? [] : [["no blocking pair at a top choice", p.topChoice] as [string, MatchResult]]),
  ];
  const columns = plans.map(([, r]) => column(r));
  const table = markdownTable(["", ...plans.map(([n]) => n)], PRICE_ROWS.map((label, i) => [label, ...columns.map((c) => c[i] as string)]));
  const o = p.optimal.summary;
  const st = p.stable.summary;
  const lines = [
    table,
    "",
    `Stability costs ${int(o.placed - st.placed)} placement${o.placed - st.placed === 1 ? "" : "s"} and ${int(o.totalScore - st.totalScore)} points of total score; it removes ${int((p.optimal.stability?.blockingPairs ?? 0) - (p.stable.stability?.blockingPairs ?? 0))} blocking pairs and ${int((p.optimal.stability?.risk.high ?? 0) - (p.stable.stability?.risk.high ?? 0))} high-risk placements.`,
  ];
  return `${lines.join("\n")}\n`;
};
