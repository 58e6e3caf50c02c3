/**
 * Decoding benchmark: a plain decode, and re-decoding a frozen input after
 * events (1,000 worker rows and 10 employer rows replaced by edited copies,
 * the way re-planning builds its input), each answer checked before it is
 * timed: the decode of the frozen input and the re-decode give, row by row
 * and entry by entry, what a plain decode of a fresh copy gives.
 *
 *     npm run bench:decode                                          # 100,000 x 10,000
 *     npm run bench:decode -- --sizes 2000x150,100000x10000 --runs 5
 *     npm run bench:decode -- --scenario nationwide --workers 333000 --runs 3
 *
 * Times are medians over --runs runs, JSON.parse not included; the load
 * average is printed with them (the machine may be shared).
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import * as E from "fp-ts/lib/Either.js";
import type { EmployerInput, InstanceInput, WorkerInput } from "../src/input/codecs.js";
import { decodeInstance } from "../src/input/decode.js";
import { freezeInput } from "../src/input/freeze.js";
import type { Instance } from "../src/input/instance.js";
import { benchInstance } from "./policies.js";
import { scaledScenario } from "./scenario.js";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "100000x10000" },
    runs: { type: "string", default: "3" },
    seed: { type: "string", default: "20261127" },
    scenario: { type: "string" },
    workers: { type: "string", default: "0" },
  },
});
const runs = Math.max(1, Number(values.runs));

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

const decoded = (input: unknown): Instance => {
  const d = decodeInstance(input);
  if (E.isLeft(d)) throw new Error(`the instance does not decode: ${JSON.stringify(d.left.slice(0, 3))}`);
  return d.right;
};

/** Throws unless the two decoded instances are the same, row by row and map entry by map entry (in order). */
const same = (a: Instance, b: Instance, what: string): void => {
  const fail = (why: string): never => {
    throw new Error(`${what}: ${why}`);
  };
  const text = (x: unknown): string => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
  if (a.workers.length !== b.workers.length || a.employers.length !== b.employers.length) fail("row counts differ");
  a.workers.forEach((w, i) => text(w) !== text(b.workers[i]) && fail(`workers[${i}] differs`));
  a.employers.forEach((e, i) => text(e) !== text(b.employers[i]) && fail(`employers[${i}] differs`));
  for (const key of ["wageFloor", "wages", "employerBarriers", "supportOrganisations"] as const) {
    const [x, y] = [[...a.reference[key].entries()], [...b.reference[key].entries()]];
    if (x.length !== y.length || x.some((entry, i) => text(entry) !== text(y[i]))) fail(`reference.${key} differs`);
  }
  const rest = (i: Instance): string => text({ ...i, workers: null, employers: null, reference: { ...i.reference, wageFloor: null, wages: null, employerBarriers: null, supportOrganisations: null } });
  if (rest(a) !== rest(b)) fail("weights, policy, rankings or the rest of the reference differ");
};

/** The input after 1,000 worker and 10 employer rows were replaced by edited copies (every other row the same object). */
const afterEvents = (input: InstanceInput): InstanceInput => {
  const workers: WorkerInput[] = [...input.workers];
  for (let i = 0; i < Math.min(1000, workers.length); i++) {
    const k = (i * 97) % workers.length;
    const w = workers[k] as WorkerInput;
    workers[k] = { ...w, sswMonths: w.sswMonths + 1 };
  }
  const employers: EmployerInput[] = [...input.employers];
  for (let i = 0; i < Math.min(10, employers.length); i++) {
    const k = (i * 31) % employers.length;
    const e = employers[k] as EmployerInput;
    employers[k] = { ...e, fullTimeStaff: (e.fullTimeStaff ?? 0) + 1 };
  }
  return { ...input, workers, employers };
};

const cases =
  values.scenario !== undefined
    ? [{ label: `${values.scenario} scaled to ${Number(values.workers).toLocaleString("en-US")}`, make: (): InstanceInput => scaledScenario(values.scenario as string, Number(values.workers)) }]
    : (values.sizes ?? "").split(",").map((s) => {
        const [w, e] = s.trim().split("x").map(Number) as [number, number];
        return { label: `${w.toLocaleString("en-US")} x ${e.toLocaleString("en-US")}`, make: (): InstanceInput => benchInstance(values.seed ?? "20261127", w, e, "none") };
      });

console.log("| instance | plain decode ms | freezeInput ms | first decode, frozen ms | re-decode after 1,000 + 10 row edits ms | load average |");
console.log("|---|---|---|---|---|---|");
for (const c of cases) {
  const text = JSON.stringify(c.make());
  // The check, untimed: frozen, re-decoded and plain decodes agree.
  {
    const frozen = freezeInput(JSON.parse(text) as InstanceInput);
    same(decoded(frozen), decoded(JSON.parse(text)), "the frozen input");
    const next = afterEvents(frozen);
    const fresh = decoded(JSON.parse(JSON.stringify(next)));
    same(decoded(next), fresh, "the re-decode after the edits");
  }
  const times = { plain: [] as number[], freeze: [] as number[], first: [] as number[], again: [] as number[] };
  for (let r = 0; r < runs; r++) {
    const plain = JSON.parse(text) as unknown;
    let t = performance.now();
    decoded(plain);
    times.plain.push(performance.now() - t);
    const input = JSON.parse(text) as InstanceInput;
    t = performance.now();
    freezeInput(input);
    times.freeze.push(performance.now() - t);
    t = performance.now();
    decoded(input);
    times.first.push(performance.now() - t);
    const next = freezeInput(afterEvents(input));
    t = performance.now();
    decoded(next);
    times.again.push(performance.now() - t);
  }
  const ms = (xs: number[]): string => String(Math.round(median(xs)));
  console.log(`| ${c.label} | ${ms(times.plain)} | ${ms(times.freeze)} | ${ms(times.first)} | ${ms(times.again)} | ${loadavg().map((x) => x.toFixed(1)).join(" ")} |`);
}
