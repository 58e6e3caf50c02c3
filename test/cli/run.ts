/**
 * Runs the `jobmatch` command line as a user would: a child process with
 * pipes for its streams, so standard error is never a terminal.
 *
 * The process runs the CLI as `npm run build` bundles it (tsup, one ESM
 * file, dependencies external), built from the current sources once per
 * test file, so the tests need no prior build and never run a stale dist/.
 * (`node --import tsx src/cli/main.ts` works too, but starts three times
 * slower, and these tests start the CLI about forty times.)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

let bundle: Promise<string> | undefined;
const outDir = join(ROOT, "node_modules", ".cache", `jobmatch-cli-test-${process.pid}`);

/** Removes this process's bundle (call from afterAll). */
export const removeBundle = (): void => rmSync(outDir, { recursive: true, force: true });

/** The CLI bundled from src/cli/main.ts into node_modules/.cache (so its dependencies resolve); built once per process. */
const cli = (): Promise<string> =>
  (bundle ??= (async () => {
    await build({
      entry: { cli: join(ROOT, "src", "cli", "main.ts") },
      outDir,
      format: ["esm"],
      platform: "node",
      target: "node20",
      outExtension: () => ({ js: ".mjs" }),
      config: false,
      silent: true,
      clean: true,
      dts: false,
      sourcemap: false,
    });
    return join(outDir, "cli.mjs");
  })());

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `jobmatch ...args`, with `input` on standard input, in `cwd` (default the repository). */
export const jobmatch = async (args: readonly string[], input = "", cwd = ROOT): Promise<CliRun> => {
  const main = await cli();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [main, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: "1", JOBMATCH_DEBUG: "" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
};

/** A fresh folder for a test's files. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), "jobmatch-cli-"));

/** A stack trace line ("    at fn (file:1:2)"), which users must never see. */
export const STACK = /^\s+at .+[:(]/m;
