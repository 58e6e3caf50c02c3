/**
 * `jobmatch scenario`: run bundled or file scenarios, alone or side by side.
 *
 *     jobmatch scenario --list
 *     jobmatch scenario shikoku                      # one scenario, Markdown on standard output
 *     jobmatch scenario shikoku --compare            # with its own variations (each scenario's, when several)
 *     jobmatch scenario kagawa-pilot shikoku         # several, side by side
 *     jobmatch scenario my.json --vary language+1 --vary cap:construction=300 --html out/report.html
 *     jobmatch scenario nationwide --scale 0.05      # a quick, smaller trial
 */
import { Command, Option } from "commander";
import * as E from "fp-ts/lib/Either.js";
import { formatInstanceJson } from "../generate/json.js";
import { capIssues, type InputIssue } from "../input/issues.js";
import { LIMITS } from "../input/limits.js";
import { renderHtmlReport } from "../report/html.js";
import { formatComparisonMarkdown } from "../report/markdown.js";
import { BUNDLED_SCENARIOS, findBundledScenario } from "../scenario/bundled.js";
import { compareRuns } from "../scenario/compare.js";
import { decodeScenario } from "../scenario/decode.js";
import { scenarioInstance } from "../scenario/instance.js";
import { scenarioNotes } from "../scenario/notes.js";
import { runScenarios } from "../scenario/run.js";
import { parseVariation } from "../scenario/shorthand.js";
import type { Change, Scenario, Variation } from "../scenario/types.js";
import { applyChange, applyVariation } from "../scenario/variations.js";
import { EXIT, issuesFailure, usage, type ExitCode, type Failure, type Finish } from "./exit.js";
import { readJson, type CliContext } from "./io.js";
import { estimateRuns } from "../memory/estimate.js";
import { checkNeed } from "./memory.js";
import { checkOutputs, writeOutput } from "./write.js";
import { addSolveOptions, count, matchOptions, positiveNumber } from "./options.js";
import { createProgress } from "./progress.js";

/** The options of `jobmatch scenario`, as commander parses them. */
export interface ScenarioOptions {
  readonly list?: boolean;
  readonly show?: boolean;
  readonly compare?: boolean;
  readonly vary: readonly string[];
  readonly size?: number;
  readonly scale?: number;
  readonly seed?: string;
  readonly format: "markdown" | "json";
  readonly out?: string;
  readonly markdown?: string;
  readonly html?: string;
  readonly instance?: string;
  readonly engine?: string;
  readonly timeLimit?: number;
}

const listText = (): string =>
  `${BUNDLED_SCENARIOS.map((s) => `${s.name.padEnd(14)} ${s.title ?? ""} (${s.cohort.size} workers, ${s.prefectures.length} prefectures; variations: ${(s.variations ?? []).map((v) => v.name).join(", ") || "none"})`).join("\n")}\n`;

/** A bundled scenario by name, or a scenario JSON file, decoded. */
const resolve = async (ref: string, ctx: CliContext): Promise<E.Either<Failure, Scenario>> => {
  const bundled = findBundledScenario(ref);
  if (bundled !== undefined) return E.right(bundled);
  if (!/\.json$/i.test(ref) && ref !== "-") {
    return E.left(usage(`unknown scenario "${ref}": give a bundled name (${BUNDLED_SCENARIOS.map((s) => s.name).join(", ")}) or a .json file`));
  }
  const json = await readJson(ref, ctx);
  if (E.isLeft(json)) return json;
  const decoded = decodeScenario(json.right);
  return E.isLeft(decoded) ? E.left(issuesFailure(`${ref} has problems:`, decoded.left)) : E.right(decoded.right);
};

