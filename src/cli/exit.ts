/**
 * The command line's exit codes and its failures, as values.
 *
 * | code | meaning |
 * |---|---|
 * | 0 | done (`--help` and `--version` too) |
 * | 1 | bad input: a file that cannot be read or parsed, or located issues in it (printed with `formatIssues`) |
 * | 2 | usage: unknown command or option, missing or conflicting arguments |
 * | 3 | solved, but not to proven optimality (infeasible, time limit, engine error); the result is still written |
 * | 4 | the output could not be written |
 * | 5 | internal error (a bug: please report it; `JOBMATCH_DEBUG=1` shows the stack) |
 * | 6 | not enough memory: the input needs more than the heap allows (estimated before the work starts; nothing is written) |
 */
import type * as E from "fp-ts/lib/Either.js";
import { formatIssues, type InputIssue } from "../input/issues.js";

/** Exit codes by meaning; see the table above. */
export const EXIT = {
  ok: 0,
  badInput: 1,
  usage: 2,
  notOptimal: 3,
  cannotWrite: 4,
  internal: 5,
  outOfMemory: 6,
} as const;

/** One of the exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Why a command stopped early: its exit code and what to tell the user on standard error. */
export interface Failure {
  readonly exit: ExitCode;
  readonly message: string;
}

/** A failure with its exit code and message. */
export const failure = (exit: ExitCode, message: string): Failure => ({ exit, message });

/** Bad input with located issues: a heading line, then one issue per line. */
export const issuesFailure = (heading: string, issues: readonly InputIssue[]): Failure =>
  failure(EXIT.badInput, `${heading}\n${formatIssues(issues)}`);

/** A usage error (exit 2). */
export const usage = (message: string): Failure => failure(EXIT.usage, message);

/** Records a command's outcome: the exit code, and the failure's message on standard error (./program.ts). */
export type Finish = (outcome: E.Either<Failure, ExitCode>) => void;
