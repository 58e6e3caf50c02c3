/**
 * Legal limits on how many workers an employer (or a support organisation)
 * may take: always on, always hard, whatever the `policy` section says. Each
 * becomes a model constraint like a policy's (../model/types.ts,
 * PolicyConstraint) marked `law`, so the engines enforce it, the result
 * lists it, explanations name it ("would break legal cap at E062 ...") and
 * the diagnosis of an infeasible plan never relaxes it.
 *
 * | source                     | at most                                                                                   |
 * |----------------------------|-------------------------------------------------------------------------------------------|
 * | law.care-staff-cap         | nursing care: the establishment's Japanese etc. full-time care staff, less SSW (i) workers already employed |
 * | law.construction-staff-cap | construction: the full-time staff (technical interns and SSW workers not counted), less SSW (i) workers already employed |
 * | law.acceptance-plan        | construction: the approved acceptance plan's headcount                                   |
 * | law.housing                | provided housing: its beds, and its living space at 7.5 m2 a person; former technical interns of the employer staying in their dormitory (4.5 m2, already theirs) do not count |
 * | law.support-capacity       | a registered support organisation, when the period reaches 2027-04-01: 50 workers per officer, less those it supports elsewhere, over all its employers |
 *
 * A limit is compiled only where it is below what could arrive anyway (the
 * employer's slots, the organisation's employers' slots).
 */
import { findField } from "../domain/fields.js";
import { HOUSING_AREA_PER_PERSON_M2, SUPPORT_LIMITS, supportLimitsApply } from "../domain/law.js";
import type { Employer, Instance, Worker } from "../input/instance.js";
import type { PolicyConstraint } from "../model/types.js";

/** The classes a compiled constraint refers to (as ../policy/compile.ts has them). */
export interface LimitClasses {
  readonly workers: readonly { readonly members: readonly number[] }[];
  readonly employers: readonly { readonly members: readonly number[] }[];
}

