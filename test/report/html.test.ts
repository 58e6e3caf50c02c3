import { describe, expect, it } from "vitest";
import { barChart, escapeXml } from "../../src/report/chart.js";
import { CHART_IDS, renderHtmlReport } from "../../src/report/html.js";
import { comparison } from "./fixtures.js";

describe("HTML report", () => {
  const c = comparison();
  const html = renderHtmlReport(c, { title: "Report <1>", notes: [{ heading: "Assumptions", items: ["wages & more"] }] });

  it("is one self-contained document: no script, no stylesheet link, nothing fetched", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)\s*=/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("draws the three charts, one bar per category and result", () => {
    const bars = (id: string): number => (html.match(new RegExp(`<rect class="bar" data-chart="${id}"`, "g")) ?? []).length;
    const withSlots = (key: "byPrefecture" | "byField") => c.rows.reduce((n, r) => n + Object.values(r[key]).filter((g) => g.slots > 0 || g.placed > 0).length, 0);
    expect(CHART_IDS.map((id) => html.includes(`id="chart-${id}"`))).toEqual([true, true, true]);
    expect(bars("placements-by-prefecture")).toBe(withSlots("byPrefecture"));
    expect(bars("fill-by-field")).toBe(withSlots("byField"));
    expect(bars("unplaced-by-reason")).toBe(2 * c.rows.length);
  });

  it("escapes every text it shows", () => {
    expect(html).toContain("<title>Report &lt;1&gt;</title>");
    expect(html).toContain("&lt;two&gt; | &amp; more");
    expect(html).toContain("wages &amp; more");
    expect(html).not.toContain("<two>");
  });

  it("scales bars to the axis and marks values that do not apply", () => {
    const svg = barChart({ id: "t", title: "T", categories: ["a", "b", "c"], series: [{ name: "s", values: [1, 0.5, null] }], format: String, max: 1 });
    const widths = [...svg.matchAll(/class="bar"[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBeCloseTo(2 * (widths[1] as number));
    expect(svg).toContain("\u2013");
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
