/**
 * The fuzz suite's inputs and checks, shared by the test (test/fuzz/fuzz.test.ts:
 * a fixed seed, a few hundred runs) and the long runner (test/fuzz/run.ts:
 * `npm run fuzz -- --runs N`).
 *
 * Inputs: small valid instances with policies (groups, training centres, staff
 * counts, several quotas and fairness floors), lawful instances with the
 * law's variety (direct or dispatch, housing beds and area, support
 * organisations and their capacity, months in SSW, ages, departure checklists,
 * prerequisites met or not, expected minimum wages, raise or exclude, start
 * dates either side of 2027-04-01), then mutated: a value anywhere
 * replaced by something nasty (NaN, 2^31, 1e308, "__proto__", formula and
 * HTML strings, lone surrogates, values nested 2,000 deep, lists of 5,000),
 * a property removed or an unknown one added, a row repeated; scenarios
 * mutated the same way; arbitrary text as CSV.
 *
 * Checks, for each input: nothing throws; no call takes longer than the
 * bound; every worker is accounted for exactly once and no employer gets more
 * than its slots; nothing is added to Object.prototype or Array.prototype;
 * the output is the same under any order of the rows and of the policy's
 * quotas and fairness floors; a scenario accepted stays within its limits; a
 * valid instance written as CSV sheets (every sheet, every cell guarded
 * against formulas) reads back to the same plan.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { generateInstance } from "../../src/generate/generate.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { formatIssues } from "../../src/input/issues.js";
import { LIMITS } from "../../src/input/limits.js";
import { instanceCsvFiles, instanceFromCsv } from "../../src/io/csv.js";
import { match } from "../../src/match.js";
import type { MatchResult } from "../../src/result/types.js";
import { decodeScenario } from "../../src/scenario/decode.js";
import { applyVariation } from "../../src/scenario/variations.js";
import { instanceArbitrary } from "../support/input-arbitraries.js";
import { policyArb, policyCase } from "../support/policyOracle.js";

/** What a check found wrong, by kind; an empty list when all is well. */
export type Finding = {
  readonly kind: "throw" | "slow" | "lost-worker" | "over-capacity" | "engine-refused" | "pollution" | "row-order" | "policy-order" | "scenario-limits" | "csv-round-trip" | "stability";
  readonly detail: string;
};

/** The most a single call may take before it counts as a hang. */
export const HANG_MS = 10_000;

type Json = unknown;

const nest = (depth: number, kind: number): Json => {
  let v: Json = kind % 2 === 0 ? [] : {};
  for (let i = 0; i < depth; i++) v = kind % 2 === 0 ? [v] : { a: v };
  return v;
};

/** Values that have broken parsers before. */
export const nastyArb: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, -1, 0.5, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, 5e-324, 1e9),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "hasOwnProperty",
    "=1+2",
    "+1",
    "-1",
    "@SUM(1)",
    "\t=1",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "",
    " ",
    "\u0000",
    "\uD800",
    "N4",
    "JFT-Basic A2.2",
    "37",
    "Kagawa",
    "Kōchi",
    "nursing-care",
    "caregiving",
    "titp-2",
  ),
  fc.string({ maxLength: 12, unit: "binary" }),
  fc.integer({ min: 0, max: 2_000 }).chain((d) => fc.nat().map((k) => nest(d, k))),
  fc.integer({ min: 0, max: 5_000 }).map((n) => new Array<number>(n).fill(1)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}') as Json),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, undefined, true, false, {}, []),
);

/** One change to a JSON value: at a path chosen by `seed`, replace, delete, add a property, or repeat a list element. */
interface Mutation {
  readonly seed: number;
  readonly action: "replace" | "delete" | "add" | "repeat";
  readonly key: string;
  readonly value: Json;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  seed: fc.nat(),
  action: fc.constantFrom("replace", "replace", "replace", "delete", "add", "repeat"),
  key: fc.constantFrom("__proto__", "constructor", "slotz", "x", "toString", "policy", "weights"),
  value: nastyArb,
});

