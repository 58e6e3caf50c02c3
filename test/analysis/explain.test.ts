/**
 * Explanations agree with the result they explain, on tiny instances checked
 * against the oracle of test/support/tiny.ts (eligibility and score written
 * out again from the rule tables), and on general instances against the
 * library's own score(). Exchanges are replayed on the oracle: the assignment
 * they describe is feasible and changes placements and score as they say.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explainEmployer, explainWorker } from "../../src/analysis/explain.js";
import type { Exchange } from "../../src/analysis/exchange.js";
import { formatEmployerExplanation, formatWorkerExplanation } from "../../src/analysis/format.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { Instance } from "../../src/input/instance.js";
import { match } from "../../src/match.js";
import type { MatchResult } from "../../src/result/types.js";
import { exclusions, isEligible, RULES } from "../../src/rules/eligibility.js";
import { score } from "../../src/rules/scoring.js";
import { instanceArbitrary } from "../support/input-arbitraries.js";
import { fcOptions } from "../support/seed.js";
import { contested, legalCapacity, oracleEligible, oracleScore, tinyInstanceArb, type TinyEmployer, type TinyWorker } from "../support/tiny.js";

const solved = (input: InstanceInput): { instance: Instance; result: MatchResult } => {
  const instance = decodeInstance(input);
  const result = match(input);
  if (E.isLeft(instance) || E.isLeft(result)) throw new Error(`generated instance rejected: ${JSON.stringify(input)}`);
  return { instance: instance.right, result: result.right };
};

const right = <A>(x: E.Either<string, A>): A => {
  if (E.isLeft(x)) throw new Error(x.left);
  return x.right;
};

/** Replays an exchange on the oracle: returns the change in (placed, total score) it really makes, and whether it passes an employer's legal cap. */
const replay = (input: InstanceInput, result: MatchResult, workerId: string, x: Exchange): { placements: number; scoreChange: number; overCap: boolean } => {
  const at = new Map(result.placements.map((p) => [p.workerId, p.employerId]));
  const before = new Map(at);
  at.set(workerId, x.employerId);
  if (x.displaced !== null) {
    if (x.displaced.movesTo === null) at.delete(x.displaced.workerId);
    else at.set(x.displaced.workerId, x.displaced.movesTo.employerId);
  }
  const workers = new Map(input.workers.map((w) => [w.id, w]));
  const employers = new Map(input.employers.map((e) => [e.id, e]));
  const total = (m: Map<string, string>): number => {
    const used = new Map<string, number>();
    let sum = 0;
    for (const [w, e] of m) {
      const worker = workers.get(w) as TinyWorker;
      const employer = employers.get(e) as TinyEmployer;
      expect(oracleEligible(worker, employer)).toBe(true);
      used.set(e, (used.get(e) ?? 0) + 1);
      expect(used.get(e)).toBeLessThanOrEqual(employer.slots);
      sum += oracleScore(worker, employer);
    }
    return sum;
  };
  const count = new Map<string, number>();
  for (const e of at.values()) count.set(e, (count.get(e) ?? 0) + 1);
  const overCap = [...count.entries()].some(([e, n]) => n > legalCapacity(employers.get(e) as TinyEmployer));
  return { placements: at.size - before.size, scoreChange: total(at) - total(before), overCap };
};

/** Tiny instances where some workers meet nearly every rule, so slots are contested. */
const contestedArb = fc.tuple(tinyInstanceArb(8, 3), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 })).map(([input, boost]) => ({
  ...input,
  workers: input.workers.map((w, i) => (boost[i] === true ? contested(w) : w)),
}));

/** Counts the cases a property met, so a property cannot pass by never meeting one. */
const seen = new Map<string, number>();
const saw = (kind: string): void => void seen.set(kind, (seen.get(kind) ?? 0) + 1);

const notBetter = (x: Exchange): boolean => x.placements < 0 || (x.placements === 0 && x.scoreChange <= 0);

