/**
 * Saved plans: the hash (SHA-256 against node:crypto; independent of row and
 * property order), the file's round trip (explanations from the loaded plan
 * are those of the fresh result), the staleness notice, and a broken file's
 * issues, all at once.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeInstance, explainEmployer, explainWorker, formatIssues, match } from "../../src/index.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { canonicalJson, instanceHash, legacyInstanceHash } from "../../src/plan/canonical.js";
import { loadPlan, planToJson, savePlan, checkPlanInstance } from "../../src/plan/file.js";
import { sha256, sha256Lists } from "../../src/plan/sha256.js";
import { fcOptions } from "../support/seed.js";
import { tinyInstanceArb } from "../support/tiny.js";

const right = <A>(x: E.Either<unknown, A>): A => {
  if (E.isLeft(x)) throw new Error(`unexpected Left: ${JSON.stringify(x.left)}`);
  return x.right;
};

const pilot = JSON.parse(readFileSync("examples/data/kagawa-pilot.json", "utf8")) as InstanceInput;
let solved: ReturnType<typeof match> | undefined;
/** The pilot solved once for the file. */
const pilotResult = () => right((solved ??= match(pilot)));

describe("sha256", () => {
  it("agrees with node:crypto on any text, multi-byte characters included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        expect(sha256(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
      }),
      fcOptions(300),
    );
  });

  it("agrees with node:crypto on long text, across its scratch buffer's growth and every padding length", () => {
    const long = `${"ab\u20ac".repeat(40_000)}\ud83d\ude00`;
    for (const n of [0, 54, 55, 56, 63, 64, 65, 119, 120, 70_000, long.length]) {
      const s = long.slice(0, n);
      expect(sha256(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
    }
  });

  it("hashes a head and comma-joined lists as the joined text, whatever the lengths (sha256Lists)", () => {
    const hex = fc.stringMatching(/^[0-9a-f]{0,64}$/);
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.array(fc.array(hex, { maxLength: 40 }), { maxLength: 3 }), (head, lists) => {
        const joined = head + lists.map((l) => `\n${l.join(",")}`).join("");
        expect(sha256Lists(head, lists)).toBe(createHash("sha256").update(joined, "utf8").digest("hex"));
      }),
      fcOptions(300),
    );
    // Past the scratch buffer's size, which it then grows keeping what it holds.
    const many = Array.from({ length: 5_000 }, (_, i) => createHash("sha256").update(String(i)).digest("hex"));
    const head = "\u20ac".repeat(30_000);
    expect(sha256Lists(head, [many, many.slice(7)])).toBe(createHash("sha256").update(`${head}\n${many.join(",")}\n${many.slice(7).join(",")}`, "utf8").digest("hex"));
  });
});

