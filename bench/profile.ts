/**
 * Where the time goes: each step of the pipeline timed on its own, medians
 * over several runs, with the flow engine.
 *
 *     npm run bench:profile -- --sizes 2000x150,100000x10000 --runs 5
 */
import { parseArgs } from "node:util";
import * as E from "fp-ts/lib/Either.js";
import { flowEngine } from "../src/engine/flow.js";
import { generateInstance } from "../src/generate/generate.js";
import { decodeInstance } from "../src/input/decode.js";
import { aggregate, assembleModel, eligibleArcs } from "../src/model/build.js";
import { assemble } from "../src/result/assemble.js";
import { disaggregate } from "../src/result/disaggregate.js";
import { legalCapacities } from "../src/rules/limits.js";

const { values } = parseArgs({
  options: { sizes: { type: "string", default: "2000x150,100000x10000" }, runs: { type: "string", default: "5" }, seed: { type: "string", default: "20261127" } },
});

const STEPS = ["generate", "parse", "decode", "aggregation", "eligibility", "model", "solve", "disaggregation", "result"] as const;
type Step = (typeof STEPS)[number];

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

console.log(`| workers x employers | ${STEPS.join(" ms | ")} ms | total ms |`);
console.log(`|---|${STEPS.map(() => "---").join("|")}|---|`);
for (const size of (values.sizes ?? "").split(",")) {
  const [w, e] = size.split("x").map(Number);
  const samples = new Map<Step, number[]>(STEPS.map((s) => [s, []]));
  for (let run = 0; run < Number(values.runs); run++) {
    const time = <T>(step: Step, f: () => T): T => {
      const t = performance.now();
      const out = f();
      samples.get(step)?.push(performance.now() - t);
      return out;
    };
    // The synthetic cohort itself (the generator's speed: planners draw 100,000-worker scenarios); checked before it is used.
    const generated = time("generate", () => generateInstance({ seed: values.seed ?? "20261127", workers: w as number, employers: e as number }));
    if (generated.workers.length !== w || generated.employers.length !== e) throw new Error(`the generator drew ${generated.workers.length} x ${generated.employers.length}, not ${size}`);
    const text = JSON.stringify(generated);
    const parsed = time("parse", () => JSON.parse(text) as unknown);
    const decoded = time("decode", () => decodeInstance(parsed));
    if (E.isLeft(decoded)) throw new Error("instance does not decode");
    const instance = decoded.right;
    const classes = time("aggregation", () => aggregate(instance));
    const arcs = time("eligibility", () => eligibleArcs(instance, classes));
    const built = time("model", () => assembleModel(instance, classes, arcs));
    const outcome = time("solve", () => flowEngine.solve(built.model, {}));
    const flows = outcome.solution?.flows ?? [];
    const legal = legalCapacities(instance);
    time("disaggregation", () => disaggregate(built, flows, instance.workers.length, (i) => legal[i] ?? 0));
    // assemble disaggregates again; the result step is the rest of it
    const t = performance.now();
    assemble(instance, built, outcome, { decodeMs: 0, buildMs: 0, solveMs: 0 }, t);
    const whole = performance.now() - t;
    const dis = samples.get("disaggregation") ?? [];
    samples.get("result")?.push(Math.max(0, whole - (dis[dis.length - 1] ?? 0)));
  }
  const medians = STEPS.map((s) => median(samples.get(s) ?? []));
  const fmt = (x: number): string => (x < 10 ? x.toFixed(1) : x.toFixed(0));
  console.log(`| ${size} | ${medians.map(fmt).join(" | ")} | ${fmt(medians.reduce((a, b) => a + b, 0))} |`);
}
