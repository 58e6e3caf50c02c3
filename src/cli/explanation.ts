/**
 * Explanations of one worker or one employer, as data and as text: where a
 * worker went and the points behind it, or why they were not placed; how
 * many of an employer's slots were filled, by whom, and why the rest stayed
 * empty. Built from the decoded instance and the result of `match` on it.
 */
import { findPrefecture } from "../domain/prefectures.js";
import type { Employer, Instance, Worker } from "../input/instance.js";
import type { EmployerOutcome, MatchResult, Placement, UnfilledReason, UnplacedReason } from "../result/types.js";
import { isEligible } from "../rules/eligibility.js";
import { CRITERIA } from "../rules/scoring.js";
import { int } from "../report/format.js";

/** Where a worker went, with the points behind it, or why they were not placed. */
export interface WorkerExplanation {
  readonly kind: "worker";
  readonly worker: Worker;
  readonly placement: Placement | null;
  readonly employer: Employer | null;
  readonly unplaced: UnplacedReason | null;
  /** Employers (and their slots) whose rules accept this worker. */
  readonly eligibleEmployers: number;
  readonly eligibleSlots: number;
}

/** How an employer's slots were filled, by whom, and why the rest stayed empty. */
export interface EmployerExplanation {
  readonly kind: "employer";
  readonly employer: Employer;
  readonly outcome: EmployerOutcome;
  readonly placed: readonly Placement[];
  /** Workers of the cohort this employer's rules accept. */
  readonly eligibleWorkers: number;
}

/** A worker's or an employer's explanation. */
export type Explanation = WorkerExplanation | EmployerExplanation;

/** The worker's explanation, or null if no worker has the id. */
export const explainWorker = (instance: Instance, result: MatchResult, id: string): WorkerExplanation | null => {
  const worker = instance.workers.find((w) => w.id === id);
  if (worker === undefined) return null;
  const placement = result.placements.find((p) => p.workerId === id) ?? null;
  const eligible = instance.employers.filter((e) => isEligible(worker, e, instance.reference));
  return {
    kind: "worker",
    worker,
    placement,
    employer: placement === null ? null : (instance.employers.find((e) => e.id === placement.employerId) ?? null),
    unplaced: result.unplaced.find((u) => u.workerId === id)?.reason ?? null,
    eligibleEmployers: eligible.length,
    eligibleSlots: eligible.reduce((s, e) => s + e.slots, 0),
  };
};

/** The employer's explanation, or null if no employer has the id. */
export const explainEmployer = (instance: Instance, result: MatchResult, id: string): EmployerExplanation | null => {
  const employer = instance.employers.find((e) => e.id === id);
  const outcome = result.employers.find((e) => e.employerId === id);
  if (employer === undefined || outcome === undefined) return null;
  return {
    kind: "employer",
    employer,
    outcome,
    placed: result.placements.filter((p) => p.employerId === id),
    eligibleWorkers: instance.workers.filter((w) => isEligible(w, employer, instance.reference)).length,
  };
};

const where = (e: Employer): string =>
  `${e.prefecture} ${findPrefecture(e.prefecture)?.name ?? ""}, ${e.field}${e.jobCategory === null ? "" : ` (${e.jobCategory})`}, ${int(e.hourlyWage)} yen/hour`;

const rules = (list: readonly { readonly rule: string; readonly count: number; readonly example: string }[], unit: string): string[] =>
  list.map((r) => `  ${r.rule.padEnd(20)} ${String(r.count).padStart(6)} ${unit}, e.g. ${r.example}`);

const unplacedText = (r: UnplacedReason, employers: number): string[] => {
  switch (r.kind) {
    case "no-eligible-slot":
      return [`Not placed: no employer accepts them. Of the ${int(employers)} employers, each rule excluded them from:`, ...rules(r.excludedBy, "employers")];
    case "eligible-slots-taken":
      return [
        `Not placed: eligible at ${int(r.eligibleEmployers)} employers (${int(r.eligibleSlots)} slots), but those slots went to others;`,
        "placing them instead would not place more workers nor raise the total score.",
      ];
    case "no-solution":
      return ["Not placed: the solver returned no solution (see the result's status)."];
  }
};

const unfilledText = (r: UnfilledReason, workers: number): string[] =>
  r.kind === "no-eligible-worker"
    ? [`Unfilled slots: no worker of the cohort qualifies. Of the ${int(workers)} workers, each rule excluded:`, ...rules(r.excludedBy, "workers")]
    : [`Unfilled slots: ${int(r.eligibleWorkers)} eligible workers, all placed elsewhere.`];

/** The explanation for people, several lines. */
export const formatExplanation = (x: Explanation, instance: Instance): string => {
  const lines: string[] = [];
  if (x.kind === "worker") {
    const w = x.worker;
    lines.push(`Worker ${w.id} (from ${w.homeProvince}, trained at ${w.trainingCentre})`);
    lines.push(`  Japanese: ${w.language.join(", ") || "no test result"}${w.careJapaneseTest ? "; care Japanese test passed" : ""}`);
    lines.push(`  Certified: ${w.certifications.map((c) => `${c.field} (${c.via})`).join(", ") || "none"}`);
    lines.push(`  Skills: ${w.skills.map((s) => `${s.name} level ${s.level}${s.years > 0 ? `, ${s.years} years` : ""}`).join("; ") || "none"}`);
    lines.push(`  Prefers: fields ${w.fieldPreferences.join(" > ") || "-"}; prefectures ${w.prefecturePreferences.join(" > ") || "-"}`);
    if (x.placement !== null) {
      lines.push(`Placed with ${x.placement.employerId}${x.employer === null ? "" : ` (${where(x.employer)})`}, score ${x.placement.score}:`);
      const weights = instance.weights;
      for (const c of CRITERIA) lines.push(`  ${c.padEnd(26)} ${String(x.placement.points[c]).padStart(2)} points x ${weights[c]} = ${x.placement.points[c] * weights[c]}`);
    } else if (x.unplaced !== null) {
      lines.push(...unplacedText(x.unplaced, instance.employers.length));
    }
    lines.push(`Eligible at ${int(x.eligibleEmployers)} employers (${int(x.eligibleSlots)} slots).`);
  } else {
    const e = x.employer;
    lines.push(`Employer ${e.id}${e.name === null ? "" : ` "${e.name}"`} (${where(e)})`);
    lines.push(`  Slots ${x.outcome.slots}, filled ${x.outcome.filled}; ${int(x.eligibleWorkers)} workers of the cohort are eligible.`);
    if (x.placed.length > 0) lines.push(`  Placed: ${x.placed.map((p) => `${p.workerId} (score ${p.score})`).join(", ")}`);
    if (x.outcome.unfilledReason !== null) lines.push(...unfilledText(x.outcome.unfilledReason, instance.workers.length));
  }
  return `${lines.join("\n")}\n`;
};
