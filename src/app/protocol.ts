/**
 * What the page and its Web Worker say to each other. The page keeps the
 * files, the forms and the tables; the worker solves and explains, so a long
 * solve never freezes the page, and cancelling is ending the worker.
 */
import type { MatchOptions } from "../match.js";
import type { MatchResult } from "../result/types.js";

/** The page asks. */
export type Request =
  | { readonly kind: "solve"; readonly id: number; readonly input: unknown; readonly options: MatchOptions }
  | { readonly kind: "explain"; readonly id: number; readonly subject: "worker" | "employer" | "group"; readonly key: string };

/** The worker answers (`id` is the request's). */
export type Reply =
  | { readonly kind: "progress"; readonly id: number; readonly stage: string }
  | { readonly kind: "solved"; readonly id: number; readonly result: MatchResult }
  | { readonly kind: "issues"; readonly id: number; readonly issues: readonly { readonly path: string; readonly code: string; readonly expected: string; readonly received: string }[] }
  | { readonly kind: "explained"; readonly id: number; readonly text: string }
  | { readonly kind: "failed"; readonly id: number; readonly message: string };
