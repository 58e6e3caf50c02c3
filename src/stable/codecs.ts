/**
 * The instance's optional `rankings` section, as io-ts codecs: who prefers
 * whom, stated outright. Everything here is optional; where a worker or an
 * employer states nothing, its preferences are derived from the data already
 * in the instance (./preferences.ts).
 *
 * A ranking is a list, best first; an entry is one id, or a list of ids
 * ranked equal (a tie). `others` says what becomes of the ids not listed:
 * `"after"` (the default) ranks them below every listed one, in the derived
 * order; `"unacceptable"` means the worker would rather stay unplaced than
 * take them (or the employer would rather leave the slot empty).
 *
 * @example
 * "rankings": {
 *   "workers": [{ "worker": "W0001", "employers": ["E012", ["E003", "E007"]], "others": "after" }],
 *   "employers": [{ "employer": "E012", "workers": ["W0001"], "interviews": { "accepted": ["W0001", "W0044"], "rejected": ["W0102"] } }]
 * }
 */
import * as t from "io-ts";
import { listOf, nonEmptyString, oneOf, struct } from "../input/combinators.js";

/** What becomes of the ids a ranking does not list. */
export type Others = "after" | "unacceptable";

const isId = (u: unknown): u is string => typeof u === "string" && u.trim() !== "";

/** One entry of a ranking: an id, or a non-empty list of ids ranked equal. */
export type RankEntry = string | readonly string[];

export const RankEntryCodec: t.Type<RankEntry, RankEntry, unknown> = new t.Type<RankEntry, RankEntry, unknown>(
  "an id, or a list of ids ranked equal",
  (u): u is RankEntry => isId(u) || (Array.isArray(u) && u.length > 0 && u.every(isId)),
  (u, c) => (isId(u) || (Array.isArray(u) && u.length > 0 && u.every(isId)) ? t.success(u as RankEntry) : t.failure(u, c)),
  t.identity,
);

const others = oneOf<Others>("one of after, unacceptable", ["after", "unacceptable"]);

export const WorkerRankingCodec = struct(
  "a worker's ranking",
  {
    /** The worker's id. */
    worker: nonEmptyString,
    /** Employer ids, best first; a list inside the list is a tie. */
    employers: listOf(RankEntryCodec, "employer ids (or ties), best first"),
  },
  { others },
);

export const InterviewsCodec = struct(
  "interview outcomes",
  {},
  {
    /** Workers the employer interviewed and would take. */
    accepted: listOf(nonEmptyString, "worker ids"),
    /** Workers the employer interviewed and would not take, whatever else happens. */
    rejected: listOf(nonEmptyString, "worker ids"),
  },
);

export const EmployerRankingCodec = struct(
  "an employer's ranking",
  { employer: nonEmptyString },
  {
    /** Worker ids, best first; a list inside the list is a tie. */
    workers: listOf(RankEntryCodec, "worker ids (or ties), best first"),
    interviews: InterviewsCodec,
    others,
  },
);

export const RankingsCodec = struct(
  "rankings",
  {},
  {
    workers: listOf(WorkerRankingCodec, "worker rankings"),
    employers: listOf(EmployerRankingCodec, "employer rankings"),
  },
);

export type WorkerRankingInput = t.TypeOf<typeof WorkerRankingCodec>;
export type EmployerRankingInput = t.TypeOf<typeof EmployerRankingCodec>;
export type RankingsInput = t.TypeOf<typeof RankingsCodec>;
