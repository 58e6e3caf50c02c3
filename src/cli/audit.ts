/**
 * `jobmatch audit`: how stable a plan is: its blocking pairs (a worker and
 * an employer who would both rather be together), counted by employer,
 * field and prefecture, each worker's best blocking option, and the
 * retention risk of every placement and employer.
 *
 *     jobmatch audit instance.json                          # audits the optimal plan (solved first)
 *     jobmatch audit instance.json --plan result.json       # a result of solve or stable, or { placements: [...] }
 *     jobmatch audit plan.json                              # a saved plan (solve --plan, replan), with its own instance: nothing solved
 *     jobmatch audit instance.json --plan plan.json         # a saved plan against the instance as it is now (a notice if it is not the plan's)
 *     jobmatch audit --workers w.csv --employers e.csv --plan result.csv --format csv --out pairs.csv
 *     jobmatch audit instance.json --format text --limit 20
 */
import { Command, Option } from "commander";
import * as E from "fp-ts/lib/Either.js";
import { decodeInstance } from "../input/decode.js";
import { at, type InputIssue } from "../input/issues.js";
import { toCsvText } from "../io/csv.js";
import { planFromCsv } from "../io/rankings.js";
import { match } from "../match.js";
import { buildModel } from "../model/build.js";
import { int } from "../report/format.js";
import { formatResultMarkdown } from "../report/markdown.js";
import { atRiskEmployers, stabilityLines } from "../report/stability.js";
import { readPlan } from "../stable/plan.js";
import { stabilityReport, type StabilityReport } from "../stable/stabilityReport.js";
import { stabilityOf } from "../stable/summary.js";
import { EXIT, issuesFailure, usage, type ExitCode, type Failure, type Finish } from "./exit.js";
import { LIMITS } from "../input/limits.js";
import { readJson, readText, type CliContext } from "./io.js";
import { isPlanFile, staleness } from "../plan/file.js";
import { instanceHashLike } from "../plan/canonical.js";
import { readPlan as readSavedPlan } from "./plan.js";
import { prettyJsonPieces } from "./json.js";
import { addInstanceOptions, addSolveOptions, matchOptions, positiveInteger } from "./options.js";
import { loadWithRankings } from "./stable.js";
import { reportTargets, writeReports } from "./solve.js";
import { instanceInputs, reportNotices, type InstanceOptions, type LoadedInstance } from "./instance.js";
import { checkOutputs, writeOutput } from "./write.js";
import { staggeredStarts } from "../stable/starts.js";

/** The options of `jobmatch audit`. */
export interface AuditOptions extends InstanceOptions {
  readonly rankings?: string;
  readonly plan?: string;
  readonly format: "json" | "text" | "csv";
  readonly limit: number;
  readonly out?: string;
  readonly markdown?: string;
  readonly html?: string;
  readonly engine?: string;
  readonly timeLimit?: number;
}

/** The audit as text: the summary, the employers most exposed, and the first blocking pairs. */
const asText = (r: StabilityReport, limit: number): string => {
  const lines = [...stabilityLines(r.summary)];
  if (r.byEmployer.length > 0) {
    lines.push("", `Employers workers would rather join (${Math.min(limit, r.byEmployer.length)} of ${r.byEmployer.length}):`);
    for (const e of r.byEmployer.slice(0, limit)) lines.push(`  ${e.employerId}: ${int(e.pairs)} blocking pairs`);
  }
  const atRisk = atRiskEmployers(r);
  if (atRisk.length > 0) {
    lines.push("", `Employers at risk of losing workers to a better offer in the plan (${Math.min(limit, atRisk.length)} of ${atRisk.length}):`);
    for (const e of atRisk.slice(0, limit)) {
      const wage = e.retainingWage !== null ? `a wage of ${int(e.retainingWage)} yen (now ${int(e.hourlyWage)}) would answer those offers` : `no wage would answer them (${e.note ?? ""})`;
      lines.push(`  ${e.employerId}: ${int(e.high)} of ${int(e.placed)} placements have one; ${wage}`);
    }
  }
  if (r.pairs.length > 0) {
    lines.push("", `Blocking pairs (${Math.min(limit, r.pairs.length)} of ${int(r.summary.blockingPairs)}):`);
    for (const p of r.pairs.slice(0, limit)) {
      const why = p.kind === "free-slot" ? `${p.employerId} has a free slot` : `${p.employerId} would take her over ${p.displaces ?? "a worker it values less"}`;
      lines.push(`  ${p.workerId} (${p.placedAt === null ? "not placed" : `placed at ${p.placedAt}`}) prefers ${p.employerId}, and ${why}`);
    }
  }
  if (r.unacceptable.length > 0) lines.push("", `Placements one side finds unacceptable: ${r.unacceptable.map((u) => `${u.workerId} at ${u.employerId} (by the ${u.by})`).join(", ")}`);
  return `${lines.join("\n")}\n`;
};

