/**
 * `jobmatch export-lp`: the instance's integer program in CPLEX LP format,
 * for an outside solver (HiGHS, CBC, Gurobi, CPLEX) or for inspection.
 *
 *     jobmatch export-lp instance.json --out model.lp
 *     highs model.lp      # solve it elsewhere
 *
 * Variables are the model's class pairs (x0..), rows its worker classes
 * (w0..), employer classes (e0..) and side constraints (s0..); see
 * src/engine/lpFormat.ts. Beside the LP file goes a map (model.map.json, or
 * --map FILE) from each name to the worker and employer ids it stands for
 * (./lpMap.ts). Nothing is solved.
 */
import { Command } from "commander";
import * as E from "fp-ts/lib/Either.js";
import { toLP } from "../engine/lpFormat.js";
import { decodeInstance } from "../input/decode.js";
import { buildModel } from "../model/build.js";
import { int } from "../report/format.js";
import { EXIT, issuesFailure, type ExitCode, type Failure, type Finish } from "./exit.js";
import { loadInstance, type InstanceOptions } from "./instance.js";
import { writeOutput, type CliContext } from "./io.js";
import { lpMap } from "./lpMap.js";
import { addInstanceOptions } from "./options.js";

/** The options of `jobmatch export-lp`. */
export interface ExportLpOptions extends InstanceOptions {
  readonly out?: string;
  readonly map?: string;
}

/** Where the map goes: --map, else beside --out (model.lp -> model.map.json); none on standard output. */
const mapPath = (o: ExportLpOptions): string | undefined =>
  o.map ?? (o.out === undefined || o.out === "-" ? undefined : `${o.out.replace(/\.lp$/i, "")}.map.json`);

/** Runs `jobmatch export-lp`; the exit code, or a failure to report. */
export const exportLpAction = async (file: string | undefined, o: ExportLpOptions, ctx: CliContext): Promise<E.Either<Failure, ExitCode>> => {
  const loaded = await loadInstance(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  const instance = decodeInstance(loaded.right.input);
  if (E.isLeft(instance)) return E.left(issuesFailure(`${loaded.right.name} has problems:`, loaded.right.locate(instance.left)));
  const built = buildModel(instance.right);
  const { model } = built;
  const written = writeOutput(toLP(model), o.out, ctx);
  if (E.isLeft(written)) return written;
  const map = mapPath(o);
  if (map !== undefined) {
    const w = writeOutput(`${JSON.stringify(lpMap(instance.right, built), null, 1)}\n`, map, ctx);
    if (E.isLeft(w)) return w;
  }
  if (o.out !== undefined) {
    ctx.stderr.write(
      `${o.out}: ${int(model.arcs.length)} variables, ${int(model.workerClasses.length)} worker-class rows, ${int(model.employerClasses.length)} employer-class rows, ${int(model.sideConstraints.length)} side constraints${map === undefined ? "" : `; names mapped to worker and employer ids in ${map}`}\n`,
    );
  }
  return E.right(EXIT.ok);
};

/** The `export-lp` command for commander. */
export const exportLpCommand = (ctx: CliContext, finish: Finish): Command =>
  addInstanceOptions(
    new Command("export-lp")
      .description("write the instance's integer program in CPLEX LP format (nothing is solved)")
      .argument("[instance]", "instance JSON file, or - for standard input"),
  )
    .option("-o, --out <file>", "write the model to this file instead of standard output")
    .option("--map <file>", "write what each variable and row stands for (worker and employer ids) as JSON; default beside --out: model.lp -> model.map.json")
    .addHelpText("after", "\nExit codes: 0 done, 1 bad input, 2 usage, 4 cannot write.")
    .action(async (file: string | undefined, o: ExportLpOptions) => finish(await exportLpAction(file, o, ctx)));
