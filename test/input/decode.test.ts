/**
 * decodeInstance (and match's front door): total on any input, every issue
 * located at the exact path of the bad leaf and all reported at once, the
 * semantic checks, normalisation into canonical order, and the rendered
 * messages (public behaviour, pinned by inline snapshots).
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInstance } from "../../src/input/decode.js";
import type { Instance } from "../../src/input/instance.js";
import { formatIssues, type InputIssue, type IssueCode } from "../../src/input/issues.js";
import { match, type MatchOptions } from "../../src/match.js";
import { instanceArb, instanceArbitrary } from "../support/input-arbitraries.js";
import { lawfulEmployer, lawfulWorker, TEST_START } from "../support/lawful.js";

const seed = Number(process.env.FC_SEED ?? 20261127);
console.log(`fast-check seed ${seed} (set FC_SEED to replay another)`);
const opts = (numRuns: number) => ({ seed, numRuns, verbose: 1 as const });

// ---------------------------------------------------------------------------
// Helpers

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const obj = (v: unknown): Obj => {
  if (!isObj(v)) throw new Error(`not an object: ${JSON.stringify(v)}`);
  return v;
};

const list = (v: unknown): unknown[] => {
  if (!Array.isArray(v)) throw new Error(`not a list: ${JSON.stringify(v)}`);
  return v;
};

/** The list at `o[key]`, created empty when absent. */
const listAt = (o: Obj, key: string): unknown[] => {
  if (o[key] === undefined) o[key] = [];
  return list(o[key]);
};

/** An element of a list, appending `fallback` when the list is empty; returns the index used. */
const entryOf = (l: unknown[], pick: number, fallback: () => unknown): number => {
  if (l.length === 0) l.push(fallback());
  return pick % l.length;
};

const issuesOf = (input: unknown): readonly InputIssue[] => {
  const r = decodeInstance(input);
  if (E.isRight(r)) throw new Error("expected the input to be rejected, but it was accepted");
  return r.left;
};

const accepted = (input: unknown): Instance => {
  const r = decodeInstance(input);
  if (E.isLeft(r)) throw new Error(`expected the input to be accepted:\n${formatIssues(r.left)}`);
  return r.right;
};

const paths = (issues: readonly InputIssue[]): string[] => issues.map((i) => i.path);

const worker = (id: string, extra: Obj = {}): Obj =>
  lawfulWorker({
    id,
    language: ["N4"],
    trainingCentre: "Semarang",
    homeProvince: "Central Java",
    certifications: [{ field: "food-service", via: "skills-test" }],
    ...extra,
  });

const employer = (id: string, extra: Obj = {}): Obj => lawfulEmployer({ id, prefecture: "37", field: "food-service", slots: 2, hourlyWage: 1100, ...extra });

/** An instance with a start date (placement.start) unless `extra` gives a placement or a reference.asOf. */
const instance = (workers: Obj[], employers: Obj[], extra: Obj = {}): Obj => ({
  workers,
  employers,
  ...(extra["placement"] === undefined && (extra["reference"] as Obj | undefined)?.["asOf"] === undefined ? { placement: { start: TEST_START } } : {}),
  ...extra,
});

const valid = (): Obj => instance([worker("w1"), worker("w2")], [employer("e1"), employer("e2", { field: "construction", prefecture: "38" })]);

// ---------------------------------------------------------------------------
// Totality

