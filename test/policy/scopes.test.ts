/**
 * `scopeFlows` (every scope's flow in one pass, what checkFlows and the
 * result read) against its definition: the flows summed over each scope's
 * arcs, found here by reading every arc of the model (not through
 * `scopeArcs`'s index), on random policy models with random flows and
 * random scopes (repeated classes included).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arcList, scopeArcs, scopeFlows, type AssignmentModel, type PolicyScope } from "../../src/model/types.js";
import { policyModels } from "../support/policyModels.js";
import { fcOptions } from "../support/seed.js";

/** The flow a scope counts, by its definition (an arc counted once per occurrence of its class; a pair once). */
const byDefinition = (model: AssignmentModel, scope: PolicyScope, flows: readonly number[]): number =>
  arcList(model.arcs).reduce((total, arc, a) => {
    const f = flows[a] ?? 0;
    if (scope.kind === "employers") return total + f * scope.classes.filter((j) => j === arc.to).length;
    if (scope.kind === "workers") return total + f * scope.classes.filter((c) => c === arc.from).length;
    return total + (arc.to === scope.employer && scope.workers.includes(arc.from) ? f : 0);
  }, 0);

const scopeArb = (model: AssignmentModel): fc.Arbitrary<PolicyScope> => {
  const employers = fc.array(fc.nat({ max: Math.max(0, model.employerClasses.length - 1) }), { maxLength: 5 });
  const workers = fc.array(fc.nat({ max: Math.max(0, model.workerClasses.length - 1) }), { maxLength: 5 });
  return fc.oneof(
    employers.map((classes): PolicyScope => ({ kind: "employers", classes })),
    workers.map((classes): PolicyScope => ({ kind: "workers", classes })),
    fc.record({ workers: fc.uniqueArray(fc.nat({ max: Math.max(0, model.workerClasses.length - 1) }), { maxLength: 5 }), employer: fc.nat({ max: Math.max(0, model.employerClasses.length - 1) }) }).map((s): PolicyScope => ({ kind: "pairs", ...s })),
  );
};

describe("the flow each policy scope counts", () => {
  it("scopeFlows and scopeArcs give the sum over the scope's arcs, as defined", () => {
    fc.assert(
      fc.property(
        policyModels({ maxWorkers: 6, maxEmployers: 5, maxSupply: 4, groups: false, tightness: 0 }).chain((model) =>
          fc.tuple(fc.constant(model), fc.array(fc.nat({ max: 3 }), { minLength: model.arcs.length, maxLength: model.arcs.length }), fc.array(scopeArb(model), { maxLength: 8 })),
        ),
        ([model, flows, scopes]) => {
          const expected = scopes.map((s) => byDefinition(model, s, flows));
          expect(scopeFlows(model, scopes, flows)).toEqual(expected);
          expect(scopes.map((s) => scopeArcs(model, s).reduce((t, a) => t + (flows[a] ?? 0), 0))).toEqual(expected);
        },
      ),
      fcOptions(200),
    );
  });
});
