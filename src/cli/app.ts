/**
 * `jobmatch app`: the officers' workbench (src/app, built into dist/app.html
 * by `npm run build`) served on this computer only, and opened in the
 * default browser.
 *
 *     jobmatch app                 # http://127.0.0.1:<free port>/, opened
 *     jobmatch app --port 8080 --no-open
 *
 * The server listens on the loopback address alone and answers one page;
 * the page itself fetches nothing (its content security policy forbids any
 * connection), so no data leaves the machine. Requests naming another host
 * (a DNS-rebinding page) are refused. Ctrl+C stops it.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import * as E from "fp-ts/lib/Either.js";
import { EXIT, failure, type ExitCode, type Failure, type Finish } from "./exit.js";
import type { CliContext } from "./io.js";
import { count } from "./options.js";

/** Where the built page may be: beside the bundled CLI (dist/), or in dist/ of a source checkout. */
export const pageCandidates = (): string[] => {
  const here = dirname(fileURLToPath(import.meta.url));
  return [join(here, "app.html"), join(here, "..", "..", "dist", "app.html")];
};

/** A running server: its address, and how to stop it. */
export interface AppServer {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Serves `html` at / on 127.0.0.1 (`port` 0: any free port). */
export const startAppServer = (html: string, port: number): Promise<AppServer> =>
  new Promise((resolve, reject) => {
    const server: Server = createServer((req, res) => {
      const host = (req.headers.host ?? "").replace(/:\d+$/, "");
      if (!["127.0.0.1", "localhost", "[::1]"].includes(host)) {
        res.writeHead(403, { "content-type": "text/plain" }).end("jobmatch app answers only on this computer\n");
        return;
      }
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
        return;
      }
      if (req.url !== "/" && req.url !== "/index.html") {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" });
      res.end(req.method === "HEAD" ? undefined : html);
    });
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const p = typeof address === "object" && address !== null ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${p}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections(); // a browser's idle keep-alive connections would hold the close
          }),
      });
    });
  });

/** Opens a URL in the default browser; quietly does nothing where it cannot. */
const openBrowser = (url: string): void => {
  const [cmd, args] = process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  try {
    spawn(cmd, args, { stdio: "ignore", detached: true }).on("error", () => undefined).unref();
  } catch {
    // no browser to open: the URL is printed
  }
};

/** The options of `jobmatch app`. */
export interface AppOptions {
  readonly port: number;
  readonly open: boolean;
}

/** Runs `jobmatch app` until the process is interrupted. */
export const appAction = async (o: AppOptions, ctx: CliContext, stop: Promise<void> = new Promise((done) => process.once("SIGINT", () => done()))): Promise<E.Either<Failure, ExitCode>> => {
  const page = pageCandidates().find((p) => existsSync(p));
  if (page === undefined) return E.left(failure(EXIT.badInput, "the workbench page is not built: run npm run build (it writes dist/app.html)"));
  let server: AppServer;
  try {
    server = await startAppServer(readFileSync(page, "utf8"), o.port);
  } catch (e) {
    return E.left(failure(EXIT.usage, `cannot listen on 127.0.0.1:${o.port}: ${(e as Error).message}`));
  }
  ctx.stderr.write(`jobmatch workbench at ${server.url} (this computer only; nothing leaves it). Ctrl+C stops it.\n`);
  if (o.open) openBrowser(server.url);
  await stop;
  await server.close();
  return E.right(EXIT.ok);
};

/** The `app` command for commander. */
export const appCommand = (ctx: CliContext, finish: Finish): Command =>
  new Command("app")
    .description("open the workbench page in the browser, served on this computer only")
    .option("--port <n>", "port on 127.0.0.1 (default: any free port)", count("--port"), 0)
    .option("--no-open", "do not open a browser; just print the address")
    .action(async (o: AppOptions) => finish(await appAction(o, ctx)));
