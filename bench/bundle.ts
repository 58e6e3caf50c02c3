/**
 * The benchmark case as the library ships: bench/case.ts and the sources it
 * imports bundled into one file by tsup, as `npm run build` bundles the
 * package (dist/) and the command line. Run module by module through tsx
 * instead, the nationwide solve took 0.35 to 1.1 s longer (2.0-2.9 s
 * against 1.7-1.8 s at 333,000 workers, alternated, 2026-11-30): calls
 * across modules (the flow engine into its spanning-tree module, for one)
 * are not what a user's bundled copy runs. The file is written under
 * node_modules/.cache, inside the repository, so that the dependencies left
 * external (fp-ts, io-ts, javascript-lp-solver, HiGHS) resolve as they do
 * for the sources.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "tsup";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");

/** Bundles bench/case.ts; the path of the bundle. */
export const bundledCase = async (): Promise<string> => {
  const outDir = join(root, "node_modules", ".cache", "jobmatch-bench");
  await build({
    entry: { case: join(root, "bench", "case.ts") },
    format: ["esm"],
    outDir,
    platform: "node",
    target: "node20",
    dts: false,
    sourcemap: false,
    clean: true,
    silent: true,
    config: false,
    // The dependencies tsup leaves out by package.json, and HiGHS (a development dependency with its WebAssembly beside it).
    external: ["highs"],
  });
  return join(outDir, "case.js");
};
