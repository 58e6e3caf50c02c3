/**
 * `jobmatch replan`: a saved plan, events (JSON or CSV), and the new plan
 * with what changed and why.
 *
 *     jobmatch replan plan.json --events events.csv --out plan-2.json
 *     jobmatch replan plan.json --events events.json --moves pinned --out plan-2.json --markdown changes.md
 *     jobmatch replan plan.json --events events.json --moves penalty:5 --out plan-2.json --format json > diff.json
 *
 * The diff goes to standard output (or --diff FILE): text, or JSON (the
 * replan result's `diff`, `events` and `solvedBy`). The reports (--markdown,
 * --html) are the result's, with the diff as their last sections.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import * as E from "fp-ts/lib/Either.js";
import type { EmployerInput } from "../input/codecs.js";
import type { InputIssue } from "../input/issues.js";
import { eventsFromCsv } from "../plan/eventsCsv.js";
import { diffSections, formatDiff } from "../plan/format.js";
import { planToJson } from "../plan/file.js";
import type { MovePolicy } from "../plan/model.js";
import { replan } from "../plan/replan.js";
import { renderHtmlReport } from "../report/html.js";
import { formatResultMarkdown } from "../report/markdown.js";
import { compareResults } from "../scenario/compare.js";
import { EXIT, failure, issuesFailure, type ExitCode, type Failure, type Finish } from "./exit.js";
import { parseJson, readJson, readText, type CliContext } from "./io.js";
import { prettyJsonPieces } from "./json.js";
import { checkOutputs, writeOutput } from "./write.js";
import { addSolveOptions, matchOptions } from "./options.js";
import { readPlan } from "./plan.js";
import { resultLine } from "./solve.js";

export interface ReplanCliOptions {
  readonly events: string;
  readonly out: string;
  readonly moves: MovePolicy;
  readonly format: "text" | "json";
  readonly diff?: string;
  readonly markdown?: string;
  readonly html?: string;
  readonly engine?: string;
  readonly timeLimit?: number;
}

/** --moves: fewest, pinned, or penalty:K. */
const parseMoves = (value: string): MovePolicy => {
  if (value === "fewest" || value === "pinned") return value;
  const m = /^penalty:(\d+)$/.exec(value.trim());
  if (m !== null) return { penalty: Number(m[1]) };
  throw new InvalidArgumentError(`--moves must be fewest, pinned or penalty:K (K whole score points per move), got "${value}".`);
};

/** The events file as JSON for replan, and how to point its issues back at it. */
const readEvents = async (path: string, ctx: CliContext): Promise<E.Either<Failure, { readonly events: unknown; readonly locate: (i: readonly InputIssue[]) => readonly InputIssue[] }>> => {
  if (!/\.csv$/i.test(path)) return E.map((events: unknown) => ({ events, locate: (i: readonly InputIssue[]) => i }))(await readJson(path, ctx));
  const text = await readText(path, ctx);
  if (E.isLeft(text)) return text;
  const csv = eventsFromCsv(text.right.replace(/^\uFEFF/, ""), path);
  if (csv.issues.length > 0) return E.left(issuesFailure(`${path} has problems:`, csv.issues));
  return E.right({ events: csv.events, locate: csv.locate });
};