describe("instanceHash", () => {
  it("does not depend on the order of rows or properties, and changes with the content", () => {
    fc.assert(
      fc.property(tinyInstanceArb(6, 4), fc.integer(), (input, seed) => {
        const reversed = {
          reference: input.reference,
          employers: [...input.employers].reverse().map((e) => Object.fromEntries(Object.entries(e).reverse())),
          workers: [...input.workers].sort(() => (seed % 2 === 0 ? 1 : -1)),
        };
        const a = instanceHash(right(decodeInstance(input)));
        expect(instanceHash(right(decodeInstance(reversed)))).toBe(a);
        if (input.employers.length > 0) {
          const changed = { ...input, employers: input.employers.map((e, i) => (i === 0 ? { ...e, slots: e.slots + 1 } : e)) };
          expect(instanceHash(right(decodeInstance(changed)))).not.toBe(a);
        }
      }),
      fcOptions(100),
    );
  });

  it("hashes rows it remembers as it hashes them fresh: an instance sharing rows with a hashed one gets the hash of its own fresh decoding", () => {
    fc.assert(
      fc.property(tinyInstanceArb(6, 4), fc.nat(), (input, pick) => {
        const first = right(decodeInstance(input));
        instanceHash(first);
        // The same decoded rows, one worker and one employer replaced by a changed decoding (as re-planning shares rows).
        const w = input.workers.length === 0 ? -1 : pick % input.workers.length;
        const e = input.employers.length === 0 ? -1 : pick % input.employers.length;
        const changedInput = {
          ...input,
          workers: input.workers.map((x, i) => (i === w ? { ...x, homeProvince: `${x.homeProvince} (moved)` } : x)),
          employers: input.employers.map((x, i) => (i === e ? { ...x, hourlyWage: x.hourlyWage + 50 } : x)),
        };
        const fresh = right(decodeInstance(changedInput));
        const byId = new Map([...first.workers, ...first.employers].map((x) => [x.id, x] as const));
        const shared = {
          ...fresh,
          workers: fresh.workers.map((x) => (canonicalJson(x) === canonicalJson(byId.get(x.id)) ? (byId.get(x.id) as typeof x) : x)),
          employers: fresh.employers.map((x) => (canonicalJson(x) === canonicalJson(byId.get(x.id)) ? (byId.get(x.id) as typeof x) : x)),
        };
        expect(instanceHash(shared)).toBe(instanceHash(right(decodeInstance(changedInput))));
        expect(instanceHash(first) === instanceHash(fresh)).toBe(canonicalJson(first) === canonicalJson(fresh));
      }),
      fcOptions(100),
    );
  });
});

describe("a saved plan", () => {
  const result = pilotResult();
  const plan = right(savePlan(pilot, result));
  const text = planToJson(plan);

  it("loads back as the result without its timings, and explains as the fresh result does", () => {
    const loaded = right(loadPlan(JSON.parse(text)));
    expect(loaded.stale).toBeNull();
    const { timings: _a, ...fresh } = result;
    const { timings: _b, ...back } = loaded.result;
    expect(back).toEqual(fresh);
    const instance = right(decodeInstance(pilot));
    for (const id of ["W0001", "W0002", result.unplaced[0]!.workerId]) {
      expect(explainWorker(loaded.instance, loaded.result, id)).toEqual(explainWorker(instance, result, id));
    }
    const employer = result.employers[0]!.employerId;
    expect(explainEmployer(loaded.instance, loaded.result, employer)).toEqual(explainEmployer(instance, result, employer));
    expect(planToJson(loaded.plan)).toBe(text);
  });

  it("says so when its instance no longer matches, and when another instance is not its own", () => {
    const edited = JSON.parse(text) as { instance: InstanceInput };
    edited.instance = { ...edited.instance, weights: { fieldPreference: 4, prefecturePreference: 2, preferredSkills: 2, languageAboveRequirement: 1, wageAboveMinimum: 1 } };
    // Default weights written out: the same decoded instance, the same hash.
    expect(right(loadPlan(edited)).stale).toBeNull();
    const workers = edited.instance.workers.map((w) => (w.id === "W0001" ? { ...w, homeProvince: "Bali" } : w));
    const stale = right(loadPlan({ ...edited, instance: { ...edited.instance, workers } }));
    expect(stale.stale).toMatch(/no longer matches/);
    expect(right(checkPlanInstance(plan, pilot))).toBeNull();
    expect(right(checkPlanInstance(plan, { ...pilot, workers }))).toMatch(/no longer matches/);
  });

  it("keeps a frozen copy of its instance and leaves the caller's input as it was", () => {
    const input = JSON.parse(JSON.stringify(pilot)) as InstanceInput;
    const saved = right(savePlan(input, result));
    expect(Object.isFrozen(input) || Object.isFrozen(input.workers[0])).toBe(false);
    expect(saved.instance).toEqual(input);
    const own = saved.instance as InstanceInput;
    expect(Object.isFrozen(own) && Object.isFrozen(own.workers) && Object.isFrozen(own.workers[0]) && Object.isFrozen(own.workers[0]!.language)).toBe(true);
  });

  it("checks a plan saved with the whole-instance hash of before in that scheme", () => {
    const instance = right(decodeInstance(pilot));
    expect(plan.instanceHash.startsWith("sha256-rows:")).toBe(true);
    const legacy = { ...(JSON.parse(text) as object), instanceHash: legacyInstanceHash(instance) };
    expect(legacyInstanceHash(instance)).toBe(`sha256:${createHash("sha256").update(canonicalJson(instance), "utf8").digest("hex")}`);
    const loaded = right(loadPlan(legacy));
    expect(loaded.stale).toBeNull();
    expect(loaded.hash).toBe(legacy.instanceHash);
    const workers = pilot.workers.map((w) => (w.id === "W0001" ? { ...w, homeProvince: "Bali" } : w));
    expect(right(checkPlanInstance(loaded.plan, { ...pilot, workers }))).toMatch(/no longer matches/);
  });

  it("reports every problem of a broken file at once, located", () => {
    const broken = JSON.parse(text) as Record<string, unknown> & { result: { placements: unknown[] } };
    broken.version = 2;
    broken.result.placements[3] = { workerId: 7, employerId: "E", score: 1, points: {} };
    delete (broken as { instanceHash?: unknown }).instanceHash;
    const issues = loadPlan(broken);
    expect(E.isLeft(issues)).toBe(true);
    const text2 = formatIssues(E.isLeft(issues) ? issues.left : []);
    expect(text2).toContain("version: expected version 1");
    expect(text2).toContain("result.placements[3].workerId: expected string, got 7");
    expect(text2).toContain("instanceHash: missing");
  });

  it("refuses a result that is not of its instance", () => {
    const other = { ...pilot, workers: pilot.workers.slice(1) };
    const saved = savePlan(other, result);
    expect(E.isLeft(saved) && saved.left[0]?.path).toBe("result");
  });
});

