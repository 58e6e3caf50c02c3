/**
 * The Kagawa pilot: about 2,000 Indonesian workers placed with Kagawa
 * employers in caregiving, construction, hospitality and manufacturing.
 *
 *     npm start                       # bundled synthetic cohort
 *     npx tsx examples/kagawa-pilot.ts path/to/instance.json [--engine lp-solver]
 *
 * Prints a report, explains the first few unplaced workers, then places the
 * cohort again under the pilot's policy (examples/data/kagawa-policy.json:
 * a caregiving minimum, a construction maximum, the legal care and
 * construction caps, at most half of an employer's slots from one training
 * centre, every centre at least 60% placed) with 50 synthetic families of
 * three kept together (examples/data/kagawa-families.json), and shows how
 * each constraint stands and how one placement is explained.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as E from "fp-ts/lib/Either.js";
import { decodeInstance, explainWorker, formatIssues, formatWorkerExplanation, match, type EngineChoice } from "../src/index.js";
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

// The same cohort under the pilot's policy.
const input = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
const policy = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "data", "kagawa-policy.json"), "utf8")) as unknown;
const families = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "data", "kagawa-families.json"), "utf8")) as {
  readonly families: Readonly<Record<string, readonly string[]>>;
};
const familyOf = new Map(Object.entries(families.families).flatMap(([family, ids]) => ids.map((id) => [id, family] as const)));
const workers = (input["workers"] as readonly Record<string, unknown>[]).map((w) => {
  const family = familyOf.get(String(w["id"]));
  return family === undefined ? w : { ...w, group: family };
});
const withPolicy = { ...input, workers, policy };
const governed = match(withPolicy, { engine });
const decoded = decodeInstance(withPolicy);
if (E.isLeft(governed) || E.isLeft(decoded)) {
  console.error(`the pilot's policy has problems:\n${formatIssues(E.isLeft(governed) ? governed.left : [])}`);
  process.exit(1);
}
const g = governed.right;
console.log(`\nUnder the pilot's policy: ${g.status} (engine ${g.engine}); placed ${g.summary.placed} (${g.summary.placed - r.summary.placed >= 0 ? "+" : ""}${g.summary.placed - r.summary.placed}), mean score ${g.summary.meanScore.toFixed(2)}`);
const shown = new Set<string>();
for (const p of g.policy) {
  // one line per constraint of the policy file (a cap or diversity limit has
  // one per employer), and every one that is broken; the result holds all
  if (shown.has(p.source) && p.violation === 0) continue;
  shown.add(p.source);
  console.log(`  ${p.violation === 0 ? "met   " : "BROKEN"} ${p.label} (now ${p.value}${p.violation > 0 ? `, ${p.violation} short or over${p.hard ? "" : ", soft"}` : ""})`);
}
console.log(`  (${g.policy.length} constraints in all, ${g.policy.filter((p) => p.violation > 0).length} not met)`);
const together = g.policy.filter((p) => p.source === "workers[].group");
const placedFamilies = together.filter((p) => p.value > 0).length;
console.log(`  families: ${together.length}, ${placedFamilies} placed whole in Kagawa, ${together.length - placedFamilies} not placed (a member fits no slot, or placing all three would cost more)`);
const first = g.placements[0];
if (first !== undefined) {
  const why = explainWorker(decoded.right, g, first.workerId);
  if (E.isRight(why)) console.log(`\n${formatWorkerExplanation(why.right)}`);
}
