/**
 * `jobmatch explain`: solve, then explain one worker, one employer or one
 * group with the analysis module (../analysis/explain.ts, rendered by
 * ../analysis/format.ts).
 *
 *     jobmatch explain instance.json --worker W0006
 *     jobmatch explain --workers w.csv --employers e.csv --employer E012 --format json
 *     jobmatch explain instance.json --group family-07
 *
 * Text: for a worker, their profile (Japanese, certifications, skills,
 * preferences), then `formatWorkerExplanation`; for an employer,
 * `formatEmployerExplanation`; for a group, `formatGroupExplanation`. JSON:
 * see JSON_HELP.
 */
import { Command, Option } from "commander";
import * as E from "fp-ts/lib/Either.js";
import { explainEmployer, explainGroup, explainWorker } from "../analysis/explain.js";
import { formatDiagnosis, formatEmployerExplanation, formatGroupExplanation, formatWorkerExplanation } from "../analysis/format.js";
import { decodeInstance } from "../input/decode.js";
import type { Instance, Worker } from "../input/instance.js";
import { issue } from "../input/issues.js";
import type { MatchResult } from "../result/types.js";
import { EXIT, failure, issuesFailure, usage, type ExitCode, type Failure, type Finish } from "./exit.js";
import { instanceInputs, loadInstance, reportNotices, solveLoaded, type InstanceOptions, type LoadedInstance } from "./instance.js";
import type { CliContext } from "./io.js";
import { checkOutputs, writeOutput } from "./write.js";
import { addInstanceOptions, addSolveOptions, matchOptions } from "./options.js";
import { createProgress } from "./progress.js";
import { isPlanFile } from "../plan/file.js";
import { readPlan } from "./plan.js";

/** The options of `jobmatch explain`, as commander parses them. */
export interface ExplainOptions extends InstanceOptions {
  readonly worker?: string;
  readonly employer?: string;
  readonly group?: string;
  readonly format: "text" | "json";
  readonly out?: string;
  readonly engine?: string;
  readonly timeLimit?: number;
}

const JSON_HELP = `
JSON (--format json):
  --worker    the worker's explanation (explainWorker): "kind" is placed, no-eligible-slot,
              eligible-slots-taken or no-solution, with "workerId", the fields of that kind
              and "caveat"; "betterOffers" (her blocking pairs: employers she prefers that
              would take her now, "count" and the first "shown");
              plus "worker", the worker's profile as decoded (language, certifications,
              skills, preferences, ...).
  --employer  the employer's explanation (explainEmployer): "employerId", "label", "slots",
              "filled", "placed" (workerId, score), "empty" (why slots stayed empty, or null)
              and "caveat".
  --group     the group's explanation (explainGroup): "id", "size", "fit" (its "kind" is
              member-eligible-nowhere, no-common-place, no-room, fits or not-left-out,
              with "text" in words) and "breaches" (what seating it where it fits would
              break: the policy constraints, each with "label", "hard" and "text").
Under a policy, exchanges and moves carry "breaches" and "objectiveChange".`;

/** The worker's profile, a few lines: who they are, their Japanese, certifications, skills and preferences. */
const workerProfile = (w: Worker): string =>
  [
    `Worker ${w.id} (from ${w.homeProvince}, trained at ${w.trainingCentre})`,
    `  Japanese: ${w.language.join(", ") || "no test result"}${w.careJapaneseTest ? "; care Japanese test passed" : ""}`,
    `  Certified: ${w.certifications.map((c) => `${c.field} (${c.via})`).join(", ") || "none"}`,
    `  Skills: ${w.skills.map((s) => `${s.name} level ${s.level}${s.years > 0 ? `, ${s.years} years` : ""}`).join("; ") || "none"}`,
    `  Prefers: fields ${w.fieldPreferences.join(" > ") || "-"}; prefectures ${w.prefecturePreferences.join(" > ") || "-"}`,
  ].join("\n") + "\n";

/** Bad input (exit 1) when the instance has no worker or employer with the id asked for. */
const unknownId = (instance: Instance, o: ExplainOptions, name: string): Failure | null => {
  const [flag, what, id, known] =
    o.worker !== undefined
      ? (["--worker", "a worker id", o.worker, instance.workers.some((w) => w.id === o.worker)] as const)
      : o.group !== undefined
        ? (["--group", "a group of a worker", o.group, instance.workers.some((w) => w.group === o.group)] as const)
        : (["--employer", "an employer id", o.employer as string, instance.employers.some((e) => e.id === o.employer)] as const);
  return known ? null : issuesFailure(`${name} has no such ${flag.slice(2)}:`, [issue("invalid", flag, `${what} of ${name}`, id)]);
};

/** An explanation the analysis refused although the id exists: a bug (exit 5), on one line. */
const internalError = (subject: string, reason: string): Failure =>
  failure(EXIT.internal, `internal error: cannot explain ${subject}: ${reason.replace(/\s*\n\s*/g, " ")} (please report it)`);

