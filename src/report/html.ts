/**
 * The HTML report: one self-contained file (inline CSS and SVG, no script,
 * nothing fetched from a network) that a planner can open, mail or print.
 *
 * It shows the comparison's summary table, then three charts, one colour per
 * scenario: placements by prefecture (with the slots behind them; beyond
 * eight prefectures, by region, each region's prefectures in a drill-down),
 * fill rate by field, and unplaced workers by reason; then the fill tables in
 * full and the assumptions behind the scenarios.
 *
 * Given the results themselves (`results`), it also says what to do: the
 * diagnosis of an infeasible plan (what to relax), the policy table (each
 * line of the policy: met, at its limit, not met), what kept workers out
 * (a chart: workers eligible nowhere by their main obstacle), and, for a
 * single result, every placement and every unplaced worker with the reason.
 *
 * @example
 * writeFileSync("out/shikoku.html", renderHtmlReport(compareRuns(runs), { title: "Shikoku expansion" }));
 */
import { RULE_WORDS } from "../analysis/words.js";
import type { MatchResult } from "../result/types.js";
import { RULES } from "../rules/eligibility.js";
import { UNPLACED_KINDS, type Comparison, type UnplacedKind } from "../scenario/compare.js";
import { barChart, escapeXml, PALETTE } from "./chart.js";
import { fieldLabel, int, pct, prefectureLabel, UNPLACED_WORDS } from "./format.js";
import { summaryRows } from "./markdown.js";
import { mainObstacles } from "./obstacles.js";
import { policyDigest } from "./policy.js";
import { reasonWords } from "./reasons.js";
import { byRegion } from "./regions.js";
import { stabilityHtml } from "./stability.js";
import { waveRows, wavesSection } from "./waves.js";
import type { StabilityReport } from "../stable/stabilityReport.js";

/** Options of `renderHtmlReport`. */
export interface HtmlReportOptions {
  /** Page title and heading. */
  readonly title?: string;
  /** A line under the heading. */
  readonly subtitle?: string;
  /** Notes listed at the end, e.g. each scenario's assumptions. */
  readonly notes?: readonly { readonly heading: string; readonly items: readonly string[] }[];
  /**
   * The results behind the comparison, in its order, for the sections that
   * say what to do (see the module comment); `employers` names where each
   * placement is (id, name, prefecture, field) in the lists of a single result.
   */
  readonly results?: readonly {
    readonly name: string;
    readonly result: MatchResult;
    readonly employers?: readonly { readonly id: string; readonly name?: string | null; readonly prefecture: string; readonly field: string }[];
  }[];
  /** A single result's full stability report: its section lists the employers most exposed. */
  readonly stability?: StabilityReport;
}

