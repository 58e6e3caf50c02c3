import { defineConfig } from "tsup";

// The library is built once for ESM and once for CommonJS, each with its
// declarations, so that `import` and `require` of "jobmatch" both work.
// The command line (`jobmatch`, the package's bin) is one ESM file for Node
// with a shebang; its dependencies stay external, as for the library.
export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
