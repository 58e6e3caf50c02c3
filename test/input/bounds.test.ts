/**
 * The decoder's own costs are bounded, whatever the input's size and shape:
 * - a list of any length (valid or not) never makes it throw (no spread of a
 *   data-sized array into a call's arguments, which overflows the stack past
 *   about 123,000 elements);
 * - it lists at most MAX_ISSUES issues, and says how many more there were
 *   ("and N more issues");
 * - a deeply nested (or very wide) value is looked at only as far as a
 *   message needs: the work is counted, through a Proxy, as property reads.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInstance } from "../../src/input/decode.js";
import { formatIssues, MAX_ISSUES, show, type InputIssue } from "../../src/input/issues.js";
import { match } from "../../src/match.js";
import { decodeScenario } from "../../src/scenario/decode.js";
import { loadSpreadsheets } from "../../src/io/load.js";
import { lawfulEmployer, lawfulWorker, TEST_START } from "../support/lawful.js";
import { fcOptions } from "../support/seed.js";

const left = (r: E.Either<readonly InputIssue[], unknown>): readonly InputIssue[] => {
  if (E.isRight(r)) throw new Error("expected a Left");
  return r.left;
};

const worker = (i: number) =>
  lawfulWorker({
    id: `W${i}`,
    language: ["N4"],
    trainingCentre: "Semarang",
    homeProvince: "Central Java",
    certifications: [{ field: "food-service", via: "skills-test" }],
  });

const employer = lawfulEmployer({ id: "E1", prefecture: "37", field: "food-service", slots: 5, hourlyWage: 1100 });
/** The start date the law asks for, so that the only issues are the ones a test makes. */
const reference = { asOf: TEST_START };

describe("lists of any length", () => {
  const N = 200_000;

  it("an invalid list of 200,000 elements is rejected, not thrown: the first MAX_ISSUES issues and how many more", () => {
    const input = { reference, workers: Array.from({ length: N }, () => 1), employers: [] };
    const issues = left(decodeInstance(input));
    expect(issues.length).toBe(MAX_ISSUES + 1);
    expect(issues[0]?.path).toBe("workers[0]");
    const last = issues[issues.length - 1] as InputIssue;
    expect(last.code).toBe("truncated");
    expect(formatIssues(issues).split("\n").at(-1)).toBe(`and ${(N - MAX_ISSUES).toLocaleString("en-US")} more issues (only the first ${MAX_ISSUES.toLocaleString("en-US")} are listed)`);
    expect(() => match(input)).not.toThrow();
    expect(E.isLeft(match(input))).toBe(true);
  });

  it("a valid list of 200,000 workers is placed, not thrown", () => {
    const r = match({ reference, workers: Array.from({ length: N }, (_, i) => worker(i)), employers: [employer] });
    if (E.isLeft(r)) throw new Error(formatIssues(r.left));
    expect(r.right.summary.placed).toBe(5);
    expect(r.right.summary.workers).toBe(N);
  });

  it("200,000 duplicate ids (a semantic issue each) are listed up to MAX_ISSUES too", () => {
    const issues = left(decodeInstance({ reference, workers: Array.from({ length: N }, () => worker(0)), employers: [employer] }));
    expect(issues.length).toBe(MAX_ISSUES + 1);
    expect(issues.at(-1)?.code).toBe("truncated");
    expect(issues.at(-1)?.received).toBe(String(N - 1 - MAX_ISSUES));
  });

  it("spreadsheet files with a broken row each time list MAX_ISSUES issues and how many more, whichever sheets they are", async () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    const broken = (header: string, row: (i: number) => string): Uint8Array => enc([header, ...Array.from({ length: 1_500 }, (_, i) => row(i))].join("\n"));
    const r = await loadSpreadsheets({
      workers: { name: "workers.csv", bytes: broken("id,language,trainingCentre,homeProvince,sswMonths,departure", (i) => `W${i},N4,"Sem"arang",Bali,0,`) },
      employers: { name: "employers.csv", bytes: enc("id,prefecture,field,slots,hourlyWage\n") },
      supportOrganisations: { name: "support-organisations.csv", bytes: broken("id,officers", (i) => `"R"SO${i}",1`) },
    });
    const issues = left(r);
    expect(issues.length).toBe(MAX_ISSUES + 1);
    expect(issues.at(-1)?.code).toBe("truncated");
    expect(issues.at(-1)?.received).toBe(String(3_000 - MAX_ISSUES));
  });

  it("a scenario with 200,000 bad field weights is rejected, not thrown", () => {
    const fieldMix = Object.fromEntries(Array.from({ length: N }, (_, i) => [`f${i}`, -1]));
    const scenario = { name: "s", seed: 1, cohort: { size: 10, fieldMix }, prefectures: [{ prefecture: "37", demand: [] }] };
    const issues = left(decodeScenario(scenario));
    expect(issues.length).toBe(MAX_ISSUES + 1);
  });
});

/** A value nested `depth` deep (arrays in arrays, or objects in objects), and a counter of the reads made on it. */
const counted = (depth: number, kind: "array" | "object"): { value: unknown; reads: () => number } => {
  let reads = 0;
  const handler: ProxyHandler<object> = {
    get: (target, key, receiver) => {
      reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
    ownKeys: (target) => {
      reads++;
      return Reflect.ownKeys(target);
    },
  };
  let value: object = kind === "array" ? [] : {};
  for (let i = 0; i < depth; i++) value = new Proxy(kind === "array" ? [value] : { a: value }, handler);
  return { value, reads: () => reads };
};

describe("deep and wide values", () => {
  for (const kind of ["array", "object"] as const) {
    it(`1,000 rows sharing a 17,000-deep ${kind} cost a bounded number of reads each`, () => {
      const deep = counted(17_000, kind);
      const input = { reference, workers: Array.from({ length: 1_000 }, (_, i) => ({ ...worker(i), id: deep.value })), employers: [employer] };
      const issues = left(decodeInstance(input));
      expect(issues).toHaveLength(1_000);
      expect(issues[0]?.received.length).toBeLessThanOrEqual(60);
      // Each issue renders at most 60 characters of the value: a few reads per character.
      expect(deep.reads()).toBeLessThan(1_000 * 500);
    });
  }

  it("a value 10,000 wide is shown by its first items only", () => {
    const wide = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
    // The same as JSON.stringify cut at 57 characters, without reading the rest.
    expect(show(wide)).toBe(`${JSON.stringify(wide).slice(0, 57)}...`);
    expect(show(Array.from({ length: 100_000 }, (_, i) => i)).length).toBe(60);
  });

  it("shows any JSON value as JSON.stringify does, cut at 60 characters", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const json = JSON.stringify(v);
        expect(show(v)).toBe(json.length > 60 ? `${json.slice(0, 57)}...` : json);
      }),
      fcOptions(500),
    );
  });

  it("shows non-finite numbers as they are, not as null", () => {
    expect(show(Number.NaN)).toBe("NaN");
    expect(show(Number.POSITIVE_INFINITY)).toBe("Infinity");
    expect(show([Number.NEGATIVE_INFINITY])).toBe("[-Infinity]");
    const issues = left(match({ workers: [], employers: [{ ...employer, slots: Number.NaN }] }));
    expect(formatIssues(issues)).toContain("got NaN");
  });
});
