/**
 * What `match` answers. Everything here is deterministic for a given input
 * except `timings`, which measure this run.
 */
import type { EngineName, Termination } from "../engine/types.js";
import type { RuleId } from "../rules/eligibility.js";
import type { Criterion } from "../rules/scoring.js";
import type { StabilitySummary } from "../stable/types.js";

export interface Placement {
  readonly workerId: string;
  readonly employerId: string;
  /** The date the worker starts there: the start of the employer's slot group they fill (../result/starts.ts). */
  readonly start: string;
  /** Weighted score of this placement. */
  readonly score: number;
  /** Unweighted points per criterion; score = sum weight * points. */
  readonly points: Readonly<Record<Criterion, number>>;
}

/** How often a rule excluded: employers (when explaining a worker) or workers (when explaining an employer). */
export interface RuleCount {
  readonly rule: RuleId;
  readonly count: number;
  /** One example, in words ("needs N3 for taxi-driver, has N4"). */
  readonly example: string;
}

export type UnplacedReason =
  /** No employer accepts the worker: every one is excluded by at least one rule. */
  | { readonly kind: "no-eligible-slot"; readonly excludedBy: readonly RuleCount[] }
  /** Eligible somewhere, but those slots went to others (placing this worker would not add a placement or score). */
  | {
      readonly kind: "eligible-slots-taken";
      /** Employers with at least one slot that accept the worker. */
      readonly eligibleEmployers: number;
      /** Their slots. */
      readonly eligibleSlots: number;
      /** The worker's group, when none of it was placed: it goes whole or not at all, and that decided it. */
      readonly group?: string;
    }
  /** The solve gave no solution (infeasible, error, or time limit with none found). */
  | { readonly kind: "no-solution" };

export interface Unplaced {
  readonly workerId: string;
  readonly reason: UnplacedReason;
}

export type UnfilledReason =
  /** No worker in the cohort is eligible for this employer. */
  | { readonly kind: "no-eligible-worker"; readonly excludedBy: readonly RuleCount[] }
  /** Eligible workers exist but were all placed elsewhere. */
  | { readonly kind: "eligible-workers-placed-elsewhere"; readonly eligibleWorkers: number };

export interface EmployerOutcome {
  readonly employerId: string;
  readonly slots: number;
  readonly filled: number;
  /** Present when some slots stayed empty. */
  readonly unfilledReason: UnfilledReason | null;
}

/** Placed workers and slots for one group (a sector, field or prefecture). */
export interface GroupSummary {
  readonly placed: number;
  readonly slots: number;
  readonly unfilledSlots: number;
}

export interface Summary {
  readonly workers: number;
  readonly placed: number;
  readonly unplaced: number;
  readonly slots: number;
  readonly unfilledSlots: number;
  /** placed / workers, 0 when there are no workers. */
  readonly placementRate: number;
  readonly totalScore: number;
  readonly meanScore: number;
  readonly unplacedByReason: Readonly<Record<UnplacedReason["kind"], number>>;
  /** Keyed by pilot sector; fields outside the pilot's sectors count under "other". */
  readonly bySector: Readonly<Record<string, GroupSummary>>;
  readonly byField: Readonly<Record<string, GroupSummary>>;
  /** Keyed by JIS prefecture code. */
  readonly byPrefecture: Readonly<Record<string, GroupSummary>>;
  /** Arrival waves: keyed by start month (YYYY-MM), the slots starting that month and the workers placed into them. */
  readonly byStartMonth: Readonly<Record<string, GroupSummary>>;
}

/** How the answer stands against one policy constraint or group. */
export interface PolicyOutcome {
  /** In domain words, e.g. "sector caregiving: at least 500 placed". */
  readonly label: string;
  /** Where it comes from: in the input, e.g. "policy.quotas[0]", or the law, e.g. "law.care-staff-cap". */
  readonly source: string;
  readonly hard: boolean;
  /** A legal limit (always hard), not a policy constraint. */
  readonly law: boolean;
  /** The placements it counts (for a group: its placed members). */
  readonly value: number;
  /** Units outside its bounds (for a group: 1 when split); 0 when met. */
  readonly violation: number;
}

/** One hard constraint relaxed by the diagnosis of an infeasible plan. */
export interface Relaxation {
  /** The constraint, in domain words, and where it is in the input. */
  readonly label: string;
  readonly source: string;
  readonly bound: "min" | "max";
  /** The bound as given, and the value the relaxed plan reaches. */
  readonly from: number;
  readonly to: number;
  /** Units of relaxation: |from - to|. */
  readonly by: number;
  /** For people: "sector caregiving: at least 700 placed cannot be met with the rest of the plan: at most 652 (...)". */
  readonly text: string;
}

/** Why a plan is infeasible: the smallest relaxation of its hard constraints (by total units), or why none was found. */
export type Diagnosis =
  | { readonly kind: "relaxation"; readonly relaxations: readonly Relaxation[]; readonly totalUnits: number }
  | { readonly kind: "unavailable"; readonly message: string };

