/**
 * Writes examples/data/kagawa-pilot.json: the synthetic Indonesia-Kagawa pilot
 * instance (2,000 workers, 150 Kagawa employers), from a fixed seed. The file
 * is generated: rerun this script rather than editing it by hand.
 *
 *     npx tsx scripts/make-pilot-data.ts
 *
 * What the data is and where its numbers come from: examples/data/README.md
 * and src/generate/facts.ts.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { KAGAWA_PILOT_PARAMS, generateInstance } from "../src/generate/generate.js";
import { formatInstanceJson } from "../src/generate/json.js";

const target = fileURLToPath(new URL("../examples/data/kagawa-pilot.json", import.meta.url));
const instance = generateInstance(KAGAWA_PILOT_PARAMS);
const text = formatInstanceJson(instance);
writeFileSync(target, text);

const slots = instance.employers.reduce((sum, e) => sum + e.slots, 0);
console.log(
  `wrote ${target}: ${instance.workers.length} workers, ${instance.employers.length} employers, ${slots} slots, ` +
    `${(text.length / 1024).toFixed(0)} KiB (seed ${KAGAWA_PILOT_PARAMS.seed})`,
);
