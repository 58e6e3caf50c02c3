/**
 * Employers alike under a diversity limit, merged into one class
 * (src/policy/alike.ts), against the unmerged model as the oracle: the same
 * optimum (the flow engine on the unmerged model, and HiGHS reading it), and
 * placements that keep every employer within its own limit from each centre
 * (a soft limit: the per-employer excess, priced as the README defines it, is
 * what the merged model paid). The split among members against Gale's
 * condition by enumeration, and the buckets against the exactness condition
 * the module comment derives.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import type { Highs } from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { match } from "../../src/index.js";
import { solveModel } from "../../src/engine/select.js";
import { toLP } from "../../src/engine/lpFormat.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import { buildModel } from "../../src/model/build.js";
import { alikeBuckets, splitAmong } from "../../src/policy/alike.js";
import type { PolicyInput } from "../../src/policy/codecs.js";
import { fcOptions } from "../support/seed.js";
import { contested, legalCapacity, tinyInstanceArb, type TinyEmployer } from "../support/tiny.js";
import { lawful } from "../support/lawful.js";

let highs: Highs;
beforeAll(async () => {
  highs = await (await import("highs")).default();
});

const CENTRES = ["Bandung", "Medan", "Semarang"] as const;
const WORKERS = 10;

/** Tiny instances whose employers come in look-alikes: a few templates, each copied with its own slots and staff (so its own legal capacity and diversity limit). */
const alikeCase = fc
  .record({
    base: tinyInstanceArb(WORKERS, 2),
    copies: fc.array(fc.array(fc.record({ slots: fc.integer({ min: 0, max: 6 }), staff: fc.integer({ min: 0, max: 6 }) }), { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 2 }),
    // Two centres, or mostly one; many workers eligible nearly everywhere, so the limits bind.
    centres: fc.oneof(
      fc.array(fc.constantFrom(CENTRES[0], CENTRES[1]), { minLength: WORKERS, maxLength: WORKERS }),
      fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(CENTRES[0]) }, fc.constantFrom(...CENTRES)), { minLength: WORKERS, maxLength: WORKERS }),
    ),
    eager: fc.array(fc.boolean(), { minLength: WORKERS, maxLength: WORKERS }),
    diversity: fc.oneof(fc.record({ maxShare: fc.constantFrom(0, 0.2, 0.34, 0.5, 0.75, 1) }), fc.record({ maxCount: fc.integer({ min: 1, max: 3 }) })),
    diversityPenalty: fc.option(fc.constantFrom(0.5, 1, 2), { nil: undefined }),
    fairness: fc.option(fc.record({ minShare: fc.constantFrom(0.3, 0.6, 1), penalty: fc.option(fc.constantFrom(0.5, 1), { nil: undefined }) }), { nil: undefined }),
    quota: fc.option(fc.record({ min: fc.integer({ min: 0, max: 4 }), max: fc.option(fc.integer({ min: 2, max: 6 }), { nil: undefined }), penalty: fc.option(fc.constant(1), { nil: undefined }) }), { nil: undefined }),
    namedQuota: fc.boolean(),
  })
  .map(({ base, copies, centres, eager, diversity, diversityPenalty, fairness, quota, namedQuota }) => {
    const employers = base.employers.flatMap((e, k) =>
      (copies[k] ?? []).map((c, n) => {
        const staff = e.field === "nursing-care" ? { japaneseCareStaff: c.staff } : e.field === "construction" ? { fullTimeStaff: c.staff } : {};
        return { ...e, ...staff, id: `${e.id}-${n}`, slots: c.slots };
      }),
    );
    const policy: PolicyInput = {
      diversity: { ...diversity, ...(diversityPenalty === undefined ? {} : { penalty: diversityPenalty }) },
      ...(fairness === undefined ? {} : { fairness: [{ by: "trainingCentre" as const, minShare: fairness.minShare, ...(fairness.penalty === undefined ? {} : { penalty: fairness.penalty }) }] }),
      ...(quota === undefined && !namedQuota
        ? {}
        : {
            quotas: [
              ...(quota === undefined ? [] : [{ scope: "prefecture" as const, key: "37", min: quota.min, ...(quota.max === undefined ? {} : { max: Math.max(quota.min, quota.max) }), ...(quota.penalty === undefined ? {} : { penalty: quota.penalty }) }]),
              // An employer named by a quota keeps a class of its own.
              ...(namedQuota && employers.length > 0 ? [{ scope: "employer" as const, key: (employers[0] as TinyEmployer).id, max: 5 }] : []),
            ],
          }),
    };
    const input: InstanceInput = lawful({ ...base, workers: base.workers.map((w, i) => ({ ...(eager[i] === true ? contested(w) : w), trainingCentre: centres[i] as string })), employers, policy });
    return input;
  });

