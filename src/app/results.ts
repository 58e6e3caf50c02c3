/**
 * The result on the page: the summary, the charts, the diagnosis of an
 * infeasible plan, the policy table, and one table of every worker (placed
 * where, or why not) with filters; a click on a worker or employer asks the
 * worker thread for its explanation.
 */
import { RULE_WORDS } from "../analysis/words.js";
import type { Instance } from "../input/instance.js";
import { barChart } from "../report/chart.js";
import { fieldLabel, int, pct, prefectureLabel, UNPLACED_WORDS } from "../report/format.js";
import { summaryRows } from "../report/markdown.js";
import { mainObstacles } from "../report/obstacles.js";
import { byRegion } from "../report/regions.js";
import type { MatchResult } from "../result/types.js";
import { RULES } from "../rules/eligibility.js";
import { compareResults, type LabelledResult } from "../scenario/compare.js";
import { fill, h, table } from "./dom.js";

/** What the officer can ask about a row. */
export interface Asks {
  readonly explain: (subject: "worker" | "employer", id: string) => void;
}

/** One line per worker: placed where, or why not. */
interface Line {
  readonly worker: string;
  readonly employer: string;
  readonly employerName: string;
  readonly prefecture: string;
  readonly field: string;
  readonly score: string;
  readonly reason: string;
  readonly reasonKey: string;
}

const lines = (r: MatchResult, instance: Instance): Line[] => {
  const employers = new Map(instance.employers.map((e) => [e.id, e]));
  const placed = r.placements.map((p): Line => {
    const e = employers.get(p.employerId);
    return { worker: p.workerId, employer: p.employerId, employerName: e?.name ?? "", prefecture: e === undefined ? "" : prefectureLabel(e.prefecture), field: e === undefined ? "" : fieldLabel(e.field), score: String(p.score), reason: "placed", reasonKey: "placed" };
  });
  const unplaced = r.unplaced.map((u): Line => {
    const rules = u.reason.kind === "no-eligible-slot" ? `: ${u.reason.excludedBy.map((x) => RULE_WORDS[x.rule]).join("; ")}` : u.reason.kind === "eligible-slots-taken" && u.reason.group !== undefined ? ` (left out with group ${u.reason.group})` : "";
    return { worker: u.workerId, employer: "", employerName: "", prefecture: "", field: "", score: "", reason: `${UNPLACED_WORDS[u.reason.kind]}${rules}`, reasonKey: u.reason.kind };
  });
  return [...placed, ...unplaced].sort((a, b) => (a.worker < b.worker ? -1 : a.worker > b.worker ? 1 : 0));
};

const svg = (markup: string): HTMLElement => {
  const div = h("div", { class: "chart" });
  div.innerHTML = markup; // barChart escapes every text it writes
  return div;
};

/** The charts for one or more results side by side. */
export const charts = (runs: readonly LabelledResult[]): HTMLElement => {
  const c = compareResults(runs);
  const regions = runs.map((r) => byRegion(r.result.summary.byPrefecture));
  const regionNames = [...new Set(regions.flatMap((rs) => rs.map((x) => x.region)))];
  const ruleCounts = runs.map((r) => new Map<string, number>(mainObstacles(r.result).map((o) => [o.rule, o.workers])));
  const rules = RULES.filter((rule) => ruleCounts.some((n) => (n.get(rule) ?? 0) > 0));
  const titled = (title: string, note: string, chart: HTMLElement): HTMLElement => h("figure", {}, h("figcaption", {}, h("strong", {}, title), h("span", { class: "hint" }, ` ${note}`)), chart);
  return h(
    "div",
    { class: "charts" },
    runs.length < 2 ? null : h("p", { class: "hint" }, runs.map((r, i) => `${["blue", "orange", "green", "pink"][i] ?? "next colour"}: ${r.name}`).join("; ")),
    titled("Fill rate by field", "share of each field's slots filled", svg(barChart({ id: "app-fill-by-field", title: "Fill rate by field", categories: c.fields.map(fieldLabel), series: c.rows.map((row) => ({ name: row.name, values: c.fields.map((f) => { const g = row.byField[f]; return g === undefined || g.slots === 0 ? null : g.placed / g.slots; }) })), format: (v) => `${Math.round(100 * v)}%`, max: 1 }))),
    titled("Placed by region", "the pale bar behind is the region's slots", svg(barChart({ id: "app-placed-by-region", title: "Placed by region (slots behind)", categories: regionNames, series: runs.map((r, i) => ({ name: r.name, values: regionNames.map((g) => regions[i]?.find((x) => x.region === g)?.placed ?? 0), behind: regionNames.map((g) => regions[i]?.find((x) => x.region === g)?.slots ?? 0) })), format: int, behindLabel: "slots" }))),
    rules.length === 0 ? null : titled("What kept workers out", "workers eligible nowhere, each under the rule that excluded them from the most employers", svg(barChart({ id: "app-rules", title: "Workers eligible nowhere, by main obstacle", categories: rules.map((rule) => RULE_WORDS[rule]), series: runs.map((r, i) => ({ name: r.name, values: rules.map((rule) => ruleCounts[i]?.get(rule) ?? 0) })), format: int }))),
  );
};