describe("explainWorker", () => {
  it("agrees with the result and the oracle on tiny instances, and its exchanges replay as stated", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 1, arbitrary: tinyInstanceArb(6, 3) }, { weight: 3, arbitrary: contestedArb }), (input) => {
        const { instance, result } = solved(input);
        const employers = new Map(input.employers.map((e) => [e.id, e]));
        const filled = (id: string): number => result.placements.filter((p) => p.employerId === id).length;
        for (const w of input.workers) {
          const x = right(explainWorker(instance, result, w.id));
          const accepting = input.employers.filter((e) => e.slots > 0 && oracleEligible(w, e));
          const placement = result.placements.find((p) => p.workerId === w.id);
          expect(x.caveat).toBeNull();
          saw(x.kind === "placed" && x.exchange !== null ? "placed, better employer full" : x.kind);
          if (x.kind === "placed") {
            expect(x.employerId).toBe(placement?.employerId);
            expect(x.breakdown.reduce((s, b) => s + b.weighted, 0)).toBe(placement?.score);
            expect(x.alternatives.map((a) => a.employerId).sort()).toEqual(accepting.filter((e) => e.id !== x.employerId).map((e) => e.id).sort());
            for (const a of x.alternatives) {
              expect(a.score).toBe(oracleScore(w, employers.get(a.employerId) as TinyEmployer));
              expect(a.filled).toBe(filled(a.employerId));
              expect(a.freeSlots).toBe(a.slots - a.filled);
            }
            const best = Math.max(-1, ...x.alternatives.map((a) => a.score));
            expect(x.exchange === null).toBe(best <= x.score);
          } else {
            expect(placement).toBeUndefined();
            expect(x.kind).toBe(result.unplaced.find((u) => u.workerId === w.id)?.reason.kind);
          }
          if (x.kind === "eligible-slots-taken") {
            expect(x.eligible.map((a) => a.employerId).sort()).toEqual(accepting.map((e) => e.id).sort());
            // optimal: every accepting employer is full, or at its legal cap (its staff figure: the law)
            for (const a of x.eligible) expect(a.filled).toBe(legalCapacity(employers.get(a.employerId) as TinyEmployer));
            expect(x.exchange).not.toBeNull();
          }
          if ((x.kind === "placed" || x.kind === "eligible-slots-taken") && x.exchange !== null) {
            // Optimal: an exchange that breaks no legal cap is no better; one that names a legal cap really passes it.
            const law = x.exchange.breaches.some((b) => b.hard && b.source.startsWith("law."));
            if (law) saw("exchange breaks a legal cap");
            else expect(notBetter(x.exchange)).toBe(true);
            expect(replay(input, result, w.id, x.exchange)).toEqual({ placements: x.exchange.placements, scoreChange: x.exchange.scoreChange, overCap: law });
          }
          if (x.kind === "no-eligible-slot") {
            expect(accepting).toEqual([]);
            const open = instance.employers.filter((e) => e.slots > 0);
            const worker = instance.workers.find((v) => v.id === w.id)!;
            for (const rule of RULES) {
              const n = open.filter((e) => exclusions(worker, e, instance.reference).some((r) => r.rule === rule)).length;
              expect(x.excludedBy.find((t) => t.rule === rule)?.count ?? 0).toBe(n);
            }
            const fewest = Math.min(...open.map((e) => exclusions(worker, e, instance.reference).length));
            for (const m of x.nearestMisses) expect(m.excludedBy.length).toBe(fewest);
            const text = formatWorkerExplanation(x);
            for (const t of x.excludedBy) expect(text).toContain(t.words);
          }
        }
      }),
      fcOptions(250),
    );
    for (const kind of ["placed", "placed, better employer full", "no-eligible-slot", "eligible-slots-taken", "exchange breaks a legal cap"]) expect(seen.get(kind) ?? 0).toBeGreaterThan(0);
  });

  it("scores alternatives with score() and adds up on general instances (weights, job categories, overrides)", () => {
    fc.assert(
      fc.property(instanceArbitrary({ maxWorkers: 6, maxEmployers: 5 }), (input) => {
        const { instance, result } = solved(input);
        for (const w of instance.workers) {
          const x = right(explainWorker(instance, result, w.id));
          expect(formatWorkerExplanation(x)).toContain(w.id);
          if (x.kind !== "placed") continue;
          expect(x.breakdown.reduce((s, b) => s + b.weighted, 0)).toBe(x.score);
          for (const b of x.breakdown) expect(b.weighted).toBe(b.points * b.weight);
          for (const a of x.alternatives) {
            const e = instance.employers.find((v) => v.id === a.employerId)!;
            expect(isEligible(w, e, instance.reference)).toBe(true);
            expect(a.score).toBe(score(w, e, instance.reference, instance.weights).total);
          }
          if (x.exchange !== null && result.status === "optimal") expect(notBetter(x.exchange)).toBe(true);
        }
      }),
      fcOptions(100),
    );
  });

  it("is a Left, never a throw, for an unknown id or a result of another instance", () => {
    fc.assert(
      fc.property(tinyInstanceArb(4, 3), tinyInstanceArb(4, 3), (a, b) => {
        const one = solved(a);
        const other = solved(b);
        expect(E.isLeft(explainWorker(one.instance, one.result, "nobody"))).toBe(true);
        expect(E.isLeft(explainEmployer(one.instance, one.result, "nowhere"))).toBe(true);
        for (const w of a.workers) explainWorker(one.instance, other.result, w.id);
        for (const e of a.employers) explainEmployer(one.instance, other.result, e.id);
      }),
      fcOptions(60),
    );
  });
});

