/**
 * The instance's optional `policy` section, as io-ts codecs.
 *
 * Every constraint is hard unless it has a `penalty`: then it is soft, and
 * each unit of violation costs `penalty` placements (1 = as bad as leaving
 * one more worker unplaced; 0.5 = half that), at most 3 decimals and 1000. A planner asks "meet the
 * caregiving minimum if you can" with `{ scope: "sector", key: "caregiving",
 * min: 500, penalty: 1 }`.
 *
 * @example
 * {
 *   "quotas": [{ "scope": "sector", "key": "caregiving", "min": 500 }, { "scope": "prefecture", "key": "37", "max": 1800 }],
 *   "diversity": { "maxShare": 0.5 },
 *   "fairness": [{ "by": "trainingCentre", "minShare": 0.6 }],
 *   "groups": { "together": "prefecture" }
 * }
 */
import * as t from "io-ts";
import { integer, listOf, nonEmptyString, oneOf, struct } from "../input/combinators.js";
import { PENALTY_DECIMALS, penaltyFraction } from "../model/objective.js";

export type QuotaScope = "sector" | "field" | "prefecture" | "employer";
export const QUOTA_SCOPES: readonly QuotaScope[] = ["sector", "field", "prefecture", "employer"];

export type FairnessBy = "trainingCentre" | "homeProvince";
export type Together = "prefecture" | "employer";

/** A share in 0..1. */
const share: t.Type<number, number, unknown> = new t.Type<number, number, unknown>(
  "a share between 0 and 1",
  (u): u is number => typeof u === "number" && u >= 0 && u <= 1,
  (u, c) => (typeof u === "number" && u >= 0 && u <= 1 ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** The largest penalty accepted, in placements: far past any that is not in effect hard, and small enough that every objective stays exact. */
export const MAX_PENALTY = 1000;

const isPenalty = (u: unknown): u is number => typeof u === "number" && u >= 0 && u <= MAX_PENALTY && penaltyFraction(u) !== null;

/**
 * Placements one unit of violation costs; present means the constraint is
 * soft. At most three decimals (0.5, 0.99, 1.125), so that the objective is
 * exact: the placement weight is made a multiple of the penalties' common
 * denominator (../model/objective.ts).
 */
const penalty: t.Type<number, number, unknown> = new t.Type<number, number, unknown>(
  `a number of placements from 0 to ${MAX_PENALTY} with at most ${PENALTY_DECIMALS} decimals`,
  isPenalty,
  (u, c) => (isPenalty(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

export const QuotaCodec = struct(
  "a quota",
  {
    scope: oneOf<QuotaScope>("one of sector, field, prefecture, employer", QUOTA_SCOPES),
    /** A sector name, SSW field id, prefecture code or name, or employer id. */
    key: nonEmptyString,
  },
  { min: integer(0), max: integer(0), penalty },
);

/** No longer policy: the statutory caps are law (src/rules/limits.ts). Still read, so that it can be reported as such. */
export const HeadcountCapsCodec = struct("legal headcount caps", {}, { penalty });

export const DiversityCodec = struct(
  "a diversity limit",
  {},
  {
    /** At most this share of an employer's slots from one training centre (at least 1 worker). */
    maxShare: share,
    /** At most this many of an employer's workers from one training centre. */
    maxCount: integer(1),
    penalty,
  },
);

export const FairnessCodec = struct(
  "a fairness floor",
  {
    by: oneOf<FairnessBy>("one of trainingCentre, homeProvince", ["trainingCentre", "homeProvince"]),
    /** Each group sees at least this share of its workers placed, where that is possible. */
    minShare: share,
  },
  { penalty },
);

export const GroupsCodec = struct(
  "group placement",
  {},
  {
    /** Keep each group in one prefecture (default) or with one employer. */
    together: oneOf<Together>("one of prefecture, employer", ["prefecture", "employer"]),
    /** Present: a group may be split, at this many placements per group split. */
    penalty,
  },
);

export const PolicyCodec = struct(
  "a policy",
  {},
  {
    quotas: listOf(QuotaCodec, "quotas"),
    headcountCaps: HeadcountCapsCodec,
    diversity: DiversityCodec,
    fairness: listOf(FairnessCodec, "fairness floors"),
    groups: GroupsCodec,
  },
);

export type QuotaInput = t.TypeOf<typeof QuotaCodec>;
export type PolicyInput = t.TypeOf<typeof PolicyCodec>;
