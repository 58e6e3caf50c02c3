/**
 * Decoding: unknown JSON in, a checked `Instance` or every located issue out.
 *
 * Two passes: the structural pass (io-ts codecs, ./codecs.ts) checks types
 * and allowed values; the semantic pass (./semantic.ts) checks what types
 * cannot: duplicate ids, fields and prefectures that exist, wages not under
 * the binding minimum, routes that only exist for nursing care. Input in
 * canonical form takes both in one walk over its rows (./shape.ts checks
 * each row as it comes; a worker row without an issue is checked and
 * decoded value by value, ./workerWalk.ts); anything else is validated by the codecs, and its
 * issues are returned with the semantic issues of its well-formed rows
 * (./allAtOnce.ts). Nothing here throws on bad input.
 */
import * as E from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import { withRowChecks } from "./allAtOnce.js";
import { EmployerCodec, InstanceCodec, WorkerCodec, type InstanceInput } from "./codecs.js";
import { MISSING, OMITTED, UNKNOWN_PROPERTY } from "./combinators.js";
import { markDecoded } from "./decoded.js";
import type { Instance } from "./instance.js";
import { at, capIssues, issue, MAX_ISSUES, truncatedIssue, type InputIssue } from "./issues.js";
import { LIMITS } from "./limits.js";
import { MALFORMED, semantic } from "./semantic.js";
import { isInstanceShell } from "./shape.js";

// ---------------------------------------------------------------------------
// Structural issues from io-ts errors

const pathOf = (context: t.Context): string => {
  let path = "";
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1];
    const entry = context[i];
    if (entry === undefined || parent === undefined) continue;
    const parentTag = (parent.type as { _tag?: string })._tag;
    path = parentTag === "ArrayType" ? at(path, Number(entry.key)) : at(path, entry.key);
  }
  return path;
};

/**
 * Turns io-ts validation errors into located issues, one per path: at most
 * MAX_ISSUES, then one "truncated" issue counting the rest (./issues.ts).
 */
export const issuesFromErrors = (errors: t.Errors): InputIssue[] => {
  const seen = new Set<string>();
  const out: InputIssue[] = [];
  let omitted = 0;
  for (const e of errors) {
    if (e.message === OMITTED) {
      omitted += e.value as number;
      continue;
    }
    if (out.length >= MAX_ISSUES) {
      omitted++;
      continue;
    }
    const path = pathOf(e.context);
    if (seen.has(path)) continue;
    seen.add(path);
    const last = e.context[e.context.length - 1];
    const expected = last?.type.name ?? "a valid value";
    const code = e.message === MISSING ? "missing" : e.message === UNKNOWN_PROPERTY ? "unknown-property" : "invalid";
    out.push(issue(code, path, expected, e.value));
  }
  if (omitted > 0) out.push(truncatedIssue(omitted));
  return out;
};

/** The structural pass, then the semantic pass if it succeeds. */
const bothPasses = (input: unknown): E.Either<readonly InputIssue[], Instance> => {
  const structural = InstanceCodec.decode(input);
  return E.isLeft(structural) ? E.left(issuesFromErrors(structural.left)) : checked(structural.right);
};

/** The semantic pass over a well-formed input. */
const checked = (input: InstanceInput): E.Either<InputIssue[], Instance> => semantic(input, false) as E.Either<InputIssue[], Instance>;

/** Whether the instance's workers or employers are more than LIMITS allows. */
const oversized = (input: unknown): boolean => {
  const rows = typeof input === "object" && input !== null ? (input as { readonly workers?: unknown; readonly employers?: unknown }) : {};
  return (Array.isArray(rows.workers) && rows.workers.length > LIMITS.workers) || (Array.isArray(rows.employers) && rows.employers.length > LIMITS.employers);
};

/** The decoding itself (see `decodeInstance`). */
const decodeUnmarked = (input: unknown): E.Either<readonly InputIssue[], Instance> => {
  // Input in canonical form (the usual case: a file written by a program) is
  // checked row by row as it is decoded, in one walk (./semantic.ts).
  if (isInstanceShell(input)) {
    const once = semantic(input, true);
    if (once !== MALFORMED) return E.mapLeft(capIssues)(once);
  }
  // Anything else is validated in full by the codecs, with located issues.
  const structural = InstanceCodec.is(input) ? E.right(input) : InstanceCodec.decode(input);
  // Malformed input: the well-formed rows are checked semantically too, so every issue comes in one round (./allAtOnce.ts); at most MAX_ISSUES listed.
  // A list past its limit is refused for its length alone: its rows are not read.
  if (E.isLeft(structural)) {
    const issues = issuesFromErrors(structural.left);
    return E.left(capIssues(oversized(input) ? issues : withRowChecks(input, issues, { workers: WorkerCodec, employers: EmployerCodec }, bothPasses)));
  }
  return E.mapLeft(capIssues)(checked(structural.right));
};

/** Decodes and checks an instance; never throws. The instance is marked as decoded here (./decoded.ts), for `matchDecoded`. */
export const decodeInstance = (input: unknown): E.Either<readonly InputIssue[], Instance> => E.map(markDecoded)(decodeUnmarked(input));
