/**
 * The `jobmatch` executable: `run` (./program.ts) on the process's
 * arguments and streams. An unexpected error (a bug) ends with exit code 5
 * and one line on standard error; JOBMATCH_DEBUG=1 adds the stack.
 */
import { EXIT } from "./exit.js";
import { run } from "./program.js";

const internal = (e: unknown): void => {
  const detail = process.env.JOBMATCH_DEBUG === "1" && e instanceof Error ? `\n${e.stack ?? ""}` : "";
  process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)} (please report it; JOBMATCH_DEBUG=1 shows more)${detail}\n`);
  process.exitCode = EXIT.internal;
};

process.on("uncaughtException", internal);

// A reader that stops early (`jobmatch solve x.json | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? EXIT.ok);
    internal(e);
  });
}

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
};

run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, readStdin }).then((code) => {
  process.exitCode = code;
}, internal);
