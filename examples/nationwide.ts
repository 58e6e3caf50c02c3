/**
 * Nationwide: 50,000 workers over all 47 prefectures, with demand by field
 * following the SSW caps, compared with its variations (language one level
 * up, an industrial-products cap, a cohort of 60,000).
 *
 *     npm run example:nationwide         # prints the comparison, writes out/nationwide.{html,md}
 *     npx tsx examples/nationwide.ts --no-variations
 *
 * The same from the command line:
 *     npx jobmatch scenario nationwide --compare --html out/nationwide.html
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { formatIssues, type EngineChoice } from "../src/index.js";
import { renderHtmlReport } from "../src/report/html.js";
import { formatComparisonMarkdown } from "../src/report/markdown.js";
import { duration } from "../src/report/format.js";
import { NATIONWIDE_SCENARIO } from "../src/scenario/bundled.js";
import { compareRuns } from "../src/scenario/compare.js";
import { scenarioNotes } from "../src/scenario/notes.js";
import { runScenarios, withVariations } from "../src/scenario/run.js";

const args = process.argv.slice(2);
const engine = (args.includes("--engine") ? args[args.indexOf("--engine") + 1] : "auto") as EngineChoice;
const started = performance.now();

const list = withVariations(NATIONWIDE_SCENARIO, [], !args.includes("--no-variations"));
const runs = E.chain((l: Parameters<typeof runScenarios>[0]) =>
  runScenarios(l, { engine, onStep: (s) => s.stage === "done" || console.error(`${s.index + 1}/${s.total} ${s.name}: ${s.stage}`) }),
)(list);
if (E.isLeft(runs)) {
  console.error(formatIssues(runs.left));
  process.exit(1);
}
const comparison = compareRuns(runs.right);
const title = NATIONWIDE_SCENARIO.title ?? NATIONWIDE_SCENARIO.name;
const notes = scenarioNotes(runs.right);
console.log(formatComparisonMarkdown(comparison, { title }));

mkdirSync("out", { recursive: true });
writeFileSync("out/nationwide.html", renderHtmlReport(comparison, { title, subtitle: "Every prefecture, demand by field following the SSW caps.", notes, results: runs.right.map((r) => ({ name: r.name, result: r.result })) }));
writeFileSync(
  "out/nationwide.md",
  formatComparisonMarkdown(comparison, { title, appendix: notes }),
);
console.log(`Wrote out/nationwide.html and out/nationwide.md (${runs.right.length} runs in ${duration(performance.now() - started)})`);
if (comparison.rows.some((r) => r.status !== "optimal")) process.exitCode = 3;
