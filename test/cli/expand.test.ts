/**
 * `jobmatch expand` as a user runs it: the expansion report of an instance
 * file, spreadsheets or a bundled scenario, as Markdown or JSON, the same as
 * the library's; usage errors and located issues with their exit codes.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatExpansionMarkdown } from "../../src/expansion/format.js";
import { expansionReport } from "../../src/expansion/run.js";
import { generateInstance } from "../../src/generate/generate.js";
import { instanceToCsv } from "../../src/io/csv.js";
import { jobmatch, removeBundle, tempDir } from "./run.js";

const dir = tempDir();
const file = (name: string): string => join(dir, name);
const instance = generateInstance({ seed: 7, workers: 80, employers: 8 });
const csv = instanceToCsv(instance);

beforeAll(() => {
  writeFileSync(file("instance.json"), JSON.stringify(instance));
  writeFileSync(file("workers.csv"), csv.workers);
  writeFileSync(file("employers.csv"), csv.employers);
  writeFileSync(file("settings.csv"), csv.settings);
  writeFileSync(file("bad.json"), JSON.stringify({ ...instance, workers: [{ ...instance.workers[0], language: ["N6"] }, ...instance.workers.slice(1)] }));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeBundle();
});

describe.concurrent("jobmatch expand", () => {
  const lib = expansionReport(instance, { centres: 2 });
  if (E.isLeft(lib)) throw new Error("the generated instance was rejected");

  it("prints the expansion report as Markdown, the library's, exit 0", async () => {
    const run = await jobmatch(["expand", file("instance.json"), "--centres", "2"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${formatExpansionMarkdown(lib.right)}\n`);
    expect(run.stdout).toContain("## Marginal value of slots");
  });

  it("reads spreadsheets, and writes JSON to a file", async () => {
    const run = await jobmatch(["expand", "--workers", file("workers.csv"), "--employers", file("employers.csv"), "--settings", file("settings.csv"), "--centres", "2", "--format", "json", "--out", file("expansion.json")]);
    expect(run.code).toBe(0);
    const out = JSON.parse(readFileSync(file("expansion.json"), "utf8")) as typeof lib.right;
    expect(out.placed).toBe(lib.right.placed);
    expect(out.slots).toEqual(JSON.parse(JSON.stringify(lib.right.slots)));
  });

  it("refuses an instance and --scenario together, an unknown scenario and a count out of range: exit 2", async () => {
    expect((await jobmatch(["expand", file("instance.json"), "--scenario", "shikoku"])).code).toBe(2);
    const unknown = await jobmatch(["expand", "--scenario", "hokkaido"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no bundled scenario "hokkaido" (kagawa-pilot, shikoku, nationwide)');
    expect((await jobmatch(["expand", file("instance.json"), "--centres", "51"])).code).toBe(2);
  });

  it("points bad input at its place, exit 1", async () => {
    const run = await jobmatch(["expand", file("bad.json")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("workers[0].language[0]");
  });
});
