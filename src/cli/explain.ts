/**
 * `jobmatch explain`: solve, then explain one worker or one employer.
 *
 *     jobmatch explain instance.json --worker W0006
 *     jobmatch explain --workers w.csv --employers e.csv --employer E012 --format json
 */
import { Command, Option } from "commander";
import * as E from "fp-ts/lib/Either.js";
import { decodeInstance } from "../input/decode.js";
import { issue } from "../input/issues.js";
import { EXIT, issuesFailure, usage, type ExitCode, type Failure, type Finish } from "./exit.js";
import { explainEmployer, explainWorker, formatExplanation } from "./explanation.js";
import { loadInstance, solveLoaded, type InstanceOptions } from "./instance.js";
import { writeOutput, type CliContext } from "./io.js";
import { addInstanceOptions, addSolveOptions, matchOptions } from "./options.js";
import { createProgress } from "./progress.js";

/** The options of `jobmatch explain`, as commander parses them. */
export interface ExplainOptions extends InstanceOptions {
  readonly worker?: string;
  readonly employer?: string;
  readonly format: "text" | "json";
  readonly out?: string;
  readonly engine?: string;
  readonly timeLimit?: number;
}

/** Runs `jobmatch explain`; the exit code, or a failure to report. */
export const explainAction = async (file: string | undefined, o: ExplainOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  if ((o.worker === undefined) === (o.employer === undefined)) return E.left(usage("give exactly one of --worker ID and --employer ID"));
  const loaded = await loadInstance(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  const progress = createProgress(ctx.stderr, 1);
  progress.update(0, "solving");
  const solved = solveLoaded(loaded.right, matchOptions(o));
  progress.stop();
  if (E.isLeft(solved)) return solved;
  const instance = decodeInstance(loaded.right.input);
  if (E.isLeft(instance)) return E.left(issuesFailure(`${loaded.right.name} has problems:`, loaded.right.locate(instance.left)));
  const x =
    o.worker !== undefined ? explainWorker(instance.right, solved.right, o.worker) : explainEmployer(instance.right, solved.right, o.employer as string);
  if (x === null) {
    const [flag, what, id] = o.worker !== undefined ? ["--worker", "a worker id", o.worker] : ["--employer", "an employer id", o.employer as string];
    return E.left(issuesFailure(`${loaded.right.name} has no such ${flag.slice(2)}:`, [issue("invalid", flag, `${what} of ${loaded.right.name}`, id)]));
  }
  const text = o.format === "json" ? `${JSON.stringify(x, null, 2)}\n` : formatExplanation(x, instance.right);
  const written = writeOutput(text, o.out, ctx);
  if (E.isLeft(written)) return written;
  return E.right(solved.right.status === "optimal" ? EXIT.ok : EXIT.notOptimal);
};

/** The `explain` command for commander. */
export const explainCommand = (ctx: CliContext, finish: Finish): Command =>
  addSolveOptions(
    addInstanceOptions(
      new Command("explain")
        .description("solve, then explain where one worker went (and why), or how one employer's slots were filled")
        .argument("[instance]", "instance JSON file, or - for standard input"),
    ),
  )
    .option("--worker <id>", "the worker to explain")
    .option("--employer <id>", "the employer to explain")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("-o, --out <file>", "write the explanation to this file instead of standard output")
    .addHelpText("after", "\nExit codes: 0 done, 1 bad input or unknown id, 2 usage, 3 solve not optimal (explanation still written).")
    .action(async (file: string | undefined, o: ExplainOptions) => finish(await explainAction(file, o, ctx)));
