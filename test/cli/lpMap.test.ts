/**
 * The map beside an exported LP: every variable and row named in the LP
 * file is in the map, and each placement variable's workers and employers
 * are checked against the eligibility rules and the score directly (not
 * against the model that produced them).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, it } from "vitest";
import type { LpMap } from "../../src/cli/lpMap.js";
import { generateInstance } from "../../src/generate/generate.js";
import { decodeInstance } from "../../src/input/decode.js";
import { isEligible } from "../../src/rules/eligibility.js";
import { score } from "../../src/rules/scoring.js";
import { jobmatch, removeBundle, tempDir } from "./run.js";

const dir = tempDir();
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeBundle();
});

describe("jobmatch export-lp --out model.lp", () => {
  it("writes model.map.json beside it, naming the worker and employer ids of every variable and row", async () => {
    const input = generateInstance({ seed: 11, workers: 80, employers: 9 });
    const instance = decodeInstance(input);
    if (E.isLeft(instance)) throw new Error("fixture does not decode");
    const { workers, employers, reference, weights } = instance.right;
    const file = join(dir, "instance.json");
    writeFileSync(file, JSON.stringify(input));
    const r = await jobmatch(["export-lp", file, "--out", join(dir, "model.lp")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("model.map.json");
    const lp = readFileSync(join(dir, "model.lp"), "utf8");
    const map = JSON.parse(readFileSync(join(dir, "model.map.json"), "utf8")) as LpMap;

    const general = lp.slice(lp.indexOf("General")).split(/\s+/).filter((n) => /^[xuvyz]\d/.test(n));
    for (const name of general) expect(map.variables[name], name).toBeDefined();
    const rowNames = [...lp.matchAll(/^ ([a-z]\w*):/gm)].map((m) => m[1] as string).filter((n) => n !== "obj");
    for (const name of rowNames) expect(map.rows[name], name).toBeDefined();

    const byId = <T extends { readonly id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));
    const w = byId(workers);
    const e = byId(employers);
    let checked = 0;
    for (const v of Object.values(map.variables)) {
      if (v.kind !== "placement") continue;
      for (const wid of v.workers) {
        for (const eid of v.employers) {
          const worker = w.get(wid);
          const employer = e.get(eid);
          expect(worker && employer, `${wid} ${eid}`).toBeTruthy();
          if (worker === undefined || employer === undefined) continue;
          expect(isEligible(worker, employer, reference), `${wid} at ${eid}`).toBe(true);
          expect(score(worker, employer, reference, weights).total, `${wid} at ${eid}`).toBe(v.score);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    // Every worker eligible somewhere sits in exactly one supply row.
    const inRows = Object.entries(map.rows).flatMap(([name, row]) => (name.startsWith("w") && "workers" in row ? row.workers : []));
    const eligibleSomewhere = workers.filter((x) => employers.some((y) => y.slots > 0 && isEligible(x, y, reference))).map((x) => x.id);
    expect([...inRows].sort()).toEqual([...eligibleSomewhere].sort());
  });
});
