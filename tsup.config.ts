import { defineConfig } from "tsup";

// The library is built once for ESM and once for CommonJS, each with its
// declarations, so that `import` and `require` of "jobmatch" both work.
// The command line (`jobmatch`, the package's bin) is one ESM file for Node
// with a shebang; its dependencies stay external, as for the library.
// No source maps in the package: they were 2.5 MB of its 3.8 MB, and the
// published files are unminified ES2022 with their declarations, readable as
// they are; a debugger in this repository runs the TypeScript directly (tsx).
export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: false,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: false,
    clean: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
