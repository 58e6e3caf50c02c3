/**
 * `stableMatch`: a stable plan, made by deferred acceptance, as a result like
 * `match`'s (placements, unplaced with reasons, employers, summaries, the
 * policy as it stands, the stability summary), plus what the mechanism did.
 *
 *     const r = stableMatch(input, { proposing: "workers", caps: "flexible", tieBreak: "id" });
 *     if (E.isRight(r)) console.log(r.right.summary.placed, r.right.stability?.blockingPairs);
 *
 * - `proposing`: "workers" (default): worker-proposing deferred acceptance,
 *   strategy-proof for workers and, without caps, the best stable plan for
 *   every worker; "employers": the employer-proposing variant (regional caps
 *   rigid).
 * - `caps`: "flexible" (default): regional caps as Kamada and Kojima propose;
 *   "rigid": every employer held to its share of each cap, as the residency
 *   match first did (for comparison).
 * - `tieBreak`: "id" (default; employers' ties by worker id), or a seeded
 *   lottery, "single" (one draw per worker) or "multiple" (one per worker and
 *   employer group), with `seed`.
 *
 * Synchronous and total, as `match`: bad input or options are a Left with
 * every located issue; the result's status is "stable".
 */
import * as E from "fp-ts/lib/Either.js";
import { decodeInstance, issuesFromErrors } from "../input/decode.js";
import { oneOf, struct } from "../input/combinators.js";
import { capIssues, type InputIssue } from "../input/issues.js";
import type { Instance } from "../input/instance.js";
import { buildModel, type BuiltModel } from "../model/build.js";
import { objectiveOf } from "../model/objective.js";
import { assemblePlan } from "../result/assemble.js";
import type { MatchResult } from "../result/types.js";
import * as t from "io-ts";
import { planCaps, type CapHandling } from "./caps.js";
import { workerProposing } from "./deferredAcceptance.js";
import { employerProposing } from "./employerProposing.js";
import { buildMarket } from "./market.js";
import { flowsOf } from "./plan.js";
import { stabilityOf, type Stability } from "./summary.js";
import { ID_TIE_BREAK, priorities, type TieBreak } from "./tieBreak.js";
import { staggeredStarts } from "./starts.js";

export interface StableOptions {
  readonly proposing?: "workers" | "employers";
  readonly caps?: "flexible" | "rigid";
  readonly tieBreak?: "id" | "single" | "multiple";
  /** The lottery's seed (with tieBreak "single" or "multiple"). */
  readonly seed?: string | number;
}

/** What the mechanism was and did. */
export interface Mechanism {
  readonly proposing: "workers" | "employers";
  readonly caps: "flexible" | "rigid";
  readonly tieBreak: TieBreak;
  /** Each limit of the policy and how the mechanism treated it (./caps.ts). */
  readonly handling: readonly CapHandling[];
  /** Offers made. */
  readonly proposals: number;
  /** What the plan guarantees, in words. */
  readonly guarantees: string;
}

export interface StableResult extends MatchResult {
  readonly mechanism: Mechanism;
}