describe("explainEmployer", () => {
  it("agrees with the result and the oracle on tiny instances", () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 1, arbitrary: tinyInstanceArb(6, 3) }, { weight: 3, arbitrary: contestedArb }), (input) => {
        const { instance, result } = solved(input);
        for (const e of instance.employers) {
          const x = right(explainEmployer(instance, result, e.id));
          const here = result.placements.filter((p) => p.employerId === e.id);
          expect(x.placed).toEqual(here.map((p) => ({ workerId: p.workerId, score: p.score })));
          expect(x.filled).toBe(result.employers.find((o) => o.employerId === e.id)?.filled);
          expect(x.empty === null).toBe(x.filled === x.slots);
          saw(`employer ${x.empty?.kind ?? "full"}${x.empty?.kind === "no-eligible-worker" && x.empty.binding !== null ? ", binding" : ""}`);
          const tiny = input.employers.find((v) => v.id === e.id)!;
          const eligible = input.workers.filter((w) => oracleEligible(w, tiny) && !here.some((p) => p.workerId === w.id));
          if (x.empty?.kind === "no-eligible-worker") {
            expect(eligible).toEqual([]);
            // binding: the rule that alone excludes the most workers
            const others = instance.workers.filter((w) => !here.some((p) => p.workerId === w.id));
            expect(x.empty.workers).toBe(others.length);
            const alone = RULES.map((rule) => others.filter((w) => {
              const xs = exclusions(w, e, instance.reference);
              return xs.length === 1 && xs[0]?.rule === rule;
            }).length);
            const most = Math.max(...alone);
            expect(x.empty.binding?.workers ?? 0).toBe(most);
            if (x.empty.binding !== null) expect(alone[RULES.indexOf(x.empty.binding.rule)]).toBe(most);
            const text = formatEmployerExplanation(x);
            for (const t of x.empty.excludedBy) expect(text).toContain(t.words);
          }
          if (x.empty?.kind === "eligible-workers-placed-elsewhere") {
            expect(x.empty.eligible.map((w) => w.workerId).sort()).toEqual(eligible.map((w) => w.id).sort());
            const atCap = x.filled >= legalCapacity(tiny);
            if (atCap) saw("employer at its legal cap");
            // at the legal cap the cap is named among the limits reached there
            expect(x.empty.reached.some((r) => r.source.startsWith("law."))).toBe(atCap);
            for (const w of x.empty.eligible) {
              // optimal: an eligible worker left unplaced next to an empty slot below the cap would be one placement lost
              if (!atCap) expect(w.placedAt).not.toBeNull();
              expect(w.placedAt).not.toBe(e.id);
              expect(w.scoreHere).toBe(oracleScore(input.workers.find((v) => v.id === w.workerId)!, tiny));
            }
          }
        }
      }),
      fcOptions(250),
    );
    for (const kind of ["employer full", "employer no-eligible-worker", "employer no-eligible-worker, binding", "employer eligible-workers-placed-elsewhere", "employer at its legal cap"]) {
      expect(seen.get(kind) ?? 0).toBeGreaterThan(0);
    }
  });
});
