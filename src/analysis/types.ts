/**
 * The explanations as data (./explain.ts builds them, ./format.ts renders
 * them). Every string field is already in domain words, so the JSON form of an
 * explanation reads as well as its text.
 */
import type { PlanStatus } from "../result/types.js";
import type { BetterOffers } from "../stable/offers.js";
import type { RuleId } from "../rules/eligibility.js";
import type { Criterion } from "../rules/scoring.js";
import type { Exchange } from "./exchange.js";
import type { GroupFit } from "./groupFit.js";
import type { Breach } from "./ledger.js";
import type { WhatIf } from "./whatIf.js";

/** One criterion of a placement's score. */
export interface CriterionPoints {
  readonly criterion: Criterion;
  readonly points: number;
  readonly weight: number;
  /** points x weight; the weighted values add up to the placement's score. */
  readonly weighted: number;
  /** What earned the points: "field 1st choice", "wage +150 yen". */
  readonly words: string;
}

/** Another employer that accepts the worker, and how the result used its slots. */
export interface Alternative {
  readonly employerId: string;
  readonly label: string;
  /** The worker's score there (`score()` for the pair). */
  readonly score: number;
  readonly slots: number;
  readonly filled: number;
  /** slots - filled: slots the result left empty there. */
  readonly freeSlots: number;
  /** The workers the result placed there, by id. */
  readonly placedWorkers: readonly string[];
}

/** How often one rule excluded: employers (for a worker) or workers (for an employer). */
export interface RuleTally {
  readonly rule: RuleId;
  /** The rule in words: "below the employer's language requirement". */
  readonly words: string;
  readonly count: number;
  /** How many of those this rule alone excluded: dropping it would admit them. */
  readonly only: number;
  /** The first case (in id order): the employer's id (for a worker) or the worker's id (for an employer). */
  readonly exampleId: string;
  /** Its particulars: "asks N3, has N4". */
  readonly example: string;
}

/** An employer that excluded the worker by the fewest rules. */
export interface NearMiss {
  readonly employerId: string;
  readonly label: string;
  readonly freeSlots: number;
  /** The rules that excluded, in words: "below the employer's language requirement (asks N3, has N4)". */
  readonly excludedBy: readonly { readonly rule: RuleId; readonly words: string }[];
}

export type WorkerExplanation =
  | {
      readonly kind: "placed";
      readonly workerId: string;
      readonly employerId: string;
      readonly employerLabel: string;
      readonly score: number;
      readonly breakdown: readonly CriterionPoints[];
      /** The other employers that accept the worker, best score first, then id. */
      readonly alternatives: readonly Alternative[];
      /** The best exchange (./exchange.ts: compareExchanges) at the alternatives that score higher; null when none does. */
      readonly exchange: Exchange | null;
      /** The other higher-scoring alternatives, where the exchange would break a hard policy constraint, best score first. */
      readonly blocked: readonly Exchange[];
      /** Every other higher-scoring alternative (neither the best exchange nor blocked), with its exchange: why it was not taken. Best score first. */
      readonly others: readonly Exchange[];
      /** Her blocking pairs in the plan: employers she prefers that would take her now (../stable/offers.ts); null without a solution. */
      readonly betterOffers: BetterOffers | null;
      readonly caveat: string | null;
    }
  | {
      readonly kind: "no-eligible-slot";
      readonly workerId: string;
      /** Employers with slots, every one of which excluded the worker. */
      readonly employers: number;
      /** Per rule, the employers it excluded the worker from, in RULES order. */
      readonly excludedBy: readonly RuleTally[];
      /** The worker's group, when none of it was placed (this worker keeps it out), and why; null otherwise. */
      readonly group: GroupLeftOut | null;
      /** The employers excluded by the fewest rules (usually one), those with free slots first, then id. */
      readonly nearestMisses: readonly NearMiss[];
      readonly smallestChange: WhatIf | null;
      readonly caveat: string | null;
    }
  | {
      readonly kind: "eligible-slots-taken";
      readonly workerId: string;
      /** The worker's group, when none of it was placed (it goes whole or not at all), and why; null otherwise. */
      readonly group: GroupLeftOut | null;
      /** The employers that accept the worker, best score first, then id. */
      readonly eligible: readonly Alternative[];
      /** The best exchange (./exchange.ts: compareExchanges) at any of them. */
      readonly exchange: Exchange | null;
      /** The other employers that accept them, where the exchange would break a hard policy constraint, best score first. */
      readonly blocked: readonly Exchange[];
      /** Her blocking pairs in the plan: employers she prefers that would take her now; null without a solution. */
      readonly betterOffers: BetterOffers | null;
      readonly smallestChange: WhatIf | null;
      readonly caveat: string | null;
    }
  | { readonly kind: "no-solution"; readonly workerId: string; readonly status: PlanStatus; readonly caveat: string | null };

/** A group left out whole: who kept it out (./groupFit.ts), and, when it fits in free slots, what placing it there would break. */
export interface GroupLeftOut {
  readonly id: string;
  readonly size: number;
  readonly fit: GroupFit;
  /** For a group that fits: the policy constraints its seating would break; empty otherwise. */
  readonly breaches: readonly Breach[];
}

/** An employer's eligible worker, where the result put them, and what moving them into an empty slot here would do. */
export interface EligibleElsewhere {
  readonly workerId: string;
  /** Their score at the explained employer. */
  readonly scoreHere: number;
  readonly placedAt: string | null;
  readonly scoreThere: number | null;
  /** The policy constraints the move would break; empty without a policy. */
  readonly breaches: readonly Breach[];
  /** The move's change in the objective (placements, score, soft penalties; ./exchange.ts). */
  readonly objectiveChange: number;
}

export type EmptySlots =
  | {
      readonly kind: "no-eligible-worker";
      /** The workers not placed here, none of whom qualifies. */
      readonly workers: number;
      /** Per rule, the workers it excluded, in RULES order. */
      readonly excludedBy: readonly RuleTally[];
      /** The single requirement that, dropped, would make the most workers eligible; null when none alone would. */
      readonly binding: {
        readonly rule: RuleId;
        /** The requirement in words: "certification in Food service". */
        readonly words: string;
        /** Workers that fail this requirement only. */
        readonly workers: number;
      } | null;
    }
  /** Workers not placed here qualify (best score here first, then id); the result placed them elsewhere, or (not optimal, or a policy) nowhere. */
  | {
      readonly kind: "eligible-workers-placed-elsewhere";
      readonly eligible: readonly EligibleElsewhere[];
      /** The hard maximums counting this employer's placements that the result has reached (a legal cap, a quota), in model order. */
      readonly reached: readonly { readonly label: string; readonly source: string; readonly value: number }[];
    }
  | { readonly kind: "no-solution"; readonly status: PlanStatus };

export interface EmployerExplanation {
  readonly employerId: string;
  readonly label: string;
  readonly slots: number;
  readonly filled: number;
  /** The workers placed here, by worker id. */
  readonly placed: readonly { readonly workerId: string; readonly score: number }[];
  /** Why slots stayed empty; null when all are filled. */
  readonly empty: EmptySlots | null;
  readonly caveat: string | null;
}

