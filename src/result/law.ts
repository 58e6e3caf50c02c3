/**
 * The law over the placement period, read off a plan: the raises employers
 * must make (with `placement.wages` "raise"), the placements whose
 * lawfulness rests on a minimum wage that is only expected or not yet
 * published, the registered support organisations' load against what their
 * officers may carry, and what changes during the period.
 *
 * @example
 * result.law.raises[0].text
 * // "E031 must raise its wage from 1,040 to 1,102 yen from 2026-10-01 (Kagawa minimum wage FY2026, expected)"
 */
import { ESD_START, SUPPORT_LIMITS, supportLimitsApply } from "../domain/law.js";
import { compareStrings, type Employer, type Instance } from "../input/instance.js";
import type { LawReport, SupportLoad, WageRaise, WageReliance } from "./types.js";

const yen = (n: number): string => n.toLocaleString("en-US");

const raisesOf = (instance: Instance, placed: Int32Array): WageRaise[] =>
  instance.employers.flatMap((e, i) => {
    const n = placed[i] ?? 0;
    const schedule = instance.reference.wages.get(e.id);
    if (n === 0 || schedule === undefined) return [];
    let wage = e.hourlyWage;
    return schedule.shortfalls.map((s) => {
      const raise: WageRaise = {
        employerId: e.id,
        placed: n,
        wage,
        to: s.amount,
        from: s.from,
        what: s.what,
        expected: s.expected,
        text: `${e.id} must ${s.from === instance.reference.placement.start ? "pay" : "raise its wage to"} at least ${yen(s.amount)} yen from ${s.from} (now ${yen(wage)}; ${s.what}${s.expected ? ", expected" : ""})`,
      };
      wage = s.amount;
      return raise;
    });
  });

const relianceOf = (instance: Instance, placed: Int32Array): WageReliance[] => {
  const groups = new Map<string, { base: Omit<WageReliance, "employers" | "placed" | "text">; employers: string[]; placed: number }>();
  const add = (key: string, base: Omit<WageReliance, "employers" | "placed" | "text">, employer: string, n: number): void => {
    const g = groups.get(key) ?? { base, employers: [], placed: 0 };
    g.employers.push(employer);
    g.placed += n;
    groups.set(key, g);
  };
  for (let i = 0; i < instance.employers.length; i++) {
    const e = instance.employers[i] as Employer;
    const n = placed[i] ?? 0;
    const schedule = n === 0 ? undefined : instance.reference.wages.get(e.id);
    if (schedule === undefined) continue;
    for (const s of schedule.steps) {
      if (s.expected) add(`expected\u0000${s.what}\u0000${s.since}`, { kind: "expected-rate", what: s.what, amount: s.amount, from: s.since, source: s.source }, e.id, n);
    }
    for (const u of schedule.unpublished) {
      add(`unpublished\u0000${u.what}\u0000${u.fiscalYear}`, { kind: "unpublished-revision", what: `${u.what} FY${u.fiscalYear}`, amount: null, from: u.dueAround, source: null }, e.id, n);
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([, g]) => ({
      ...g.base,
      employers: g.employers,
      placed: g.placed,
      text:
        g.base.kind === "expected-rate"
          ? `${g.placed} placements at ${g.employers.length} employers rely on ${g.base.what} being ${yen(g.base.amount ?? 0)} yen from ${g.base.from} (expected, not published; ${g.base.source ?? ""})`
          : `${g.placed} placements at ${g.employers.length} employers run past ${g.base.what}, due about ${g.base.from} and not published: their wages are checked against no revision (state it in reference.expectedMinimumWages)`,
    }));
};

const supportOf = (instance: Instance, placed: Int32Array): SupportLoad[] => {
  const { supportOrganisations, placement } = instance.reference;
  const enforced = supportLimitsApply(placement);
  const { workersPerOfficer, employersPerOfficer, from } = SUPPORT_LIMITS.value;
  const names = [...new Set(instance.employers.map((e) => e.support).filter((s) => s !== "self"))].sort(compareStrings);
  // Placements and placed-at employers per organisation, one employer at a time (ids are unique).
  const load = new Map<string, { workers: number; employers: number }>();
  for (let i = 0; i < instance.employers.length; i++) {
    const e = instance.employers[i] as Employer;
    const n = placed[i] ?? 0;
    if (n === 0 || e.support === "self") continue;
    const l = load.get(e.support);
    if (l === undefined) load.set(e.support, { workers: n, employers: 1 });
    else {
      l.workers += n;
      l.employers += 1;
    }
  }
  return names.map((id) => {
    const o = supportOrganisations.get(id);
    const mine = load.get(id);
    const workers = (mine?.workers ?? 0) + (o?.workers ?? 0);
    const employers = (mine?.employers ?? 0) + (o?.employers ?? 0);
    const officers = o?.officers ?? 0;
    const capacity = { workers: officers * workersPerOfficer, employers: officers * employersPerOfficer };
    const within = workers <= capacity.workers && employers <= capacity.employers;
    const text =
      o === undefined
        ? `${id}: ${workers} workers at ${employers} employers; not declared in supportOrganisations, so its capacity from ${from} is unknown`
        : `${id}: ${workers} of ${capacity.workers} workers and ${employers} of ${capacity.employers} employers (${officers} officer${officers === 1 ? "" : "s"})${
            enforced ? `; enforced, the period reaches ${from}` : within ? `; within the limits that apply from ${from}` : `; over the limits that apply from ${from}`
          }`;
    return { organisation: id, officers, workers, employers, capacity, enforced: enforced && o !== undefined, text };
  });
};

const notesOf = (instance: Instance): string[] => {
  const { placement } = instance.reference;
  const crosses = (date: string): boolean => placement.start < date && placement.end > date;
  return [
    ...(crosses(ESD_START.value)
      ? [
          `The period crosses ${ESD_START.value}: Employment for Skill Development replaces technical intern training (jobmatch places SSW (i) workers only), and registered support organisations' limits (${SUPPORT_LIMITS.value.workersPerOfficer} workers and ${SUPPORT_LIMITS.value.employersPerOfficer} employers per officer) apply and are enforced.`,
        ]
      : []),
  ];
};

/** The law report of a plan, given how many are placed at each employer (by its index); see the module comment. */
export const lawReport = (instance: Instance, placed: Int32Array): LawReport => {
  const { placement } = instance.reference;
  return {
    placement: { start: placement.start, months: placement.months, end: placement.end, wages: placement.wages },
    raises: placement.wages === "raise" ? raisesOf(instance, placed) : [],
    wageReliance: relianceOf(instance, placed),
    support: supportOf(instance, placed),
    notes: notesOf(instance),
  };
};