const isContainer = (v: Json): v is Record<string, Json> | Json[] => typeof v === "object" && v !== null;

/** A copy of `root` with the mutation applied somewhere inside it (JSON-shaped copy, keeping `__proto__` keys as own properties). */
export const mutate = (root: Json, m: Mutation): Json => {
  const copy = JSON.parse(JSON.stringify(root) ?? "null") as Json;
  let seed = m.seed;
  let parent: Record<string, Json> | Json[] | null = null;
  let key: string | number | null = null;
  let node: Json = copy;
  // Walk down a few levels, choosing children by the seed.
  while (isContainer(node) && seed % 4 !== 0) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = keys[seed % keys.length] as string;
    parent = node;
    key = Array.isArray(node) ? Number(k) : k;
    node = (node as Record<string, Json>)[k];
    seed = Math.floor(seed / 4);
  }
  if (m.action === "add" && isContainer(node) && !Array.isArray(node)) {
    Object.defineProperty(node, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  } else if (m.action === "repeat" && Array.isArray(node) && node.length > 0) {
    node.push(node[seed % node.length]);
  } else if (m.action === "delete" && parent !== null && key !== null) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (parent !== null && key !== null) {
    (parent as Record<string, Json>)[key as string] = m.value;
  } else {
    return m.value;
  }
  return copy;
};

/** A small valid instance with a policy of several quotas and fairness floors (their order shuffled by `order`). */
export const validArb: fc.Arbitrary<{ input: InstanceInput; order: number }> = policyCase(6, 4).chain(({ input, policy }) =>
  fc
    .record({
      extra: fc.array(
        fc.record({ scope: fc.constantFrom("sector" as const, "field" as const, "prefecture" as const), max: fc.integer({ min: 0, max: 4 }), pick: fc.nat() }),
        { maxLength: 2 },
      ),
      order: fc.nat(),
    })
    .map(({ extra, order }) => {
      const keys = { sector: ["caregiving", "construction"], field: ["nursing-care", "food-service"], prefecture: ["37", "38"] };
      const quotas = [...(policy.quotas ?? []), ...extra.map((q) => ({ scope: q.scope, key: keys[q.scope][q.pick % 2] as string, max: q.max }))];
      const fairness = [...(policy.fairness ?? []), ...(order % 3 === 0 ? [{ by: "homeProvince" as const, minShare: 0.5 }] : [])];
      return { input: { ...input, policy: { ...policy, quotas, fairness } }, order };
    }),
);

/** A generated instance of a few hundred workers with several quotas and fairness floors: policy order shows at this size. */
export const mediumArb: fc.Arbitrary<{ input: InstanceInput; order: number }> = fc
  .record({ seed: fc.nat(), workers: fc.integer({ min: 40, max: 150 }), order: fc.nat(), caregiving: fc.integer({ min: 0, max: 30 }), construction: fc.integer({ min: 0, max: 30 }) })
  .map(({ seed, workers, order, caregiving, construction }) => {
    const base = generateInstance({ seed, workers, employers: Math.max(2, Math.round(workers / 12)) });
    const quotas = [
      { scope: "sector" as const, key: "caregiving", min: caregiving },
      { scope: "sector" as const, key: "construction", max: construction },
      { scope: "field" as const, key: "food-service", max: Math.round(workers / 10) },
    ];
    return { input: { ...base, policy: { quotas, fairness: [{ by: "trainingCentre" as const, minShare: 0.3 }, { by: "homeProvince" as const, minShare: 0.2 }] } }, order };
  });

/**
 * A small lawful instance with the law's variety (../support/input-arbitraries.ts),
 * sometimes an expected minimum wage revision in Kagawa and wages excluded
 * rather than raised, and a policy. Most workers are certified for one of the
 * employers' fields and job categories (with N3), and most employers ask no
 * skills or language beyond the law's, so that the law, not chance, decides
 * who is placed.
 */
