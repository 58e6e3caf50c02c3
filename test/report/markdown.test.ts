import { describe, expect, it } from "vitest";
import { formatComparisonMarkdown, formatResultMarkdown, markdownTable } from "../../src/report/markdown.js";
import { comparison, pilotLike } from "./fixtures.js";

/** The cells of a Markdown table row, unescaped. */
const cells = (line: string): string[] =>
  line
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.trim().replace(/\\\|/g, "|"));

describe("Markdown reports", () => {
  it("pads tables and escapes pipes", () => {
    expect(markdownTable(["a", "b"], [["x|y", "1"], ["z", "1,234"]])).toBe(
      ["| a    |     b |", "| ---- | ----: |", "| x\\|y |     1 |", "| z    | 1,234 |"].join("\n"),
    );
  });

  it("puts results side by side, one column each, with the change against the first", () => {
    const c = comparison();
    const text = formatComparisonMarkdown(c, { title: "Test", notes: ["A note."] });
    const lines = text.split("\n");
    expect(lines.slice(0, 4)).toEqual(["# Test", "", "A note.", ""]);
    expect(cells(lines.find((l) => l.startsWith("| ") && l.includes("pilot")) as string)).toEqual(["", "pilot", "<two> | & more"]);
    const row = (label: string): string[] => cells(lines.find((l) => l.startsWith(`| ${label}`)) as string);
    const [a, b] = c.rows;
    expect(row("Workers")).toEqual(["Workers", "120", "120"]);
    expect(row("Placed")).toEqual(["Placed", String(a?.placed), String(b?.placed)]);
    const pp = (100 * ((b?.placementRate ?? 0) - (a?.placementRate ?? 0))).toFixed(1);
    expect(row("Placement rate")[2]).toBe(`${(100 * (b?.placementRate ?? 0)).toFixed(1)}% (${Number(pp) >= 0 ? "+" : ""}${pp} pp)`);
    expect(row("Solve time")).toEqual(["Solve time", "3 ms", "3 ms"]);
    expect(row("Total time")).toEqual(["Total time", "1.2 s", "1.2 s"]);
    expect(row("Generate time")).toEqual(["Generate time", "-", "12 ms"]);
    expect(row("37 Kagawa")[1]).toMatch(/^\d+ \/ \d+ \(\d+\.\d%\)$/);
    expect(row("38 Ehime")[1]).toBe("-");
    expect(text).toContain("## Fill by field (placed / slots)");
  });

  it("reports one result with what kept workers without an eligible slot", () => {
    const r = pilotLike();
    const text = formatResultMarkdown(r, { title: "One" });
    expect(text).toMatch(/^# One\n/);
    if (r.summary.unplacedByReason["no-eligible-slot"] > 0) {
      expect(text).toContain("## Workers with no eligible slot: what stood in the way");
      expect(text).toMatch(/\| field-certification: not certified in the employer's field \| +\d+ \|/);
    }
  });
});