/** A per-employer limit before it becomes a constraint. */
export interface EmployerLimit {
  readonly source: string;
  readonly max: number;
  readonly label: string;
  /** Former interns of the employer do not count (housing). */
  readonly exceptFormerInterns: boolean;
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? "" : "s"}`;

const less = (e: Employer): string => (e.sswEmployed > 0 ? `, less ${e.sswEmployed} SSW (i) already employed` : "");

/** The legal limits on one employer, each below its slots. */
export const employerLimits = (e: Employer, instance: Instance): EmployerLimit[] => {
  const field = findField(instance.reference.catalogue, e.field);
  if (field === undefined || e.slots === 0) return [];
  const out: EmployerLimit[] = [];
  const add = (source: string, max: number, label: string, exceptFormerInterns = false): void => {
    const capped = Math.max(0, max);
    if (capped < e.slots) out.push({ source, max: capped, label, exceptFormerInterns });
  };
  if (field.headcountCap === "japanese-care-staff") {
    const staff = e.japaneseCareStaff ?? 0;
    add("law.care-staff-cap", staff - e.sswEmployed, `legal cap at ${e.id}: at most ${plural(Math.max(0, staff - e.sswEmployed), "SSW worker")} (Japanese etc. full-time care staff ${staff}${less(e)})`);
  }
  if (field.headcountCap === "full-time-staff") {
    const staff = e.fullTimeStaff ?? 0;
    add("law.construction-staff-cap", staff - e.sswEmployed, `legal cap at ${e.id}: at most ${plural(Math.max(0, staff - e.sswEmployed), "SSW worker")} (full-time staff ${staff}${less(e)})`);
  }
  const plan = e.declarations.acceptancePlan;
  if (field.prerequisites.includes("acceptancePlan") && plan !== undefined && plan.approved) {
    add("law.acceptance-plan", plan.headcount, `acceptance plan of ${e.id}: at most ${plural(plan.headcount, "SSW worker")} (approved headcount ${plan.headcount})`);
  }
  if (e.housing !== "private") {
    const bySpace = Math.floor(e.housing.areaM2 / HOUSING_AREA_PER_PERSON_M2.value);
    const max = Math.min(e.housing.beds, bySpace);
    add(
      "law.housing",
      max,
      `housing at ${e.id}: at most ${plural(max, "worker")} (${plural(e.housing.beds, "bed")}, ${e.housing.areaM2} m2 at ${HOUSING_AREA_PER_PERSON_M2.value} m2 each)`,
      true,
    );
  }
  return out;
};

/** What the limits need the classes to keep apart. */
export interface LimitSplits {
  /** Employers with a limit of their own need a class of their own. */
  readonly ownClass: (e: Employer) => boolean;
  /** Support capacities count employers by organisation. */
  readonly bySupport: boolean;
  /** Housing exempts former interns of the employer: workers split by where they interned. */
  readonly byFormerIntern: boolean;
}

/** A support organisation's legal capacity over all its employers (`law.support-capacity`). */
export interface SupportCapacity {
  readonly id: string;
  readonly max: number;
  readonly label: string;
}

/** The support organisations whose capacity is a constraint: the period reaches the date, and the capacity is below their employers' slots. */
export const supportCapacities = (instance: Instance): SupportCapacity[] => {
  const { placement, supportOrganisations } = instance.reference;
  if (!supportLimitsApply(placement)) return [];
  const { workersPerOfficer, from } = SUPPORT_LIMITS.value;
  return [...supportOrganisations.values()].flatMap((o) => {
    const slots = instance.employers.filter((e) => e.support === o.id).reduce((s, e) => s + e.slots, 0);
    const max = Math.max(0, o.officers * workersPerOfficer - o.workers);
    if (max >= slots) return [];
    const elsewhere = o.workers > 0 ? `, less ${o.workers} supported elsewhere` : "";
    return [{ id: o.id, max, label: `support capacity of ${o.id}: at most ${plural(max, "worker")} from ${from} (${plural(o.officers, "officer")} x ${workersPerOfficer}${elsewhere})` }];
  });
};

export const limitSplits = (instance: Instance): LimitSplits => {
  const limited = new Set(instance.employers.filter((e) => employerLimits(e, instance).length > 0).map((e) => e.id));
  const housed = instance.employers.some((e) => employerLimits(e, instance).some((l) => l.exceptFormerInterns));
  return {
    ownClass: (e) => limited.has(e.id),
    bySupport: supportCapacities(instance).length > 0,
    byFormerIntern: housed && instance.workers.some((w) => w.formerInternAt !== null),
  };
};

/** The legal limits as hard model constraints (marked `law`), employers in id order, then organisations. */
export const compileLimits = (instance: Instance, classes: LimitClasses): PolicyConstraint[] => {
  const { employers, workers } = instance;
  const classOf = new Map<string, number>();
  classes.employers.forEach((g, j) => g.members.forEach((i) => classOf.set((employers[i] as Employer).id, j)));
  const out: PolicyConstraint[] = [];
  for (const e of employers) {
    const j = classOf.get(e.id);
    if (j === undefined) continue;
    for (const limit of employerLimits(e, instance)) {
      const interns = limit.exceptFormerInterns ? classes.workers.flatMap((g, c) => ((workers[g.members[0] as number] as Worker).formerInternAt === e.id ? [c] : [])) : [];
      const others = interns.length === 0 ? null : classes.workers.flatMap((_, c) => (interns.includes(c) ? [] : [c]));
      out.push({
        label: limit.label,
        source: limit.source,
        scope: others === null ? { kind: "employers", classes: [j] } : { kind: "pairs", workers: others, employer: j },
        min: null,
        max: limit.max,
        penalty: null,
        law: true,
      });
    }
  }
  for (const o of supportCapacities(instance)) {
    const js = [...new Set(employers.filter((e) => e.support === o.id).flatMap((e) => (classOf.has(e.id) ? [classOf.get(e.id) as number] : [])))].sort((a, b) => a - b);
    out.push({ label: o.label, source: "law.support-capacity", scope: { kind: "employers", classes: js }, min: null, max: o.max, penalty: null, law: true });
  }
  return out;
};
