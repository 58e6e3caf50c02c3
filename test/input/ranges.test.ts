/**
 * Every range in the README's "Ranges" table holds at its boundaries: the
 * bounds themselves are accepted, one step outside is an "invalid" issue at
 * that path (or, on the command line, a usage error), for instances, `match`
 * options, scenarios and their variations. The table is read from the
 * README, so the documentation and the decoder cannot drift apart. The
 * totals (rows without a path) are checked by name below it.
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { InputIssue } from "../../src/input/issues.js";
import { match } from "../../src/match.js";
import { CRITERIA } from "../../src/rules/scoring.js";
import { decodeScenario } from "../../src/scenario/decode.js";
import { applyChange } from "../../src/scenario/variations.js";
import type { Scenario } from "../../src/scenario/types.js";
import { lawful } from "../support/lawful.js";

interface Row {
  readonly in: string;
  readonly path: string;
  readonly kind: "integer" | "number" | "list";
  readonly min: number;
  readonly max: number;
}

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const section = README.slice(README.indexOf("### Ranges"), README.indexOf("## Reference data"));
const num = (s: string): number => Number(s.replace(/,/g, ""));
const ROWS: Row[] = section
  .split("\n")
  .filter((l) => l.startsWith("| ") && !l.startsWith("| in ") && !l.startsWith("|---"))
  .flatMap((l): Row[] => {
    const [where, value, accepted] = l.split("|").slice(1, 4).map((c) => c.trim()) as [string, string, string];
    const path = /^`([^`]+)`/.exec(value)?.[1];
    if (path === undefined) return [];
    const list = /^at most ([\d,]+)$/.exec(accepted);
    if (list !== null) return [{ in: where, path, kind: "list" as const, min: 0, max: num(list[1] as string) }];
    const range = /^(integer|number) (-?[\d,.]+)\.\.(-?[\d,.]+)/.exec(accepted);
    if (range !== null) return [{ in: where, path, kind: range[1] as "integer" | "number", min: num(range[2] as string), max: num(range[3] as string) }];
    const above = /^number above (\d+), at most ([\d,]+)$/.exec(accepted);
    if (above !== null) return [{ in: where, path, kind: "number" as const, min: num(above[1] as string) + 1e-9, max: num(above[2] as string) }];
    throw new Error(`cannot read the README's range row: ${l}`);
  });

type Json = Record<string, unknown>;

/** An instance with every optional part present, the law's included, valid as it is. */
const baseInstance = (): Json =>
  lawful({
    weights: { fieldPreference: 4 },
    reference: { minimumWages: { "37": 1000 }, expectedMinimumWages: [{ prefecture: "37", amount: 1100, from: "2026-10-01" }] },
    placement: { start: "2026-04-01", months: 12, wages: "raise", startToleranceDays: 7 },
    supportOrganisations: [{ id: "RSO-1", officers: 2, workers: 10, employers: 3 }],
    workers: [
      {
        id: "W1",
        language: ["N4"],
        trainingCentre: "Semarang",
        homeProvince: "Central Java",
        age: 28,
        sswMonths: 0,
        careExperienceMonths: 0,
        availableFrom: "2026-05-01",
        certifications: [{ field: "food-service", via: "skills-test" }],
        skills: [{ name: "cooking", level: 2, years: 1 }],
        preferences: { fields: ["hospitality"], prefectures: ["37"] },
      },
      { id: "W2", language: ["N4"], trainingCentre: "Semarang", homeProvince: "Central Java", age: 30, sswMonths: 0 },
    ],
    employers: [
      {
        id: "E1",
        prefecture: "37",
        field: "food-service",
        slots: 2,
        slotGroups: [
          { slots: 1, start: "2026-04-01" },
          { slots: 1, start: "2026-07-01" },
        ],
        hourlyWage: 1100,
        japaneseWage: 1100,
        support: "RSO-1",
        housing: { beds: 4, areaM2: 40 },
        declarations: { acceptancePlan: { approved: true, headcount: 2 } },
        fullTimeStaff: 5,
        japaneseCareStaff: 5,
        sswEmployed: 0,
        requiredSkills: [{ name: "cooking" }],
        preferredSkills: [{ name: "cooking" }],
      },
    ],
    rankings: {
      workers: [{ worker: "W1", employers: ["E1"], others: "after" }],
      employers: [{ employer: "E1", workers: ["W1"], interviews: { accepted: ["W1"], rejected: ["W2"] }, others: "after" }],
    },
    policy: {
      quotas: [{ scope: "sector", key: "hospitality", min: 0, max: 5, penalty: 1 }],
      diversity: { maxShare: 0.5, maxCount: 2, penalty: 1 },
      fairness: [{ by: "trainingCentre", minShare: 0.5, penalty: 1 }],
      groups: { together: "prefecture", penalty: 1 },
    },
  }) as unknown as Json;

