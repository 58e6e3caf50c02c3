/**
 * The eligibility step of model building by its definition, for tests: every
 * (worker class, employer class) pair, through the classes' first members,
 * with `isEligible` and `score` called afresh on each pair (no memo, no
 * index by field, no compiled scorer). An arc where the employer class has
 * slots, its field is in the catalogue and no rule excludes the pair.
 */
import { findField } from "../../src/domain/fields.js";
import type { Employer, Instance, Worker } from "../../src/input/instance.js";
import type { Classes } from "../../src/model/build.js";
import type { ModelArc } from "../../src/model/types.js";
import { isEligible } from "../../src/rules/eligibility.js";
import { legalCapacities } from "../../src/rules/limits.js";
import { score } from "../../src/rules/scoring.js";

export const eligibleArcsByDefinition = (instance: Instance, classes: Classes): ModelArc[] => {
  const { reference, weights } = instance;
  const legal = legalCapacities(instance);
  const arcs: ModelArc[] = [];
  classes.workers.forEach((wc, c) => {
    const worker = instance.workers[wc.members[0] as number] as Worker;
    classes.employers.forEach((ec, j) => {
      const employer = instance.employers[ec.members[0] as number] as Employer;
      const slots = ec.members.reduce((s, i) => s + (instance.employers[i] as Employer).slots, 0);
      if (slots === 0 || findField(reference.catalogue, employer.field) === undefined || !isEligible(worker, employer, reference)) return;
      const capacity = ec.members.reduce((s, i) => s + (legal[i] as number), 0);
      arcs.push({ from: c, to: j, score: score(worker, employer, reference, weights).total, upper: Math.min(wc.members.length, capacity) });
    });
  });
  return arcs;
};
