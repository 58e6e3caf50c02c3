/**
 * The `jobmatch` executable: `run` (./program.ts) on the process's
 * arguments and streams. An unexpected error (a bug) ends with exit code 5
 * and one line on standard error; JOBMATCH_DEBUG=1 adds the stack.
 *
 * Standard output closed when the process starts (`jobmatch solve x.json >&-`)
 * is not visible to a Node program as such: Node reopens a closed standard
 * output on /dev/null. It opens it for reading and writing, where a shell's
 * `> /dev/null` opens it for writing only, and on Linux /proc tells the two
 * apart; a command whose result would go there then fails with exit 4
 * instead of losing it. (Elsewhere the check is skipped.)
 */
import { readFileSync, readlinkSync } from "node:fs";
import { EXIT } from "./exit.js";
import { reason } from "./io.js";
import { run } from "./program.js";

const internal = (e: unknown): void => {
  const detail = process.env.JOBMATCH_DEBUG === "1" && e instanceof Error ? `\n${e.stack ?? ""}` : "";
  process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)} (please report it; JOBMATCH_DEBUG=1 shows more)${detail}\n`);
  process.exitCode = EXIT.internal;
};

process.on("uncaughtException", internal);

/** Whether standard output was closed when the process started (Linux; false where it cannot tell). */
const stdoutClosed = (): boolean => {
  try {
    if (readlinkSync("/proc/self/fd/1") !== "/dev/null") return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync("/proc/self/fdinfo/1", "utf8"))?.[1];
    // O_ACCMODE is 3; O_RDWR is 2.
    return flags !== undefined && (Number.parseInt(flags, 8) & 3) === 2;
  } catch {
    return false;
  }
};

// A write failure on standard output that no command reported (help text, say) still fails the run: exit 4.
let unreported: unknown = null;
process.stdout.on("error", (e) => {
  unreported ??= e;
});
process.on("exit", () => {
  if (unreported === null || (process.exitCode !== undefined && process.exitCode !== EXIT.ok)) return;
  process.exitCode = EXIT.cannotWrite;
  process.stderr.write(`error: cannot write to standard output: ${reason(unreported)}\n`);
});
// Nowhere is left to report a failure on standard error; the exit code stands.
process.stderr.on("error", () => undefined);

const readStdin = async (): Promise<Uint8Array> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const stdout = { write: (text: string, done?: (error?: Error | null) => void): boolean => process.stdout.write(text, done), isTTY: process.stdout.isTTY, closed: stdoutClosed() };

run(process.argv.slice(2), { stdout, stderr: process.stderr, readStdin }).then((code) => {
  process.exitCode = code;
}, internal);
