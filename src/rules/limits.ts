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
 * A limit is kept only where it is below what could arrive anyway (the
 * employer's slots, the organisation's employers' slots).
 *
 * A limit on one employer that counts every worker is that employer's
 * *legal capacity*: its slots, lowered to the limit (`legalCapacities`). The
 * model takes it as the employer's capacity, so the employer shares a class
 * with its look-alikes (the class's capacity sums its members' legal
 * capacities, and disaggregation fills each member up to its own: members
 * are interchangeable for every worker, so this is exact). Only a limit that
 * counts some workers and not others (housing, where a former intern of the
 * employer lives) and a support organisation's limit over several employers
 * stay constraints of the model (`compileLimits`). Every limit is reported
 * from the placements (`lawOutcomes`), whichever way the model held it.
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
  // The label is worded only for a limit below the slots (most employers have none: 26,000 at national scale).
  const add = (source: string, max: number, label: () => string, exceptFormerInterns = false): void => {
    const capped = Math.max(0, max);
    if (capped < e.slots) out.push({ source, max: capped, label: label(), exceptFormerInterns });
  };
  if (field.headcountCap === "japanese-care-staff") {
    const staff = e.japaneseCareStaff ?? 0;
    add("law.care-staff-cap", staff - e.sswEmployed, () => `legal cap at ${e.id}: at most ${plural(Math.max(0, staff - e.sswEmployed), "SSW worker")} (Japanese etc. full-time care staff ${staff}${less(e)})`);
  }
  if (field.headcountCap === "full-time-staff") {
    const staff = e.fullTimeStaff ?? 0;
    add("law.construction-staff-cap", staff - e.sswEmployed, () => `legal cap at ${e.id}: at most ${plural(Math.max(0, staff - e.sswEmployed), "SSW worker")} (full-time staff ${staff}${less(e)})`);
  }
  const plan = e.declarations.acceptancePlan;
  if (field.prerequisites.includes("acceptancePlan") && plan !== undefined && plan.approved) {
    add("law.acceptance-plan", plan.headcount, () => `acceptance plan of ${e.id}: at most ${plural(plan.headcount, "SSW worker")} (approved headcount ${plan.headcount})`);
  }
  const housing = e.housing;
  if (housing !== "private") {
    const bySpace = Math.floor(housing.areaM2 / HOUSING_AREA_PER_PERSON_M2.value);
    const max = Math.min(housing.beds, bySpace);
    add(
      "law.housing",
      max,
      () => `housing at ${e.id}: at most ${plural(max, "worker")} (${plural(housing.beds, "bed")}, ${housing.areaM2} m2 at ${HOUSING_AREA_PER_PERSON_M2.value} m2 each)`,
      true,
    );
  }
  return out;
};

/** What the limits need the classes to keep apart. */
export interface LimitSplits {
  /** Employers with a limit that counts some workers and not others need a class of their own. */
  readonly ownClass: (e: Employer) => boolean;
  /** Support capacities count employers by organisation. */
  readonly bySupport: boolean;
  /** Housing exempts former interns of the employer: workers split by where they interned. */
  readonly byFormerIntern: boolean;
}

/** The limits of one instance, worked out once (an instance is immutable). */
interface LimitTable {
  /** Per employer index, its limits (below its slots). */
  readonly limits: readonly (readonly EmployerLimit[])[];
  /** Per employer index: slots, lowered by every limit that counts every worker. */
  readonly capacity: Int32Array;
  /** Per employer index: it has a limit that counts some workers and not others. */
  readonly partial: Uint8Array;
}

const tables = new WeakMap<Instance, LimitTable>();

const limitTable = (instance: Instance): LimitTable => {
  const known = tables.get(instance);
  if (known !== undefined) return known;
  const interned = new Set<string>();
  // An indexed loop: for-of made an iterator result per worker (13 MB at 333,000 workers).
  for (let i = 0; i < instance.workers.length; i++) {
    const at = (instance.workers[i] as Worker).formerInternAt;
    if (at !== null) interned.add(at);
  }
  const { employers } = instance;
  const limits = employers.map((e) => employerLimits(e, instance));
  const capacity = new Int32Array(employers.length);
  const partial = new Uint8Array(employers.length);
  employers.forEach((e, i) => {
    let cap = e.slots;
    for (const l of limits[i] ?? []) {
      // Housing does not count the employer's former interns: where one of them
      // is among the workers, the limit counts some workers and not others.
      if (l.exceptFormerInterns && interned.has(e.id)) partial[i] = 1;
      else cap = Math.min(cap, l.max);
    }
    capacity[i] = cap;
  });
  const table = { limits, capacity, partial };
  tables.set(instance, table);
  return table;
};

/** Per employer index, `employerLimits` of it: worked out once per instance (remembered with the instance). */
export const limitsByEmployer = (instance: Instance): readonly (readonly EmployerLimit[])[] => limitTable(instance).limits;