/** Runs `jobmatch replan`; the exit code, or a failure to report. */
export const replanAction = async (file: string, o: ReplanCliOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  // Before any work: no output over the plan or the events read, none into a missing folder, none to a closed standard output.
  const outputs = checkOutputs(
    [
      { flag: "--out", path: o.out },
      { flag: "--diff", path: o.diff },
      ...(o.markdown === undefined ? [] : [{ flag: "--markdown", path: o.markdown }]),
      ...(o.html === undefined ? [] : [{ flag: "--html", path: o.html }]),
    ],
    [file, o.events],
    ctx,
  );
  if (E.isLeft(outputs)) return outputs;
  const json = await readText(file, ctx);
  if (E.isLeft(json)) return json;
  const parsed = parseJson(json.right, file);
  if (E.isLeft(parsed)) return parsed;
  const loaded = readPlan(parsed.right, file, ctx);
  if (E.isLeft(loaded)) return loaded;
  const events = await readEvents(o.events, ctx);
  if (E.isLeft(events)) return events;
  const { plan } = loaded.right;
  const r = replan(plan.instance, plan, events.right.events, { ...matchOptions(o), moves: o.moves });
  if (E.isLeft(r)) return E.left(issuesFailure(`the events cannot be applied to ${file} (nothing was applied):`, events.right.locate(r.left)));
  const x = r.right;
  // No solution (infeasible, an engine error, a time limit with nothing found): the old plan stands, and no empty plan replaces it.
  if (!x.result.hasSolution) return E.left(failure(EXIT.notOptimal, `no new plan (${x.result.status}${x.result.message === null ? "" : `: ${x.result.message}`}); ${o.out} was not written`));
  const written = await writeOutput(planToJson(x.plan), o.out, ctx);
  if (E.isLeft(written)) return written;
  const diffText = o.format === "json" ? prettyJsonPieces({ diff: x.diff, events: x.events, solvedBy: x.solvedBy }) : `${formatDiff(x.diff)}${x.solvedBy.note}\n`;
  const d = await writeOutput(diffText, o.diff, ctx);
  if (E.isLeft(d)) return d;
  const title = `jobmatch: ${file} after ${x.events.length} event${x.events.length === 1 ? "" : "s"}`;
  const sections = diffSections(x.diff, 200);
  if (o.markdown !== undefined) {
    const w = await writeOutput(formatResultMarkdown(x.result, { title, name: "re-plan", appendix: sections }), o.markdown, ctx);
    if (E.isLeft(w)) return w;
  }
  if (o.html !== undefined) {
    const employers = (x.plan.instance as { readonly employers: readonly EmployerInput[] }).employers;
    const w = await writeOutput(renderHtmlReport(compareResults([{ name: "re-plan", result: x.result }]), { title, notes: sections, results: [{ name: "re-plan", result: x.result, employers }] }), o.html, ctx);
    if (E.isLeft(w)) return w;
  }
  ctx.stderr.write(`${resultLine(x.result)}; ${x.solvedBy.exact ? "exact" : "not proved exact"}\n`);
  return E.right(x.result.status === "optimal" ? EXIT.ok : EXIT.notOptimal);
};

/** The `replan` command for commander. */
export const replanCommand = (ctx: CliContext, finish: Finish): Command =>
  addSolveOptions(
    new Command("replan")
      .description("apply dated events (JSON or CSV) to a saved plan and write the new plan, with who moved and why")
      .argument("<plan>", "a saved plan (jobmatch solve --plan, or an earlier replan)"),
  )
    .requiredOption("--events <file>", "the events: JSON (a list) or CSV (date,type,worker,employer,count,...)")
    .requiredOption("-o, --out <file>", "write the new plan to this file")
    .addOption(new Option("--moves <order>", "pinned (fewest moves first: a placed worker moves only when an event forces it; the default), fewest (placements, then fewest moves, then score), or penalty:K (K score points per move)").argParser(parseMoves).default("pinned"))
    .addOption(new Option("--format <format>", "format of the diff").choices(["text", "json"]).default("text"))
    .option("--diff <file>", "write the diff to this file instead of standard output")
    .option("--markdown <file>", "also write a Markdown report of the new plan, the diff at its end")
    .option("--html <file>", "also write an HTML report of the new plan, the diff at its end")
    .addHelpText("after", "\nExit codes: 0 optimal, 1 bad input (every issue of the plan or the events; nothing applied), 2 usage, 3 not optimal (still written), 4 cannot write.")
    .action(async (file: string, o: ReplanCliOptions) => finish(await replanAction(file, o, ctx)));