const CHANGES: Record<string, Json> = {
  factor: { kind: "scale-slots", factor: 1 },
  cap: { kind: "field-cap", field: "food-service", cap: 10 },
  size: { kind: "cohort-size", size: 10 },
  by: { kind: "language-shift", by: 0 },
};

const baseScenario = (changeKey: string): Json => ({
  name: "s",
  seed: 1,
  cohort: {
    size: 10,
    languageShift: 0,
    fieldMix: { "food-service": 1 },
    origins: [{ province: "Bali", weight: 1, trainingCentres: ["Denpasar"] }],
    preferredPrefectures: ["37"],
  },
  prefectures: [{ prefecture: "37", demand: [{ field: "food-service", employers: 1, slots: 2 }] }],
  assumptions: ["a note"],
  variations: [{ name: "v", changes: [CHANGES[changeKey] ?? CHANGES.factor] }],
});

/** Walks `path` (with [] as index 0 and * as `star`) in `root`, and sets the last key to `value`; the resolved path for issues. */
const setAt = (root: Json, path: string, value: unknown, star: string): string => {
  const keys = path.replace(/\[\]/g, ".[]").split(".").map((k) => (k === "*" ? star : k));
  let node: unknown = root;
  for (const k of keys.slice(0, -1)) node = (node as Json)[k === "[]" ? "0" : k];
  (node as Json)[keys[keys.length - 1] as string] = value;
  return keys.reduce((p, k) => (k === "[]" ? `${p}[0]` : p === "" ? k : `${p}.${k}`), "");
};

/** The element a list at `path` holds in the base (to repeat it), or 0. */
const itemAt = (root: Json, path: string): unknown => {
  const keys = path.replace(/\[\]/g, ".0").split(".");
  let node: unknown = root;
  for (const k of keys) node = (node as Json | undefined)?.[k];
  return Array.isArray(node) && node.length > 0 ? node[0] : 0;
};

const issuesFor = (row: Row, value: unknown | ((base: Json) => unknown), star: string): { at: string; issues: readonly InputIssue[] } => {
  const lastKey = row.path.split(".").at(-1) as string;
  const base = row.in === "scenario" ? baseScenario(lastKey) : row.in === "instance" ? baseInstance() : {};
  const v = typeof value === "function" ? (value as (b: Json) => unknown)(base) : value;
  const at = setAt(base, row.path, v, star);
  const r = row.in === "scenario" ? decodeScenario(base) : row.in === "instance" ? decodeInstance(base) : match(baseInstance(), base as never);
  return { at: row.in === "`match` options" ? `options.${at}` : at, issues: E.isLeft(r) ? r.left : [] };
};

const invalidAt = (issues: readonly InputIssue[], at: string): InputIssue | undefined => issues.find((i) => i.path === at && i.code === "invalid");

const starKeys = (row: Row): readonly string[] => (row.path === "weights.*" ? CRITERIA : row.path.endsWith("fieldMix.*") ? ["food-service"] : ["37"]);