/** An employer's own limit from one centre, as the README defines it. */
const ownLimit = (policy: PolicyInput, e: TinyEmployer): number => {
  const d = policy.diversity ?? {};
  return Math.min(d.maxCount ?? Infinity, d.maxShare === undefined ? Infinity : Math.max(1, Math.floor(d.maxShare * e.slots)));
};

describe("employers alike under a diversity limit, merged", () => {
  it("give the unmerged model's optimum (flow engine and HiGHS), with every employer within its own limit from each centre", () => {
    let merged = 0;
    let soft = 0;
    fc.assert(
      fc.property(alikeCase, (input) => {
        const decoded = decodeInstance(input);
        if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left));
        const instance = decoded.right;
        const plain = buildModel(instance);
        const together = buildModel(instance, true);
        if (together.model.employerClasses.length < plain.model.employerClasses.length) merged++;

        // The oracle: the unmerged model, solved by the flow engine and by HiGHS.
        const expected = solveModel(plain.model, "auto", {});
        const answer = highs.solve(toLP(plain.model), { mip_rel_gap: 0 });
        const result = match(input);
        if (E.isLeft(result)) throw new Error(JSON.stringify(result.left));
        const r = result.right;
        if (expected.termination === "infeasible") {
          expect(answer.Status).toBe("Infeasible");
          expect(r.status).toBe("infeasible");
          return;
        }
        expect(expected.termination).toBe("optimal");
        expect(answer.Status).toBe("Optimal");
        expect(r.status).toBe("optimal");
        expect(Math.round(answer.ObjectiveValue)).toBe(expected.solution?.objective);
        expect(r.objective?.value).toBe(expected.solution?.objective);

        // Each employer against its own limit from each centre, from the placements.
        const policy = input.policy as PolicyInput;
        const centreOf = new Map(input.workers.map((w) => [w.id, w.trainingCentre]));
        const employerOf = new Map(input.employers.map((e) => [e.id, e]));
        const count = new Map<string, number>();
        for (const p of r.placements) {
          const key = `${p.employerId}\u0000${centreOf.get(p.workerId)}`;
          count.set(key, (count.get(key) ?? 0) + 1);
        }
        let over = 0;
        for (const [key, n] of count) {
          const e = employerOf.get(key.split("\u0000")[0] as string) as TinyEmployer;
          expect(n).toBeLessThanOrEqual(legalCapacity(e));
          over += Math.max(0, n - ownLimit(policy, e));
        }
        const paid = r.policy.filter((p) => p.source === "policy.diversity").reduce((s, p) => s + p.violation, 0);
        if (policy.diversity?.penalty === undefined) expect(over).toBe(0);
        else {
          // What the placements break is what the model paid for: no more (the objective is the optimum's).
          expect(over).toBe(paid);
          if (over > 0) soft++;
        }
      }),
      fcOptions(150),
    );
    // not vacuous: employers were merged, and soft limits were broken and paid for
    expect(merged).toBeGreaterThan(30);
    expect(soft).toBeGreaterThan(0);
  });

  it("give the same answer byte for byte whatever the order of the employer rows", () => {
    fc.assert(
      fc.property(alikeCase, fc.nat(), (input, turn) => {
        const n = input.employers.length;
        const turned = { ...input, employers: input.employers.map((_, i) => input.employers[(i + turn) % Math.max(1, n)] as TinyEmployer).reverse() };
        const a = match(input);
        const b = match(turned);
        if (E.isLeft(a) || E.isLeft(b)) throw new Error("rejected");
        const strip = (x: typeof a.right) => JSON.stringify({ ...x, timings: null });
        expect(strip(b.right)).toBe(strip(a.right));
      }),
      fcOptions(60),
    );
  });
});