/** One row per blocking pair, every cell guarded against running as a spreadsheet formula (as every CSV jobmatch writes). */
const asCsv = (r: StabilityReport): string =>
  toCsvText(["workerId", "placedAt", "employerId", "kind", "displaces"], r.pairs.map((p) => [p.workerId, p.placedAt ?? "", p.employerId, p.kind, p.displaces ?? ""]));

/** The plan to audit: from --plan (result JSON or result CSV, or a saved plan), or the optimal plan of the instance. */
const planOf = async (o: AuditOptions, input: unknown, ctx: CliContext): Promise<E.Either<Failure, { plan: unknown; rowPath: (i: number) => string; name: string }>> => {
  if (o.plan === undefined) {
    const solved = match(input, matchOptions(o));
    return E.isLeft(solved) ? E.left(issuesFailure("the instance has problems:", solved.left)) : E.right({ plan: solved.right, rowPath: (i) => at("plan.placements", i), name: "the optimal plan" });
  }
  if (o.plan.toLowerCase().endsWith(".csv")) {
    const text = await readText(o.plan, ctx);
    if (E.isLeft(text)) return text;
    const csv = planFromCsv(text.right, o.plan);
    if (E.isLeft(csv)) return E.left(issuesFailure(`${o.plan} has problems:`, csv.left));
    const { placements, rows } = csv.right;
    return E.right({ plan: { placements }, rowPath: (i) => `${o.plan} row ${rows[i] ?? "?"}`, name: o.plan });
  }
  const json = await readJson(o.plan, ctx);
  if (E.isLeft(json)) return json;
  if (!isPlanFile(json.right)) return E.right({ plan: json.right, rowPath: (i) => at(`${o.plan}: placements`, i), name: o.plan });
  // A saved plan: its result is audited against the instance given, with a notice when that is not the plan's own.
  const saved = readSavedPlan(json.right, o.plan, ctx);
  if (E.isLeft(saved)) return saved;
  const decoded = decodeInstance(input);
  if (E.isRight(decoded)) {
    const stale = staleness(saved.right.plan.instanceHash, instanceHashLike(saved.right.plan.instanceHash, decoded.right));
    if (stale !== null) ctx.stderr.write(`notice: ${o.plan} against the instance given: ${stale}\n`);
  }
  return E.right({ plan: saved.right.result, rowPath: (i) => at(`${o.plan}: result.placements`, i), name: o.plan });
};

/**
 * The saved plan given as the instance (`jobmatch audit plan.json`): its
 * placements against its own instance (with --rankings, that instance's
 * rankings replaced), nothing solved; a notice when the instance no longer
 * decodes to the plan's hash.
 */
const fromSavedPlan = (loaded: LoadedInstance, o: AuditOptions, ctx: CliContext): E.Either<Failure, { input: unknown; plan: unknown; rowPath: (i: number) => string; name: string }> => {
  if (o.plan !== undefined) return E.left(usage(`${loaded.name} is a saved plan: give it alone, or give the instance and --plan ${loaded.name}`));
  // loadWithRankings put --rankings beside the plan's fields: they go into the plan's instance.
  const { rankings, ...json } = loaded.input as { readonly rankings?: unknown };
  const saved = readSavedPlan(o.rankings === undefined ? loaded.input : json, loaded.name, ctx);
  if (E.isLeft(saved)) return saved;
  const own = saved.right.plan.instance;
  return E.right({ input: o.rankings === undefined ? own : { ...(own as object), rankings }, plan: saved.right.result, rowPath: (i) => at("result.placements", i), name: loaded.name });
};