describe("bad input never throws", () => {
  const total = (input: unknown): void => {
    const decoded = decodeInstance(input);
    expect(E.isLeft(decoded) || E.isRight(decoded)).toBe(true);
    const matched = match(input);
    expect(E.isLeft(matched) || E.isRight(matched)).toBe(true);
  };

  const DANGEROUS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"] as const;
  const dangerousOrFormatKey = fc.constantFrom(
    ...DANGEROUS,
    "workers",
    "employers",
    "id",
    "language",
    "slots",
    "hourlyWage",
    "weights",
    "reference",
    "minimumWages",
    "37",
  );
  /** Puts a value where the decoder will look deep into it. */
  const atEveryLevel = (x: unknown): fc.Arbitrary<unknown> =>
    fc.constantFrom(
      x,
      { workers: [x], employers: [x] },
      { workers: x, employers: [] },
      { workers: [worker("w1", { preferences: x, skills: [x] })], employers: [employer("e1", { requiredSkills: [x] })] },
      { workers: [], employers: [], weights: x, reference: x },
      { workers: [], employers: [], reference: { minimumWages: x } },
    );

  it("decodeInstance and match return an Either for fc.anything()", () => {
    fc.assert(fc.property(fc.anything(), total), opts(300));
  });

  it("... for fc.anything() with boxed values, maps, sets, dates, typed and sparse arrays, null prototypes, unicode", () => {
    const anything = fc.anything({
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withObjectString: true,
      withNullPrototype: true,
      withDate: true,
      withTypedArray: true,
      withSparseArray: true,
      stringUnit: "grapheme",
    });
    fc.assert(fc.property(anything.chain(atEveryLevel), total), opts(300));
  });

  it("... for fc.jsonValue()", () => {
    fc.assert(fc.property(fc.jsonValue().chain(atEveryLevel), total), opts(300));
  });

  it("... for objects with keys like __proto__, constructor, toString at every level", () => {
    const nasty = fc.anything({ key: dangerousOrFormatKey, maxDepth: 4, withNullPrototype: true, withBoxedValues: true });
    fc.assert(fc.property(nasty.chain(atEveryLevel), total), opts(300));
  });

  it("reports __proto__, constructor and toString on every object of a valid instance, and pollutes nothing", () => {
    /** Adds the three keys as own properties to every object, and returns the issues they must cause. */
    const inject = (node: unknown, path: string, inMinimumWages: boolean, expected: Map<string, IssueCode>): void => {
      if (Array.isArray(node)) {
        node.forEach((x, i) => inject(x, `${path}[${i}]`, false, expected));
        return;
      }
      if (!isObj(node)) return;
      for (const [key, value] of Object.entries(node)) inject(value, path === "" ? key : `${path}.${key}`, key === "minimumWages", expected);
      const values: readonly (readonly [(typeof DANGEROUS)[number], unknown])[] = [
        ["__proto__", { polluted: true, slots: -1 }],
        ["constructor", { prototype: { polluted: true } }],
        ["toString", "x"],
        ["valueOf", "1"],
        ["hasOwnProperty", false],
      ];
      for (const [key, value] of values) {
        // defineProperty: a plain assignment to __proto__ would set the prototype, not add a key
        Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
        // in the minimum-wage table a key is a prefecture name: the value must be a number
        expected.set(path === "" ? key : `${path}.${key}`, inMinimumWages ? "invalid" : "unknown-property");
      }
    };
    fc.assert(
      fc.property(instanceArb, (input) => {
        const corrupted = structuredClone(input) as unknown;
        const expected = new Map<string, IssueCode>();
        inject(corrupted, "", false, expected);
        const issues = issuesOf(corrupted);
        expect(new Map(issues.map((i) => [i.path, i.code]))).toEqual(expected);
        expect(issues).toHaveLength(expected.size);
        const matched = match(corrupted);
        expect(E.isLeft(matched)).toBe(true);
        expect(({} as Obj)["polluted"]).toBeUndefined();
        expect(({} as Obj)["slots"]).toBeUndefined();
      }),
      opts(100),
    );
  });

  it("takes __proto__, constructor and toString in reference.minimumWages as (unknown) prefecture names", () => {
    const input = JSON.parse(
      '{"workers":[],"employers":[],"reference":{"asOf":"2026-04-01","minimumWages":{"__proto__":1000,"constructor":1000,"toString":1000}}}',
    ) as unknown;
    const issues = issuesOf(input);
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown-prefecture", "reference.minimumWages.__proto__"],
      ["unknown-prefecture", "reference.minimumWages.constructor"],
      ["unknown-prefecture", "reference.minimumWages.toString"],
    ]);
  });

  // KNOWN BUG (src/input/issues.ts `show`): when JSON.stringify throws (a bigint, a
  // cycle) the fallback String(value) throws too for an object with no usable
  // toString (null prototype, or an own `toString` that is not a function), so
  // decodeInstance and match throw instead of returning a Left. Drop `.fails`
  // once `show` is fixed.
  it("does not throw on a null-prototype object holding a bigint", () => {
    const value = Object.assign(Object.create(null) as Obj, { amount: 1n });
    expect(() => decodeInstance({ workers: value, employers: [] })).not.toThrow();
  });

  it("does not throw on an object with a non-function toString and a bigint", () => {
    expect(() => match({ workers: { toString: 1, amount: 1n }, employers: [] })).not.toThrow();
  });

  it("does not throw on a cyclic null-prototype object", () => {
    const value = Object.create(null) as Obj;
    value["self"] = value;
    expect(() => decodeInstance({ workers: [], employers: [], weights: value })).not.toThrow();
  });
});

// ---------------------------------------------------------------------------
// Located issues

/** Corrupts one leaf of a row; returns the path (relative to the row) and the issue code it must cause. */
type Corrupt = (row: Obj, pick: number) => readonly [string, IssueCode];

const WORKER_CORRUPTIONS: Readonly<Record<string, Corrupt>> = {
  "language entry N6": (w, k) => {
    const l = listAt(w, "language");
    const j = entryOf(l, k, () => "N4");
    l[j] = "N6";
    return [`language[${j}]`, "invalid"];
  },
  "language not a list": (w) => ((w["language"] = "N4"), ["language", "invalid"]),
  "trainingCentre removed": (w) => (delete w["trainingCentre"], ["trainingCentre", "missing"]),
  "blank homeProvince": (w) => ((w["homeProvince"] = "   "), ["homeProvince", "invalid"]),
  "careJapaneseTest as text": (w) => ((w["careJapaneseTest"] = "yes"), ["careJapaneseTest", "invalid"]),
  "skill level 0, 11 or 2.5": (w, k) => {
    const l = listAt(w, "skills");
    const j = entryOf(l, k, () => ({ name: "welding" }));
    obj(l[j])["level"] = [0, 11, 2.5][k % 3];
    return [`skills[${j}].level`, "invalid"];
  },
  "negative skill years": (w, k) => {
    const l = listAt(w, "skills");
    const j = entryOf(l, k, () => ({ name: "welding" }));
    obj(l[j])["years"] = -1;
    return [`skills[${j}].years`, "invalid"];
  },
  "unknown certification route": (w, k) => {
    const l = listAt(w, "certifications");
    const j = entryOf(l, k, () => ({ field: "construction", via: "skills-test" }));
    obj(l[j])["via"] = "school";
    return [`certifications[${j}].via`, "invalid"];
  },
  "certification field removed": (w, k) => {
    const l = listAt(w, "certifications");
    const j = entryOf(l, k, () => ({ field: "construction", via: "skills-test" }));
    delete obj(l[j])["field"];
    return [`certifications[${j}].field`, "missing"];
  },
  "preferences.fields not a list": (w) => {
    w["preferences"] = { ...(isObj(w["preferences"]) ? w["preferences"] : {}), fields: "food-service" };
    return ["preferences.fields", "invalid"];
  },
  "typo preferedSkills": (w) => ((w["preferedSkills"] = [{ name: "welding" }]), ["preferedSkills", "unknown-property"]),
  "numeric id": (w) => ((w["id"] = 42), ["id", "invalid"]),
};