/** --seed, --size and --scale applied to a scenario. */
const override = (s: Scenario, o: ScenarioOptions, ref: string): E.Either<Failure, Scenario> => {
  const changes: Change[] = [
    ...(o.scale === undefined ? [] : [{ kind: "scale", factor: o.scale } as const]),
    ...(o.size === undefined ? [] : [{ kind: "cohort-size", size: o.size } as const]),
  ];
  let out: Scenario = o.seed === undefined ? s : { ...s, seed: o.seed };
  for (const c of changes) {
    const next = applyChange(out, c);
    if (E.isLeft(next)) return E.left(issuesFailure(`${ref}: cannot apply --${c.kind === "scale" ? "scale" : "size"}:`, next.left));
    out = next.right;
  }
  const note = [...(o.scale === undefined ? [] : [`scale ${o.scale}`]), ...(o.size === undefined ? [] : [`${o.size} workers`])].join(", ");
  return E.right(note === "" ? out : { ...out, title: `${out.title ?? out.name} [${note}]` });
};

/** The scenarios to run: each given one, then its variations (its own with --compare, and every --vary). */
const expand = (scenarios: readonly Scenario[], o: ScenarioOptions): E.Either<Failure, Scenario[]> => {
  const list: Scenario[] = [];
  const issues: InputIssue[] = [];
  let syntax: string | null = null;
  for (const s of scenarios) {
    list.push(s);
    const vary: Variation[] = [];
    for (const spec of o.vary) {
      const v = parseVariation(spec, s);
      if (E.isLeft(v)) syntax ??= `--vary "${spec}" is not a variation; the forms are ${v.left}`;
      else vary.push(v.right);
    }
    const own = o.compare === true ? (s.variations ?? []) : [];
    [...own.map((v, i) => [v, `${s.name}: variations[${i}]`] as const), ...vary.map((v, i) => [v, `--vary[${i}]`] as const)].forEach(([v, path]) => {
      const applied = applyVariation(s, v, path);
      if (E.isLeft(applied)) for (const item of applied.left) issues.push(item);
      else list.push(applied.right);
    });
  }
  if (syntax !== null) return E.left(usage(syntax));
  return issues.length > 0 ? E.left(issuesFailure("the variations have problems:", capIssues(issues))) : E.right(list);
};

/** Runs `jobmatch scenario`; the exit code, or a failure to report. */
export const scenarioAction = async (refs: readonly string[], o: ScenarioOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  const outputs = checkOutputs(
    [
      { flag: "--out", path: o.out },
      ...(o.markdown === undefined ? [] : [{ flag: "--markdown", path: o.markdown }]),
      ...(o.html === undefined ? [] : [{ flag: "--html", path: o.html }]),
      ...(o.instance === undefined ? [] : [{ flag: "--instance", path: o.instance }]),
    ],
    refs.filter((r) => findBundledScenario(r) === undefined),
    ctx,
  );
  if (E.isLeft(outputs)) return outputs;
  if (o.list === true) return E.map(() => EXIT.ok)(await writeOutput(listText(), o.out, ctx));
  if (refs.length === 0) return E.left(usage(`name a scenario (${BUNDLED_SCENARIOS.map((s) => s.name).join(", ")}) or a scenario .json file; --list lists them`));
  const scenarios: Scenario[] = [];
  for (const ref of refs) {
    const s = await resolve(ref, ctx);
    if (E.isLeft(s)) return s;
    const o2 = override(s.right, o, ref);
    if (E.isLeft(o2)) return o2;
    scenarios.push(o2.right);
  }
  const first = scenarios[0] as Scenario;
  if (o.show === true) return E.map(() => EXIT.ok)(await writeOutput(`${JSON.stringify(first, null, 2)}\n`, o.out, ctx));
  if (o.instance !== undefined) {
    const inst = scenarioInstance(first);
    if (E.isLeft(inst)) return E.left(issuesFailure(`${first.name} cannot be drawn:`, inst.left));
    const w = await writeOutput(formatInstanceJson(inst.right), o.instance, ctx);
    if (E.isLeft(w)) return w;
  }
  const list = expand(scenarios, o);
  if (E.isLeft(list)) return list;
  // Every run's instance and result are kept until all are compared: the check is for all of them at once.
  const sizes = list.right.map((s) => ({
    workers: s.cohort.size,
    employers: s.prefectures.reduce((sum, p) => sum + p.demand.reduce((a, d) => a + d.employers, 0), 0),
    policy: s.policy !== undefined,
  }));
  const names = list.right.map((s) => s.name);
  const what = names.length === 1 ? `drawing and solving ${names[0]}` : `drawing and solving ${names.length} runs (${names.join(", ")}), each kept until they are compared,`;
  const memory = checkNeed(estimateRuns(sizes), what);
  if (E.isLeft(memory)) return memory;
  const progress = createProgress(ctx.stderr, list.right.length * 2);
  const runs = runScenarios(list.right, {
    ...matchOptions(o),
    onStep: (s) => progress.update(2 * s.index + (s.stage === "generating" ? 0 : s.stage === "solving" ? 1 : 2), `${s.name}: ${s.stage}`),
  });
  progress.stop();
  if (E.isLeft(runs)) return E.left(issuesFailure("a scenario could not be solved:", runs.left));
  const comparison = compareRuns(runs.right);
  const title = scenarios.length === 1 ? (first.title ?? first.name) : "Scenario comparison";
  const notes = scenarioNotes(runs.right);
  const text = o.format === "json" ? `${JSON.stringify(comparison, null, 2)}\n` : formatComparisonMarkdown(comparison, { title });
  for (const [content, path] of [
    [text, o.out],
    ...(o.markdown === undefined ? [] : [[formatComparisonMarkdown(comparison, { title, appendix: notes }), o.markdown] as const]),
    ...(o.html === undefined ? [] : [[renderHtmlReport(comparison, { title, notes, results: runs.right.map((r) => ({ name: r.name, result: r.result })) }), o.html] as const]),
  ] as const) {
    const w = await writeOutput(content, path, ctx);
    if (E.isLeft(w)) return w;
  }
  const notOptimal = comparison.rows.filter((r) => r.status !== "optimal");
  for (const r of notOptimal) ctx.stderr.write(`${r.name}: ${r.status}${r.message === null ? "" : `: ${r.message}`}\n`);
  return E.right(notOptimal.length > 0 ? EXIT.notOptimal : EXIT.ok);
};

