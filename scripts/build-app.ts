/**
 * Builds the workbench page (src/app) into one self-contained HTML file:
 * the app bundled and minified by esbuild into one inline script (which is
 * also its own Web Worker), inside the shell of src/app/page.ts.
 *
 *     npx tsx scripts/build-app.ts [out.html]     # default dist/app.html (npm run build does this)
 *
 * `jobmatch app` serves dist/app.html on localhost; the file also works
 * opened directly in a browser.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { pageHtml } from "../src/app/page.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Bundles the page and writes it to `out`; gives its size in bytes. */
export const buildApp = async (out: string): Promise<number> => {
  const result = await build({
    entryPoints: [join(ROOT, "src", "app", "main.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    legalComments: "none",
    tsconfig: join(ROOT, "src", "app", "tsconfig.json"),
    logLevel: "silent",
  });
  const script = (result.outputFiles[0]?.text ?? "").replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--");
  const html = pageHtml(script);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  return Buffer.byteLength(html);
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? join(ROOT, "dist", "app.html");
  buildApp(out).then(
    (bytes) => console.log(`wrote ${out}: ${(bytes / 1024).toFixed(0)} KiB`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