const EMPLOYER_CORRUPTIONS: Readonly<Record<string, Corrupt>> = {
  "slots -1, 2.5 or text": (e, k) => ((e["slots"] = [-1, 2.5, "3"][k % 3]), ["slots", "invalid"]),
  "wage as text": (e) => ((e["hourlyWage"] = String(e["hourlyWage"])), ["hourlyWage", "invalid"]),
  "wage negative, infinite or NaN": (e, k) => ((e["hourlyWage"] = [-5, Infinity, NaN][k % 3]), ["hourlyWage", "invalid"]),
  "field removed": (e) => (delete e["field"], ["field", "missing"]),
  "prefecture null": (e) => ((e["prefecture"] = null), ["prefecture", "invalid"]),
  "typo preferedSkills": (e) => ((e["preferedSkills"] = []), ["preferedSkills", "unknown-property"]),
  "minLanguage JFT-Basic A2": (e) => ((e["minLanguage"] = "JFT-Basic A2"), ["minLanguage", "invalid"]),
  "required skill with blank name": (e, k) => {
    const l = listAt(e, "requiredSkills");
    const j = entryOf(l, k, () => ({ name: "welding" }));
    obj(l[j])["name"] = "";
    return [`requiredSkills[${j}].name`, "invalid"];
  },
  "negative fullTimeStaff": (e) => ((e["fullTimeStaff"] = -1), ["fullTimeStaff", "invalid"]),
};

/** Corruptions outside the rows; each returns the full path. */
const TOP_CORRUPTIONS: Readonly<Record<string, (input: Obj) => readonly [string, IssueCode]>> = {
  "weight 101": (i) => {
    i["weights"] = { ...(isObj(i["weights"]) ? i["weights"] : {}), fieldPreference: 101 };
    return ["weights.fieldPreference", "invalid"];
  },
  "asOf 2025-13-01": (i) => {
    i["reference"] = { ...(isObj(i["reference"]) ? i["reference"] : {}), asOf: "2025-13-01" };
    return ["reference.asOf", "invalid"];
  },
  "negative minimum wage override": (i) => {
    i["reference"] = { ...(isObj(i["reference"]) ? i["reference"] : {}), minimumWages: { "37": -1 } };
    return ["reference.minimumWages.37", "invalid"];
  },
  "typo top-level property": (i) => ((i["worker"] = []), ["worker", "unknown-property"]),
};

const workerKinds = Object.keys(WORKER_CORRUPTIONS);
const employerKinds = Object.keys(EMPLOYER_CORRUPTIONS);
const topKinds = Object.keys(TOP_CORRUPTIONS);

const rowAt = (input: Obj, listName: string, index: number): Obj => obj(list(input[listName])[index]);

const applyRow = (input: Obj, listName: "workers" | "employers", index: number, kind: string, pick: number): readonly [string, IssueCode] => {
  const corrupt = (listName === "workers" ? WORKER_CORRUPTIONS : EMPLOYER_CORRUPTIONS)[kind];
  if (corrupt === undefined) throw new Error(`no corruption ${kind}`);
  const [rel, code] = corrupt(rowAt(input, listName, index), pick);
  return [`${listName}[${index}].${rel}`, code];
};

const applyTop = (input: Obj, kind: string): readonly [string, IssueCode] => {
  const corrupt = TOP_CORRUPTIONS[kind];
  if (corrupt === undefined) throw new Error(`no corruption ${kind}`);
  return corrupt(input);
};

const nonEmptyInstanceArb = instanceArbitrary({ minWorkers: 1, minEmployers: 1 });

describe("located issues", () => {
  it("one corrupted leaf gives exactly one issue, at exactly its path", () => {
    const corruptionArb = fc.oneof(
      fc.record({ target: fc.constant("workers" as const), kind: fc.constantFrom(...workerKinds) }),
      fc.record({ target: fc.constant("employers" as const), kind: fc.constantFrom(...employerKinds) }),
      fc.record({ target: fc.constant("top" as const), kind: fc.constantFrom(...topKinds) }),
    );
    fc.assert(
      fc.property(nonEmptyInstanceArb, corruptionArb, fc.nat(), fc.nat(), (input, { target, kind }, row, pick) => {
        const corrupted = structuredClone(input) as unknown as Obj;
        const [path, code] =
          target === "top" ? applyTop(corrupted, kind) : applyRow(corrupted, target, row % list(corrupted[target]).length, kind, pick);
        const issues = issuesOf(corrupted);
        expect(issues.map((i) => [i.path, i.code])).toEqual([[path, code]]);
      }),
      opts(400),
    );
  });

  it("reports every corrupted leaf at once, one issue each, when several rows are corrupted", () => {
    const arb = nonEmptyInstanceArb
      .chain((input) =>
        fc.record({
          input: fc.constant(input),
          workers: fc.array(fc.option(fc.tuple(fc.constantFrom(...workerKinds), fc.nat())), {
            minLength: input.workers.length,
            maxLength: input.workers.length,
          }),
          employers: fc.array(fc.option(fc.tuple(fc.constantFrom(...employerKinds), fc.nat())), {
            minLength: input.employers.length,
            maxLength: input.employers.length,
          }),
          top: fc.option(fc.constantFrom(...topKinds)),
        }),
      )
      .filter(({ workers, employers, top }) => [...workers, ...employers, top].filter((c) => c !== null).length >= 2);
    fc.assert(
      fc.property(arb, ({ input, workers, employers, top }) => {
        const corrupted = structuredClone(input) as unknown as Obj;
        const expected = new Map<string, IssueCode>();
        const record = ([path, code]: readonly [string, IssueCode]): void => void expected.set(path, code);
        workers.forEach((c, i) => c !== null && record(applyRow(corrupted, "workers", i, c[0], c[1])));
        employers.forEach((c, i) => c !== null && record(applyRow(corrupted, "employers", i, c[0], c[1])));
        if (top !== null) record(applyTop(corrupted, top));
        const issues = issuesOf(corrupted);
        expect(issues).toHaveLength(expected.size);
        expect(new Map(issues.map((i) => [i.path, i.code]))).toEqual(expected);
      }),
      opts(200),
    );
  });

  it("examples: the path names the exact leaf", () => {
    const input = valid();
    const workers = list(input["workers"]);
    workers.push(worker("w3"), worker("w4", { language: ["N4", "N6"] }));
    rowAt(input, "employers", 1)["slots"] = -1;
    const issues = issuesOf(input);
    expect(paths(issues)).toEqual(["workers[3].language[1]", "employers[1].slots"]);
  });
});

