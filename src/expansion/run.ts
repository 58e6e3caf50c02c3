/**
 * Marginal values and the expansion plan of one instance, in one call: the
 * baseline solve, then the re-solves of ./slots.ts, ./training.ts and
 * ./planner.ts. Synchronous and total: bad input is a Left with every
 * located issue, as from `match`.
 *
 * @example
 * const report = expansionReport(instance, { centres: 3 });
 * if (isRight(report)) console.log(formatExpansionMarkdown(report.right));
 */
import * as E from "fp-ts/lib/Either.js";
import type { InstanceInput } from "../input/codecs.js";
import type { InputIssue } from "../input/issues.js";
import type { MatchOptions } from "../match.js";
import { baseline } from "./baseline.js";
import type { ExpansionReport } from "./format.js";
import { planExpansion } from "./planner.js";
import { slotValues } from "./slots.js";
import { trainingValues, type TrainingOptions } from "./training.js";

/** `match` options, and how many centres and skills tests the training figures try. */
export interface ExpansionOptions extends MatchOptions, TrainingOptions {}

/** The expansion report of an instance; see the module comment. */
export const expansionReport = (input: InstanceInput, options: ExpansionOptions = {}): E.Either<readonly InputIssue[], ExpansionReport> => {
  const { centres, skillTests, ...matchOptions } = options;
  const base = baseline(input, matchOptions);
  if (E.isLeft(base)) return base;
  const b = base.right;
  const slots = slotValues(b);
  const training = trainingValues(b, { ...(centres === undefined ? {} : { centres }), ...(skillTests === undefined ? {} : { skillTests }) });
  const plan = planExpansion(b);
  return E.right({ placed: b.result.summary.placed, workers: b.result.summary.workers, slots, training, plan, solves: b.solves + 1, exact: b.exact });
};
