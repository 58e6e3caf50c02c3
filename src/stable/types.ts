/**
 * The stability summary a result carries (`MatchResult.stability`), as a
 * type of its own so that the result types need nothing else from this room.
 * Built by ./summary.ts.
 */
import type { InputIssue } from "../input/issues.js";

export interface StabilitySummary {
  /** Where the preferences come from: derived from the instance, stated in its rankings, or both. */
  readonly preferences: "derived" | "stated" | "derived and stated";
  /** Pairs of a worker and an employer that would both rather be together (./audit.ts). */
  readonly blockingPairs: number;
  readonly workersWithBlockingOption: number;
  readonly employersInBlockingPairs: number;
  readonly byKind: { readonly freeSlot: number; readonly preferred: number };
  /** Free-slot pairs that move a worker within a cap at its maximum (left by flexible regional caps). */
  readonly withinFullCap: number;
  /** Placements the worker or the employer finds unacceptable (rejected at interview, unlisted under `others: "unacceptable"`). */
  readonly unacceptablePlacements: number;
  /** Placements by retention risk (./retention.ts). */
  readonly risk: { readonly high: number; readonly medium: number; readonly low: number };
  readonly employersAtRisk: { readonly high: number; readonly medium: number };
  /** Ranking entries dropped (ineligible pairs), with where they are. */
  readonly warnings: readonly InputIssue[];
}