// ---------------------------------------------------------------------------
// Semantic checks, on generated instances

/** Semantic corruptions of one row (structurally still valid); each returns the path relative to the row. */
const SEMANTIC_WORKER: Readonly<Record<string, Corrupt>> = {
  "certification in an unknown field": (w, k) => {
    const l = listAt(w, "certifications");
    const j = entryOf(l, k, () => ({ field: "construction", via: "skills-test" }));
    obj(l[j])["field"] = "nursing";
    return [`certifications[${j}].field`, "unknown-field"];
  },
  "care-school for construction": (w, k) => {
    const l = listAt(w, "certifications");
    const j = entryOf(l, k, () => ({ field: "construction", via: "skills-test" }));
    l[j] = { field: "construction", via: "care-school" };
    return [`certifications[${j}].via`, "inconsistent"];
  },
  "preferred field unknown": (w, k) => {
    const prefs = isObj(w["preferences"]) ? w["preferences"] : {};
    w["preferences"] = prefs;
    const l = listAt(prefs, "fields");
    const j = entryOf(l, k, () => "caregiving");
    l[j] = "caring";
    return [`preferences.fields[${j}]`, "unknown-field"];
  },
  "preferred prefecture unknown": (w, k) => {
    const prefs = isObj(w["preferences"]) ? w["preferences"] : {};
    w["preferences"] = prefs;
    const l = listAt(prefs, "prefectures");
    const j = entryOf(l, k, () => "37");
    l[j] = "Kagwa";
    return [`preferences.prefectures[${j}]`, "unknown-prefecture"];
  },
};

const SEMANTIC_EMPLOYER: Readonly<Record<string, Corrupt>> = {
  "unknown field": (e) => ((e["field"] = "cooking"), ["field", "unknown-field"]),
  "unknown prefecture": (e) => ((e["prefecture"] = "Atlantis"), ["prefecture", "unknown-prefecture"]),
  "wage 0": (e) => ((e["hourlyWage"] = 0), ["hourlyWage", "wage-below-minimum"]),
};

describe("semantic checks on generated instances", () => {
  it("reports every semantic problem of every corrupted row at once", () => {
    const wk = Object.keys(SEMANTIC_WORKER);
    const ek = Object.keys(SEMANTIC_EMPLOYER);
    const arb = nonEmptyInstanceArb
      .chain((input) =>
        fc.record({
          input: fc.constant(input),
          workers: fc.array(fc.option(fc.tuple(fc.constantFrom(...wk), fc.nat())), { minLength: input.workers.length, maxLength: input.workers.length }),
          employers: fc.array(fc.option(fc.tuple(fc.constantFrom(...ek), fc.nat())), {
            minLength: input.employers.length,
            maxLength: input.employers.length,
          }),
        }),
      )
      .filter(({ workers, employers }) => [...workers, ...employers].some((c) => c !== null));
    fc.assert(
      fc.property(arb, ({ input, workers, employers }) => {
        const corrupted = structuredClone(input) as unknown as Obj;
        const expected = new Map<string, IssueCode>();
        const apply = (listName: "workers" | "employers", table: Readonly<Record<string, Corrupt>>, i: number, c: [string, number] | null): void => {
          if (c === null) return;
          const [rel, code] = (table[c[0]] as Corrupt)(rowAt(corrupted, listName, i), c[1]);
          expected.set(`${listName}[${i}].${rel}`, code);
        };
        workers.forEach((c, i) => apply("workers", SEMANTIC_WORKER, i, c));
        employers.forEach((c, i) => apply("employers", SEMANTIC_EMPLOYER, i, c));
        const issues = issuesOf(corrupted);
        expect(issues).toHaveLength(expected.size);
        expect(new Map(issues.map((i) => [i.path, i.code]))).toEqual(expected);
      }),
      opts(200),
    );
  });

  it("a repeated worker or employer id is reported on the second occurrence, naming the first", () => {
    fc.assert(
      fc.property(nonEmptyInstanceArb, fc.nat(), fc.boolean(), (input, pick, ofWorkers) => {
        const corrupted = structuredClone(input) as unknown as Obj;
        const listName = ofWorkers ? "workers" : "employers";
        const rows = list(corrupted[listName]);
        const first = pick % rows.length;
        rows.push(structuredClone(rows[first]));
        const issues = issuesOf(corrupted);
        expect(issues.map((i) => [i.path, i.code])).toEqual([[`${listName}[${rows.length - 1}].id`, "duplicate-id"]]);
        expect(issues[0]?.expected).toContain(`${listName}[${first}]`);
      }),
      opts(100),
    );
  });
});

// ---------------------------------------------------------------------------
// Semantic checks, by example

