import { describe, expect, it } from "vitest";
import { formatComparisonMarkdown, formatResultMarkdown, markdownTable } from "../../src/report/markdown.js";
import { comparison, pilotLike } from "./fixtures.js";
import { lawful } from "../support/lawful.js";

/** The cells of a Markdown table row, unescaped (backslash escapes and the three entities of src/report/escape.ts). */
const cells = (line: string): string[] =>
  line
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((c) => c.trim().replace(/\\(.)/g, "$1").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));

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

describe("the policy in reports", () => {
  it("counts each source's constraints met, lists those not met, and leaves the section out without a policy", async () => {
    const E = await import("fp-ts/lib/Either.js");
    const { match } = await import("../../src/match.js");
    const { formatReport } = await import("../../src/report/text.js");
    const worker = (id: string, centre: string) => ({
      id,
      language: ["N4"],
      certifications: [{ field: "construction", via: "skills-test" }],
      trainingCentre: centre,
      homeProvince: "Central Java",
    });
    const input = lawful({
      workers: [worker("w1", "Bandung"), worker("w2", "Bandung"), worker("w3", "Semarang")],
      employers: [
        { id: "E1", prefecture: "37", field: "construction", slots: 2, hourlyWage: 1100, fullTimeStaff: 1 },
        { id: "E2", prefecture: "37", field: "construction", slots: 2, hourlyWage: 1100, fullTimeStaff: 5 },
      ],
      // Three placements are possible, but the sector may take 2 (hard); the soft minimum of 3 pays.
      policy: {
        quotas: [
          { scope: "sector", key: "construction", max: 2 },
          { scope: "prefecture", key: "37", min: 3, penalty: 0.5 },
        ],
      },
    });
    const r = match(input);
    if (E.isLeft(r)) throw new Error("rejected");
    expect(r.right.summary.placed).toBe(2);
    const md = formatResultMarkdown(r.right);
    const section = md.slice(md.indexOf("## Policy"));
    const rows = section.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| constraint") && !l.startsWith("| ---")).map(cells);
    expect(rows).toEqual([
      ["sector construction: at most 2 placed", "policy.quotas[0]", "1 / 1"],
      ["prefecture 37: at least 3 placed", "policy.quotas[1]", "0 / 1"],
    ]);
    // The statutory cap (E1: full-time staff 1) is law, in a section of its own, with or without a policy.
    const limits = md.slice(md.indexOf("## Legal limits"), md.indexOf("## The law over"));
    expect(limits).toContain("| construction: at most the full-time staff (one per capped employer) | law.construction-staff-cap |");
    expect(section).toContain("- prefecture 37: at least 3 placed: 2 placed, off by 1 (soft, penalty paid)");
    expect(formatReport(r.right)).toContain("      0/1  prefecture 37: at least 3 placed [policy.quotas[1]]\n             not met: prefecture 37: at least 3 placed: 2 placed, off by 1 (soft, penalty paid)");
    const plain = match({ reference: input.reference, workers: input.workers, employers: input.employers });
    if (E.isLeft(plain)) throw new Error("rejected");
    expect(formatResultMarkdown(plain.right)).not.toContain("## Policy");
    expect(formatResultMarkdown(plain.right)).toContain("## Legal limits");
    expect(formatReport(plain.right)).not.toContain("Policy (constraints met)");
    expect(formatReport(plain.right)).toContain("Legal limits (constraints met):\n        1/1  construction: at most the full-time staff (one per capped employer) [law.construction-staff-cap]");
  });
});
