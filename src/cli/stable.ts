/**
 * `jobmatch stable`: a stable plan by deferred acceptance, or, with
 * --compare, the price of stability (the optimal plan against the stable
 * one).
 *
 *     jobmatch stable instance.json > stable.json
 *     jobmatch stable --workers w.csv --employers e.csv --rankings r.csv --format csv --out stable.csv
 *     jobmatch stable instance.json --proposing employers --tie-break multiple --seed 7
 *     jobmatch stable instance.json --compare                  # Markdown table: optimal | stable
 *     jobmatch stable instance.json --compare --top-choice     # and the optimal plan with no blocking pair at a top choice
 *     jobmatch stable instance.json --export-top-choice tc.lp  # that model in CPLEX LP, for an outside solver
 */
import { Command, Option } from "commander";
import * as E from "fp-ts/lib/Either.js";
import { toLP } from "../engine/lpFormat.js";
import type { EmployerInput } from "../input/codecs.js";
import { decodeInstance } from "../input/decode.js";
import { resultToCsv } from "../io/csv.js";
import { locateRankings, rankingsFromCsv } from "../io/rankings.js";
import { buildModel } from "../model/build.js";
import { int } from "../report/format.js";
import { formatPriceOfStability, formatResultMarkdown } from "../report/markdown.js";
import { topChoiceModel } from "../stable/constrained.js";
import { buildMarket } from "../stable/market.js";
import { priceOfStability } from "../stable/price.js";
import { stableMatch, type StableOptions } from "../stable/stable.js";
import { auditMatch } from "../stable/stabilityReport.js";
import { EXIT, issuesFailure, usage, type ExitCode, type Failure, type Finish } from "./exit.js";
import { loadInstance, reportNotices, type InstanceOptions, type LoadedInstance } from "./instance.js";
import { readText, writeOutput, type CliContext } from "./io.js";
import { addInstanceOptions, addSolveOptions, matchOptions } from "./options.js";
import { writeReports } from "./solve.js";

/** The options of `jobmatch stable`. */
export interface StableCommandOptions extends InstanceOptions {
  readonly rankings?: string;
  readonly proposing: "workers" | "employers";
  readonly caps: "flexible" | "rigid";
  readonly tieBreak: "id" | "single" | "multiple";
  readonly seed?: string;
  /** Default: json for a plan, markdown with --compare. */
  readonly format?: "json" | "csv" | "markdown";
  readonly out?: string;
  readonly markdown?: string;
  readonly html?: string;
  readonly compare?: boolean;
  readonly topChoice?: boolean;
  readonly exportTopChoice?: string;
  readonly engine?: string;
  readonly timeLimit?: number;
}

/** The instance with rankings.csv (--rankings) as its rankings section (replacing its own, as --policy does), its issues pointed at the file's rows. */
export const loadWithRankings = async (file: string | undefined, o: InstanceOptions & { readonly rankings?: string }, ctx: CliContext): Promise<E.Either<Failure, LoadedInstance>> => {
  const loaded = await loadInstance(file, o, ctx);
  if (E.isLeft(loaded) || o.rankings === undefined) return loaded;
  const text = await readText(o.rankings, ctx);
  if (E.isLeft(text)) return text;
  const csv = rankingsFromCsv(text.right, o.rankings);
  if (E.isLeft(csv)) return E.left(issuesFailure(`${o.rankings} has problems:`, csv.left));
  const l = loaded.right;
  return E.right({
    ...l,
    input: { ...(l.input as object), rankings: csv.right.rankings },
    name: `${l.name} and ${o.rankings}`,
    locate: (issues) => l.locate(locateRankings(issues, csv.right)),
  });
};

const stableOptionsOf = (o: StableCommandOptions): StableOptions => ({
  proposing: o.proposing,
  caps: o.caps,
  tieBreak: o.tieBreak,
  ...(o.seed === undefined ? {} : { seed: o.seed }),
});

