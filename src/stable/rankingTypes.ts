/**
 * Rankings as decoded (./rankings.ts decodes them): plain types, apart from
 * the decoder so that the instance's types (../input/instance.ts) can name
 * them without an import cycle.
 */
import type { InputIssue } from "../input/issues.js";
import type { Others } from "./codecs.js";

/** A worker's stated ranking of employers. */
export interface WorkerRanking {
  /** Employer ids, best first; each tier is a tie. Only employers that accept the worker. */
  readonly tiers: readonly (readonly string[])[];
  readonly others: Others;
  /** Where it is in the input: "rankings.workers[3]". */
  readonly source: string;
}

/** An employer's stated ranking of workers and its interview outcomes. */
export interface EmployerRanking {
  /** Worker ids, best first; each tier is a tie. Only workers eligible there. */
  readonly tiers: readonly (readonly string[])[];
  /** Workers accepted at interview (eligible ones). */
  readonly accepted: readonly string[];
  /** Workers rejected at interview: never acceptable. */
  readonly rejected: readonly string[];
  readonly others: Others;
  readonly source: string;
}

/** The rankings of an instance, by id; empty maps when the section is absent. */
export interface Rankings {
  readonly workers: ReadonlyMap<string, WorkerRanking>;
  readonly employers: ReadonlyMap<string, EmployerRanking>;
  /** Entries dropped because they can never be placed; the instance still decodes. */
  readonly warnings: readonly InputIssue[];
}

export const NO_RANKINGS: Rankings = { workers: new Map(), employers: new Map(), warnings: [] };
