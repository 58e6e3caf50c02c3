/**
 * What fits in how much memory: for each case, the smallest V8 heap
 * (`node --max-old-space-size`, in MB) with which `jobmatch solve` finishes,
 * found by bisection, the whole heap limit that gives (V8 adds its young
 * generation), and beside it the estimate the command line checks against
 * that limit before it starts (src/memory/estimate.ts). Every finished run's result is checked
 * (every worker once, proved optimal) before it counts.
 *
 *     npm run bench:memory                                   # the default cases, a table
 *     npm run bench:memory -- --cases 100000x10000,100000x50000 --json
 *
 * The command line runs as `npm run build` bundles it (built here into
 * node_modules/.cache), with its own memory check turned off
 * (JOBMATCH_MEMORY_CHECK=off) so that the bisection finds the real need.
 * Slow: each step of a bisection is a whole solve (about 100 s at 1,000,000
 * workers on the machine of bench/RESULTS.md).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "tsup";
import { generateInstance } from "../src/generate/generate.js";
import { formatInstanceJson } from "../src/generate/json.js";
import { estimateMemory } from "../src/memory/estimate.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DEFAULT_CASES = "10000x1000,30000x3000,100000x10000,100000x50000,300000x30000";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: DEFAULT_CASES },
    seed: { type: "string", default: "20261127" },
    json: { type: "boolean", default: false },
    "step-mb": { type: "string", default: "16" },
  },
});

const cases = (values.cases ?? DEFAULT_CASES).split(",").map((s) => {
  const [w, e] = s.trim().split("x").map(Number);
  if (!Number.isInteger(w) || !Number.isInteger(e)) {
    console.error(`--cases: expected WORKERSxEMPLOYERS, got "${s}"`);
    process.exit(2);
  }
  return { workers: w as number, employers: e as number };
});
const step = Number(values["step-mb"]);

const outDir = join(ROOT, "node_modules", ".cache", "jobmatch-bench-memory");
await build({ entry: { cli: join(ROOT, "src", "cli", "main.ts") }, outDir, format: ["esm"], platform: "node", target: "node20", outExtension: () => ({ js: ".mjs" }), config: false, silent: true, clean: true, dts: false, sourcemap: false });
const cli = join(outDir, "cli.mjs");
const dir = mkdtempSync(join(tmpdir(), "jobmatch-memory-"));

/** Whether the solve finishes with `heapMb` of heap, its result checked. */
const fits = (file: string, workers: number, heapMb: number): boolean => {
  const out = join(dir, "result.json");
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, cli, "solve", file, "--out", out], {
    env: { ...process.env, JOBMATCH_MEMORY_CHECK: "off" },
    encoding: "utf8",
  });
  if (r.status !== 0) return false;
  const result = JSON.parse(readFileSync(out, "utf8")) as { status: string; placements: { workerId: string }[]; unplaced: { workerId: string }[] };
  const ids = new Set([...result.placements, ...result.unplaced].map((x) => x.workerId));
  if (result.status !== "optimal" || ids.size !== workers || result.placements.length + result.unplaced.length !== workers) {
    throw new Error(`${file}: a finished solve gave a wrong result (status ${result.status}, ${ids.size} workers of ${workers})`);
  }
  return true;
};

/** The smallest heap (MB, within `step`) that fits: doubling up from 64, then bisection. */
const smallestHeap = (file: string, workers: number): number => {
  let lo = 32;
  let hi = 64;
  while (!fits(file, workers, hi)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > step) {
    const mid = Math.round((lo + hi) / 2);
    if (fits(file, workers, mid)) hi = mid;
    else lo = mid;
  }
  return hi;
};

/** The whole heap limit (MB) that `--max-old-space-size=mb` gives. */
const heapLimitMb = (mb: number): number =>
  Number(spawnSync(process.execPath, [`--max-old-space-size=${mb}`, "-p", "Math.round(require('v8').getHeapStatistics().heap_size_limit / 2 ** 20)"], { encoding: "utf8" }).stdout.trim());

const rows: { workers: number; employers: number; fileMb: number; heapMb: number; limitMb: number; estimateMb: number }[] = [];
for (const c of cases) {
  const file = join(dir, `${c.workers}x${c.employers}.json`);
  writeFileSync(file, formatInstanceJson(generateInstance({ seed: values.seed ?? "20261127", workers: c.workers, employers: c.employers, prefectures: ["36", "37", "38", "39"] })));
  const bytes = statSync(file).size;
  const heapMb = smallestHeap(file, c.workers);
  const estimateMb = Math.round(estimateMemory({ workers: c.workers, employers: c.employers, inputBytes: bytes }).totalBytes / 2 ** 20);
  const row = { ...c, fileMb: Math.round(bytes / 2 ** 20), heapMb, limitMb: heapLimitMb(heapMb), estimateMb };
  rows.push(row);
  if (values.json === true) console.log(JSON.stringify(row));
}
rmSync(dir, { recursive: true, force: true });
rmSync(outDir, { recursive: true, force: true });

if (values.json !== true) {
  const int = (n: number): string => n.toLocaleString("en-US");
  console.log("| workers | employers | file (MB) | smallest --max-old-space-size that solves (MB) | its whole heap limit (MB) | estimate checked against the limit (MB) |");
  console.log("|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${int(r.workers)} | ${int(r.employers)} | ${int(r.fileMb)} | ${int(r.heapMb)} | ${int(r.limitMb)} | ${int(r.estimateMb)} |`);
}