export const lawArb: fc.Arbitrary<{ input: InstanceInput; order: number }> = instanceArbitrary({ minWorkers: 1, maxWorkers: 8, minEmployers: 1, maxEmployers: 5 }).chain((base) =>
  fc
    .record({
      policy: policyArb(base),
      order: fc.nat(),
      expected: fc.option(fc.record({ amount: fc.integer({ min: 1_000, max: 1_300 }), from: fc.constantFrom("2026-10-01", "2027-10-01") }), { nil: undefined }),
      wages: fc.option(fc.constantFrom("exclude" as const, "raise" as const), { nil: undefined }),
    })
    .map(({ policy, order, expected, wages }) => {
      const employers = base.employers.map((e, j) => {
        if (j % 3 === 2) return e;
        const { requiredSkills: _, minLanguage: __, ...rest } = e;
        return rest;
      });
      const workers = base.workers.map((w, i) => {
        const e = employers[i % employers.length];
        if (i % 4 === 3 || e === undefined) return w;
        const certification = { field: e.field, via: "skills-test" as const, ...(e.jobCategory === undefined ? {} : { jobCategory: e.jobCategory }) };
        return { ...w, language: ["N3" as const, ...w.language], certifications: [certification, ...(w.certifications ?? [])] };
      });
      const reference = expected === undefined ? base.reference : { ...base.reference, expectedMinimumWages: [{ prefecture: "37", ...expected }] };
      const placement = wages === undefined ? base.placement : { ...base.placement, wages };
      return {
        input: { ...base, workers, employers, ...(reference === undefined ? {} : { reference }), ...(placement === undefined ? {} : { placement }), policy },
        order,
      };
    }),
);

/** The kinds of input, one per run. */
export type FuzzCase =
  | { readonly kind: "valid"; readonly input: InstanceInput; readonly order: number }
  | { readonly kind: "mutated"; readonly input: Json }
  | { readonly kind: "scenario"; readonly input: Json }
  | { readonly kind: "csv"; readonly workers: string; readonly employers: string }
  | { readonly kind: "sheets"; readonly input: InstanceInput };

const SCENARIO: Json = {
  name: "s",
  seed: 1,
  cohort: { size: 30, languageShift: 0, fieldMix: { "nursing-care": 1, construction: 1 } },
  prefectures: [{ prefecture: "37", demand: [{ field: "nursing-care", employers: 3, slots: 20 }, { field: "construction", employers: 2, slots: 10 }] }],
  variations: [
    { name: "a", changes: [{ kind: "scale-slots", factor: 2 }, { kind: "language-shift", by: 1 }] },
    { name: "b", changes: [{ kind: "add-prefecture", prefecture: "38", like: "37", factor: 0.5 }, { kind: "field-cap", field: "construction", cap: 5 }] },
  ],
};

export const caseArb: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 3, arbitrary: validArb.map(({ input, order }) => ({ kind: "valid" as const, input, order })) },
  { weight: 1, arbitrary: mediumArb.map(({ input, order }) => ({ kind: "valid" as const, input, order })) },
  { weight: 3, arbitrary: lawArb.map(({ input, order }) => ({ kind: "valid" as const, input, order })) },
  { weight: 1, arbitrary: lawArb.map(({ input }) => ({ kind: "sheets" as const, input })) },
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.oneof(validArb, lawArb), fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
      .map(([{ input }, ms]) => ({ kind: "mutated" as const, input: ms.reduce(mutate, input as Json) })),
  },
  { weight: 1, arbitrary: fc.array(mutationArb, { maxLength: 3 }).map((ms) => ({ kind: "scenario" as const, input: ms.reduce(mutate, SCENARIO) })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 80, unit: "binary" }), fc.string({ maxLength: 80, unit: "binary" }))
      .map(([w, e]) => ({ kind: "csv" as const, workers: `id,language,trainingCentre,homeProvince\n${w}`, employers: `id,prefecture,field,slots,hourlyWage\n${e}` })),
  },
);

// ---------------------------------------------------------------------------
// The checks

const PROTOTYPES: readonly [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
];
const before = PROTOTYPES.map(([, p]) => Reflect.ownKeys(p).length);

