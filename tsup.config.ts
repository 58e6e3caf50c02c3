import { defineConfig } from "tsup";

// The library is built once for ESM and once for CommonJS, each with its
// declarations, so that `import` and `require` of "jobmatch" both work.
export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
});
