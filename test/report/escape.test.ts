/**
 * Markdown reports escape every text from the input: rendered by `marked`
 * (a common renderer that passes raw HTML through), a scenario, variation or
 * title with HTML, a link or an image in it gives no element of its own, and
 * reads back as the same text.
 */
import fc from "fast-check";
import { marked } from "marked";
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../src/report/escape.js";
import { formatComparisonMarkdown, formatPriceOfStability, formatResultMarkdown } from "../../src/report/markdown.js";
import { priceOfStability } from "../../src/stable/price.js";
import { stableMatch } from "../../src/stable/stable.js";
import { auditMatch } from "../../src/stable/stabilityReport.js";
import { expansionReport } from "../../src/expansion/run.js";
import { formatExpansionMarkdown } from "../../src/expansion/format.js";
import * as E from "fp-ts/lib/Either.js";
import { formatIssues } from "../../src/input/issues.js";
import { match } from "../../src/match.js";
import { compareResults } from "../../src/scenario/compare.js";
import { lawful } from "../support/lawful.js";
import { fcOptions } from "../support/seed.js";
import { pilotLike } from "./fixtures.js";

/** The elements in rendered HTML, by tag name. */
const tags = (html: string): string[] => [...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => (m[1] as string).toLowerCase());

const ATTACKS = [
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "[click](javascript:alert(1))",
  "![t](http://tracker.example/p.png)",
  "<https://example.com>",
  "a | b\n# heading",
  "`code` **bold**",
  "\u001b[31mred",
];

const result = pilotLike();

describe("Markdown escaping", () => {
  it("renders a name with HTML, a link or an image as text, in a table of the same shape", () => {
    const plain = marked.parse(formatComparisonMarkdown(compareResults([{ name: "plain", result }]), { title: "plain" }), { async: false });
    for (const attack of ATTACKS) {
      const md = formatComparisonMarkdown(compareResults([{ name: attack, result }]), { title: attack, notes: [attack], appendix: [{ heading: attack, items: [attack] }] });
      // A bare web address becomes a link in GitHub-flavoured Markdown (an autolink: its text is the address); nothing else may.
      const html = marked.parse(md, { async: false }).replace(/<a href="(https?:\/\/[^"]*)">\1<\/a>/g, "$1");
      const extra = tags(html).filter((t) => !["h1", "h2", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "em", "strong", "del"].includes(t));
      expect(extra, attack).toEqual([]);
      expect(tags(html).filter((t) => t === "td" || t === "th").length, attack).toBe(tags(plain).filter((t) => t === "td" || t === "th").length);
      expect(html).not.toMatch(/<[^>]*\b(onerror|href|src)=/i);
      expect(html).not.toContain("javascript:alert(1)\"");
    }
    expect(formatResultMarkdown(result, { title: "<b>x</b>", name: "<i>y</i>" })).not.toMatch(/<[bi]>/);
  });

  it("the law's sections escape what comes from the input: employer and organisation ids, an expected wage's note", () => {
    const [script, img, link] = ATTACKS as [string, string, string];
    const r = match(
      lawful({
        reference: { asOf: "2026-04-01", expectedMinimumWages: [{ prefecture: "37", amount: 1_200, from: "2026-10-01", note: link }] },
        supportOrganisations: [{ id: img, officers: 1 }],
        workers: [{ id: "W1", language: ["N4"], trainingCentre: "Semarang", homeProvince: "Bali", certifications: [{ field: "food-service", via: "skills-test" }] }],
        employers: [{ id: script, prefecture: "37", field: "food-service", slots: 1, hourlyWage: 1_100, support: img }],
      }),
    );
    if (E.isLeft(r)) throw new Error(formatIssues(r.left));
    const md = formatResultMarkdown(r.right, { title: "law" });
    // The sections are there, with the input's texts in them.
    expect(md).toContain("## The law over the placement period");
    expect(md).toContain("Raises the plan needs:");
    expect(md).toContain("Support organisations:");
    expect(md).toContain("\\[click](javascript:alert(1))");
    const html = marked.parse(md, { async: false });
    const extra = tags(html).filter((t) => !["h1", "h2", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "em", "strong", "del"].includes(t));
    expect(extra).toEqual([]);
    expect(html).not.toMatch(/<[^>]*\b(onerror|href|src)=/i);
  });

  it("any text escaped gives no element but emphasis (left as it is, harmless and readable in a terminal)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: "binary" }), (s) => {
        const html = marked.parseInline(`x ${escapeMarkdown(s)} x`, { async: false });
        expect(tags(html).filter((t) => !["em", "strong", "del"].includes(t))).toEqual([]);
      }),
      fcOptions(1000),
    );
  });

  it("any text without emphasis marks escaped renders to itself (line breaks as spaces, control characters as U+FFFD)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: "binary" }).map((s) => s.replace(/[*_~]/g, "")), (s) => {
        const html = marked.parseInline(`x ${escapeMarkdown(s)} x`, { async: false });
        expect(tags(html)).toEqual([]);
        const text = html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
        const expected = s.replace(/\r\n?|\n/g, " ").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD");
        expect(text).toBe(`x ${expected} x`);
      }),
      fcOptions(1000),
    );
  });
});