const collect = (value: string, previous: readonly string[]): string[] => [...previous, value];

/** The `scenario` command for commander. */
export const scenarioCommand = (ctx: CliContext, finish: Finish): Command =>
  addSolveOptions(
    new Command("scenario")
      .description("run bundled or file scenarios and report them side by side")
      .argument("[scenarios...]", `bundled names (${BUNDLED_SCENARIOS.map((s) => s.name).join(", ")}) or scenario .json files`),
  )
    .option("--list", "list the bundled scenarios")
    .option("--show", "print the (first) scenario as JSON, to edit into a file of your own")
    .option("--compare", "also run each scenario's own variations, after it")
    .option("--vary <shorthand>", "add a variation (repeatable): language+1, slots:nursing-care*0.8, cap:construction=300, add:33~36, size=8000, scale*0.1", collect, [])
    .option("--size <n>", "override the cohort size", count("--size", LIMITS.cohort))
    .option("--scale <factor>", "scale cohort, slots and employers (0.1 for a quick trial)", positiveNumber("--scale", LIMITS.factor))
    .option("--seed <seed>", "override the seed")
    .addOption(new Option("--format <format>", "comparison format on standard output").choices(["markdown", "json"]).default("markdown"))
    .option("-o, --out <file>", "write the comparison to this file instead of standard output")
    .option("--markdown <file>", "also write a Markdown report with the assumptions")
    .option("--html <file>", "also write the HTML report with charts")
    .option("--instance <file>", "also write the (first) scenario's instance JSON, for solve, explain and export-lp")
    .addHelpText("after", "\nExit codes: 0 done; 1 bad scenario, or a variation that does not apply to it (a --vary naming an unknown field or prefecture, or out of range); 2 usage, including a --vary that is none of the shorthand forms; 3 some solve not optimal (reports still written); 4 cannot write; 6 not enough memory.")
    .action(async (refs: readonly string[], o: ScenarioOptions) => finish(await scenarioAction(refs, o, ctx)));