describe("semantic checks", () => {
  it("accepts the base instance", () => {
    expect(accepted(valid()).workers).toHaveLength(2);
  });

  it("duplicate ids: issue on the second occurrence, naming the first", () => {
    const issues = issuesOf(
      instance([worker("w1"), worker("w2"), worker("w1")], [employer("e1"), employer("e1"), employer("e1")]),
    );
    expect(issues).toEqual([
      expect.objectContaining({ code: "duplicate-id", path: "workers[2].id", received: '"w1"' }),
      expect.objectContaining({ code: "duplicate-id", path: "employers[1].id" }),
      expect.objectContaining({ code: "duplicate-id", path: "employers[2].id" }),
    ]);
    expect(issues[0]?.expected).toContain("workers[0]");
    expect(issues[1]?.expected).toContain("employers[0]");
    expect(issues[2]?.expected).toContain("employers[0]");
  });

  it("unknown fields: employer.field, certifications[i].field, preferences.fields[i]", () => {
    const issues = issuesOf(
      instance(
        [
          worker("w1", {
            certifications: [{ field: "construction", via: "skills-test" }, { field: "cleaning", via: "skills-test" }],
            preferences: { fields: ["hospitality", "food-service", "caring"] },
          }),
        ],
        [employer("e1", { field: "cooking" })],
      ),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown-field", "workers[0].certifications[1].field"],
      ["unknown-field", "workers[0].preferences.fields[2]"],
      ["unknown-field", "employers[0].field"],
    ]);
  });

  it("sectors and field ids are both accepted as preferred fields", () => {
    const w = accepted(instance([worker("w1", { preferences: { fields: ["caregiving", "manufacturing", "railway"] } })], []));
    expect(w.workers[0]?.fieldPreferences).toEqual(["caregiving", "manufacturing", "railway"]);
  });

  it("the field catalogue decides which fields exist; an unknown catalogue is reported", () => {
    const linen = instance([], [employer("e1", { field: "linen-supply", declarations: { sectorCouncil: true } })]);
    expect(paths(issuesOf(linen))).toEqual(["employers[0].field"]);
    expect(accepted({ ...linen, reference: { fieldCatalogue: "2026-01" } }).reference.catalogue.version).toBe("2026-01");
    expect(accepted(valid()).reference.catalogue.version).toBe("2024-09");
    const issues = issuesOf({ ...valid(), reference: { fieldCatalogue: "2023-01" } });
    expect(issues).toEqual([expect.objectContaining({ code: "invalid", path: "reference.fieldCatalogue", received: '"2023-01"' })]);
    expect(issues[0]?.expected).toContain("2024-09");
  });

  it("unknown prefectures: employer.prefecture, preferences.prefectures[i], reference.minimumWages keys", () => {
    const issues = issuesOf(
      instance([worker("w1", { preferences: { prefectures: ["37", "Kagwa"] } })], [employer("e1", { prefecture: "48" })], {
        reference: { minimumWages: { Atlantis: 1000 } },
      }),
    );
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown-prefecture", "reference.minimumWages.Atlantis"],
      ["unknown-prefecture", "workers[0].preferences.prefectures[1]"],
      ["unknown-prefecture", "employers[0].prefecture"],
    ]);
  });

  it("a prefecture given by name is normalised to its code", () => {
    for (const name of ["37", "Kagawa", "kagawa", "香川県"]) {
      const decoded = accepted(instance([worker("w1", { preferences: { prefectures: [name, "Ehime"] } })], [employer("e1", { prefecture: name })]));
      expect(decoded.employers[0]?.prefecture).toBe("37");
      expect(decoded.workers[0]?.prefecturePreferences).toEqual(["37", "38"]);
    }
  });

  describe("wage below minimum", () => {
    const kagawa = (hourlyWage: number, extra: Obj = {}, reference?: Obj): Obj =>
      instance([], [employer("e1", { hourlyWage, ...extra })], reference === undefined ? {} : { reference });
    const floorOf = (input: Obj): number | undefined => accepted(input).reference.wageFloor.get("e1")?.amount;

    it("Kagawa: 1,036 yen from 2025-10-18 (the default date is the latest rate)", () => {
      expect(floorOf(kagawa(1036))).toBe(1036);
      expect(issuesOf(kagawa(1035))).toEqual([
        expect.objectContaining({ code: "wage-below-minimum", path: "employers[0].hourlyWage", received: "1035" }),
      ]);
      expect(issuesOf(kagawa(1000, {}, { asOf: "2025-10-18" }))[0]?.code).toBe("wage-below-minimum");
      expect(issuesOf(kagawa(1035.5))[0]?.expected).toContain("1036");
    });

    it("Kagawa before 2025-10-18: the FY2024 floor of 970 applies, so 1,000 is fine", () => {
      expect(floorOf(kagawa(1000, {}, { asOf: "2025-10-01" }))).toBe(970);
      expect(floorOf(kagawa(1000, {}, { asOf: "2025-10-17" }))).toBe(970);
      expect(floorOf(kagawa(970, {}, { asOf: "2025-10-01" }))).toBe(970);
      expect(issuesOf(kagawa(969, {}, { asOf: "2025-10-01" }))).toEqual([
        expect.objectContaining({ code: "wage-below-minimum", path: "employers[0].hourlyWage" }),
      ]);
    });

    it("Kagawa industry minimums: machinery-manufacturing 1,158, shipbuilding 1,159", () => {
      expect(issuesOf(kagawa(1157, { industry: "machinery-manufacturing" }))[0]?.code).toBe("wage-below-minimum");
      expect(floorOf(kagawa(1158, { industry: "machinery-manufacturing" }))).toBe(1158);
      expect(issuesOf(kagawa(1158, { industry: "shipbuilding" }))[0]?.code).toBe("wage-below-minimum");
      expect(floorOf(kagawa(1159, { industry: "shipbuilding" }))).toBe(1159);
      // the industry minimum in force on the date binds: 1,092 (FY2024) before 2025-12-15, none before 2024-12-15
      expect(issuesOf(kagawa(1000, { industry: "machinery-manufacturing" }, { asOf: "2025-10-01" }))[0]?.expected).toContain("1092");
      expect(floorOf(kagawa(1092, { industry: "machinery-manufacturing" }, { asOf: "2025-12-14" }))).toBe(1092);
      expect(floorOf(kagawa(1000, { industry: "machinery-manufacturing" }, { asOf: "2024-12-14" }))).toBe(970);
      // no industry minimum is known outside Kagawa: Ehime's regional 1,033 binds
      expect(floorOf(instance([], [employer("e1", { prefecture: "38", hourlyWage: 1033, industry: "machinery-manufacturing" })]))).toBe(1033);
      expect(floorOf(kagawa(1100, { industry: "retail" }))).toBe(1036);
    });

    it("a near miss of an industry with its own minimum is an issue, not a silently lower floor", () => {
      for (const typo of ["shipbuildng", "Shipbuilding", "machinery manufacturing", "machine-manufacturing"]) {
        const found = issuesOf(kagawa(1100, { industry: typo }));
        expect(found).toEqual([expect.objectContaining({ code: "inconsistent", path: "employers[0].industry" })]);
        expect(found[0]?.expected).toMatch(/did you mean "(shipbuilding|machinery-manufacturing)"/);
      }
      // far from every known industry: an industry with no minimum of its own
      expect(floorOf(kagawa(1036, { industry: "hotel" }))).toBe(1036);
    });

    it("reference.minimumWages overrides the regional minimum, by code or by name", () => {
      expect(floorOf(kagawa(950, {}, { minimumWages: { "37": 900 } }))).toBe(900);
      expect(floorOf(kagawa(950, {}, { minimumWages: { Kagawa: 900 } }))).toBe(900);
      expect(floorOf(kagawa(950, {}, { minimumWages: { 香川県: 900 } }))).toBe(900);
      expect(issuesOf(kagawa(1050, {}, { minimumWages: { Kagawa: 1100 } }))).toEqual([
        expect.objectContaining({ code: "wage-below-minimum", path: "employers[0].hourlyWage" }),
      ]);
      // an override for another prefecture changes nothing here
      expect(floorOf(kagawa(1036, {}, { minimumWages: { "38": 2000 } }))).toBe(1036);
      // a higher industry minimum still binds over a lower override
      expect(floorOf(kagawa(1158, { industry: "machinery-manufacturing" }, { minimumWages: { "37": 900 } }))).toBe(1158);
    });

    it("every prefecture's FY2025 minimum binds: one yen under is reported, the minimum itself is fine", () => {
      const minimums: Record<string, number> = { "01": 1075, "13": 1226, "27": 1177, "39": 1023, "47": 1023 };
      for (const [code, amount] of Object.entries(minimums)) {
        expect(floorOf(instance([], [employer("e1", { prefecture: code, hourlyWage: amount })]))).toBe(amount);
        expect(paths(issuesOf(instance([], [employer("e1", { prefecture: code, hourlyWage: amount - 1 })])))).toEqual([
          "employers[0].hourlyWage",
        ]);
      }
    });
  });

  it("care-school and EPA routes exist for nursing care only", () => {
    const issues = issuesOf(
      instance(
        [
          worker("w1", {
            certifications: [
              { field: "nursing-care", via: "care-school" },
              { field: "nursing-care", via: "epa" },
              { field: "construction", via: "care-school" },
              { field: "food-service", via: "epa" },
            ],
          }),
        ],
        [],
      ),
    );
    expect(issues.map((i) => [i.code, i.path, i.received])).toEqual([
      ["inconsistent", "workers[0].certifications[2].via", '"care-school"'],
      ["inconsistent", "workers[0].certifications[3].via", '"epa"'],
    ]);
  });

  it("a required property given as null is reported; an optional one given as null counts as absent", () => {
    expect(issuesOf(instance([worker("w1", { trainingCentre: null })], []))).toEqual([
      expect.objectContaining({ code: "invalid", path: "workers[0].trainingCentre", received: "null" }),
    ]);
    const decoded = accepted(instance([worker("w1", { skills: null, preferences: null })], [employer("e1", { name: null })], { weights: null }));
    expect(decoded.workers[0]?.skills).toEqual([]);
    expect(decoded.employers[0]?.name).toBeNull();
  });
});

