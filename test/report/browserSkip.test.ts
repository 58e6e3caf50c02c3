/**
 * The browser test on a machine without Chromium: `npm test` must pass there
 * (the README's two commands on a machine with Node only), with a notice
 * saying how to run it, and must fail where JOBMATCH_REQUIRE_BROWSER=1 (as
 * .ci/run sets it) asks for the browser.
 *
 * Runs vitest on test/report/chromium.test.ts in a child process, with
 * CHROMIUM pointing at a file that does not exist and PATH without a browser.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const VITEST = join(ROOT, "node_modules", "vitest", "vitest.mjs");

const runBrowserTest = (extra: Record<string, string>): { status: number | null; output: string } => {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("JOBMATCH_") && !k.startsWith("VITEST")) env[k] = v;
  const r = spawnSync(process.execPath, [VITEST, "run", "test/report/chromium.test.ts"], {
    cwd: ROOT,
    env: { ...env, NO_COLOR: "1", CHROMIUM: join(ROOT, "no-such-chromium"), PATH: "/nonexistent", ...extra },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
};

describe("the browser test without a browser", () => {
  it("skips, passing, with a notice that says how to run it", () => {
    const r = runBrowserTest({});
    expect(r.output).toMatch(/no Chromium found/);
    expect(r.output).toMatch(/apt-get install -y chromium/);
    expect(r.output).toMatch(/set CHROMIUM/);
    expect(r.output).toMatch(/skipped/);
    expect(r.status, r.output).toBe(0);
  });

  it("fails when JOBMATCH_REQUIRE_BROWSER=1 requires it", () => {
    const r = runBrowserTest({ JOBMATCH_REQUIRE_BROWSER: "1" });
    expect(r.output).toMatch(/JOBMATCH_REQUIRE_BROWSER=1 but no Chromium/);
    expect(r.status, r.output).not.toBe(0);
  });
});
