/**
 * The HTML report says what to do (issue #14): the diagnosis of an
 * infeasible plan, the policy table with what binds, what kept workers out,
 * who went where and why not; many prefectures roll up by region with a
 * drill-down; the CSV result's detail reads as the explanations do.
 * Expected counts come from the results' own lists, counted here.
 */
import * as E from "fp-ts/lib/Either.js";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { RULE_WORDS } from "../../src/analysis/words.js";
import { generateInstance } from "../../src/generate/generate.js";
import { resultToCsv } from "../../src/io/csv.js";
import { match } from "../../src/match.js";
import { renderHtmlReport } from "../../src/report/html.js";
import { compareResults } from "../../src/scenario/compare.js";

const solve = (input: unknown) => {
  const r = match(input);
  if (E.isLeft(r)) throw new Error("fixture does not solve");
  return r.right;
};

const report = (name: string, result: ReturnType<typeof solve>, employers: readonly { id: string; prefecture: string; field: string }[] = []): string =>
  renderHtmlReport(compareResults([{ name, result }]), { title: "t", results: [{ name, result, employers }] });

const bars = (html: string, id: string): number[] => [...html.matchAll(new RegExp(`<rect class="bar" data-chart="${id}"[^>]*><title>[^<]*: (\\d[\\d,]*)`, "g"))].map((m) => Number((m[1] as string).replace(/,/g, "")));

describe("the HTML report says what to do", () => {
  const input = generateInstance({ seed: 2, workers: 200, employers: 16 });

  it("gives the diagnosis of an infeasible plan", () => {
    const result = solve({ ...input, policy: { quotas: [{ scope: "sector", key: "caregiving", min: 10_000 }] } });
    expect(result.status).toBe("infeasible");
    const html = report("strict", result);
    expect(html).toContain("<h2>What to relax: strict</h2>");
    expect(result.diagnosis?.kind).toBe("relaxation");
    if (result.diagnosis?.kind === "relaxation") for (const r of result.diagnosis.relaxations) expect(html).toContain(r.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
  });

  it("has the policy table: met, at the limit (binding), not met", () => {
    const result = solve({ ...input, policy: { quotas: [{ scope: "sector", key: "caregiving", max: 3 }, { scope: "sector", key: "construction", max: 100_000 }] } });
    const caregiving = result.policy.find((p) => p.source === "policy.quotas[0]");
    expect(caregiving?.value).toBe(3); // the cap binds: more caregivers were eligible
    const html = report("capped", result);
    const row = (source: string): string => new RegExp(`<tr><td>${source.replace(/[[\]]/g, "\\$&")}</td>(.*?)</tr>`).exec(html)?.[1] ?? "";
    expect(row("policy.quotas[0]")).toBe("<td>sector caregiving: at most 3 placed</td><td>1</td><td>1</td><td>1</td><td>-</td>");
    expect(row("policy.quotas[1]")).toMatch(/<td>1<\/td><td>1<\/td><td>0<\/td><td>-<\/td>$/);
  });

  it("charts what kept workers out, each worker eligible nowhere counted once", () => {
    const result = solve(input);
    const html = report("plain", result);
    const nowhere = result.unplaced.filter((u) => u.reason.kind === "no-eligible-slot").length;
    expect(nowhere).toBeGreaterThan(0);
    expect(bars(html, "kept-out").reduce((a, b) => a + b, 0)).toBe(nowhere);
  });

  it("lists who went where, and every worker not placed with the reason in words", () => {
    const result = solve(input);
    const html = report("plain", result, input.employers);
    const section = html.slice(html.indexOf("<h2>Who went where</h2>"));
    const rows = (from: string): number => (section.slice(section.indexOf(from)).split("</details>")[0]?.match(/<tr><td>/g) ?? []).length;
    expect(rows("placements</summary>")).toBe(result.placements.length);
    expect(rows("not placed, with the reason</summary>")).toBe(result.unplaced.length);
    expect(section).toContain(RULE_WORDS["field-certification"].replace(/'/g, "&#39;"));
  });

  it("rolls many prefectures up by region, each region's prefectures in a drill-down", () => {
    const prefectures = ["01", "04", "13", "23", "27", "34", "37", "38", "40", "47"];
    const result = solve(generateInstance({ seed: 5, workers: 400, employers: 40, prefectures }));
    const html = report("wide", result);
    const regions = (html.match(/<rect class="bar" data-chart="placements-by-prefecture"/g) ?? []).length;
    expect(regions).toBeLessThanOrEqual(8);
    expect((html.match(/<details><summary>[A-Za-z-]+: \d+ prefectures?<\/summary>/g) ?? []).length).toBe(new Set(html.match(/data-chart="placements-in-[a-z-]+"/g)).size);
    const drilled = [...html.matchAll(/data-chart="placements-in-[a-z-]+"/g)].length;
    expect(drilled).toBe(Object.values(result.summary.byPrefecture).filter((g) => g.slots > 0 || g.placed > 0).length);
  });
});

describe("the CSV result", () => {
  it("gives the reason in the explanations' words", () => {
    const input = generateInstance({ seed: 2, workers: 200, employers: 16 });
    const result = solve(input);
    const rows = Papa.parse<Record<string, string>>(resultToCsv(result, input.employers).trim(), { header: true }).data;
    const nowhere = rows.filter((r) => r.reason === "no-eligible-slot");
    expect(nowhere.length).toBeGreaterThan(0);
    for (const r of nowhere) expect(r.detail).toMatch(new RegExp(`^no employer accepts them: (${Object.values(RULE_WORDS).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")}) at \\d+ employers?`));
  });
});