describe("known gaps (reported; drop `.fails` once fixed in src)", () => {
  // src/input/decode.ts does not check employer.jobCategory against the field's
  // job categories: a typo silently drops the category's N3 and licence rules.
  it("an unknown job category is reported at employers[i].jobCategory", () => {
    const typo = instance([], [employer("e1", { field: "automobile-transportation", jobCategory: "taxi-drver" })]);
    expect(paths(issuesOf(typo))).toEqual(["employers[0].jobCategory"]);
  });

  it("a job category of another field is reported", () => {
    const wrongField = instance([], [employer("e1", { field: "food-service", jobCategory: "taxi-driver" })]);
    expect(paths(issuesOf(wrongField))).toEqual(["employers[0].jobCategory"]);
  });

  // src/input/codecs.ts isoDate relies on Date.parse, which rolls 2025-02-30 over to 2 March.
  it("a calendar date that does not exist is rejected", () => {
    expect(paths(issuesOf({ workers: [], employers: [], reference: { asOf: "2025-02-30" } }))).toEqual(["reference.asOf"]);
  });
});

// ---------------------------------------------------------------------------
// Normalisation and canonical order

describe("normalisation and canonical order", () => {
  it("workers and employers come out sorted by id, whatever the input order", () => {
    const arb = instanceArb.chain((input) =>
      fc.record({
        input: fc.constant(input),
        workers: fc.shuffledSubarray(input.workers, { minLength: input.workers.length }),
        employers: fc.shuffledSubarray(input.employers, { minLength: input.employers.length }),
      }),
    );
    const sortedById = (rows: readonly { readonly id: string }[]): boolean => rows.every((r, i) => i === 0 || (rows[i - 1]?.id ?? "") < r.id);
    fc.assert(
      fc.property(arb, ({ input, workers, employers }) => {
        const original = accepted(input);
        const shuffled = accepted({ ...input, workers, employers });
        expect(sortedById(original.workers)).toBe(true);
        expect(sortedById(original.employers)).toBe(true);
        expect(shuffled).toEqual(original);
      }),
      opts(200),
    );
  });

  it("sorts by code units (not locale): upper case before lower case, digits before letters", () => {
    const decoded = accepted(instance([worker("b"), worker("B"), worker("a10"), worker("a9"), worker("1")], []));
    expect(decoded.workers.map((w) => w.id)).toEqual(["1", "B", "a10", "a9", "b"]);
  });

  it("language evidence: de-duplicated, JFT-Basic A2.2 read as A2, ordered lowest level first", () => {
    const decoded = accepted(instance([worker("w1", { language: ["N3", "JFT-Basic A2.2", "N5", "N3", "JFT-Basic A2"] })], []));
    expect(decoded.workers[0]?.language).toEqual(["N5", "JFT-Basic A2", "N3"]);
    const alias = accepted(instance([worker("w1", { language: ["JFT-Basic A2.2"] })], []));
    expect(alias.workers[0]?.language).toEqual(["JFT-Basic A2"]);
  });

  it("skill names are trimmed and lower-cased; dominated repeats are dropped, level and years never combined across entries", () => {
    const decoded = accepted(
      instance(
        [
          worker("w1", {
            skills: [{ name: " Welding ", level: 2 }, { name: "WELDING", years: 3 }, { name: "forklift" }, { name: "welding", level: 1, years: 1 }],
          }),
        ],
        [employer("e1", { requiredSkills: [{ name: "Welding", level: 2 }], preferredSkills: [{ name: "Forklift" }, { name: " Cooking" }] })],
      ),
    );
    expect(decoded.workers[0]?.skills).toEqual([
      { name: "forklift", level: 1, years: 0 },
      { name: "welding", level: 1, years: 3 },
      { name: "welding", level: 2, years: 0 },
    ]);
    expect(decoded.employers[0]?.requiredSkills).toEqual([{ name: "welding", level: 2, years: null }]);
    expect(decoded.employers[0]?.preferredSkills).toEqual([
      { name: "cooking", level: null, years: null },
      { name: "forklift", level: null, years: null },
    ]);
  });

  it("certifications: sorted by field then route, repeats dropped", () => {
    const decoded = accepted(
      instance(
        [
          worker("w1", {
            certifications: [
              { field: "nursing-care", via: "titp-2" },
              { field: "construction", via: "skills-test" },
              { field: "nursing-care", via: "epa" },
              { field: "construction", via: "skills-test" },
            ],
          }),
        ],
        [],
      ),
    );
    expect(decoded.workers[0]?.certifications).toEqual([
      { field: "construction", via: "skills-test", jobCategory: null },
      { field: "nursing-care", via: "epa", jobCategory: null },
      { field: "nursing-care", via: "titp-2", jobCategory: null },
    ]);
  });

  it("fills defaults: empty lists, no care test, default weights overridden per criterion", () => {
    const decoded = accepted(
      instance([{ id: "w1", language: [], trainingCentre: "Semarang", homeProvince: "Bali", age: 30, sswMonths: 0, departure: [] }], [employer("e1")], {
        weights: { fieldPreference: 9 },
      }),
    );
    expect(decoded.workers[0]).toEqual({
      id: "w1",
      language: [],
      careJapaneseTest: false,
      certifications: [],
      skills: [],
      fieldPreferences: [],
      prefecturePreferences: [],
      trainingCentre: "Semarang",
      homeProvince: "Bali",
      group: null,
      ageAtStart: 30,
      sswMonths: 0,
      departure: [],
      careExperienceMonths: 0,
      careInitialTraining: false,
      formerInternAt: null,
      availableFrom: TEST_START,
    });
    expect(decoded.employers[0]).toMatchObject({
      name: null,
      jobCategory: null,
      minLanguage: null,
      industry: null,
      fullTimeStaff: null,
      japaneseCareStaff: null,
      sswEmployed: 0,
      homeVisitCare: false,
      slotGroups: [{ start: TEST_START, slots: decoded.employers[0]?.slots }],
    });
    expect(decoded.weights).toEqual({ fieldPreference: 9, prefecturePreference: 2, preferredSkills: 2, languageAboveRequirement: 1, wageAboveMinimum: 1 });
    expect(decoded.reference.asOf).toBeNull();
    expect(decoded.reference.placement).toEqual({ start: TEST_START, months: 12, end: "2027-04-01", wages: "raise", startToleranceDays: 0 });
  });
});

