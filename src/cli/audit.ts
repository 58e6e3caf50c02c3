/**
 * `jobmatch audit`: how stable a plan is: its blocking pairs (a worker and
 * an employer who would both rather be together), counted by employer,
 * field and prefecture, each worker's best blocking option, and the
 * retention risk of every placement and employer.
 *
 *     jobmatch audit instance.json                          # audits the optimal plan (solved first)
 *     jobmatch audit instance.json --plan result.json       # a result of solve or stable, or { placements: [...] }
 *     jobmatch audit --workers w.csv --employers e.csv --plan result.csv --format csv --out pairs.csv
 *     jobmatch audit instance.json --format text --limit 20
 */
import { Command, Option } from "commander";
import * as E from "fp-ts/lib/Either.js";
import Papa from "papaparse";
import { decodeInstance } from "../input/decode.js";
import { at, type InputIssue } from "../input/issues.js";
import { planFromCsv } from "../io/rankings.js";
import { match } from "../match.js";
import { buildModel } from "../model/build.js";
import { int } from "../report/format.js";
import { formatResultMarkdown } from "../report/markdown.js";
import { atRiskEmployers, stabilityLines } from "../report/stability.js";
import { readPlan } from "../stable/plan.js";
import { stabilityReport, type StabilityReport } from "../stable/stabilityReport.js";
import { stabilityOf } from "../stable/summary.js";
import { EXIT, issuesFailure, type ExitCode, type Failure, type Finish } from "./exit.js";
import { readJson, readText, writeOutput, type CliContext } from "./io.js";
import { addInstanceOptions, addSolveOptions, matchOptions, positiveInteger } from "./options.js";
import { loadWithRankings } from "./stable.js";
import { writeReports } from "./solve.js";
import { reportNotices, type InstanceOptions } from "./instance.js";

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

const asCsv = (r: StabilityReport): string =>
  `${Papa.unparse({ fields: ["workerId", "placedAt", "employerId", "kind", "displaces"], data: r.pairs.map((p) => [p.workerId, p.placedAt ?? "", p.employerId, p.kind, p.displaces ?? ""]) }, { newline: "\n" })}\n`;

/** The plan to audit: from --plan (result JSON or result CSV), or the optimal plan of the instance. */
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
  return E.isLeft(json) ? json : E.right({ plan: json.right, rowPath: (i) => at(`${o.plan}: placements`, i), name: o.plan });
};

/** Runs `jobmatch audit`; the exit code, or a failure to report. */
export const auditAction = async (file: string | undefined, o: AuditOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  const loaded = await loadWithRankings(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  reportNotices(loaded.right, ctx);
  const { input, name, locate } = loaded.right;
  const decoded = decodeInstance(input);
  if (E.isLeft(decoded)) return E.left(issuesFailure(`${name} has problems:`, locate(decoded.left)));
  const plan = await planOf(o, input, ctx);
  if (E.isLeft(plan)) return plan;
  const instance = decoded.right;
  const placedAt = readPlan(instance, plan.right.plan, plan.right.rowPath);
  if (E.isLeft(placedAt)) return E.left(issuesFailure(`${plan.right.name} does not fit ${name}:`, placedAt.left as readonly InputIssue[]));
  const report = stabilityReport(instance, stabilityOf(instance, buildModel(instance), placedAt.right), { limit: o.format === "text" ? o.limit : Infinity });
  const text = o.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : o.format === "csv" ? asCsv(report) : asText(report, o.limit);
  const written = writeOutput(text, o.out, ctx);
  if (E.isLeft(written)) return written;
  if (o.markdown !== undefined || o.html !== undefined) {
    const result = plan.right.plan as Parameters<typeof formatResultMarkdown>[0];
    if (typeof result !== "object" || result === null || !("summary" in result)) {
      ctx.stderr.write("note: --markdown and --html report a result of solve or stable (with its summary); a bare plan has none\n");
    } else {
      const employers = (input as { readonly employers?: readonly { id: string; prefecture: string; field: string }[] }).employers ?? [];
      const reports = writeReports({ ...result, stability: report.summary }, o, `jobmatch audit: ${plan.right.name} of ${name}`, ctx, employers, report);
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
        .argument("[instance]", "instance JSON file, or - for standard input"),
    ),
  )
    .option("--rankings <file>", "rankings.csv, the stated preferences (replaces the instance's own rankings section)")
    .option("--plan <file>", "the plan: a result of solve or stable (JSON), a result CSV, or { placements: [...] }; default: the optimal plan")
    .addOption(new Option("--format <format>", "output format").choices(["json", "text", "csv"]).default("json"))
    .option("--limit <n>", "with --format text: how many employers and pairs to list", positiveInteger("--limit"), 20)
    .option("-o, --out <file>", "write the audit to this file instead of standard output")
    .option("--markdown <file>", "also write a Markdown report of the plan with its stability section")
    .option("--html <file>", "also write an HTML report of the plan with its stability section")
    .addHelpText(
      "after",
      "\nJSON: the stability report (summary, pairs, byEmployer, byField, byPrefecture, bestOptions, unacceptable, retention). CSV: one row per blocking pair: workerId, placedAt, employerId, kind, displaces.\n\nExit codes: 0 done, 1 bad input or a plan that does not fit the instance, 2 usage, 4 cannot write.",
    )
    .action(async (file: string | undefined, o: AuditOptions) => finish(await auditAction(file, o, ctx)));
