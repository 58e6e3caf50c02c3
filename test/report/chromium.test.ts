/**
 * Renders the HTML report in headless Chromium (Debian's `chromium`, which
 * .ci/run installs) and checks that the charts drew: every bar with a
 * non-zero value has a non-zero on-screen size.
 *
 * A probe script is added to a copy of the report (the report itself has no
 * script); it measures each bar with getBoundingClientRect and leaves the
 * counts in an attribute that `--dump-dom` prints.
 *
 * The browser and what to do without one are ../support/browser.ts's: this
 * test is skipped with a notice saying how to run it, so that `npm test`
 * passes on a machine with Node only; JOBMATCH_REQUIRE_BROWSER=1 (set by
 * .ci/run, which installs Chromium) turns a missing browser into a failure.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { CHART_IDS, renderHtmlReport } from "../../src/report/html.js";
import { chromiumPath, skipBrowser } from "../support/browser.js";
import { comparison } from "./fixtures.js";

const PROBE = `<script>
const counts = {};
for (const id of ${JSON.stringify(CHART_IDS)}) {
  const bars = [...document.querySelectorAll('rect.bar[data-chart="' + id + '"]')];
  const svg = document.getElementById("chart-" + id).getBoundingClientRect();
  counts[id] = { drawn: bars.filter((r) => { const b = r.getBoundingClientRect(); return b.width > 0.5 && b.height > 0.5; }).length, total: bars.length, chartWidth: svg.width, chartHeight: svg.height };
}
document.body.setAttribute("data-probe", JSON.stringify(counts));
</script>`;

const dir = mkdtempSync(join(tmpdir(), "jobmatch-chromium-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(skipBrowser("the HTML report"))("HTML report in headless Chromium", () => {
  it("draws every non-zero bar of the three charts", async () => {
    const c = comparison();
    const file = join(dir, "report.html");
    writeFileSync(file, renderHtmlReport(c, { title: "Chromium test" }).replace("</body>", `${PROBE}</body>`));
    const { stdout } = await promisify(execFile)(
      chromiumPath() as string,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--user-data-dir=${join(dir, "profile")}`,
        "--window-size=1100,900",
        "--dump-dom",
        `file://${file}`,
      ],
      { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 },
    );
    const attr = /data-probe="([^"]*)"/.exec(stdout);
    expect(attr, "the probe script did not run").not.toBeNull();
    const probe = JSON.parse((attr?.[1] ?? "{}").replace(/&quot;/g, '"').replace(/&amp;/g, "&")) as Record<string, { drawn: number; total: number; chartWidth: number; chartHeight: number }>;

    const nonZero = (values: readonly number[]): number => values.filter((v) => v > 0).length;
    const expected = {
      "placements-by-prefecture": nonZero(c.rows.flatMap((r) => c.prefectures.map((p) => r.byPrefecture[p]?.placed ?? 0))),
      "fill-by-field": nonZero(c.rows.flatMap((r) => c.fields.map((f) => r.byField[f]?.placed ?? 0))),
      "unplaced-by-reason": nonZero(c.rows.flatMap((r) => [r.unplacedByReason["no-eligible-slot"], r.unplacedByReason["eligible-slots-taken"]])),
    };
    for (const id of CHART_IDS) {
      expect(probe[id]?.chartWidth, id).toBeGreaterThan(300);
      expect(probe[id]?.chartHeight, id).toBeGreaterThan(40);
      expect(probe[id]?.drawn, id).toBe(expected[id]);
      expect(expected[id], id).toBeGreaterThan(0);
    }
  });
});