// ---------------------------------------------------------------------------
// Messages (public behaviour)

describe("rendered messages", () => {
  it("structural issues of a fixed bad instance", () => {
    const bad = {
      workers: [
        worker("w1", { language: ["N6"] }),
        worker("w2", { skills: [{ name: "", level: 11 }], careJapaneseTest: "yes" }),
        { id: "w3", language: "N4", homeProvince: "Bali" },
      ],
      employers: [employer("e1", { slots: 2.5, preferedSkills: [] }), employer("e2", { hourlyWage: "1100", minLanguage: "JFT-Basic A2" })],
      weights: { fieldPreference: 101 },
      reference: { asOf: "2025/10/01" },
    };
    expect(formatIssues(issuesOf(bad))).toMatchInlineSnapshot(`
      "workers[0].language[0]: expected N5..N1 or JFT-Basic A1/A2.1/A2, got "N6"
      workers[1].careJapaneseTest: expected true or false, got "yes"
      workers[1].skills[0].name: expected a non-empty string, got ""
      workers[1].skills[0].level: expected an integer in 1..10, got 11
      workers[2].language: expected a list of Japanese test results, got "N4"
      workers[2].trainingCentre: missing, expected a non-empty string
      workers[2].sswMonths: missing, expected an integer in 0..600
      workers[2].departure: missing, expected a list of departure checklist items done
      employers[0].preferedSkills: unknown property; did you mean "preferredSkills"?
      employers[0].slots: expected an integer in 0..100,000, got 2.5
      employers[1].hourlyWage: expected a number in 0..100,000, got "1100"
      employers[1].minLanguage: expected one of N5..N1 (a JFT-Basic A2 requirement is written N4), got "JFT-Basic A2"
      weights.fieldPreference: expected an integer in 0..100, got 101
      reference.asOf: expected a calendar date YYYY-MM-DD, got "2025/10/01""
    `);
  });

  it("semantic issues of a fixed bad instance", () => {
    const bad = {
      workers: [
        worker("w1", {
          certifications: [{ field: "nursing", via: "skills-test" }, { field: "construction", via: "epa" }],
          preferences: { fields: ["caring"], prefectures: ["Kagwa"] },
        }),
        worker("w1"),
      ],
      employers: [
        employer("e1", { hourlyWage: 1000 }),
        employer("e2", { field: "cooking", prefecture: "99" }),
        employer("e3", { industry: "machinery-manufacturing", hourlyWage: 1050 }),
        employer("e4", { prefecture: "Kagawa", hourlyWage: 1000 }),
      ],
      reference: { minimumWages: { Atlantis: 5 }, asOf: "2025-10-18" },
    };
    expect(formatIssues(issuesOf(bad))).toMatchInlineSnapshot(`
      "reference.minimumWages.Atlantis: expected a prefecture code 01..47 or name, got "Atlantis"
      workers[0].certifications[0].field: expected an SSW field of catalogue 2024-09 (nursing-care, building-cleaning, industrial-products, construction, shipbuilding, automobile-repair, aviation, accommodation, agriculture, fishery, food-manufacturing, food-service, automobile-transportation, railway, forestry, wood-industry), got "nursing"
      workers[0].certifications[1].via: expected skills-test or titp-2 (care-school and epa exist for nursing-care only), got "epa"
      workers[0].preferences.fields[0]: expected a sector (caregiving, construction, hospitality, manufacturing) or an SSW field of catalogue 2024-09 (nursing-care, building-cleaning, industrial-products, construction, shipbuilding, automobile-repair, aviation, accommodation, agriculture, fishery, food-manufacturing, food-service, automobile-transportation, railway, forestry, wood-industry), got "caring"
      workers[0].preferences.prefectures[0]: expected a prefecture code 01..47 or name, got "Kagwa"
      workers[1].id: expected a unique id (also used by workers[0]), got "w1"
      employers[0].hourlyWage: expected at least 1036 yen per hour (Kagawa minimum wage FY2025 from 2025-10-18), got 1000
      employers[1].field: expected an SSW field of catalogue 2024-09 (nursing-care, building-cleaning, industrial-products, construction, shipbuilding, automobile-repair, aviation, accommodation, agriculture, fishery, food-manufacturing, food-service, automobile-transportation, railway, forestry, wood-industry), got "cooking"
      employers[1].prefecture: expected a prefecture code 01..47 or name, got "99"
      employers[2].hourlyWage: expected at least 1092 yen per hour (Kagawa machinery-manufacturing minimum wage FY2024 from 2024-12-15), got 1050
      employers[3].hourlyWage: expected at least 1036 yen per hour (Kagawa minimum wage FY2025 from 2025-10-18), got 1000"
    `);
  });

  it("whole-input and list-level issues", () => {
    expect(formatIssues(issuesOf(5))).toMatchInlineSnapshot(`"input: expected an object with workers and employers, got 5"`);
    expect(formatIssues(issuesOf({ workers: "w1" }))).toMatchInlineSnapshot(`
      "workers: expected a list of workers, got "w1"
      employers: missing, expected a list of employers"
    `);
    expect(formatIssues(issuesOf({ workers: [], employers: [], reference: { fieldCatalogue: "2023-01" } }))).toMatchInlineSnapshot(`
      "reference.fieldCatalogue: expected one of 2024-09, 2026-01, got "2023-01"
      placement.start: missing, expected the date placements start, YYYY-MM-DD (or reference.asOf): ages, minimum wages and the SSW (i) limit are read from it"
    `);
  });
});