/** Runs `jobmatch stable`; the exit code, or a failure to report. */
export const stableAction = async (file: string | undefined, o: StableCommandOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  if (o.tieBreak !== "id" && o.seed === undefined) return E.left(usage(`--tie-break ${o.tieBreak} is a lottery: give its --seed`));
  if (o.topChoice === true && o.compare !== true) return E.left(usage("--top-choice goes with --compare"));
  if (o.format === "csv" && o.compare === true) return E.left(usage("--compare writes Markdown or JSON, not CSV"));
  const loaded = await loadWithRankings(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  reportNotices(loaded.right, ctx);
  const { input, name, locate } = loaded.right;

  if (o.exportTopChoice !== undefined) {
    const instance = decodeInstance(input);
    if (E.isLeft(instance)) return E.left(issuesFailure(`${name} has problems:`, locate(instance.left)));
    const m = topChoiceModel(buildMarket(instance.right, buildModel(instance.right)));
    const written = writeOutput(toLP(m.model), o.exportTopChoice, ctx);
    if (E.isLeft(written)) return written;
    ctx.stderr.write(`${o.exportTopChoice}: ${int(m.model.arcs.length)} variables (the first ${int(m.realArcs)} are placements), ${int(m.model.sideConstraints.length)} side rows for ${int(m.guarded)} worker classes\n`);
  }

  if (o.compare === true) {
    const p = priceOfStability(input, { ...matchOptions(o), stable: stableOptionsOf(o), topChoice: o.topChoice === true });
    if (E.isLeft(p)) return E.left(issuesFailure(`${name} has problems:`, locate(p.left)));
    const text = o.format === "json" ? `${JSON.stringify(p.right, null, 2)}\n` : formatPriceOfStability(p.right);
    const written = writeOutput(text, o.out, ctx);
    if (E.isLeft(written)) return written;
    const proved = p.right.optimal.status === "optimal" && (p.right.topChoice === null || p.right.topChoice.status === "optimal");
    return E.right(proved ? EXIT.ok : EXIT.notOptimal);
  }

  const r = stableMatch(input, stableOptionsOf(o));
  if (E.isLeft(r)) return E.left(issuesFailure(`${name} has problems:`, locate(r.left)));
  const employers = (input as { readonly employers?: readonly EmployerInput[] }).employers ?? [];
  const title = `jobmatch stable: ${name}`;
  // The reports show the plan's full stability report (the employers most exposed, the wage that would hold them).
  const detail = o.format === "markdown" || o.markdown !== undefined || o.html !== undefined ? auditMatch(input, r.right) : null;
  const stability = detail !== null && E.isRight(detail) ? detail.right : undefined;
  const text =
    o.format === "csv"
      ? resultToCsv(r.right, employers)
      : o.format === "markdown"
        ? formatResultMarkdown(r.right, { title, name: "stable", ...(stability === undefined ? {} : { stability }) })
        : `${JSON.stringify(r.right, null, 2)}\n`;
  const written = writeOutput(text, o.out, ctx);
  if (E.isLeft(written)) return written;
  const reports = writeReports(r.right, o, title, ctx, employers, stability);
  if (E.isLeft(reports)) return reports;
  if (o.out !== undefined) ctx.stderr.write(`placed ${int(r.right.summary.placed)} of ${int(r.right.summary.workers)} workers in a stable plan (${r.right.mechanism.proposing} proposing; ${int(r.right.stability?.blockingPairs ?? 0)} blocking pairs)\n`);
  return E.right(EXIT.ok);
};

const HELP = `
Preferences: each worker's and employer's rankings (the instance's "rankings" section, or
--rankings rankings.csv: side,id,ranking,others,accepted,rejected), or where
none is stated, derived from the instance (worker: field and prefecture wishes and the wage;
employer: preferred skills, Japanese above its requirement, experience).

The JSON result is a match result ("status": "stable") with "mechanism": how each limit of the
policy was treated (regional caps flexibly, crossing caps rigidly; minimum quotas, fairness
floors, diversity and groups not honoured, reported in "policy").

--compare writes the price of stability: placements, total score, blocking pairs and placements
at risk of the optimal plan and of the stable plan (Markdown, or JSON with --format json).
With --top-choice it also solves the optimal plan with no blocking pair at a worker's top
choice (exact; within --time-limit with the engine chosen).`;

/** The `stable` command for commander. */
export const stableCommand = (ctx: CliContext, finish: Finish): Command =>
  addSolveOptions(
    addInstanceOptions(
      new Command("stable")
        .description("a stable plan by deferred acceptance (workers choose), or with --compare what stability costs against the optimal plan")
        .argument("[instance]", "instance JSON file, or - for standard input"),
    ),
  )
    .option("--rankings <file>", "rankings.csv, the stated preferences (replaces the instance's own rankings section)")
    .addOption(new Option("--proposing <side>", "who proposes").choices(["workers", "employers"]).default("workers"))
    .addOption(new Option("--caps <how>", "regional caps (maximum quotas): flexible (Kamada-Kojima) or rigid").choices(["flexible", "rigid"]).default("flexible"))
    .addOption(new Option("--tie-break <rule>", "employers' ties: by worker id, or a seeded lottery").choices(["id", "single", "multiple"]).default("id"))
    .option("--seed <seed>", "the lottery's seed (with --tie-break single or multiple)")
    .addOption(new Option("--format <format>", "output format (default: json; markdown with --compare)").choices(["json", "csv", "markdown"]))
    .option("-o, --out <file>", "write the output to this file instead of standard output")
    .option("--markdown <file>", "also write a Markdown report of the stable plan")
    .option("--html <file>", "also write an HTML report of the stable plan")
    .option("--compare", "the price of stability: the optimal plan against the stable one")
    .option("--top-choice", "with --compare: also the optimal plan with no blocking pair at a top choice")
    .option("--export-top-choice <file>", "write the top-choice model in CPLEX LP format, for an outside solver")
    .addHelpText("after", `${HELP}\n\nExit codes: 0 done, 1 bad input, 2 usage, 3 an optimisation not proved optimal (output still written), 4 cannot write.`)
    .action(async (file: string | undefined, o: StableCommandOptions) => finish(await stableAction(file, o, ctx)));
