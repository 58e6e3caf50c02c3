/**
 * The `jobmatch` command line: its commands, and how their outcomes become
 * exit codes (./exit.ts). Commander parses; every command returns a value
 * (an exit code, or a failure with its message), and nothing a user can do
 * makes it print a stack trace.
 *
 * `run(argv, ctx)` is the whole program without the process around it, so
 * that it can be driven with other streams.
 */
import { Command, CommanderError } from "commander";
import * as E from "fp-ts/lib/Either.js";
import packageJson from "../../package.json";
import { appCommand } from "./app.js";
import { convertCommand } from "./convert.js";
import { EXIT, type ExitCode, type Finish } from "./exit.js";
import { expandCommand } from "./expand.js";
import { explainCommand } from "./explain.js";
import { exportLpCommand } from "./exportLp.js";
import type { CliContext } from "./io.js";
import { replanCommand } from "./replan.js";
import { scenarioCommand } from "./scenario.js";
import { solveCommand } from "./solve.js";
import { auditCommand } from "./audit.js";
import { stableCommand } from "./stable.js";

const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  bad input: unreadable file, invalid JSON or CSV, or located issues (path: expected X, got Y)
  2  usage: unknown command or option, missing or conflicting arguments
  3  solved, but not proved optimal (infeasible, time limit, engine error); output still written
  4  the output could not be written
  5  internal error (a bug; JOBMATCH_DEBUG=1 shows the stack)
  6  not enough memory: the input needs more than Node's heap allows (checked before the work; nothing written)

Progress is shown on standard error only when it is a terminal.`;

/** Runs the command line `argv` (without "node" and the script) and gives its exit code. */
export const run = async (argv: readonly string[], ctx: CliContext): Promise<ExitCode> => {
  let code: ExitCode = EXIT.ok;
  const finish: Finish = (outcome) => {
    if (E.isLeft(outcome)) {
      ctx.stderr.write(`error: ${outcome.left.message}\n`);
      code = outcome.left.exit;
    } else {
      code = outcome.right;
    }
  };
  const configure = (cmd: Command): Command =>
    cmd
      .exitOverride()
      .showHelpAfterError("(add --help for usage)")
      .configureOutput({ writeOut: (s) => void ctx.stdout.write(s), writeErr: (s) => void ctx.stderr.write(s) });
  const program = configure(
    new Command("jobmatch")
      .description("Place migrant workers into employer job slots (an integer program), explain the answer, and compare expansion scenarios.")
      .version(packageJson.version, "-V, --version")
      .addHelpText("after", EXIT_CODES_HELP),
  );
  for (const cmd of [
    solveCommand(ctx, finish),
    explainCommand(ctx, finish),
    stableCommand(ctx, finish),
    auditCommand(ctx, finish),
    scenarioCommand(ctx, finish),
    expandCommand(ctx, finish),
    exportLpCommand(ctx, finish),
    convertCommand(ctx, finish),
    appCommand(ctx, finish),
    replanCommand(ctx, finish),
  ]) {
    program.addCommand(configure(cmd));
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return e.code === "commander.helpDisplayed" || e.code === "commander.version" ? EXIT.ok : EXIT.usage;
  }
  return code;
};