// ---------------------------------------------------------------------------
// match options

describe("match options", () => {
  const badOptions = (options: unknown): readonly InputIssue[] => {
    const r = match(valid(), options as MatchOptions);
    if (E.isRight(r)) throw new Error("expected the options to be rejected");
    return r.left;
  };

  it("an unknown engine is an issue at options.engine", () => {
    expect(badOptions({ engine: "nope" })).toEqual([expect.objectContaining({ code: "invalid", path: "options.engine", received: '"nope"' })]);
  });

  it("timeLimitMs must be at least 1", () => {
    expect(paths(badOptions({ timeLimitMs: 0 }))).toEqual(["options.timeLimitMs"]);
    expect(paths(badOptions({ timeLimitMs: -5 }))).toEqual(["options.timeLimitMs"]);
    expect(paths(badOptions({ timeLimitMs: "60s" }))).toEqual(["options.timeLimitMs"]);
  });

  it("reports all option issues at once, and unknown options", () => {
    expect(badOptions({ engine: "nope", timeLimitMs: 0, timeout: 5 }).map((i) => [i.path, i.code])).toEqual([
      ["options.timeout", "unknown-property"],
      ["options.engine", "invalid"],
      ["options.timeLimitMs", "invalid"],
    ]);
    expect(paths(badOptions(5))).toEqual(["options"]);
  });

  it("accepts valid options", () => {
    expect(E.isRight(match(valid(), { engine: "lp-solver", timeLimitMs: 5_000 }))).toBe(true);
    expect(E.isRight(match(valid(), { engine: "auto" }))).toBe(true);
    expect(E.isRight(match(valid(), undefined))).toBe(true);
  });
});