const pollution = (): Finding[] =>
  PROTOTYPES.flatMap(([name, p], i) =>
    Reflect.ownKeys(p).length !== before[i] || (({}) as Record<string, unknown>).polluted !== undefined ? [{ kind: "pollution" as const, detail: `${name} changed` }] : [],
  );

/** Runs `f`, turning a throw into a finding and a slow call into another. */
const timed = <T>(what: string, f: () => T, findings: Finding[]): T | undefined => {
  const started = performance.now();
  try {
    return f();
  } catch (e) {
    findings.push({ kind: "throw", detail: `${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` });
    return undefined;
  } finally {
    const ms = performance.now() - started;
    if (ms > HANG_MS) findings.push({ kind: "slow", detail: `${what}: ${Math.round(ms)} ms` });
  }
};

/** Every worker once, no employer over its slots, and no engine refusing what the decoder let through (an out-of-range number). */
const accounted = (input: InstanceInput, r: MatchResult): Finding[] => {
  const out: Finding[] = [];
  if (r.status === "error") out.push({ kind: "engine-refused", detail: r.message ?? "" });
  const ids = [...r.placements.map((p) => p.workerId), ...r.unplaced.map((u) => u.workerId)];
  const expected = new Set(input.workers.map((w) => w.id));
  if (ids.length !== expected.size || new Set(ids).size !== ids.length || ids.some((id) => !expected.has(id))) {
    out.push({ kind: "lost-worker", detail: `${ids.length} workers in the result, ${expected.size} in the input` });
  }
  const slots = new Map(input.employers.map((e) => [e.id, e.slots]));
  const filled = new Map<string, number>();
  for (const p of r.placements) filled.set(p.employerId, (filled.get(p.employerId) ?? 0) + 1);
  for (const [id, n] of filled) if (n > (slots.get(id) ?? 0)) out.push({ kind: "over-capacity", detail: `${id}: ${n} placed, ${slots.get(id) ?? 0} slots` });
  // Every plan is audited for stability: a summary whose risk levels count each placement once (no plan, no summary).
  const s = r.stability;
  if (s === null) {
    if (r.hasSolution) out.push({ kind: "stability", detail: "a plan without its stability summary" });
  }
  else if (s.risk.high + s.risk.medium + s.risk.low !== r.placements.length || s.blockingPairs < 0) {
    out.push({ kind: "stability", detail: `risk ${s.risk.high}+${s.risk.medium}+${s.risk.low} for ${r.placements.length} placements, ${s.blockingPairs} blocking pairs` });
  }
  return out;
};

/** The plan, without timings and the constraints' sources (which say where each was written). */
const plan = (r: MatchResult): string => JSON.stringify([r.status, r.objective, r.placements, r.unplaced, r.summary, r.employers]);

