/**
 * `jobmatch convert`: an instance from one form into another, checked on
 * the way, so that spreadsheets and the instance JSON say the same things.
 *
 *     jobmatch convert --workers w.csv --employers e.csv --policy quotas.csv --out instance.json
 *     jobmatch convert pilot.xlsx --out instance.json      # sheets "workers", "employers", ...
 *     jobmatch convert instance.json --out pilot.xlsx      # and back
 *     jobmatch convert instance.json --out sheets/         # workers.csv, employers.csv, ... in a folder
 *     jobmatch convert sheets/ --out instance.json         # and back
 *
 * The output's kind follows its name: `.json`, `.xlsx`, or a folder (a name
 * ending in `/` or without an extension) for CSV. An instance with issues is
 * not converted: they are listed, as for `solve`. Everything but the policy
 * has a sheet (../io/sections.ts: support organisations, expected minimum
 * wages, settings); the policy is written beside the sheets as policy.json,
 * which a folder's reader takes back by itself (a workbook's with
 * `--policy`).
 */
import { Command } from "commander";
import * as E from "fp-ts/lib/Either.js";
import { mkdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { formatInstanceJson } from "../generate/json.js";
import type { InstanceInput } from "../input/codecs.js";
import { decodeInstance } from "../input/decode.js";
import { instanceCsvFiles } from "../io/csv.js";
import { instanceToWorkbook } from "../io/convert.js";
import { EXIT, failure, issuesFailure, usage, type ExitCode, type Failure, type Finish } from "./exit.js";
import { instanceInputs, loadInstance, reportNotices, type InstanceOptions } from "./instance.js";
import type { CliContext } from "./io.js";
import { checkOutputs, writeOutput, type OutputTarget } from "./write.js";
import { SHEET_NAMES } from "../io/sections.js";
import { addInstanceOptions } from "./options.js";

/** The options of `jobmatch convert`. */
export interface ConvertOptions extends InstanceOptions {
  readonly out?: string;
}


/** Runs `jobmatch convert`; the exit code, or a failure to report. */
export const convertAction = async (file: string | undefined, o: ConvertOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  if (o.out === undefined) return E.left(usage("give --out: a .json file, an .xlsx file, or a folder for CSV files"));
  const out = o.out;
  const kind = /\.json$/i.test(out) ? "json" : /\.xlsx$/i.test(out) ? "xlsx" : /\/$/.test(out) || !/\.[A-Za-z0-9]+$/.test(out) ? "csv" : null;
  if (kind === null) return E.left(usage(`--out ${out}: give a .json file, an .xlsx file, or a folder for CSV files`));
  // Checked before any work: no output names an input; the folder of a file, or the parent of a CSV folder, exists.
  const folder = kind === "xlsx" || kind === "json" ? dirname(out) : out;
  const sheets = Object.values(SHEET_NAMES).map((n) => `${n}.csv`);
  const inputs = instanceInputs(file, o);
  const targets: OutputTarget[] = [
    ...(kind === "csv" ? sheets.map((n) => join(out, n)) : [out]).map((path) => ({ flag: "--out", path })),
    ...(kind === "json" ? [] : [{ flag: "--out (the policy beside it)", path: join(folder, "policy.json") }]),
  ];
  if (kind === "csv") {
    const parent = dirname(resolve(out));
    const there = (p: string): boolean => {
      try {
        return statSync(p).isDirectory();
      } catch {
        return false;
      }
    };
    if (!there(parent)) return E.left(failure(EXIT.cannotWrite, `cannot write ${out}: the folder ${dirname(out)} does not exist (create it first: jobmatch does not create folders)`));
    for (const t of targets) if (inputs.some((f) => f !== undefined && resolve(f) === resolve(t.path as string))) return E.left(usage(`--out ${out} would overwrite the input ${t.path}: choose another folder`));
    try {
      // The folder --out names is the output itself: made when missing (its parent exists).
      if (!there(out)) mkdirSync(out);
    } catch (e) {
      return E.left(failure(EXIT.cannotWrite, `cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  const checked = checkOutputs(targets, inputs, ctx);
  if (E.isLeft(checked)) return checked;
  const loaded = await loadInstance(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  reportNotices(loaded.right, ctx);
  const decoded = decodeInstance(loaded.right.input);
  if (E.isLeft(decoded)) return E.left(issuesFailure(`${loaded.right.name} has problems:`, loaded.right.locate(decoded.left)));
  // Checked: the input is now a well-formed instance.
  const input = loaded.right.input as InstanceInput;
  if (kind === "json") return E.map(() => EXIT.ok)(await writeOutput(formatInstanceJson(input), out, ctx));
  const written: string[] = [];
  if (kind === "xlsx") {
    const w = await writeOutput(await instanceToWorkbook(input), out, ctx);
    if (E.isLeft(w)) return w;
    written.push(out);
  } else {
    for (const { name, text } of instanceCsvFiles(input)) {
      const w = await writeOutput(text, join(out, name), ctx);
      if (E.isLeft(w)) return w;
      written.push(join(out, name));
    }
  }
  if (input.policy !== undefined) {
    const path = join(folder, "policy.json");
    const w = await writeOutput(`${JSON.stringify(input.policy, null, 2)}\n`, path, ctx);
    if (E.isLeft(w)) return w;
    written.push(`${path} (${kind === "xlsx" ? "give it back with --policy" : "read back with the folder"})`);
  }
  ctx.stderr.write(`wrote ${written.join(", ")}\n`);
  return E.right(EXIT.ok);
};

/** The `convert` command for commander. */
export const convertCommand = (ctx: CliContext, finish: Finish): Command =>
  addInstanceOptions(
    new Command("convert")
      .description("convert an instance between JSON, Excel and CSV (checked on the way)")
      .argument("[instance]", "instance JSON file (or - for standard input), .xlsx workbook, or folder of CSV sheets"),
  )
    .option("-o, --out <path>", "a .json file, an .xlsx file, or a folder for workers.csv and employers.csv")
    .addHelpText("after", "\nExit codes: 0 done, 1 bad input, 2 usage, 4 cannot write.")
    .action(async (file: string | undefined, o: ConvertOptions) => finish(await convertAction(file, o, ctx)));
