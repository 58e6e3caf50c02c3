/**
 * javascript-lp-solver in a worker thread, so that a time limit holds even
 * where the solver does not look at its clock (its first linear solve, and
 * the last one it runs to read back its best branch; shared/solver-notes.md:
 * a 200 ms timeout took 6 s).
 *
 * The caller stays synchronous: it starts a worker with the model, waits on
 * a shared flag with `Atomics.wait` until the worker is done or the deadline
 * (plus `DEADLINE_GRACE_MS`) has passed, then reads the answer with
 * `receiveMessageOnPort`, or terminates the worker. The worker reads
 * `Date.now()` just before and after its `Solve` call, so the adapter can
 * decide soundly whether the solver may have stopped at its own timeout
 * (./lpSolver.ts, `mayHaveStoppedForTime`).
 *
 * Node only (`process.getBuiltinModule`, Node 20.16 and later): where it is
 * missing (a browser, an older Node) or the solver's module cannot be
 * located, `solveInWorker` answers "unavailable" and the adapter solves in
 * the calling thread, where only the solver's own timeout applies. Starting
 * a worker costs some tens of milliseconds, so it is used only when there is
 * a deadline.
 */
import type { JsLpModel, JsLpResult } from "./jsLpSolver.js";
import { DEADLINE_GRACE_MS } from "./types.js";

/** What the worker reports: the answer and its two clock readings, or why it failed. */
export type WorkerAnswer =
  | { readonly kind: "answer"; readonly answer: JsLpResult; readonly startedMs: number; readonly endedMs: number }
  | { readonly kind: "threw"; readonly message: string }
  /** The deadline and its grace passed first: the worker was terminated. */
  | { readonly kind: "terminated" }
  /** No worker threads here (or the solver's module could not be located): solve in this thread. */
  | { readonly kind: "unavailable"; readonly why: string };

/** The worker's program (CommonJS, run with `eval`): load the solver, solve, post, raise the flag. */
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const { solverUrl, model, port, flag } = workerData;
const done = (message) => {
  port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};
import(solverUrl).then(
  (m) => {
    const solver = m.default && typeof m.default.Solve === "function" ? m.default : m;
    try {
      const startedMs = Date.now();
      const answer = solver.Solve(model);
      const endedMs = Date.now();
      done({ kind: "answer", answer: JSON.parse(JSON.stringify(answer)), startedMs, endedMs });
    } catch (e) {
      done({ kind: "threw", message: String(e) });
    }
  },
  (e) => done({ kind: "threw", message: "could not load javascript-lp-solver: " + String(e) }),
);
`;

interface NodeModules {
  readonly threads: typeof import("node:worker_threads");
  readonly url: typeof import("node:url");
  readonly module: typeof import("node:module");
}

const nodeModules = (): NodeModules | null => {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  if (typeof get !== "function") return null;
  try {
    const threads = get("node:worker_threads") as NodeModules["threads"] | undefined;
    const url = get("node:url") as NodeModules["url"] | undefined;
    const module = get("node:module") as NodeModules["module"] | undefined;
    return threads === undefined || url === undefined || module === undefined ? null : { threads, url, module };
  } catch {
    return null;
  }
};

/** A file URL the worker can import javascript-lp-solver from, found the way this module was loaded; null if none works. */
const solverUrl = (node: NodeModules): string | null => {
  const attempts: (() => string)[] = [
    // CommonJS build
    () => {
      if (typeof require !== "function") throw new Error("not CommonJS");
      return node.url.pathToFileURL(require.resolve("javascript-lp-solver")).href;
    },
    // ES module build on Node
    () => import.meta.resolve("javascript-lp-solver"),
    // anything that gives this module a file URL (test runners, bundlers)
    () => node.url.pathToFileURL(node.module.createRequire(import.meta.url).resolve("javascript-lp-solver")).href,
  ];
  for (const attempt of attempts) {
    try {
      const url = attempt();
      if (url.startsWith("file:") && !url.endsWith("/")) return url;
    } catch {
      // try the next way
    }
  }
  return null;
};

let cachedUrl: string | null | undefined;

/**
 * Solves `model` in a worker, waiting at most until `deadline` (a
 * `performance.now()` reading) plus `DEADLINE_GRACE_MS`. Never throws.
 */
export const solveInWorker = (model: JsLpModel, deadline: number): WorkerAnswer => {
  const node = nodeModules();
  if (node === null) return { kind: "unavailable", why: "no worker threads in this runtime" };
  if (cachedUrl === undefined) cachedUrl = solverUrl(node);
  if (cachedUrl === null) return { kind: "unavailable", why: "javascript-lp-solver's module could not be located for a worker" };
  const { Worker, MessageChannel, receiveMessageOnPort } = node.threads;
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: InstanceType<typeof Worker>;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { solverUrl: cachedUrl, model, port: port2, flag }, transferList: [port2] });
  } catch (e) {
    port1.close();
    return { kind: "unavailable", why: `a worker could not start: ${String(e)}` };
  }
  worker.unref();
  // Errors surface as a message or a timeout; an unhandled 'error' event must not reach the process.
  worker.on("error", () => undefined);
  const wait = Math.max(0, deadline + DEADLINE_GRACE_MS - performance.now());
  Atomics.wait(flag, 0, 0, wait);
  const received = receiveMessageOnPort(port1);
  void worker.terminate();
  port1.close();
  if (received === undefined) return { kind: "terminated" };
  return received.message as WorkerAnswer;
};