/** An employer placed with whose wage falls under a floor during the period ("raise" handling): what it must pay, from when. */
export interface WageRaise {
  readonly employerId: string;
  readonly placed: number;
  readonly wage: number;
  readonly to: number;
  readonly from: string;
  /** The floor: "Kagawa minimum wage FY2026", "equal pay (a Japanese employee in the same job)". */
  readonly what: string;
  /** The floor is an expected rate, not a published one. */
  readonly expected: boolean;
  /** "E031 must raise its wage from 1,040 to 1,102 yen from 2026-10-01 (Kagawa minimum wage FY2026, expected)". */
  readonly text: string;
}

/** Placements whose lawfulness rests on a minimum wage figure: an expected rate, or a revision due with no rate known. */
export interface WageReliance {
  readonly kind: "expected-rate" | "unpublished-revision";
  /** "Kagawa minimum wage FY2026". */
  readonly what: string;
  /** The expected amount; null for an unpublished revision. */
  readonly amount: number | null;
  /** The date it takes effect, or (unpublished) about when it is due. */
  readonly from: string;
  /** Where the expected figure is stated; null for an unpublished revision. */
  readonly source: string | null;
  readonly employers: readonly string[];
  readonly placed: number;
  readonly text: string;
}

/** A registered support organisation's load in the plan against what its officers may carry. */
export interface SupportLoad {
  readonly organisation: string;
  readonly officers: number;
  /** Workers: placed at its employers in this plan, plus supported elsewhere. */
  readonly workers: number;
  /** Employers with a placement here, plus supported elsewhere. */
  readonly employers: number;
  /** From 2027-04-01: 50 workers and 10 employers per officer. */
  readonly capacity: { readonly workers: number; readonly employers: number };
  /** True when the period reaches 2027-04-01: the capacity was a hard constraint of the plan. */
  readonly enforced: boolean;
  readonly text: string;
}

/** What the law made of this plan over its period, beyond who is eligible: raises, reliance on expected wages, support load. */
export interface LawReport {
  readonly placement: { readonly start: string; readonly months: number; readonly end: string; readonly wages: "exclude" | "raise" };
  readonly raises: readonly WageRaise[];
  readonly wageReliance: readonly WageReliance[];
  readonly support: readonly SupportLoad[];
  /** What changes during the period, in words (Employment for Skill Development, support limits). */
  readonly notes: readonly string[];
}

export interface Timings {
  readonly decodeMs: number;
  readonly buildMs: number;
  readonly solveMs: number;
  readonly resultMs: number;
  /** The stability audit and retention summary (`stability`), where computed. */
  readonly stabilityMs?: number;
  readonly totalMs: number;
}

/** Why a plan stopped: an engine's termination, or "stable" for a plan made by deferred acceptance (../stable/stable.ts). */
export type PlanStatus = Termination | "stable";

/** Who made a plan: an engine, or deferred acceptance. */
export type PlanMaker = EngineName | "deferred-acceptance";

export interface MatchResult {
  /** Why the engine stopped: optimal, infeasible, time-limit or error; "stable" for a plan made by deferred acceptance (../stable/stable.ts). */
  readonly status: PlanStatus;
  /** Whether placements come from a solution (false for infeasible, error, or a time limit with nothing found). */
  readonly hasSolution: boolean;
  readonly message: string | null;
  readonly engine: PlanMaker;
  /** Sorted by worker id. */
  readonly placements: readonly Placement[];
  /** Sorted by worker id. Every input worker is in exactly one of placements and unplaced. */
  readonly unplaced: readonly Unplaced[];
  /** Sorted by employer id. */
  readonly employers: readonly EmployerOutcome[];
  readonly summary: Summary;
  /** The model's objective: placements first, then score; null without a solution. */
  readonly objective: {
    readonly value: number;
    readonly placementWeight: number;
    readonly placed: number;
    readonly totalScore: number;
    /** An upper bound on the optimum where the engine gave one. */
    readonly bound: number | null;
  } | null;
  readonly model: { readonly workerClasses: number; readonly employerClasses: number; readonly arcs: number };
  /** One entry per legal limit, policy constraint and group, in model order (legal limits first); empty when there are none or without a solution. */
  readonly policy: readonly PolicyOutcome[];
  /** For an infeasible plan: the smallest relaxation of its hard policy constraints; null otherwise. */
  readonly diagnosis: Diagnosis | null;
  /** The law over the placement period: raises employers must make, reliance on expected wages, support organisations' load. */
  readonly law: LawReport;
  /**
   * How stable the plan is: its blocking pairs (a worker and an employer who
   * would both rather be together) and its placements at retention risk
   * (../stable/summary.ts); null without a solution.
   */
  readonly stability: StabilitySummary | null;
  /** Milliseconds; the only part of a result that differs between runs. */
  readonly timings: Timings;
}