/** Runs `jobmatch audit`; the exit code, or a failure to report. */
export const auditAction = async (file: string | undefined, o: AuditOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  const outputs = checkOutputs([{ flag: "--out", path: o.out }, ...reportTargets(o)], [...instanceInputs(file, o), o.rankings, o.plan], ctx);
  if (E.isLeft(outputs)) return outputs;
  const loaded = await loadWithRankings(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  // A saved plan (jobmatch solve --plan, jobmatch replan) is audited as it stands, without solving again.
  const saved = isPlanFile(loaded.right.input) ? fromSavedPlan(loaded.right, o, ctx) : null;
  if (saved !== null && E.isLeft(saved)) return saved;
  if (saved === null) reportNotices(loaded.right, ctx);
  const input = saved === null ? loaded.right.input : saved.right.input;
  const name = saved === null ? loaded.right.name : `the instance of ${loaded.right.name}`;
  const locate = saved === null ? loaded.right.locate : (issues: readonly InputIssue[]) => loaded.right.locate(issues.map((i) => ({ ...i, path: i.path === "" ? "instance" : at("instance", i.path) })));
  const decoded = decodeInstance(input);
  if (E.isLeft(decoded)) return E.left(issuesFailure(`${name} has problems:`, locate(decoded.left)));
  const instance = decoded.right;
  const staggered = staggeredStarts(instance, input);
  if (staggered.length > 0) return E.left(issuesFailure(`${name} cannot be audited:`, locate(staggered)));
  const plan = saved === null ? await planOf(o, input, ctx) : saved;
  if (E.isLeft(plan)) return plan;
  const placedAt = readPlan(instance, plan.right.plan, plan.right.rowPath);
  if (E.isLeft(placedAt)) return E.left(issuesFailure(`${plan.right.name} does not fit ${name}:`, placedAt.left as readonly InputIssue[]));
  const report = stabilityReport(instance, stabilityOf(instance, buildModel(instance), placedAt.right), { limit: o.format === "text" ? o.limit : Infinity });
  const text = o.format === "json" ? prettyJsonPieces(report) : o.format === "csv" ? asCsv(report) : asText(report, o.limit);
  const written = await writeOutput(text, o.out, ctx);
  if (E.isLeft(written)) return written;
  if (o.markdown !== undefined || o.html !== undefined) {
    const result = plan.right.plan as Parameters<typeof formatResultMarkdown>[0];
    if (typeof result !== "object" || result === null || !("summary" in result)) {
      ctx.stderr.write("note: --markdown and --html report a result of solve or stable (with its summary); a bare plan has none\n");
    } else {
      const employers = (input as { readonly employers?: readonly { id: string; prefecture: string; field: string }[] }).employers ?? [];
      const reports = await writeReports({ ...result, stability: report.summary }, o, `jobmatch audit: ${plan.right.name} of ${name}`, ctx, employers, report);
      if (E.isLeft(reports)) return reports;
    }
  }
  return E.right(EXIT.ok);
};

/** The `audit` command for commander. */
export const auditCommand = (ctx: CliContext, finish: Finish): Command =>
  addSolveOptions(
    addInstanceOptions(
      new Command("audit")
        .description("how stable a plan is: blocking pairs by employer, field and prefecture, each worker's best option, and retention risk")
        .argument("[instance]", "instance JSON file, or - for standard input, or a saved plan (audited against its own instance without solving again)"),
    ),
  )
    .option("--rankings <file>", "rankings.csv, the stated preferences (replaces the instance's own rankings section)")
    .option("--plan <file>", "the plan: a result of solve or stable (JSON), a result CSV, { placements: [...] }, or a saved plan (a notice if the instance given is not its own); default: the optimal plan")
    .addOption(new Option("--format <format>", "output format").choices(["json", "text", "csv"]).default("json"))
    .option("--limit <n>", "with --format text: how many employers and pairs to list", positiveInteger("--limit", LIMITS.workers), 20)
    .option("-o, --out <file>", "write the audit to this file instead of standard output")
    .option("--markdown <file>", "also write a Markdown report of the plan with its stability section")
    .option("--html <file>", "also write an HTML report of the plan with its stability section")
    .addHelpText(
      "after",
      "\nJSON: the stability report (summary, pairs, byEmployer, byField, byPrefecture, bestOptions, unacceptable, retention). CSV: one row per blocking pair: workerId, placedAt, employerId, kind, displaces.\n\nExit codes: 0 done, 1 bad input or a plan that does not fit the instance, 2 usage, 4 cannot write.",
    )
    .action(async (file: string | undefined, o: AuditOptions) => finish(await auditAction(file, o, ctx)));