describe("the split of a class among its members", () => {
  /** Gale's condition: every set of centres asks at most what the members can give it. */
  const feasible = (y: readonly number[], caps: readonly number[], capacities: readonly number[]): boolean => {
    for (let mask = 1; mask < 1 << y.length; mask++) {
      const m = y.filter((_, t) => (mask >> t) & 1);
      const ask = m.reduce((s, v) => s + v, 0);
      const give = caps.reduce((s, d, i) => s + Math.min(capacities[i] as number, m.length * d), 0);
      if (ask > give) return false;
    }
    return true;
  };

  it("finds a split within every member's limits exactly when Gale's condition holds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ cap: fc.integer({ min: 0, max: 4 }), capacity: fc.integer({ min: 0, max: 9 }) }), { minLength: 1, maxLength: 5 }),
        (y, members) => {
          const caps = members.map((m) => Math.min(m.cap, m.capacity));
          const capacities = members.map((m) => m.capacity);
          const x = splitAmong(y, caps, capacities);
          const k = caps.length;
          const D = caps.reduce((s, d) => s + d, 0);
          // Within the caps where it can: the part of each centre up to D, then the rest where capacity is left.
          const within = y.map((v) => Math.min(v, D));
          const total = y.reduce((s, v) => s + v, 0);
          const possible = feasible(within, caps, capacities) && total <= capacities.reduce((s, c) => s + c, 0);
          if (!possible) {
            expect(x).toBeNull();
            return;
          }
          expect(x).not.toBeNull();
          const split = x as Int32Array;
          y.forEach((v, t) => expect(Array.from({ length: k }, (_, i) => split[t * k + i] as number).reduce((s, a) => s + a, 0)).toBe(v));
          caps.forEach((_, i) => expect(y.reduce((s, _v, t) => s + (split[t * k + i] as number), 0)).toBeLessThanOrEqual(capacities[i] as number));
          // Over a member's cap only where its centre has more than D, and then in all by exactly that excess.
          y.forEach((v, t) => {
            const excess = Array.from({ length: k }, (_, i) => Math.max(0, (split[t * k + i] as number) - (caps[i] as number))).reduce((s, a) => s + a, 0);
            expect(excess).toBe(Math.max(0, v - D));
          });
        },
      ),
      fcOptions(400),
    );
  });

  it("buckets employers so that each bucket's limits hold exactly as a class's (f(m) = min(m D, sum L) for every m)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ capacity: fc.integer({ min: 0, max: 24 }), cap: fc.integer({ min: 1, max: 12 }) }), { minLength: 1, maxLength: 8 }), (list) => {
        const legal = list.map((m) => m.capacity);
        const caps = list.map((m) => Math.min(m.cap, m.capacity));
        const buckets = alikeBuckets(legal, caps, list.map((_, i) => i));
        expect(buckets.flatMap((b) => b.members).sort((a, b) => a - b)).toEqual(list.map((_, i) => i));
        for (const b of buckets) {
          const D = b.members.reduce((s, i) => s + (caps[i] as number), 0);
          const L = b.members.reduce((s, i) => s + (legal[i] as number), 0);
          for (let m = 1; m <= 26; m++) {
            const f = b.members.reduce((s, i) => s + Math.min(legal[i] as number, m * (caps[i] as number)), 0);
            expect(f).toBe(Math.min(m * D, L));
          }
        }
        // as few as the greedy cover gives: no two buckets whose ratios would fit one interval [k, k + 1]
        const ratios = buckets.map((b) => b.members.filter((i) => (legal[i] as number) > 0).map((i) => (legal[i] as number) / (caps[i] as number)));
        for (let a = 0; a + 1 < ratios.length; a++) {
          const lo = Math.min(...(ratios[a] as number[]));
          const next = Math.min(...(ratios[a + 1] as number[]));
          expect(next).toBeGreaterThan(Math.floor(lo) + 1);
        }
      }),
      fcOptions(400),
    );
  });
});
