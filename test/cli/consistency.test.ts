/**
 * The command line says what it does and does what it says: the exit codes
 * `scenario --help` gives for bad variations are the codes it exits with;
 * `--compare` with several scenarios runs each one's own variations (it used
 * to be ignored silently); an input too large for the heap stops before the
 * work with exit 6 and what to do, instead of a crash (V8's exit 134).
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkMemory } from "../../src/cli/memory.js";
import { generateInstance } from "../../src/generate/generate.js";
import type { Comparison } from "../../src/scenario/compare.js";
import { jobmatch, jobmatchInShell, removeBundle, tempDir } from "./run.js";

const dir = tempDir();
const file = (name: string): string => join(dir, name);

const scenario = (name: string, by: number) => ({
  name,
  seed: 5,
  cohort: { size: 60 },
  prefectures: [{ prefecture: "37", demand: [{ field: "nursing-care", employers: 4, slots: 40 }] }],
  variations: [{ name: `N+${by}`, changes: [{ kind: "language-shift", by }] }],
});

beforeAll(() => {
  writeFileSync(file("a.json"), JSON.stringify(scenario("a", 1)));
  writeFileSync(file("b.json"), JSON.stringify(scenario("b", 2)));
  writeFileSync(file("big.json"), JSON.stringify(generateInstance({ seed: 1, workers: 20_000, employers: 100 })));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeBundle();
});

describe.concurrent("command-line consistency", () => {
  it("scenario --help gives the exit codes a bad variation gets", async () => {
    const [help, syntax, meaning] = await Promise.all([
      jobmatch(["scenario", "--help"]),
      jobmatch(["scenario", file("a.json"), "--vary", "more slots"]),
      jobmatch(["scenario", file("a.json"), "--vary", "cap:plumbing=3"]),
    ]);
    const codes = /Exit codes: (.*)$/ms.exec(help.stdout.replace(/\s+/g, " "))?.[1] ?? "";
    const documented = (words: string): number => Number(new RegExp(`(\\d) [^;]*${words}`).exec(codes)?.[1]);
    expect(documented("a --vary that is none of the shorthand forms")).toBe(syntax.code);
    expect(documented("a --vary naming an unknown field")).toBe(meaning.code);
    expect([syntax.code, meaning.code]).toEqual([2, 1]);
  });

  it("--compare with two scenarios runs each one's own variations after it", async () => {
    const r = await jobmatch(["scenario", file("a.json"), file("b.json"), "--compare", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Comparison).rows.map((x) => x.name)).toEqual(["a", "a/N+1", "b", "b/N+2"]);
  });

  it("an instance too large for the heap: exit 6 before solving, saying how much it needs", async () => {
    // A heap of 16 MB old space (64 MB in all) for 20,000 workers.
    const r = await jobmatchInShell(["solve", file("big.json")], (c) => `NODE_OPTIONS=--max-old-space-size=16 ${c}`);
    expect([r.code, r.stdout]).toEqual([6, ""]);
    expect(r.stderr).toMatch(/^error: (reading|solving) .*big\.json needs about [\d,]+ MB of memory, more than this process may use \([\d,]+ MB\)\. On a machine with that much free memory, give Node more: NODE_OPTIONS=--max-old-space-size=\d+ jobmatch/);
  });

  it("a scenario too large for the heap: exit 6 before drawing it", async () => {
    const r = await jobmatchInShell(["scenario", "nationwide", "--size", "1000000"], (c) => `NODE_OPTIONS=--max-old-space-size=256 ${c}`);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/^error: drawing and solving nationwide needs about [\d,]+ MB/);
  });
});

describe("the memory check", () => {
  it("passes what fits and refuses what does not, suggesting a heap with room to spare", () => {
    expect(E.isRight(checkMemory(100 * 2 ** 20, "x", 200 * 2 ** 20))).toBe(true);
    const no = checkMemory(300 * 2 ** 20, "solving x", 200 * 2 ** 20);
    expect(E.isLeft(no) && no.left.exit).toBe(6);
    expect(E.isLeft(no) && no.left.message).toMatch(/^solving x needs about 300 MB of memory, more than this process may use \(200 MB\)\. .*--max-old-space-size=512 /);
  });
});
