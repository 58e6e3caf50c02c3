/**
 * Stability in the reports: the comparison's summary rows, the Markdown
 * section (with the employers most exposed when a full report is given),
 * the HTML section, and the price of stability table.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import { renderHtmlReport } from "../../src/report/html.js";
import { formatPriceOfStability, formatResultMarkdown } from "../../src/report/markdown.js";
import { formatReport } from "../../src/report/text.js";
import { compareResults } from "../../src/scenario/compare.js";
import { priceOfStability } from "../../src/stable/price.js";
import { auditMatch } from "../../src/stable/stabilityReport.js";

const input = generateInstance({ seed: 4, workers: 120, employers: 10 });
const price = priceOfStability(input);
if (E.isLeft(price)) throw new Error("fixture rejected");
const { optimal, stable } = price.right;
const report = auditMatch(input, optimal);
if (E.isLeft(report)) throw new Error("fixture rejected");

describe("stability in the reports", () => {
  it("adds blocking pairs and placements at risk to every summary table", () => {
    const md = formatResultMarkdown(optimal, { stability: report.right });
    const s = optimal.stability!;
    expect(md).toMatch(new RegExp(`\\| Blocking pairs +\\| +${s.blockingPairs.toLocaleString("en")} \\(`));
    expect(md).toContain("## Stability and retention");
    expect(md).toContain("Employers workers would rather join");
    expect(formatReport(optimal)).toContain(`${s.blockingPairs.toLocaleString("en")} blocking pairs`);
  });

  it("shows the stability section in the HTML report, escaped", () => {
    const html = renderHtmlReport(compareResults([{ name: "optimal", result: optimal }]), { stability: report.right });
    expect(html).toContain("<h2>Stability and retention</h2>");
    expect(html).toMatch(/<td>Blocking pairs<\/td>/);
  });

  it("puts the optimal and the stable plan side by side, with what stability costs", () => {
    const text = formatPriceOfStability(price.right);
    const row = (label: string): string[] => (text.split("\n").find((l) => l.startsWith(`| ${label}`)) ?? "").split("|").map((c) => c.trim()).slice(2, -1);
    expect(row("Placed")).toEqual([optimal.summary.placed.toLocaleString("en"), stable.summary.placed.toLocaleString("en")]);
    expect(row("Blocking pairs")[1]).toBe("0");
    expect(text).toContain(`Stability costs ${optimal.summary.placed - stable.summary.placed} placement`);
  });
});
