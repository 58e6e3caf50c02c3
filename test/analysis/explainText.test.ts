/**
 * The text explanations say every step (issue #14, "Also found"):
 * - every employer that would score higher than where a worker was placed
 *   gets its reason in the text (the set of higher-scoring employers comes
 *   from the rules directly, not from the explanation);
 * - a move the policy rules out names the whole chain (who is pushed where)
 *   before the constraint it would break, so "would break the cap at E051"
 *   is never said of a move to E020 without saying why E051;
 * - a worker of an infeasible plan is told it was proved infeasible, and
 *   pointed at the diagnosis, never "a better plan may exist".
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { explainWorker } from "../../src/analysis/explain.js";
import { formatDiagnosis, formatWorkerExplanation } from "../../src/analysis/format.js";
import { generateInstance } from "../../src/generate/generate.js";
import { decodeInstance } from "../../src/input/decode.js";
import { match } from "../../src/match.js";
import { isEligible } from "../../src/rules/eligibility.js";
import { score } from "../../src/rules/scoring.js";

const solved = (input: unknown) => {
  const instance = decodeInstance(input);
  const result = match(input);
  if (E.isLeft(instance) || E.isLeft(result)) throw new Error("fixture does not solve");
  return { instance: instance.right, result: result.right };
};

describe("text explanations", () => {
  it("give every higher-scoring employer of a placed worker its reason", () => {
    const { instance, result } = solved(generateInstance({ seed: 8, workers: 150, employers: 14 }));
    let checked = 0;
    for (const p of result.placements) {
      const worker = instance.workers.find((w) => w.id === p.workerId);
      if (worker === undefined) continue;
      const higher = instance.employers.filter((e) => e.slots > 0 && e.id !== p.employerId && isEligible(worker, e, instance.reference) && score(worker, e, instance.reference, instance.weights).total > p.score);
      const x = explainWorker(instance, result, p.workerId);
      if (E.isLeft(x)) throw new Error(x.left);
      const text = formatWorkerExplanation(x.right);
      const reasons = text.split("Also accept them")[0] ?? "";
      for (const e of higher) {
        // named with a reason: a move there and what it would do
        expect(reasons, `${p.workerId}: ${e.id}`).toMatch(new RegExp(`(${e.id} .*would|moving ${p.workerId} to ${e.id})`));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("name the chain of a move the policy rules out before the constraint it breaks", () => {
    const pilot = JSON.parse(readFileSync(new URL("../../examples/data/kagawa-pilot.json", import.meta.url), "utf8")) as Record<string, unknown>;
    const policy = JSON.parse(readFileSync(new URL("../../examples/data/kagawa-policy.json", import.meta.url), "utf8")) as unknown;
    const { instance, result } = solved({ ...pilot, policy });
    let found = 0;
    for (const p of result.placements.slice(0, 600)) {
      const x = explainWorker(instance, result, p.workerId);
      if (E.isLeft(x) || x.right.kind !== "placed") continue;
      const text = formatWorkerExplanation(x.right);
      for (const b of x.right.blocked) {
        const d = b.displaced;
        const line = text.split("\n").find((l) => l.trimStart().startsWith(`${b.employerId} (score ${b.score}`)) ?? "";
        expect(line, `${p.workerId} at ${b.employerId}`).toContain(`moving ${p.workerId} to ${b.employerId}`);
        if (d !== null) expect(line).toContain(`push out ${d.workerId}`);
        if (d?.movesTo !== undefined && d.movesTo !== null) expect(line).toContain(`could move to ${d.movesTo.employerId}`);
        for (const h of b.breaches.filter((y) => y.hard)) expect(line).toContain(h.text);
        found++;
      }
      if (found > 20) break;
    }
    expect(found).toBeGreaterThan(0);
  });

  it("tell a worker of an infeasible plan that it was proved infeasible, with the diagnosis", () => {
    const input = { ...generateInstance({ seed: 3, workers: 60, employers: 6 }), policy: { quotas: [{ scope: "sector", key: "caregiving", min: 10_000 }] } };
    const { instance, result } = solved(input);
    expect(result.status).toBe("infeasible");
    const x = explainWorker(instance, result, instance.workers[0]?.id ?? "");
    if (E.isLeft(x)) throw new Error(x.left);
    const text = formatWorkerExplanation(x.right);
    expect(text).toContain("proved infeasible");
    expect(text).toContain("diagnosis");
    expect(text).not.toContain("a better plan may exist");
    if (result.diagnosis === null) throw new Error("no diagnosis");
    expect(formatDiagnosis(result.diagnosis)).toMatch(/^Why no plan meets the policy: the smallest change relaxes \d+ units?:\n  - sector caregiving/);
  });
});