/** Renders the result into `root`. */
export const renderResult = (root: HTMLElement, r: MatchResult, instance: Instance, asks: Asks): void => {
  const all = lines(r, instance);
  const options = (values: readonly string[]): HTMLOptionElement[] => [h("option", { value: "" }, "(all)"), ...[...new Set(values)].filter((v) => v !== "").sort().map((v) => h("option", { value: v }, v))];
  const fieldSel = h("select", { "aria-label": "field" }, options(all.map((l) => l.field)));
  const prefSel = h("select", { "aria-label": "prefecture" }, options(all.map((l) => l.prefecture)));
  const employerBox = h("input", { "aria-label": "employer", placeholder: "employer id or name", size: 16 });
  const reasonSel = h("select", { "aria-label": "reason" }, h("option", { value: "" }, "(all)"), h("option", { value: "placed" }, "placed"), ...(["no-eligible-slot", "eligible-slots-taken", "no-solution"] as const).map((k) => h("option", { value: k }, UNPLACED_WORDS[k])));
  const workerBox = h("input", { "aria-label": "worker", placeholder: "worker id", size: 10 });
  const body = h("div", { class: "rows" });
  const LIMIT = 300;
  const draw = (): void => {
    const e = employerBox.value.trim().toLowerCase();
    const w = workerBox.value.trim().toLowerCase();
    const shown = all.filter(
      (l) =>
        (fieldSel.value === "" || l.field === fieldSel.value) &&
        (prefSel.value === "" || l.prefecture === prefSel.value) &&
        (reasonSel.value === "" || l.reasonKey === reasonSel.value) &&
        (e === "" || l.employer.toLowerCase().includes(e) || l.employerName.toLowerCase().includes(e)) &&
        (w === "" || l.worker.toLowerCase().includes(w)),
    );
    const link = (subject: "worker" | "employer", id: string): HTMLElement | string =>
      id === "" ? "" : h("button", { class: "link", "data-explain": `${subject}:${id}`, onclick: () => asks.explain(subject, id) }, id);
    fill(
      body,
      h("p", { class: "hint" }, `${int(shown.length)} of ${int(all.length)} workers${shown.length > LIMIT ? `; the first ${LIMIT} shown` : ""}. Click a worker or an employer for the explanation.`),
      table(["worker", "employer", "name", "prefecture", "field", "score", "placed, or why not"], shown.slice(0, LIMIT).map((l) => [link("worker", l.worker), link("employer", l.employer), l.employerName, l.prefecture, l.field, l.score, l.reason]), { class: "placements" }),
    );
  };
  for (const el of [fieldSel, prefSel, reasonSel]) el.addEventListener("change", draw);
  for (const el of [employerBox, workerBox]) el.addEventListener("input", draw);
  const s = r.summary;
  const diagnosis =
    r.diagnosis === null
      ? null
      : h(
          "div",
          { class: "diagnosis" },
          h("h3", {}, "Why no plan meets the policy"),
          r.diagnosis.kind === "relaxation"
            ? h("div", {}, h("p", {}, `The smallest change to the hard policy relaxes ${int(r.diagnosis.totalUnits)} unit(s):`), h("ul", {}, r.diagnosis.relaxations.map((x) => h("li", {}, x.text))))
            : h("p", {}, `No diagnosis: ${r.diagnosis.message}`),
        );
  const policyRows = (() => {
    const seen = new Map<string, { label: string; hard: boolean; n: number; broken: number }>();
    for (const p of r.policy) {
      const k = p.source;
      const t = seen.get(k) ?? { label: p.label, hard: p.hard, n: 0, broken: 0 };
      t.n++;
      if (p.violation > 0) t.broken++;
      seen.set(k, t);
    }
    return [...seen.entries()].map(([source, t]) => [source, t.n === 1 ? t.label : `${t.label} (and ${t.n - 1} more like it)`, t.hard ? "hard" : "soft", t.broken === 0 ? "met" : `${t.broken} of ${t.n} not met`]);
  })();
  fill(
    root,
    h("p", { class: `status ${r.status}` }, `Status: ${r.status}${r.message === null ? "" : ` (${r.message})`}; engine ${r.engine}; ${int(s.placed)} of ${int(s.workers)} workers placed (${pct(s.placementRate)}), ${int(s.placed)} of ${int(s.slots)} slots filled; solved in ${Math.round(r.timings.totalMs)} ms.`),
    diagnosis,
    table(["", "this run"], summaryRows(compareResults([{ name: "this run", result: r }]).rows), { class: "summary" }),
    charts([{ name: "this run", result: r }]),
    policyRows.length === 0 ? null : h("details", {}, h("summary", {}, `The policy: ${policyRows.length} constraint(s)`), table(["source", "constraint", "kind", "met?"], policyRows)),
    h("h3", {}, "Workers"),
    h("div", { class: "filters" }, h("label", {}, "Field ", fieldSel), h("label", {}, "Prefecture ", prefSel), h("label", {}, "Employer ", employerBox), h("label", {}, "Result ", reasonSel), h("label", {}, "Worker ", workerBox)),
    body,
  );
  draw();
};

/** Two runs side by side: the summary table and the charts. */
export const renderComparison = (root: HTMLElement, runs: readonly LabelledResult[]): void => {
  const c = compareResults(runs);
  fill(root, table(["", ...runs.map((r) => r.name)], summaryRows(c.rows), { class: "summary compare" }), charts(runs));
};