/** More prefectures than this draw as regions, each region's prefectures in a drill-down. */
const PREFECTURES_IN_ONE_CHART = 8;


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
.diagnosis{border-left:4px solid #b3261e;background:#fdf3f2;padding:4px 14px;margin:8px 0} .src{color:#777;font-size:12px}
td.wrap,td:last-child{white-space:normal}
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

type Results = NonNullable<HtmlReportOptions["results"]>;

/** The diagnosis of each infeasible result, and each result's policy table. */
const whatToDo = (results: Results): string[] => {
  const out: string[] = [];
  for (const { name, result } of results) {
    const d = result.diagnosis;
    if (d === null) continue;
    out.push(`<h2>What to relax: ${escapeXml(name)}</h2>`, '<div class="diagnosis">');
    if (d.kind === "relaxation") {
      out.push(`<p>No plan meets every hard constraint of the policy. The smallest change relaxes ${int(d.totalUnits)} unit${d.totalUnits === 1 ? "" : "s"}:</p>`);
      out.push(`<ul>${d.relaxations.map((r) => `<li>${escapeXml(r.text)} <span class="src">[${escapeXml(r.source)}]</span></li>`).join("")}</ul>`);
    } else out.push(`<p>No plan meets every hard constraint of the policy, and no diagnosis was found: ${escapeXml(d.message)}.</p>`);
    out.push("</div>");
  }
  for (const { name, result } of results) {
    const rows = policyDigest(result);
    if (rows.length === 0) continue;
    out.push(
      `<h2>The policy${results.length > 1 ? `: ${escapeXml(name)}` : ""}</h2>`,
      '<p class="sub">Each line of the policy: how many of its constraints are met, how many sit at their limit (those bind: the plan would place differently without them), and those not met.</p>',
      table(
        ["policy line", "what", "constraints", "met", "at their limit", "not met"],
        rows.map((r) => [r.source, r.what, int(r.constraints), int(r.met), int(r.atLimit), r.broken.length === 0 ? "-" : r.broken.slice(0, 3).map((b) => `${b.label} (${b.value})`).join("; ") + (r.broken.length > 3 ? `; and ${r.broken.length - 3} more` : "")]),
      ),
    );
  }
  return out;
};

/** The chart of what kept workers out: each worker eligible nowhere under their main obstacle. */
const keptOut = (results: Results): string[] => {
  const counts = results.map((r) => new Map(mainObstacles(r.result).map((o) => [o.rule, o.workers])));
  const rules = RULES.filter((rule) => counts.some((m) => (m.get(rule) ?? 0) > 0));
  if (rules.length === 0) return [];
  return [
    "<h2>What kept workers out</h2>",
    '<p class="sub">Workers eligible nowhere, each counted once, under the rule that excluded them from the most employers: the obstacle to work on first.</p>',
    legend(results.map((r) => r.name)),
    barChart({ id: "kept-out", title: "Workers eligible nowhere, by main obstacle", categories: rules.map((r) => RULE_WORDS[r]), series: results.map((r, i) => ({ name: r.name, values: rules.map((rule) => counts[i]?.get(rule) ?? 0) })), format: int }),
  ];
};

/** For a single result: every placement, and every worker not placed with the reason. */
const lists = (results: Results): string[] => {
  if (results.length !== 1) return [];
  const { result, employers } = results[0] as Results[number];
  const where = new Map((employers ?? []).map((e) => [e.id, e]));
  // The start of each placement, where the slots start in more than one month.
  const starts = waveRows(result.summary) !== null;
  return [
    "<h2>Who went where</h2>",
    `<details><summary>${int(result.placements.length)} placements</summary>`,
    table(
      ["worker", "employer", "name", "prefecture", "field", ...(starts ? ["starts"] : []), "score"],
      result.placements.map((p) => {
        const e = where.get(p.employerId);
        return [p.workerId, p.employerId, e?.name ?? "", e === undefined ? "" : prefectureLabel(e.prefecture), e === undefined ? "" : fieldLabel(e.field), ...(starts ? [p.start] : []), String(p.score)];
      }),
    ),
    "</details>",
    `<details><summary>${int(result.unplaced.length)} workers not placed, with the reason</summary>`,
    table(["worker", "reason", "in words"], result.unplaced.map((u) => [u.workerId, UNPLACED_WORDS[u.reason.kind], reasonWords(u.reason, result.status)])),
    "</details>",
  ];
};

/** The report as a complete HTML document; see the module comment. */
export const renderHtmlReport = (c: Comparison, options: HtmlReportOptions = {}): string => {
  const title = options.title ?? "jobmatch report";
  const names = c.rows.map((r) => r.name);
  const kinds = UNPLACED_KINDS.filter((k) => k !== "no-solution" || c.rows.some((r) => r.unplacedByReason[k] > 0));
  const manyPrefectures = c.prefectures.length > PREFECTURES_IN_ONE_CHART;
  const regions = c.rows.map((r) => byRegion(r.byPrefecture));
  const regionNames = [...new Set(regions.flatMap((rs) => rs.map((x) => x.region)))];
  const prefectureChart = (id: string, title: string, codes: readonly string[]): string =>
    barChart({
      id,
      title,
      categories: codes.map(prefectureLabel),
      series: c.rows.map((r) => ({
        name: r.name,
        values: codes.map((p) => r.byPrefecture[p]?.placed ?? 0),
        behind: codes.map((p) => r.byPrefecture[p]?.slots ?? 0),
      })),
      format: int,
      behindLabel: "slots",
    });
  const charts = [
    manyPrefectures
      ? barChart({
          id: CHART_IDS[0],
          title: "Placements by region",
          categories: regionNames,
          series: c.rows.map((r, i) => ({
            name: r.name,
            values: regionNames.map((g) => regions[i]?.find((x) => x.region === g)?.placed ?? 0),
            behind: regionNames.map((g) => regions[i]?.find((x) => x.region === g)?.slots ?? 0),
          })),
          format: int,
          behindLabel: "slots",
        })
      : prefectureChart(CHART_IDS[0], "Placements by prefecture", c.prefectures),
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
  const drill = manyPrefectures
    ? regionNames.map((g) => {
        const codes = c.prefectures.filter((p) => regions.some((rs) => rs.find((x) => x.region === g)?.prefectures.includes(p)));
        return `<details><summary>${escapeXml(g)}: ${codes.length} prefecture${codes.length === 1 ? "" : "s"}</summary>\n${prefectureChart(`placements-in-${g.toLowerCase()}`, `Placements in ${g}`, codes)}\n</details>`;
      })
    : [];
  const body = [
    `<h1>${escapeXml(title)}</h1>`,
    options.subtitle === undefined ? "" : `<p class="sub">${escapeXml(options.subtitle)}</p>`,
    "<h2>Summary</h2>",
    table(["", ...names], summaryRows(c.rows)),
    ...whatToDo(options.results ?? []),
    manyPrefectures ? "<h2>Placements by region</h2>" : "<h2>Placements by prefecture</h2>",
    manyPrefectures
      ? '<p class="sub">Workers placed; the pale bar behind is the region\'s slots. Open a region for its prefectures.</p>'
      : '<p class="sub">Workers placed; the pale bar behind is the prefecture\'s slots.</p>',
    legend(names),
    charts[0],
    ...drill,
    "<h2>Fill rate by field</h2>",
    '<p class="sub">Share of each field\'s slots that were filled.</p>',
    legend(names),
    charts[1],
    "<h2>Unplaced workers by reason</h2>",
    legend(names),
    charts[2],
    ...keptOut(options.results ?? []),
    ...(options.results ?? []).flatMap(({ name, result }) => {
      const waves = wavesSection(table, result.summary, (t) => `<h2>${escapeXml((options.results ?? []).length > 1 ? `${t}: ${name}` : t)}</h2>`);
      return waves === null ? [] : [waves];
    }),
    options.stability === undefined ? "" : stabilityHtml(table, (t) => `<p class="sub">${escapeXml(t)}</p>`, options.stability),
    "<h2>Tables</h2>",
    "<details><summary>Fill by field (placed / slots)</summary>",
    table(["field", ...names], c.fields.map((f) => [fieldLabel(f), ...c.rows.map((r) => fillCell(r.byField[f]))])),
    "</details>",
    "<details><summary>Fill by prefecture (placed / slots)</summary>",
    table(["prefecture", ...names], c.prefectures.map((p) => [prefectureLabel(p), ...c.rows.map((r) => fillCell(r.byPrefecture[p]))])),
    "</details>",
    ...lists(options.results ?? []),
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