/** A permutation of `list` chosen by `seed` (deterministic). */
const permute = <T>(list: readonly T[], seed: number): T[] => {
  const out = [...list];
  let s = seed + 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

/** All the checks on one case; the findings (none when all is well). */
export const check = (c: FuzzCase): Finding[] => {
  const findings: Finding[] = [];
  switch (c.kind) {
    case "valid": {
      const r = timed("match", () => match(c.input), findings);
      if (r === undefined) break;
      if (E.isLeft(r)) {
        findings.push({ kind: "throw", detail: `a valid instance was rejected: ${formatIssues(r.left)}` });
        break;
      }
      findings.push(...accounted(c.input, r.right));
      const rows = timed("match (rows reordered)", () => match({ ...c.input, workers: permute(c.input.workers, c.order), employers: permute(c.input.employers, c.order + 1) }), findings);
      if (rows !== undefined && (E.isLeft(rows) || plan(rows.right) !== plan(r.right))) findings.push({ kind: "row-order", detail: "another row order gave another plan" });
      const p = c.input.policy ?? {};
      const reordered = { ...c.input, policy: { ...p, quotas: permute(p.quotas ?? [], c.order), fairness: permute(p.fairness ?? [], c.order + 2) } };
      const pol = timed("match (policy reordered)", () => match(reordered), findings);
      if (pol !== undefined && (E.isLeft(pol) || plan(pol.right) !== plan(r.right))) findings.push({ kind: "policy-order", detail: "another policy order gave another plan" });
      break;
    }
    case "mutated": {
      const d = timed("decodeInstance", () => decodeInstance(c.input), findings);
      const r = timed("match", () => match(c.input), findings);
      if (d !== undefined) timed("formatIssues", () => (E.isLeft(d) ? formatIssues(d.left) : ""), findings);
      if (r !== undefined && E.isRight(r)) findings.push(...accounted(c.input as InstanceInput, r.right));
      break;
    }
    case "scenario": {
      const s = timed("decodeScenario", () => decodeScenario(c.input), findings);
      if (s === undefined || E.isLeft(s)) break;
      for (const v of s.right.variations ?? []) {
        const applied = timed("applyVariation", () => applyVariation(s.right, v), findings);
        if (applied !== undefined && E.isRight(applied)) {
          const a = applied.right;
          const slots = a.prefectures.flatMap((p) => p.demand).reduce((n, d) => n + d.slots, 0);
          if (a.cohort.size > LIMITS.cohort || slots > LIMITS.scenarioSlots) findings.push({ kind: "scenario-limits", detail: `${a.name}: ${a.cohort.size} workers, ${slots} slots` });
        }
      }
      break;
    }
    case "sheets": {
      const r = timed("match", () => match(c.input), findings);
      const files = timed("instanceCsvFiles", () => instanceCsvFiles(c.input), findings);
      if (r === undefined || files === undefined || E.isLeft(r)) break;
      const text = new Map(files.map((f) => [f.name, f.text]));
      const sheets = { supportOrganisations: text.get("support-organisations.csv"), expectedWages: text.get("expected-wages.csv"), settings: text.get("settings.csv") };
      const back = timed("instanceFromCsv (sheets)", () => instanceFromCsv(text.get("workers.csv") ?? "", text.get("employers.csv") ?? "", { sheets, ...(c.input.policy === undefined ? {} : { policy: c.input.policy }) }), findings);
      if (back === undefined) break;
      const again = E.isLeft(back) ? back : timed("match (sheets)", () => match(back.right.input), findings);
      if (again === undefined) break;
      if (E.isLeft(again)) findings.push({ kind: "csv-round-trip", detail: `the instance as CSV sheets was rejected: ${formatIssues(again.left).slice(0, 400)}` });
      else if (plan(again.right) !== plan(r.right)) findings.push({ kind: "csv-round-trip", detail: "the instance as CSV sheets gave another plan" });
      break;
    }
    case "csv": {
      const csv = timed("instanceFromCsv", () => instanceFromCsv(c.workers, c.employers), findings);
      if (csv !== undefined && E.isRight(csv)) {
        const r = timed("match (CSV)", () => match(csv.right.input), findings);
        if (r !== undefined && E.isRight(r)) findings.push(...accounted(csv.right.input as unknown as InstanceInput, r.right));
      }
      break;
    }
  }
  findings.push(...pollution());
  return findings;
};

/**
 * Inputs too big to draw at random in every run, checked once per fuzz run:
 * a list past 123,000 elements (a valid one is in test/input/bounds.test.ts),
 * and 1,000 rows sharing a
 * value nested 17,000 deep (which cost 41 s to reject at 10,000 rows).
 */
export const SENTINELS: readonly { readonly name: string; readonly input: () => Json }[] = [
  { name: "200,000 invalid workers", input: () => ({ workers: new Array<number>(200_000).fill(1), employers: [] }) },
  {
    name: "1,000 rows sharing a value 17,000 deep",
    input: () => {
      const deep = nest(17_000, 0);
      return { workers: Array.from({ length: 1_000 }, () => ({ id: deep, language: deep, trainingCentre: deep, homeProvince: "Bali" })), employers: [] };
    },
  },
];

/** The checks on a sentinel: no throw, no hang, every worker once when placed. */
export const checkSentinel = (input: Json): Finding[] => check({ kind: "mutated", input });
