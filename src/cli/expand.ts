/**
 * `jobmatch expand`: where the next worker should go. The expansion report
 * of an instance (../expansion/run.ts): how many more placements one more
 * slot in each prefecture and field would bring, how many more workers each
 * training upgrade would place per 100 trained, by centre, and the
 * planner's split of the cohort against the naive proportional one.
 *
 *     jobmatch expand instance.json                      # Markdown on standard output
 *     jobmatch expand --scenario shikoku --centres 3     # a bundled scenario's instance
 *     jobmatch expand --workers w.csv --employers e.csv --format json --out expansion.json
 */
import { Command, Option } from "commander";
import * as E from "fp-ts/lib/Either.js";
import { formatExpansionMarkdown } from "../expansion/format.js";
import { expansionReport } from "../expansion/run.js";
import type { InstanceInput } from "../input/codecs.js";
import type { InputIssue } from "../input/issues.js";
import { findBundledScenario, BUNDLED_SCENARIOS } from "../scenario/bundled.js";
import { scenarioInstance } from "../scenario/instance.js";
import { EXIT, issuesFailure, usage, type ExitCode, type Failure, type Finish } from "./exit.js";
import type { CliContext } from "./io.js";
import { prettyJsonPieces } from "./json.js";
import { addInstanceOptions, addSolveOptions, matchOptions, positiveInteger } from "./options.js";
import { instanceInputs, loadInstance, reportNotices, type InstanceOptions } from "./instance.js";
import { checkOutputs, writeOutput } from "./write.js";

/** How many centres and skills tests the training figures may try: each is a re-solve. */
const MAX_TRIES = 50;

/** The options of `jobmatch expand`. */
export interface ExpandOptions extends InstanceOptions {
  readonly scenario?: string;
  readonly centres?: number;
  readonly skillTests?: number;
  readonly format: "markdown" | "json";
  readonly out?: string;
  readonly engine?: string;
  readonly timeLimit?: number;
}

/** The instance to expand: a bundled scenario's, or the one the files name; with its name for messages. */
const instanceOf = async (file: string | undefined, o: ExpandOptions, ctx: CliContext): Promise<E.Either<Failure, { input: unknown; name: string; locate: (issues: readonly InputIssue[]) => readonly InputIssue[] }>> => {
  if (o.scenario !== undefined) {
    if (file !== undefined || o.workers !== undefined) return E.left(usage("give an instance or --scenario, not both"));
    const scenario = findBundledScenario(o.scenario);
    if (scenario === undefined) return E.left(usage(`--scenario: no bundled scenario "${o.scenario}" (${BUNDLED_SCENARIOS.map((s) => s.name).join(", ")})`));
    const drawn = scenarioInstance(scenario);
    if (E.isLeft(drawn)) return E.left(issuesFailure(`scenario ${scenario.name} has problems:`, drawn.left));
    return E.right({ input: drawn.right, name: `scenario ${scenario.name}`, locate: (issues) => issues });
  }
  const loaded = await loadInstance(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  reportNotices(loaded.right, ctx);
  return E.right(loaded.right);
};

/** Runs `jobmatch expand`; the exit code, or a failure to report. */
export const expandAction = async (file: string | undefined, o: ExpandOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  const outputs = checkOutputs([{ flag: "--out", path: o.out }], o.scenario === undefined ? instanceInputs(file, o) : [], ctx);
  if (E.isLeft(outputs)) return outputs;
  const loaded = await instanceOf(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  const { input, name, locate } = loaded.right;
  const report = expansionReport(input as InstanceInput, {
    ...matchOptions(o),
    ...(o.centres === undefined ? {} : { centres: o.centres }),
    ...(o.skillTests === undefined ? {} : { skillTests: o.skillTests }),
  });
  if (E.isLeft(report)) return E.left(issuesFailure(`${name} has problems:`, locate(report.left)));
  const text = o.format === "json" ? prettyJsonPieces(report.right) : `${formatExpansionMarkdown(report.right)}\n`;
  const written = await writeOutput(text, o.out, ctx);
  return E.isLeft(written) ? written : E.right(EXIT.ok);
};

/** The `expand` command for commander. */
export const expandCommand = (ctx: CliContext, finish: Finish): Command =>
  addSolveOptions(
    addInstanceOptions(
      new Command("expand")
        .description("where the next worker should go: the marginal value of a slot by prefecture and field, of training by centre, and the planner's split of the cohort")
        .argument("[instance]", "instance JSON file, or - for standard input"),
    ),
  )
    .option("--scenario <name>", `a bundled scenario's instance instead of a file (${BUNDLED_SCENARIOS.map((s) => s.name).join(", ")})`)
    .option("--centres <n>", `how many training centres to try, most workers left out first (default 5, at most ${MAX_TRIES})`, positiveInteger("--centres", MAX_TRIES))
    .option("--skill-tests <n>", `how many fields' skills tests to try, most empty slots first (default 2, at most ${MAX_TRIES})`, positiveInteger("--skill-tests", MAX_TRIES))
    .addOption(new Option("--format <format>", "output format").choices(["markdown", "json"]).default("markdown"))
    .option("-o, --out <file>", "write the report to this file instead of standard output")
    .addHelpText(
      "after",
      "\nEvery figure is a re-solve of the instance with one thing changed; the report says whether each solve was proved optimal (exact where the model is a network).\n\nExit codes: 0 done, 1 bad input, 2 usage, 4 cannot write.",
    )
    .action(async (file: string | undefined, o: ExpandOptions) => finish(await expandAction(file, o, ctx)));