describe("the README's ranges", () => {
  it("reads the table", () => {
    expect(ROWS.length).toBeGreaterThan(60);
    expect(ROWS.map((r) => r.in)).toContain("command line");
  });

  it("starts from an instance that is valid as it is (so an issue at a row's path is the row's own)", () => {
    const r = decodeInstance(baseInstance());
    expect(E.isLeft(r) ? r.left : []).toEqual([]);
  });

  for (const row of ROWS.filter((r) => r.in !== "command line")) {
    it(`${row.in} ${row.path}: ${row.kind === "list" ? `at most ${row.max}` : `${row.kind} ${row.min}..${row.max}`}`, () => {
      for (const star of starKeys(row)) {
        if (row.kind === "list") {
          const long = (n: number) => (b: Json) => new Array<unknown>(n).fill(itemAt(b, row.path));
          const over = issuesFor(row, long(row.max + 1), star);
          expect(invalidAt(over.issues, over.at)?.expected, JSON.stringify(over.issues.slice(0, 3))).toMatch(/at most/);
          if (row.max <= 1000) {
            const full = issuesFor(row, long(row.max), star);
            expect(invalidAt(full.issues, full.at), JSON.stringify(full.issues.slice(0, 3))).toBeUndefined();
          }
          continue;
        }
        const step = row.kind === "integer" ? 1 : row.max <= 1 ? 0.01 : 0.5;
        for (const ok of [row.min, row.max]) {
          const r = issuesFor(row, ok, star);
          expect(invalidAt(r.issues, r.at), `${ok}: ${JSON.stringify(r.issues.slice(0, 3))}`).toBeUndefined();
        }
        for (const bad of [row.min - step, row.max + step, Number.NaN, Number.POSITIVE_INFINITY]) {
          const r = issuesFor(row, bad, star);
          expect(invalidAt(r.issues, r.at), `${bad} at ${r.at}`).toBeDefined();
        }
        if (row.kind === "integer") {
          const r = issuesFor(row, row.min + 0.5, star);
          expect(invalidAt(r.issues, r.at), "a fraction").toBeDefined();
        }
      }
    });
  }

  it("command line: each option's range, a usage error (exit 2) one step outside", async () => {
    const ctx = { stdout: { write: (_: string, done?: (e?: Error | null) => void) => done?.() }, stderr: { write: () => true }, readStdin: async () => "" };
    const cli = ROWS.filter((r) => r.in === "command line");
    expect(cli.map((r) => r.path).sort()).toEqual(["--scale", "--size", "--time-limit"]);
    for (const row of cli) {
      // Commands that stop right after parsing their options: a missing file (exit 1), a list (exit 0).
      const command = row.path === "--time-limit" ? ["solve", "no-such-file.json"] : ["scenario", "--list"];
      const step = row.kind === "integer" ? 1 : 0.5;
      for (const ok of [row.min, row.max]) expect(await run([...command, row.path, String(row.kind === "integer" ? ok : Math.max(ok, 0.001))], ctx), `${row.path} ${ok}`).not.toBe(2);
      for (const bad of [row.min - step, row.max + step]) expect(await run([...command, row.path, String(bad)], ctx), `${row.path} ${bad}`).toBe(2);
    }
  });
});

describe("totals", () => {
  it("an instance's slots together: at most 100,000,000", () => {
    const employers = (slots: number) => Array.from({ length: 1001 }, (_, i) => ({ id: `E${i}`, prefecture: "37", field: "food-service", slots, hourlyWage: 1100 }));
    const over = decodeInstance(lawful({ workers: [], employers: employers(100_000) }));
    expect(E.isLeft(over) && over.left.find((i) => i.path === "employers")?.expected).toMatch(/at most 100,000,000 slots in total/);
    const under = decodeInstance(lawful({ workers: [], employers: employers(99_900) }));
    expect(E.isLeft(under) ? under.left.slice(0, 3) : []).toEqual([]);
  });

  const scenario = decodeScenario({ name: "s", seed: 1, cohort: { size: 2000 }, prefectures: [{ prefecture: "37", demand: [{ field: "food-service", employers: 100, slots: 2000 }] }] });
  const s = (E.isRight(scenario) ? scenario.right : null) as Scenario;

  it("a variation that grows a scenario past its limits is an issue at the change, before anything is drawn", () => {
    const big = applyChange(s, { kind: "scale", factor: 1000 }, "--vary[0]");
    expect(E.isLeft(big) && big.left[0]?.path).toBe("--vary[0]");
    expect(E.isLeft(big) && big.left[0]?.expected).toMatch(/the cohort at most 1,000,000 \(it would be 2,000,000\)/);
    const slots = applyChange({ ...s, cohort: { size: 10 } }, { kind: "scale-slots", factor: 1000 }, "v");
    expect(E.isRight(slots)).toBe(true);
    const tooMany = applyChange({ ...s, prefectures: [{ prefecture: "37", demand: [{ field: "food-service", employers: 100_000, slots: 1_000_000 }] }] }, { kind: "scale-slots", factor: 11 }, "v");
    expect(E.isLeft(tooMany) && tooMany.left[0]?.expected).toMatch(/slots of food-service in 37 at most 10,000,000/);
  });

  it("a change built in code is checked against its codec (a factor of 1e9 as from --vary slots*1000000000)", () => {
    const r = applyChange(s, { kind: "scale-slots", factor: 1e9 }, "--vary[0]");
    expect(E.isLeft(r) && r.left[0]?.path).toBe("--vary[0].factor");
  });
});
