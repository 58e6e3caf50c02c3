/**
 * Shikoku expansion: the pilot extended to Tokushima, Kagawa, Ehime and
 * Kochi (6,000 workers), compared with its variations: every worker one
 * Japanese level higher, a construction intake cap, and Okayama joining.
 * Then, with Okayama as a fifth candidate, where the next worker should go:
 * the marginal value of one more slot per prefecture and field, of training
 * at the centres with the most workers left out, and the expansion planner's
 * proposal against the naive split in proportion to slots (src/expansion;
 * every figure an exact re-solve of the optimiser).
 *
 *     npm run example:shikoku            # prints the comparison, writes out/shikoku-expansion.{html,md}
 *     npx tsx examples/shikoku-expansion.ts --engine lp-solver
 *     npx tsx examples/shikoku-expansion.ts --centres 5   # training figures for five centres (default 3)
 *
 * The same from the command line:
 *     npx jobmatch scenario shikoku --compare --html out/shikoku-expansion.html
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { expansionReport, formatExpansionMarkdown, formatIssues, type EngineChoice } from "../src/index.js";
import { renderHtmlReport } from "../src/report/html.js";
import { formatComparisonMarkdown } from "../src/report/markdown.js";
import { SHIKOKU_SCENARIO } from "../src/scenario/bundled.js";
import { compareRuns } from "../src/scenario/compare.js";
import { scenarioNotes } from "../src/scenario/notes.js";
import { runScenarios, withVariations } from "../src/scenario/run.js";

const args = process.argv.slice(2);
const engine = (args.includes("--engine") ? args[args.indexOf("--engine") + 1] : "auto") as EngineChoice;
const centres = args.includes("--centres") ? Number(args[args.indexOf("--centres") + 1]) : 3;

const runs = E.chain((list: Parameters<typeof runScenarios>[0]) => runScenarios(list, { engine }))(withVariations(SHIKOKU_SCENARIO));
if (E.isLeft(runs)) {
  console.error(formatIssues(runs.left));
  process.exit(1);
}
const comparison = compareRuns(runs.right);
const title = SHIKOKU_SCENARIO.title ?? SHIKOKU_SCENARIO.name;
const notes = scenarioNotes(runs.right);
console.log(formatComparisonMarkdown(comparison, { title }));

mkdirSync("out", { recursive: true });
writeFileSync("out/shikoku-expansion.html", renderHtmlReport(comparison, { title, subtitle: "The pilot and three what-ifs, side by side.", notes, results: runs.right.map((r) => ({ name: r.name, result: r.result })) }));
writeFileSync(
  "out/shikoku-expansion.md",
  formatComparisonMarkdown(comparison, { title, appendix: notes }),
);

// Where the next worker should go, with Okayama as a fifth candidate: the "+ Okayama" run's instance.
const candidates = runs.right.find((r) => r.name.endsWith("/+ Okayama")) ?? (runs.right[0] as (typeof runs.right)[number]);
const expansion = expansionReport(candidates.instance, { engine, centres });
if (E.isLeft(expansion)) {
  console.error(formatIssues(expansion.left));
  process.exit(1);
}
const marginal = `# Where the next worker should go (${candidates.name})\n\n${formatExpansionMarkdown(expansion.right)}`;
console.log(`\n${marginal}`);
writeFileSync("out/shikoku-expansion-marginal.md", marginal);
console.log("Wrote out/shikoku-expansion.html, out/shikoku-expansion.md and out/shikoku-expansion-marginal.md");
if (comparison.rows.some((r) => r.status !== "optimal") || !expansion.right.exact) process.exitCode = 3;
