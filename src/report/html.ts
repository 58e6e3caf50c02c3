/**
 * The HTML report: one self-contained file (inline CSS and SVG, no script,
 * nothing fetched from a network) that a planner can open, mail or print.
 *
 * It shows the comparison's summary table, then three charts, one colour per
 * scenario: placements by prefecture (with the slots behind them), fill rate
 * by field, and unplaced workers by reason; then the fill tables in full and
 * the assumptions behind the scenarios.
 *
 * @example
 * writeFileSync("out/shikoku.html", renderHtmlReport(compareRuns(runs), { title: "Shikoku expansion" }));
 */
import { UNPLACED_KINDS, type Comparison, type UnplacedKind } from "../scenario/compare.js";
import { barChart, escapeXml, PALETTE } from "./chart.js";
import { fieldLabel, int, pct, prefectureLabel } from "./format.js";
import { summaryRows } from "./markdown.js";
import { stabilityHtml } from "./stability.js";
import type { StabilityReport } from "../stable/stabilityReport.js";

/** Options of `renderHtmlReport`. */
export interface HtmlReportOptions {
  /** Page title and heading. */
  readonly title?: string;
  /** A line under the heading. */
  readonly subtitle?: string;
  /** Notes listed at the end, e.g. each scenario's assumptions. */
  readonly notes?: readonly { readonly heading: string; readonly items: readonly string[] }[];
  /** A single result's full stability report: its section lists the employers most exposed. */
  readonly stability?: StabilityReport;
}

const SHORT_REASONS: Readonly<Record<UnplacedKind, string>> = {
  "no-eligible-slot": "no eligible slot",
  "eligible-slots-taken": "eligible slots taken",
  "no-solution": "no solution",
};

/** The `data-chart` ids of the three charts, in page order. */
export const CHART_IDS = ["placements-by-prefecture", "fill-by-field", "unplaced-by-reason"] as const;

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#222;background:#fafafa}
main{max-width:1000px;margin:0 auto;padding:24px 28px 48px;background:#fff}
h1{font-size:24px;margin:0 0 4px} h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid #e4e4e4;padding-bottom:4px}
p.sub{color:#555;margin:0 0 16px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{padding:4px 10px;border-bottom:1px solid #eee;text-align:right}
td{white-space:nowrap} thead th{vertical-align:bottom;max-width:160px}
.scroll{overflow-x:auto}
th:first-child,td:first-child{text-align:left}
thead th{border-bottom:2px solid #ccc}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:13px;margin:6px 0 4px}
.legend span{display:inline-flex;align-items:center;gap:6px}
.legend i{display:inline-block;width:14px;height:14px;border-radius:2px}
svg.chart{max-width:100%;height:auto;display:block}
details{margin:8px 0} summary{cursor:pointer;color:#0b5394}
ul.notes{font-size:13px;color:#444;padding-left:20px} ul.notes li{margin:3px 0}
footer{margin-top:32px;font-size:12px;color:#777}
`;

const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [
    '<div class="scroll"><table>',
    `<thead><tr>${header.map((h) => `<th>${escapeXml(h)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...rows.map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join("")}</tr>`),
    "</tbody></table></div>",
  ].join("\n");

const legend = (names: readonly string[]): string =>
  `<div class="legend">${names
    .map((n, i) => `<span><i style="background:${PALETTE[i % PALETTE.length] as string}"></i>${escapeXml(n)}</span>`)
    .join("")}</div>`;

const fillCell = (g: { readonly placed: number; readonly slots: number } | undefined): string =>
  g === undefined || g.slots === 0 ? "-" : `${int(g.placed)} / ${int(g.slots)} (${pct(g.placed / g.slots)})`;

/** The report as a complete HTML document; see the module comment. */
export const renderHtmlReport = (c: Comparison, options: HtmlReportOptions = {}): string => {
  const title = options.title ?? "jobmatch report";
  const names = c.rows.map((r) => r.name);
  const kinds = UNPLACED_KINDS.filter((k) => k !== "no-solution" || c.rows.some((r) => r.unplacedByReason[k] > 0));
  const charts = [
    barChart({
      id: CHART_IDS[0],
      title: "Placements by prefecture",
      categories: c.prefectures.map(prefectureLabel),
      series: c.rows.map((r) => ({
        name: r.name,
        values: c.prefectures.map((p) => r.byPrefecture[p]?.placed ?? 0),
        behind: c.prefectures.map((p) => r.byPrefecture[p]?.slots ?? 0),
      })),
      format: int,
      behindLabel: "slots",
    }),
    barChart({
      id: CHART_IDS[1],
      title: "Fill rate by field",
      categories: c.fields.map(fieldLabel),
      series: c.rows.map((r) => ({
        name: r.name,
        values: c.fields.map((f) => {
          const g = r.byField[f];
          return g === undefined || g.slots === 0 ? null : g.placed / g.slots;
        }),
      })),
      format: (v) => `${Math.round(100 * v)}%`,
      max: 1,
    }),
    barChart({
      id: CHART_IDS[2],
      title: "Unplaced workers by reason",
      categories: kinds.map((k) => SHORT_REASONS[k]),
      series: c.rows.map((r) => ({ name: r.name, values: kinds.map((k) => r.unplacedByReason[k]) })),
      format: int,
    }),
  ];
  const notes = (options.notes ?? []).filter((n) => n.items.length > 0);
  const body = [
    `<h1>${escapeXml(title)}</h1>`,
    options.subtitle === undefined ? "" : `<p class="sub">${escapeXml(options.subtitle)}</p>`,
    "<h2>Summary</h2>",
    table(["", ...names], summaryRows(c.rows)),
    "<h2>Placements by prefecture</h2>",
    '<p class="sub">Workers placed; the pale bar behind is the prefecture\'s slots.</p>',
    legend(names),
    charts[0],
    "<h2>Fill rate by field</h2>",
    '<p class="sub">Share of each field\'s slots that were filled.</p>',
    legend(names),
    charts[1],
    "<h2>Unplaced workers by reason</h2>",
    legend(names),
    charts[2],
    options.stability === undefined ? "" : stabilityHtml(table, (t) => `<p class="sub">${escapeXml(t)}</p>`, options.stability),
    "<h2>Tables</h2>",
    "<details><summary>Fill by field (placed / slots)</summary>",
    table(["field", ...names], c.fields.map((f) => [fieldLabel(f), ...c.rows.map((r) => fillCell(r.byField[f]))])),
    "</details>",
    "<details><summary>Fill by prefecture (placed / slots)</summary>",
    table(["prefecture", ...names], c.prefectures.map((p) => [prefectureLabel(p), ...c.rows.map((r) => fillCell(r.byPrefecture[p]))])),
    "</details>",
    ...notes.flatMap((n) => [`<h2>${escapeXml(n.heading)}</h2>`, `<ul class="notes">${n.items.map((i) => `<li>${escapeXml(i)}</li>`).join("")}</ul>`]),
    "<footer>Made by jobmatch. Synthetic data is marked as such in the assumptions; solve times are for this run.</footer>",
  ];
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeXml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body><main>",
    ...body.filter((b) => b !== ""),
    "</main></body>",
    "</html>",
    "",
  ].join("\n");
};