/** Per employer index, its legal capacity: its slots, lowered by every legal limit on it that counts every worker. */
export const legalCapacities = (instance: Instance): Int32Array => limitTable(instance).capacity;

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
  const { partial } = limitTable(instance);
  const own = new Set(instance.employers.flatMap((e, i) => (partial[i] === 1 ? [e.id] : [])));
  return {
    ownClass: (e) => own.has(e.id),
    bySupport: supportCapacities(instance).length > 0,
    byFormerIntern: own.size > 0,
  };
};

/**
 * The legal limits the model must hold as constraints (marked `law`): a
 * limit that counts some of an employer's workers (housing, its former
 * interns aside), employers in index order, then support organisations. The
 * other limits are already the employers' capacities (`legalCapacities`).
 */
export const compileLimits = (instance: Instance, classes: LimitClasses): PolicyConstraint[] => {
  const { employers, workers } = instance;
  const { limits, partial } = limitTable(instance);
  const supports = supportCapacities(instance);
  // Most instances have neither (none at national scale): then no map of 26,000 employers' classes.
  if (supports.length === 0 && !partial.includes(1)) return [];
  const classOf = new Map<string, number>();
  classes.employers.forEach((g, j) => g.members.forEach((i) => classOf.set((employers[i] as Employer).id, j)));
  const out: PolicyConstraint[] = [];
  employers.forEach((e, i) => {
    const j = classOf.get(e.id);
    if (j === undefined || partial[i] !== 1) return;
    for (const limit of limits[i] ?? []) {
      if (!limit.exceptFormerInterns) continue;
      const others = classes.workers.flatMap((g, c) => ((workers[g.members[0] as number] as Worker).formerInternAt === e.id ? [] : [c]));
      out.push({ label: limit.label, source: limit.source, scope: { kind: "pairs", workers: others, employer: j }, min: null, max: limit.max, penalty: null, law: true });
    }
  });
  for (const o of supports) {
    const js = [...new Set(employers.filter((e) => e.support === o.id).flatMap((e) => (classOf.has(e.id) ? [classOf.get(e.id) as number] : [])))].sort((a, b) => a - b);
    out.push({ label: o.label, source: "law.support-capacity", scope: { kind: "employers", classes: js }, min: null, max: o.max, penalty: null, law: true });
  }
  return out;
};

/** A legal limit over one employer or a support organisation's employers. */
export interface LawLimit {
  readonly label: string;
  readonly source: string;
  readonly max: number;
  /** The employers (indices, increasing) whose placements it counts. */
  readonly employers: readonly number[];
  /** It does not count an employer's former interns placed with that employer (housing). */
  readonly exceptFormerInterns: boolean;
}

/** Every legal limit: employers in index order, each employer's in `employerLimits` order, then support organisations in id order. */
export const lawLimits = (instance: Instance): LawLimit[] => {
  const { limits } = limitTable(instance);
  const out: LawLimit[] = [];
  limits.forEach((list, i) => {
    for (const l of list) out.push({ label: l.label, source: l.source, max: l.max, employers: [i], exceptFormerInterns: l.exceptFormerInterns });
  });
  for (const o of supportCapacities(instance)) {
    const employers = instance.employers.flatMap((e, i) => (e.support === o.id ? [i] : []));
    out.push({ label: o.label, source: "law.support-capacity", max: o.max, employers, exceptFormerInterns: false });
  }
  return out;
};

/** Whether a limit counts worker `w` placed with employer `e` (indices). */
export const lawCounts = (instance: Instance, limit: LawLimit, w: number, e: number): boolean =>
  !limit.exceptFormerInterns || instance.workers[w]?.formerInternAt !== instance.employers[e]?.id;

/** A legal limit as placements stand against it. */
export interface LawOutcome {
  readonly label: string;
  readonly source: string;
  readonly max: number;
  /** The placements it counts. */
  readonly value: number;
}

/** Every legal limit (`lawLimits` order) with the placements it counts, read from `placedAt` (per worker index, an employer index or -1). */
export const lawOutcomes = (instance: Instance, placedAt: Int32Array): LawOutcome[] => {
  const { employers, workers } = instance;
  const placed = new Int32Array(employers.length);
  const interns = new Int32Array(employers.length);
  placedAt.forEach((e, w) => {
    if (e < 0) return;
    placed[e] = (placed[e] as number) + 1;
    if (workers[w]?.formerInternAt === employers[e]?.id) interns[e] = (interns[e] as number) + 1;
  });
  return lawLimits(instance).map((l) => ({
    label: l.label,
    source: l.source,
    max: l.max,
    value: l.employers.reduce((s, e) => s + (placed[e] as number) - (l.exceptFormerInterns ? (interns[e] as number) : 0), 0),
  }));
};
