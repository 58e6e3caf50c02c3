/**
 * The worker side of the page (./protocol.ts): solves with `match` and keeps
 * the decoded instance and the result, to explain a worker, an employer or a
 * group in the library's own words (../analysis/format.ts).
 */
import * as E from "fp-ts/lib/Either.js";
import { explainEmployer, explainGroup, explainWorker } from "../analysis/explain.js";
import { formatDiagnosis, formatEmployerExplanation, formatGroupExplanation, formatWorkerExplanation } from "../analysis/format.js";
import { decodeInstance } from "../input/decode.js";
import type { Instance } from "../input/instance.js";
import { match } from "../match.js";
import type { MatchResult } from "../result/types.js";
import type { Reply, Request } from "./protocol.js";

let last: { readonly instance: Instance; readonly result: MatchResult } | null = null;

/** The answer to one request, with progress through `post`. */
export const answer = (req: Request, post: (r: Reply) => void): Reply => {
  if (req.kind === "solve") {
    post({ kind: "progress", id: req.id, stage: "checking the input" });
    const decoded = decodeInstance(req.input);
    if (E.isLeft(decoded)) return { kind: "issues", id: req.id, issues: decoded.left };
    post({ kind: "progress", id: req.id, stage: "solving" });
    const result = match(req.input, req.options);
    if (E.isLeft(result)) return { kind: "issues", id: req.id, issues: result.left };
    last = { instance: decoded.right, result: result.right };
    return { kind: "solved", id: req.id, result: result.right };
  }
  if (last === null) return { kind: "failed", id: req.id, message: "solve first" };
  const { instance, result } = last;
  const why = result.diagnosis === null ? "" : `\n${formatDiagnosis(result.diagnosis)}`;
  if (req.subject === "worker") {
    const x = explainWorker(instance, result, req.key);
    return E.isLeft(x) ? { kind: "failed", id: req.id, message: x.left } : { kind: "explained", id: req.id, text: formatWorkerExplanation(x.right) + why };
  }
  if (req.subject === "employer") {
    const x = explainEmployer(instance, result, req.key);
    return E.isLeft(x) ? { kind: "failed", id: req.id, message: x.left } : { kind: "explained", id: req.id, text: formatEmployerExplanation(x.right) };
  }
  const g = explainGroup(instance, result, req.key);
  return E.isLeft(g) ? { kind: "failed", id: req.id, message: g.left } : { kind: "explained", id: req.id, text: formatGroupExplanation(g.right) };
};

/** Starts answering messages (called when the script runs inside a worker). */
export const serve = (scope: { onmessage: ((e: MessageEvent) => void) | null; postMessage: (r: Reply) => void }): void => {
  scope.onmessage = (e) => {
    const post = (r: Reply): void => scope.postMessage(r);
    try {
      post(answer(e.data as Request, post));
    } catch (err) {
      post({ kind: "failed", id: (e.data as Request).id, message: err instanceof Error ? err.message : String(err) });
    }
  };
};
