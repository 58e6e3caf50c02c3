/**
 * Writes examples/data/kagawa-pilot.json: the synthetic Indonesia-Kagawa
 * pilot instance (2,000 workers, 150 Kagawa employers), drawn from the
 * `kagawa-pilot` scenario (src/scenario/bundled/kagawaPilot.ts), so that the
 * file and `jobmatch scenario kagawa-pilot` are one and the same. The file is
 * generated: rerun this script rather than editing it by hand.
 *
 *     npx tsx scripts/make-pilot-data.ts
 *
 * What the data is and where its numbers come from: examples/data/README.md
 * and src/generate/facts.ts.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as E from "fp-ts/lib/Either.js";
import { formatInstanceJson } from "../src/generate/json.js";
import { KAGAWA_PILOT_SCENARIO } from "../src/scenario/bundled/kagawaPilot.js";
import { scenarioInstance } from "../src/scenario/instance.js";

const target = fileURLToPath(new URL("../examples/data/kagawa-pilot.json", import.meta.url));
const drawn = scenarioInstance(KAGAWA_PILOT_SCENARIO);
if (E.isLeft(drawn)) throw new Error(`the kagawa-pilot scenario cannot be drawn: ${JSON.stringify(drawn.left)}`);
const instance = drawn.right;
const text = formatInstanceJson(instance);
writeFileSync(target, text);

const slots = instance.employers.reduce((sum, e) => sum + e.slots, 0);
console.log(
  `wrote ${target}: ${instance.workers.length} workers, ${instance.employers.length} employers, ${slots} slots, ` +
    `${(text.length / 1024).toFixed(0)} KiB (scenario kagawa-pilot, seed ${KAGAWA_PILOT_SCENARIO.seed})`,
);
