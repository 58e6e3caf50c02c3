/**
 * `jobmatch convert`: an instance from one form into another, checked on
 * the way, so that spreadsheets and the instance JSON say the same things.
 *
 *     jobmatch convert --workers w.csv --employers e.csv --policy quotas.csv --out instance.json
 *     jobmatch convert pilot.xlsx --out instance.json      # sheets "workers" and "employers"
 *     jobmatch convert instance.json --out pilot.xlsx      # and back
 *     jobmatch convert instance.json --out sheets/         # workers.csv and employers.csv in a folder
 *
 * The output's kind follows its name: `.json`, `.xlsx`, or a folder (a name
 * ending in `/` or without an extension) for CSV. An instance with issues is
 * not converted: they are listed, as for `solve`. A policy, reference dates
 * and weights have no sheet form: converting to spreadsheets writes the
 * policy beside them as policy.json (give it back with `--policy`), and
 * says which reference settings to give again (`--as-of`).
 */
import { Command } from "commander";
import * as E from "fp-ts/lib/Either.js";
import { dirname, join } from "node:path";
import { formatInstanceJson } from "../generate/json.js";
import type { InstanceInput } from "../input/codecs.js";
import { decodeInstance } from "../input/decode.js";
import { instanceToCsv } from "../io/csv.js";
import { instanceToWorkbook } from "../io/convert.js";
import { EXIT, issuesFailure, usage, type ExitCode, type Failure, type Finish } from "./exit.js";
import { loadInstance, reportNotices, type InstanceOptions } from "./instance.js";
import { writeBytes, writeOutput, type CliContext } from "./io.js";
import { addInstanceOptions } from "./options.js";

/** The options of `jobmatch convert`. */
export interface ConvertOptions extends InstanceOptions {
  readonly out?: string;
}


/** Runs `jobmatch convert`; the exit code, or a failure to report. */
export const convertAction = async (file: string | undefined, o: ConvertOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  if (o.out === undefined) return E.left(usage("give --out: a .json file, an .xlsx file, or a folder for CSV files"));
  const loaded = await loadInstance(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  reportNotices(loaded.right, ctx);
  const decoded = decodeInstance(loaded.right.input);
  if (E.isLeft(decoded)) return E.left(issuesFailure(`${loaded.right.name} has problems:`, loaded.right.locate(decoded.left)));
  // Checked: the input is now a well-formed instance.
  const input = loaded.right.input as InstanceInput;
  const out = o.out;
  if (/\.json$/i.test(out)) return E.map(() => EXIT.ok)(writeOutput(formatInstanceJson(input), out, ctx));
  const written: string[] = [];
  if (/\.xlsx$/i.test(out)) {
    const w = writeBytes(await instanceToWorkbook(input), out);
    if (E.isLeft(w)) return w;
    written.push(out);
  } else if (/\/$/.test(out) || !/\.[A-Za-z0-9]+$/.test(out)) {
    const csv = instanceToCsv(input);
    for (const [name, text] of [["workers.csv", csv.workers], ["employers.csv", csv.employers]] as const) {
      const w = writeOutput(text, join(out, name), ctx);
      if (E.isLeft(w)) return w;
      written.push(join(out, name));
    }
  } else {
    return E.left(usage(`--out ${out}: give a .json file, an .xlsx file, or a folder for CSV files`));
  }
  const folder = /\.xlsx$/i.test(out) ? dirname(out) : out;
  if (input.policy !== undefined) {
    const path = join(folder, "policy.json");
    const w = writeOutput(`${JSON.stringify(input.policy, null, 2)}\n`, path, ctx);
    if (E.isLeft(w)) return w;
    written.push(`${path} (give it back with --policy)`);
  }
  const reference = input.reference;
  const again = [
    reference?.asOf === undefined ? null : `--as-of ${reference.asOf}`,
    reference?.fieldCatalogue === undefined ? null : `--field-catalogue ${reference.fieldCatalogue}`,
  ].filter((x) => x !== null);
  ctx.stderr.write(`wrote ${written.join(", ")}\n`);
  if (again.length > 0) ctx.stderr.write(`the reference settings have no sheet form: read the sheets back with ${again.join(" ")}\n`);
  if (input.weights !== undefined || reference?.minimumWages !== undefined) ctx.stderr.write("the weights and minimum wage overrides have no sheet form and were not written\n");
  return E.right(EXIT.ok);
};

/** The `convert` command for commander. */
export const convertCommand = (ctx: CliContext, finish: Finish): Command =>
  addInstanceOptions(
    new Command("convert")
      .description("convert an instance between JSON, Excel and CSV (checked on the way)")
      .argument("[instance]", "instance JSON file (or - for standard input) or .xlsx workbook"),
  )
    .option("-o, --out <path>", "a .json file, an .xlsx file, or a folder for workers.csv and employers.csv")
    .addHelpText("after", "\nExit codes: 0 done, 1 bad input, 2 usage, 4 cannot write.")
    .action(async (file: string | undefined, o: ConvertOptions) => finish(await convertAction(file, o, ctx)));
