/**
 * Real-browser tests and a machine without a browser: where Chromium is
 * (env CHROMIUM, else Debian's /usr/bin/chromium), and what to do when it is
 * absent: fail when JOBMATCH_REQUIRE_BROWSER=1 (as .ci/run sets), else skip,
 * saying so plainly and how to run them. Never downloads a browser.
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The Chromium binary, or null when there is none. */
export const chromiumPath = (): string | null => {
  const path = process.env.CHROMIUM ?? "/usr/bin/chromium";
  return existsSync(path) ? path : null;
};

/** Whether browser tests must run (and fail without a browser). */
export const browserRequired = (): boolean => process.env.JOBMATCH_REQUIRE_BROWSER === "1";

/**
 * Whether to skip the browser tests of `what`: true (after a plain notice)
 * when there is no Chromium and none is required; throws when one is
 * required and absent.
 */
export const skipBrowser = (what: string): boolean => {
  if (chromiumPath() !== null) return false;
  const how = "install Chromium (Debian: apt-get install -y chromium) or set CHROMIUM to its path";
  if (browserRequired()) throw new Error(`JOBMATCH_REQUIRE_BROWSER=1 but no Chromium at ${process.env.CHROMIUM ?? "/usr/bin/chromium"}: ${how}.`);
  console.warn(`SKIPPED: the browser tests of ${what}: no Chromium found. To run them, ${how}, then npm test (JOBMATCH_REQUIRE_BROWSER=1 makes them required).`);
  return true;
};

/** Launch flags that work in a container, and keep Chromium off the network. */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A fresh profile folder. */
export const profileDir = (): string => mkdtempSync(join(tmpdir(), "jobmatch-chromium-profile-"));
