/**
 * Saved plans on the command line: reading one (`jobmatch explain plan.json
 * --worker W0001` explains the plan as saved, without solving again:
 * ./explain.ts), and writing one (`jobmatch solve --plan plan.json`:
 * ./solve.ts). A plan whose instance no longer matches its hash is
 * explained as it was solved, with a notice on standard error first.
 */
import * as E from "fp-ts/lib/Either.js";
import type { MatchOptions } from "../match.js";
import { loadPlan, planToJson, savePlan, type LoadedPlan } from "../plan/file.js";
import type { MatchResult } from "../result/types.js";
import { issuesFailure, type Failure } from "./exit.js";
import type { CliContext } from "./io.js";
import { writeOutput } from "./write.js";

/** A plan file read: its located issues as bad input, and its staleness notice on standard error. */
export const readPlan = (json: unknown, name: string, ctx: CliContext): E.Either<Failure, LoadedPlan> => {
  const loaded = loadPlan(json);
  if (E.isLeft(loaded)) return E.left(issuesFailure(`${name} is not a plan this jobmatch can read:`, loaded.left));
  if (loaded.right.stale !== null) ctx.stderr.write(`notice: ${name}: ${loaded.right.stale}\n`);
  return E.right(loaded.right);
};

/** Writes the plan of a solved instance to `path` (`jobmatch solve --plan`). */
export const writePlan = async (input: unknown, result: MatchResult, options: MatchOptions, path: string, ctx: CliContext): Promise<E.Either<Failure, void>> => {
  const plan = savePlan(input, result, options);
  if (E.isLeft(plan)) return E.left(issuesFailure("the plan cannot be saved:", plan.left));
  return await writeOutput(planToJson(plan.right), path, ctx);
};
