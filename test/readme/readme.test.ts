/**
 * The README's examples work as written (issue #14): every TypeScript block
 * type-checks under the repository's strict settings as a module of its own
 * (with "jobmatch" resolved to src/index.ts, as the package's types are);
 * every JSON block parses and decodes as what it shows (an instance, a
 * policy, a scenario); the quota sheet reads; and every `jobmatch` command
 * of the shell blocks runs, in a folder holding the files they name, and
 * ends with exit code 0 (or 3, "solved, not optimal", where the example is
 * about that). `jobmatch app` is left out (it serves until stopped; the
 * workbench tests cover it), the instance is a pilot-like cohort of 1,000,
 * scenario commands run at a fiftieth of their size, and the commands run
 * in this process through the CLI's own `run` (file names taken in a
 * temporary folder), to keep the suite quick: the commands' syntax and files
 * are what is checked here; test/cli runs the built CLI as a process.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import { decodeInstance } from "../../src/input/decode.js";
import { formatIssues } from "../../src/input/issues.js";
import { instanceFromCsv, instanceToCsv } from "../../src/io/csv.js";
import { instanceToWorkbook } from "../../src/io/convert.js";
import { readPolicy } from "../../src/io/policyFile.js";
import { decodeScenario } from "../../src/scenario/decode.js";
import { decodeEventShapes } from "../../src/plan/events.js";
import { run } from "../../src/cli/program.js";
import { ROOT, tempDir } from "../cli/run.js";

const README = readFileSync(join(ROOT, "README.md"), "utf8");
const blocks = [...README.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1] as string, code: m[2] as string, line: README.slice(0, m.index).split("\n").length }));
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `jobmatch ...args` run in this process (the CLI's own `run`), file names taken in `dir`. */
const jobmatch = async (args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  let stdout = "";
  let stderr = "";
  const inDir = args.map((a, i) => (i > 0 && !a.startsWith("-") && /(\.(json|csv|xlsx|lp|html|md)|\/)$/.test(a) ? join(dir, a) : a));
  const code = await run(inDir, { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, readStdin: async () => "" });
  return { code, stdout, stderr };
};