const seed = new t.Type<string | number, string | number, unknown>(
  "a seed (a number or a string)",
  (u): u is string | number => typeof u === "string" || (typeof u === "number" && Number.isFinite(u)),
  (u, c) => (typeof u === "string" || (typeof u === "number" && Number.isFinite(u)) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

const OptionsCodec = struct(
  "stable match options",
  {},
  {
    proposing: oneOf<"workers" | "employers">("one of workers, employers", ["workers", "employers"]),
    caps: oneOf<"flexible" | "rigid">("one of flexible, rigid", ["flexible", "rigid"]),
    tieBreak: oneOf<"id" | "single" | "multiple">("one of id, single, multiple", ["id", "single", "multiple"]),
    seed,
  },
);

export const decodeStableOptions = (options: unknown): E.Either<readonly InputIssue[], StableOptions> => {
  const decoded = OptionsCodec.decode(options ?? {});
  if (E.isLeft(decoded)) return E.left(issuesFromErrors(decoded.left).map((i) => ({ ...i, path: i.path === "" ? "options" : `options.${i.path}` })));
  const o = decoded.right;
  if (o.tieBreak !== undefined && o.tieBreak !== "id" && o.seed === undefined) {
    return E.left([{ code: "missing", path: "options.seed", expected: `a seed for the ${o.tieBreak} lottery`, received: "nothing" }]);
  }
  return E.right(o);
};

const ruleOf = (o: StableOptions): TieBreak =>
  o.tieBreak === undefined || o.tieBreak === "id" ? ID_TIE_BREAK : { kind: "lottery", seed: String(o.seed ?? ""), per: o.tieBreak };

const guarantees = (proposing: "workers" | "employers", capped: boolean, caps: "flexible" | "rigid"): string =>
  proposing === "workers"
    ? capped && caps === "flexible"
      ? "no worker can gain by misstating her preferences; no blocking pair except free-slot moves within a full regional cap (Kamada and Kojima's stability); every worker at least as well off as under rigid caps"
      : "no worker can gain by misstating her preferences; no blocking pair; every worker gets the best employer she has in any stable plan"
    : "no blocking pair; every employer gets the best workers it has in any stable plan, and every worker the worst";

/** The stable plan of a decoded instance with its model built; the stability detail too (for reports). */
export const stablePlan = (instance: Instance, built: BuiltModel, o: StableOptions, started: number, timings: { decodeMs: number; buildMs: number }): { result: StableResult; stability: Stability } => {
  const solveStarted = performance.now();
  const market = buildMarket(instance, built);
  const proposing = o.proposing ?? "workers";
  const caps = proposing === "employers" ? "rigid" : (o.caps ?? "flexible");
  const plan = planCaps(market, caps);
  const rule = ruleOf(o);
  const prio = priorities(instance.workers.map((w) => w.id), rule);
  const matching = proposing === "workers" ? workerProposing(market, plan, prio) : employerProposing(market, plan, prio);
  const solveMs = performance.now() - solveStarted;
  const flows = flowsOf(instance, built, matching.placedAt);
  // Deferred acceptance places only eligible pairs, so the flows always exist.
  const f = E.isRight(flows) ? flows.right : [];
  const result = assemblePlan(
    instance,
    built,
    {
      status: "stable",
      engine: "deferred-acceptance",
      message: null,
      solution: { placedAt: matching.placedAt, flows: f, objective: objectiveOf(built.model, f) },
      bound: null,
    },
    { ...timings, solveMs },
    started,
  );
  const stabilityStarted = performance.now();
  const stability = stabilityOf(instance, built, matching.placedAt, {}, market);
  const stabilityMs = performance.now() - stabilityStarted;
  const capped = plan.handling.some((h) => h.treatment === "flexible" || h.treatment === "rigid");
  return {
    result: {
      ...result,
      stability: stability.summary,
      timings: { ...result.timings, stabilityMs, totalMs: result.timings.totalMs + stabilityMs },
      mechanism: { proposing, caps, tieBreak: rule, handling: plan.handling, proposals: matching.proposals, guarantees: guarantees(proposing, capped, caps) },
    },
    stability,
  };
};

/** A stable plan for the instance; see the module comment. */
export const stableMatch = (input: unknown, options?: StableOptions): E.Either<readonly InputIssue[], StableResult> => {
  const started = performance.now();
  const opts = decodeStableOptions(options);
  const decoded = decodeInstance(input);
  if (E.isLeft(opts) || E.isLeft(decoded)) return E.left(capIssues([...(E.isLeft(decoded) ? decoded.left : []), ...(E.isLeft(opts) ? opts.left : [])]));
  const staggered = staggeredStarts(decoded.right, input);
  if (staggered.length > 0) return E.left(capIssues(staggered));
  const decodeMs = performance.now() - started;
  const buildStarted = performance.now();
  const built = buildModel(decoded.right);
  const buildMs = performance.now() - buildStarted;
  return E.right(stablePlan(decoded.right, built, opts.right, started, { decodeMs, buildMs }).result);
};