describe("jobmatch explain on a saved plan", () => {
  it("explains the plan as saved, not a fresh solve: two placements swapped in the file are what it explains", async () => {
    const { run } = await import("../../src/cli/program.js");
    const { isEligible, score } = await import("../../src/index.js");
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const instance = right(decodeInstance(pilot));
    const result = pilotResult();
    const byId = new Map(instance.workers.map((w) => [w.id, w]));
    const employers = new Map(instance.employers.map((e) => [e.id, e]));
    const s = (w: string, e: string): number => score(byId.get(w)!, employers.get(e)!, instance.reference, instance.weights).total;
    // Two placed workers who could swap employers at no cost to the total score.
    const ps = result.placements;
    let pair: [number, number] | null = null;
    for (let i = 0; i < ps.length && pair === null; i++) {
      for (let j = i + 1; j < ps.length; j++) {
        const a = ps[i]!;
        const b = ps[j]!;
        if (a.employerId === b.employerId || !isEligible(byId.get(a.workerId)!, employers.get(b.employerId)!, instance.reference) || !isEligible(byId.get(b.workerId)!, employers.get(a.employerId)!, instance.reference)) continue;
        if (s(a.workerId, b.employerId) + s(b.workerId, a.employerId) === a.score + b.score) {
          pair = [i, j];
          break;
        }
      }
    }
    expect(pair).not.toBeNull();
    const [i, j] = pair!;
    const a = ps[i]!;
    const b = ps[j]!;
    const swapped = [...ps];
    const at = (w: string, e: string) => {
      const x = score(byId.get(w)!, employers.get(e)!, instance.reference, instance.weights);
      return { workerId: w, employerId: e, start: instance.reference.placement.start, score: x.total, points: x.points };
    };
    swapped[i] = at(a.workerId, b.employerId);
    swapped[j] = at(b.workerId, a.employerId);
    const plan = right(savePlan(pilot, { ...result, placements: swapped }));
    const dir = mkdtempSync(join(tmpdir(), "jobmatch-plan-"));
    try {
      writeFileSync(join(dir, "plan.json"), planToJson(plan));
      let stdout = "";
      let stderr = "";
      const code = await run(["explain", join(dir, "plan.json"), "--worker", a.workerId], {
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        readStdin: async () => "",
      });
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(stdout).toContain(`${a.workerId} is placed at ${b.employerId}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
