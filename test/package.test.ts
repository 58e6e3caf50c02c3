/**
 * What the package ships (issue #14): a LICENSE file matching package.json's
 * license, shipped with the package; no source maps in the build (they were
 * 2.5 MB of a 3.8 MB package); the workbench page built with the library.
 * Read from the files that decide it, since the tests run without a build.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./cli/run.js";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { license: string; files: string[]; scripts: Record<string, string> };

describe("the package", () => {
  it("ships an MIT LICENSE, as package.json says", () => {
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(join(ROOT, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
    expect(pkg.files).toContain("LICENSE");
  });

  it("builds without source maps, and builds the workbench page", () => {
    const config = readFileSync(join(ROOT, "tsup.config.ts"), "utf8");
    expect(config).not.toMatch(/sourcemap:\s*true/);
    expect(config.match(/sourcemap:\s*false/g)?.length).toBe(2);
    expect(pkg.scripts.build).toContain("scripts/build-app.ts");
    expect(pkg.files).toContain("dist");
  });
});