describe("README code blocks", () => {
  it("has TypeScript, JSON and shell blocks", () => {
    expect(blocks.filter((b) => b.lang === "ts").length).toBeGreaterThanOrEqual(3);
    expect(blocks.filter((b) => b.lang === "json").length).toBeGreaterThanOrEqual(3);
  });

  it("every TypeScript block type-checks under strict, as written", () => {
    const folder = join(ROOT, "node_modules", ".cache", `jobmatch-readme-${process.pid}`);
    mkdirSync(folder, { recursive: true });
    try {
      const files = blocks.filter((b) => b.lang === "ts").map((b) => {
        const file = join(folder, `readme-line-${b.line}.ts`);
        writeFileSync(file, b.code);
        return file;
      });
      const config = ts.readConfigFile(join(ROOT, "tsconfig.json"), ts.sys.readFile).config as { compilerOptions: object };
      const options = ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT).options;
      const program = ts.createProgram(files, { ...options, noEmit: true, baseUrl: ROOT, paths: { jobmatch: ["src/index.ts"] } });
      // only the blocks' own diagnostics: the checker looks at the library as far as the blocks use it
      const problems = files
        .flatMap((f) => {
          const source = program.getSourceFile(f);
          return source === undefined ? [] : [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
        })
        .map((d) => `${d.file?.fileName.replace(/.*readme-/, "README ") ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
      expect(problems).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  // A policy is checked in an empty instance, which the law asks for a start date like any other.
  const withPolicy = (policy: unknown): unknown => ({ reference: { asOf: "2026-04-01" }, workers: [], employers: [], policy });

  it("every JSON block parses and decodes as what it shows", () => {
    for (const b of blocks.filter((x) => x.lang === "json")) {
      const json = JSON.parse(b.code) as Record<string, unknown>;
      // A list is a list of re-planning events (their shapes: the ids they name are not in any instance here).
      const decoded = Array.isArray(json) ? decodeEventShapes(json) : "cohort" in json ? decodeScenario(json) : "workers" in json ? decodeInstance(json) : decodeInstance(withPolicy(json));
      expect(E.isLeft(decoded) ? `README line ${b.line}: ${formatIssues(decoded.left)}` : "").toBe("");
    }
  });

  it("the quota sheet reads as a policy", () => {
    const sheet = blocks.find((b) => b.lang === "" && b.code.startsWith("scope,key"));
    expect(sheet).toBeDefined();
    const p = readPolicy(new TextEncoder().encode(sheet?.code ?? ""), "quotas.csv");
    expect(E.isRight(p) && decodeInstance(withPolicy(p.right.policy))._tag).toBe("Right");
  });

  it("the settings sheet reads as the settings it shows", () => {
    const sheet = blocks.find((b) => b.lang === "" && b.code.startsWith("setting,value"));
    expect(sheet).toBeDefined();
    const r = instanceFromCsv("id,language,trainingCentre,homeProvince\n", "id,prefecture,field,slots,hourlyWage\n", { sheets: { settings: sheet?.code ?? "" } });
    expect(E.isRight(r) && r.right.input.placement).toEqual({ start: "2026-10-01", months: 12, wages: "raise" });
    expect(E.isRight(r) && decodeInstance(r.right.input)._tag).toBe("Right");
  });

  it("every jobmatch command of the shell blocks runs", async () => {
    // the files the commands name: a pilot-like cohort of 1,000 (ids W0001.., E001..), with family-07
    const pilot = generateInstance({ seed: 14, workers: 1000, employers: 100 });
    const instance = { ...pilot, workers: pilot.workers.map((w) => (["W0019", "W0020", "W0021"].includes(w.id) ? { ...w, group: "family-07" } : w)) };
    writeFileSync(join(dir, "instance.json"), JSON.stringify(instance));
    const csv = instanceToCsv(pilot);
    writeFileSync(join(dir, "workers.csv"), csv.workers);
    writeFileSync(join(dir, "employers.csv"), csv.employers);
    writeFileSync(join(dir, "w.csv"), csv.workers);
    writeFileSync(join(dir, "e.xlsx"), await instanceToWorkbook(pilot));
    writeFileSync(join(dir, "pilot.xlsx"), await instanceToWorkbook(pilot));
    writeFileSync(join(dir, "quotas.csv"), blocks.find((b) => b.lang === "" && b.code.startsWith("scope,key"))?.code ?? "");
    writeFileSync(join(dir, "events.csv"), blocks.find((b) => b.lang === "" && b.code.startsWith("date,type"))?.code ?? "");
    writeFileSync(join(dir, "my.json"), blocks.find((b) => b.lang === "json" && b.code.includes('"cohort"'))?.code ?? "");
    // jobmatch creates no folders: the README says to make out/ first
    mkdirSync(join(dir, "out"), { recursive: true });

    const commands = blocks
      .filter((b) => b.lang === "sh")
      .flatMap((b) => b.code.split("\n"))
      .map((l) => l.replace(/\s+#.*$/, "").trim())
      .filter((l) => l.startsWith("jobmatch ") && l !== "jobmatch app");
    expect(commands.length).toBeGreaterThan(15);
    const failed: string[] = [];
    for (const line of commands) {
      const [command, redirect] = line.split(/\s+>\s+/) as [string, string | undefined];
      let args = command.split(/\s+/).slice(1);
      const asOf = pilot.reference?.asOf;
      // spreadsheets carry no reference dates: give the pilot's, as its README says
      if (args.some((a) => /\.(csv|xlsx)$/.test(a)) && !args.includes("--as-of") && asOf !== undefined && args[0] !== "convert" && args[0] !== "replan") args = [...args, "--as-of", asOf];
      if (args[0] === "scenario" && !args.includes("--list") && !args.includes("--scale")) args = [...args, "--scale", "0.02"];
      const r = await jobmatch(args);
      if (redirect !== undefined) writeFileSync(join(dir, redirect), r.stdout);
      if (r.code !== 0 && r.code !== 3) failed.push(`${line}: exit ${r.code}: ${r.stderr.slice(0, 300)}`);
    }
    expect(failed).toEqual([]);
  }, 300_000);
});
