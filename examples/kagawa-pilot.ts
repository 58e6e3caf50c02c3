/**
 * The Kagawa pilot: about 2,000 Indonesian workers placed with Kagawa
 * employers in caregiving, construction, hospitality and manufacturing.
 *
 *     npm start                       # bundled synthetic cohort
 *     npx tsx examples/kagawa-pilot.ts path/to/instance.json [--engine lp-solver]
 *
 * Prints a report, and explains the first few unplaced workers.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as E from "fp-ts/lib/Either.js";
import { formatIssues, match, type EngineChoice } from "../src/index.js";
import { formatReport } from "../src/report/text.js";

const args = process.argv.slice(2);
const engineAt = args.indexOf("--engine");
const engine = (engineAt >= 0 ? args[engineAt + 1] : "auto") as EngineChoice;
const file = args.find((a, i) => !a.startsWith("--") && i !== engineAt + 1) ?? join(dirname(fileURLToPath(import.meta.url)), "data", "kagawa-pilot.json");

const result = match(JSON.parse(readFileSync(file, "utf8")) as unknown, { engine });
if (E.isLeft(result)) {
  console.error(`${file} has problems:\n${formatIssues(result.left)}`);
  process.exit(1);
}
const r = result.right;
console.log(`Kagawa pilot: ${file}\n`);
console.log(formatReport(r));
const examples = r.unplaced.slice(0, 3);
if (examples.length > 0) console.log("\nA few unplaced workers, explained:");
for (const u of examples) {
  const why =
    u.reason.kind === "no-eligible-slot"
      ? `no employer accepts them (${u.reason.excludedBy.map((x) => `${x.rule} at ${x.count} employers, e.g. ${x.example}`).join("; ")})`
      : u.reason.kind === "eligible-slots-taken"
        ? `eligible at ${u.reason.eligibleEmployers} employers (${u.reason.eligibleSlots} slots), all filled by others`
        : "the solver returned no solution";
  console.log(`  ${u.workerId}: ${why}`);
}
if (r.status !== "optimal") process.exitCode = 2;
