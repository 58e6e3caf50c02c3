/**
 * docs/app.png: the workbench with the bundled pilot solved, for the README.
 * Uses Debian's Chromium (CHROMIUM, else /usr/bin/chromium) through
 * playwright-core; never downloads a browser.
 *
 *     npx tsx scripts/screenshot-app.ts
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { buildApp } from "./build-app.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

const main = async (): Promise<void> => {
  const page = join(mkdtempSync(join(tmpdir(), "jobmatch-shot-")), "app.html");
  await buildApp(page);
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "jobmatch-profile-")), {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  const tab = await context.newPage();
  await tab.goto(`file://${page}`);
  await tab.click("#open-pilot");
  await tab.click("#pilot-policy");
  await tab.click("#solve");
  await tab.waitForSelector('#result[data-run="1"]', { timeout: 60_000 });
  await tab.click("[data-explain='worker:W0006']");
  await tab.locator("#explanation", { hasNotText: /^explaining/ }).waitFor();
  await tab.setViewportSize({ width: 1280, height: 1700 });
  await tab.locator("#result").scrollIntoViewIfNeeded();
  await tab.mouse.wheel(0, -90);
  await tab.screenshot({ path: join(ROOT, "docs", "app.png") });
  await context.close();
  console.log("wrote docs/app.png");
};

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
