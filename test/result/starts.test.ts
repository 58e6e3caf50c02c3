/**
 * Each placement's start, as the result gives it, is the start `slotStarts`
 * (../../src/result/starts.ts, the definition) deals that worker in the
 * result's plan: where every employer has one slot group (the result reads
 * its start per placement, with no array per worker), and where some have
 * several (the result deals them with `slotStarts`).
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { match, slotStarts } from "../../src/index.js";
import { generateInstance } from "../../src/generate/generate.js";
import { decodeInstance } from "../../src/input/decode.js";
import { fcOptions } from "../support/seed.js";

const STARTS = ["2026-04-01", "2026-06-01", "2026-10-01"];

describe("placement starts", () => {
  it("are the starts slotStarts deals, with one slot group per employer or several", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, several) => {
        const base = generateInstance({ seed: `starts-${seed}`, workers: 40, employers: 8 });
        const input = {
          ...base,
          employers: base.employers.map((e, i) => {
            const first = STARTS[i % STARTS.length] as string;
            const groups =
              several && e.slots >= 2 && i % 2 === 0
                ? [{ start: first, slots: 1 }, { start: "2026-12-01", slots: e.slots - 1 }]
                : [{ start: first, slots: e.slots }];
            return { ...e, slotGroups: groups };
          }),
        };
        const decoded = decodeInstance(input);
        if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left.slice(0, 2)));
        const r = match(input);
        if (E.isLeft(r)) throw new Error(JSON.stringify(r.left.slice(0, 2)));
        const instance = decoded.right;
        const workerIndex = new Map(instance.workers.map((w, i) => [w.id, i]));
        const employerIndex = new Map(instance.employers.map((e, i) => [e.id, i]));
        const placedAt = new Int32Array(instance.workers.length).fill(-1);
        for (const p of r.right.placements) placedAt[workerIndex.get(p.workerId) as number] = employerIndex.get(p.employerId) as number;
        const expected = slotStarts(instance, placedAt);
        for (const p of r.right.placements) expect(p.start).toBe(expected[workerIndex.get(p.workerId) as number]);
      }),
      fcOptions(15),
    );
  });
});