/** The text or JSON to write: the explanation, with the worker's profile for a worker. */
const render = (instance: Instance, result: MatchResult, o: ExplainOptions): E.Either<Failure, string> => {
  const json = (x: unknown): string => `${JSON.stringify(x, null, 2)}\n`;
  if (o.worker !== undefined) {
    const id = o.worker;
    const worker = instance.workers.find((w) => w.id === id);
    const x = explainWorker(instance, result, id);
    if (E.isLeft(x)) return E.left(internalError(`worker ${id}`, x.left));
    if (worker === undefined) return E.left(internalError(`worker ${id}`, "explained, but not in the instance"));
    return E.right(o.format === "json" ? json({ ...x.right, worker }) : `${workerProfile(worker)}${formatWorkerExplanation(x.right)}`);
  }
  if (o.group !== undefined) {
    const g = explainGroup(instance, result, o.group);
    // No solution: nothing was placed or left out; say so as the text.
    if (E.isLeft(g)) return result.hasSolution ? E.left(internalError(`group ${o.group}`, g.left)) : E.right(`${g.left}\n`);
    return E.right(o.format === "json" ? json(g.right) : formatGroupExplanation(g.right));
  }
  const id = o.employer as string;
  const x = explainEmployer(instance, result, id);
  if (E.isLeft(x)) return E.left(internalError(`employer ${id}`, x.left));
  return E.right(o.format === "json" ? json(x.right) : formatEmployerExplanation(x.right));
};

/** `jobmatch explain` on a saved plan. */
const explainSavedPlan = async (loaded: LoadedInstance, o: ExplainOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  const plan = readPlan(loaded.input, loaded.name, ctx);
  if (E.isLeft(plan)) return plan;
  const { instance, result, stale } = plan.right;
  const unknown = unknownId(instance, o, loaded.name);
  if (unknown !== null) return E.left(unknown);
  const text = render(instance, result, o);
  // With a stale plan the explanation can disagree with the instance as it now decodes: that is the input's state, not a bug.
  if (E.isLeft(text)) return stale === null ? text : E.left(failure(EXIT.badInput, `${text.left.message} (${stale})`));
  const diagnosis = o.format === "text" && result.diagnosis !== null ? `\n${formatDiagnosis(result.diagnosis)}` : "";
  const written = await writeOutput(text.right + diagnosis, o.out, ctx);
  if (E.isLeft(written)) return written;
  return E.right(result.status === "optimal" ? EXIT.ok : EXIT.notOptimal);
};

/** Runs `jobmatch explain`; the exit code, or a failure to report. */
export const explainAction = async (file: string | undefined, o: ExplainOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  if ([o.worker, o.employer, o.group].filter((x) => x !== undefined).length !== 1) return E.left(usage("give exactly one of --worker ID, --employer ID and --group ID"));
  const outputs = checkOutputs([{ flag: "--out", path: o.out }], instanceInputs(file, o), ctx);
  if (E.isLeft(outputs)) return outputs;
  const loaded = await loadInstance(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  // A saved plan (jobmatch solve --plan, jobmatch replan) is explained as it stands, without solving again.
  if (isPlanFile(loaded.right.input)) return await explainSavedPlan(loaded.right, o, ctx);
  reportNotices(loaded.right, ctx);
  // An unknown id fails before the solve; bad input is left to solveLoaded, which reports every issue.
  const decoded = decodeInstance(loaded.right.input);
  if (E.isRight(decoded)) {
    const unknown = unknownId(decoded.right, o, loaded.right.name);
    if (unknown !== null) return E.left(unknown);
  }
  const progress = createProgress(ctx.stderr, 1);
  progress.update(0, "solving");
  const solved = solveLoaded(loaded.right, matchOptions(o));
  progress.stop();
  if (E.isLeft(solved)) return solved;
  if (E.isLeft(decoded)) return E.left(internalError(loaded.right.name, "the instance solved but does not decode"));
  const text = render(decoded.right, solved.right, o);
  if (E.isLeft(text)) return text;
  // An infeasible plan: the explanation says so, and the diagnosis says what to relax.
  const diagnosis = o.format === "text" && solved.right.diagnosis !== null ? `\n${formatDiagnosis(solved.right.diagnosis)}` : "";
  const written = await writeOutput(text.right + diagnosis, o.out, ctx);
  if (E.isLeft(written)) return written;
  return E.right(solved.right.status === "optimal" ? EXIT.ok : EXIT.notOptimal);
};

/** The `explain` command for commander. */
export const explainCommand = (ctx: CliContext, finish: Finish): Command =>
  addSolveOptions(
    addInstanceOptions(
      new Command("explain")
        .description("solve, then explain where one worker went (and why), or why not, how one employer's slots were filled, or why a group was left out")
        .argument("[instance]", "instance JSON file (or - for standard input), .xlsx workbook, folder of CSV sheets, or a saved plan (explained without solving again)"),
    ),
  )
    .option("--worker <id>", "the worker to explain")
    .option("--employer <id>", "the employer to explain")
    .option("--group <id>", "the group (workers' group field: a family, a village) to explain")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("-o, --out <file>", "write the explanation to this file instead of standard output")
    .addHelpText("after", `${JSON_HELP}\n\nExit codes: 0 done, 1 bad input or unknown id, 2 usage, 3 solve not optimal (explanation still written), 4 output not written, 5 internal error, 6 not enough memory.`)
    .action(async (file: string | undefined, o: ExplainOptions) => finish(await explainAction(file, o, ctx)));