describe("Markdown escaping: stability", () => {
  it("the stability section, the stable plan's report and the price of stability escape ids from the input", () => {
    const [script, img, link] = ATTACKS as [string, string, string];
    const input = lawful({
      workers: [
        { id: link, language: ["N4"], trainingCentre: "Semarang", homeProvince: "Bali", certifications: [{ field: "food-service", via: "skills-test" }], preferences: { prefectures: ["13"] } },
        { id: "W2", language: ["N3"], trainingCentre: "Semarang", homeProvince: "Bali", certifications: [{ field: "food-service", via: "skills-test" }], preferences: { prefectures: ["13"] } },
      ],
      employers: [
        { id: script, prefecture: "37", field: "food-service", slots: 2, hourlyWage: 1_100 },
        { id: img, prefecture: "13", field: "food-service", slots: 1, hourlyWage: 1_300 },
      ],
    });
    const stable = stableMatch(input);
    if (E.isLeft(stable)) throw new Error(formatIssues(stable.left));
    const report = auditMatch(input, stable.right);
    if (E.isLeft(report)) throw new Error(formatIssues(report.left));
    const price = priceOfStability(input);
    if (E.isLeft(price)) throw new Error(formatIssues(price.left));
    const optimal = match(input);
    if (E.isLeft(optimal)) throw new Error(formatIssues(optimal.left));
    const optimalReport = auditMatch(input, optimal.right);
    if (E.isLeft(optimalReport)) throw new Error(formatIssues(optimalReport.left));
    const texts = [
      formatResultMarkdown(stable.right, { title: script, name: img, stability: report.right }),
      formatResultMarkdown(optimal.right, { title: "optimal", stability: optimalReport.right }),
      formatPriceOfStability(price.right),
    ];
    expect(texts[0]).toContain("## Stability and retention");
    // Whichever plan has blocking pairs lists employers by id: the ids are there, escaped.
    expect(texts.join("\n")).toMatch(/&lt;script&gt;|&lt;img/);
    for (const md of texts) {
      const html = marked.parse(md, { async: false });
      const extra = tags(html).filter((t) => !["h1", "h2", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "em", "strong", "del"].includes(t));
      expect(extra).toEqual([]);
      expect(html).not.toMatch(/<[^>]*\b(onerror|href|src)=/i);
    }
  });
});

describe("Markdown escaping: expansion", () => {
  it("the expansion report escapes training centre names, in its tables and in its prose", () => {
    const [script, img] = ATTACKS as [string, string];
    const worker = (id: string, centre: string, language: string) => ({ id, language: [language], trainingCentre: centre, homeProvince: "Bali", certifications: [{ field: "food-service", via: "skills-test" }] });
    const input = lawful({
      workers: [worker("W1", script, "N4"), worker("W2", script, "N5"), worker("W3", img, "N5"), worker("W4", img, "N4")],
      employers: [{ id: "E1", prefecture: "37", field: "food-service", slots: 1, hourlyWage: 1_100 }],
    });
    const r = expansionReport(input);
    if (E.isLeft(r)) throw new Error(formatIssues(r.left));
    const md = formatExpansionMarkdown(r.right);
    expect(md).toContain("&lt;script&gt;");
    const html = marked.parse(md, { async: false });
    const extra = tags(html).filter((t) => !["h1", "h2", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "em", "strong", "del"].includes(t));
    expect(extra).toEqual([]);
    expect(html).not.toMatch(/<[^>]*\b(onerror|href|src)=/i);
  });
});
