/**
 * `jobmatch solve`: place an instance's workers and write the result.
 *
 *     jobmatch solve instance.json                       # result JSON on standard output
 *     jobmatch solve --workers w.csv --employers e.csv --format csv --out result.csv
 *     jobmatch solve instance.json --html report.html --markdown report.md
 */
import { Command, Option } from "commander";
import * as E from "fp-ts/lib/Either.js";
import { resultToCsv } from "../io/csv.js";
import { renderHtmlReport } from "../report/html.js";
import { formatResultMarkdown } from "../report/markdown.js";
import { duration, int } from "../report/format.js";
import type { MatchResult } from "../result/types.js";
import { matchDecoded } from "../match.js";
import { compareResults } from "../scenario/compare.js";
import type { StabilityReport } from "../stable/stabilityReport.js";
import { EXIT, issuesFailure, type ExitCode, type Failure, type Finish } from "./exit.js";
import { instanceInputs, loadDecoded, type InstanceOptions } from "./instance.js";
import type { CliContext } from "./io.js";
import { prettyJsonPieces } from "./json.js";
import { checkOutputs, writeOutput, type OutputTarget } from "./write.js";
import { addInstanceOptions, addSolveOptions, matchOptions } from "./options.js";
import { createProgress } from "./progress.js";
import { writePlan } from "./plan.js";

/** The options of `jobmatch solve`, as commander parses them. */
export interface SolveOptions extends InstanceOptions {
  readonly format: "json" | "csv";
  readonly out?: string;
  readonly markdown?: string;
  readonly html?: string;
  readonly plan?: string;
  readonly engine?: string;
  readonly timeLimit?: number;
}

/** One line for people: "placed 1,778 of 2,000 workers (optimal, lp-solver, 0.5 s)", and the arrival waves where slots start in several months ("; by start month: 2026-10 530, 2027-01 531"). */
export const resultLine = (r: MatchResult): string =>
  `placed ${int(r.summary.placed)} of ${int(r.summary.workers)} workers (${r.status}, ${r.engine}, ${duration(r.timings.totalMs)})${r.message === null ? "" : `: ${r.message}`}${waveWords(r)}`;

const waveWords = (r: MatchResult): string => {
  const months = Object.entries(r.summary.byStartMonth ?? {});
  return months.length < 2 ? "" : `; by start month: ${months.map(([month, g]) => `${month} ${int(g.placed)}`).join(", ")}`;
};

/** The report files asked for (--markdown, --html), as outputs to check before the work starts. */
export const reportTargets = (o: { readonly markdown?: string; readonly html?: string }): OutputTarget[] => [
  ...(o.markdown === undefined ? [] : [{ flag: "--markdown", path: o.markdown }]),
  ...(o.html === undefined ? [] : [{ flag: "--html", path: o.html }]),
];

/** Writes the Markdown and HTML reports asked for; `employers` names where placements are in the HTML report's lists; with a full stability report, its detail. */
export const writeReports = async (
  r: MatchResult,
  o: { readonly markdown?: string; readonly html?: string },
  title: string,
  ctx: CliContext,
  employers: readonly { readonly id: string; readonly name?: string; readonly prefecture: string; readonly field: string }[] = [],
  stability?: StabilityReport,
): Promise<E.Either<Failure, void>> => {
  const detail = stability === undefined ? {} : { stability };
  if (o.markdown !== undefined) {
    const w = await writeOutput(formatResultMarkdown(r, { title, name: "result", ...detail }), o.markdown, ctx);
    if (E.isLeft(w)) return w;
  }
  if (o.html !== undefined) {
    const w = await writeOutput(renderHtmlReport(compareResults([{ name: "result", result: r }]), { title, results: [{ name: "result", result: r, employers }], ...detail }), o.html, ctx);
    if (E.isLeft(w)) return w;
  }
  return E.right(undefined);
};

/** Runs `jobmatch solve`; the exit code, or a failure to report. */
export const solveAction = async (file: string | undefined, o: SolveOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  const outputs = checkOutputs([{ flag: "--out", path: o.out }, ...reportTargets(o), ...(o.plan === undefined ? [] : [{ flag: "--plan", path: o.plan }])], instanceInputs(file, o), ctx);
  if (E.isLeft(outputs)) return outputs;
  const progress = createProgress(ctx.stderr, 3);
  progress.update(0, "reading");
  // Decoded in a function of its own, so that the parsed input is not kept through the solve (unless a plan is saved: it holds the input).
  const loaded = await loadDecoded(file, o, ctx, o.plan !== undefined);
  if (E.isLeft(loaded)) return progress.stop(), loaded;
  progress.update(1, "solving");
  const { name, employers, input } = loaded.right;
  const solved = matchDecoded(loaded.right.instance, matchOptions(o), loaded.right.timing);
  progress.update(2, "writing");
  progress.stop();
  // The options come from commander, checked already; the instance was decoded: a Left here would be a bug, reported as bad input all the same.
  if (E.isLeft(solved)) return E.left(issuesFailure(`${name} has problems:`, solved.left));
  const r = solved.right;
  // JSON in pieces: the result of a million workers is never one string of hundreds of megabytes.
  const text = o.format === "csv" ? resultToCsv(r, employers) : prettyJsonPieces(r);
  const written = await writeOutput(text, o.out, ctx);
  if (E.isLeft(written)) return written;
  const reports = await writeReports(r, o, `jobmatch: ${name}`, ctx, employers);
  if (E.isLeft(reports)) return reports;
  if (o.plan !== undefined) {
    const saved = await writePlan(input, r, matchOptions(o), o.plan, ctx);
    if (E.isLeft(saved)) return saved;
  }
  if (o.out !== undefined || r.status !== "optimal") ctx.stderr.write(`${resultLine(r)}\n`);
  return E.right(r.status === "optimal" ? EXIT.ok : EXIT.notOptimal);
};

/** The `solve` command for commander. */
export const solveCommand = (ctx: CliContext, finish: Finish): Command =>
  addSolveOptions(
    addInstanceOptions(
      new Command("solve")
        .description("place an instance's workers and write the result (JSON or CSV)")
        .argument("[instance]", "instance JSON file (or - for standard input), .xlsx workbook, or folder of CSV sheets"),
    ),
  )
    .addOption(new Option("--format <format>", "result format").choices(["json", "csv"]).default("json"))
    .option("-o, --out <file>", "write the result to this file instead of standard output")
    .option("--markdown <file>", "also write a Markdown report")
    .option("--html <file>", "also write an HTML report with charts")
    .option("--plan <file>", "also save the plan (instance, options, result and the instance's hash) for jobmatch explain and jobmatch replan")
    .addHelpText(
      "after",
      "\nThe CSV result has one row per worker: workerId, placed, employerId, prefecture, field, score, reason, detail.\nExit codes: 0 optimal, 1 bad input, 2 usage, 3 not optimal (result still written), 4 cannot write, 6 not enough memory.",
    )
    .action(async (file: string | undefined, o: SolveOptions) => finish(await solveAction(file, o, ctx)));
