/**
 * The instance a command works on: a JSON file (or `-` for standard input),
 * an Excel workbook with `workers` and `employers` sheets, or a pair of
 * spreadsheet files (`--workers`, `--employers`: CSV in UTF-8 or Shift-JIS,
 * any common separator, or Excel), optionally with a policy from a file of
 * its own (`--policy`: JSON, or quotas as CSV). Issues point back at where
 * they are (JSON paths, or file, row and column); what was read forgivingly,
 * and suspicious skill names, are notices (../io/, ../input/vocabulary.ts).
 */
import * as E from "fp-ts/lib/Either.js";
import type { InputIssue } from "../input/issues.js";
import { formatNotices, type InputNotice } from "../input/notices.js";
import { skillNotices } from "../input/vocabulary.js";
import { locateInCsv } from "../io/csv.js";
import { loadSpreadsheets, type SpreadsheetFiles } from "../io/load.js";
import { locateNotices } from "../io/locate.js";
import { readPolicy } from "../io/policyFile.js";
import { match, type MatchOptions } from "../match.js";
import type { MatchResult } from "../result/types.js";
import { issuesFailure, usage, type Failure } from "./exit.js";
import { readBytes, readJson, type CliContext } from "./io.js";

/** The options every instance-reading command shares. */
export interface InstanceOptions {
  readonly workers?: string;
  readonly employers?: string;
  /** For spreadsheet input: `reference.asOf` and `reference.fieldCatalogue`. */
  readonly asOf?: string;
  readonly fieldCatalogue?: string;
  /** A policy file (JSON, or quotas as CSV) that replaces the instance's policy section. */
  readonly policy?: string;
}

/** An instance read from files, not yet checked. */
export interface LoadedInstance {
  /** The instance input, unchecked. */
  readonly input: unknown;
  /** How to name the input in messages. */
  readonly name: string;
  /** Points the decoder's issues at files, rows and columns. */
  readonly locate: (issues: readonly InputIssue[]) => readonly InputIssue[];
  /** Values read differently from how they were written, and skill names to check, located. */
  readonly notices: readonly InputNotice[];
}


/** The JSON instance, workbook or spreadsheet pair, before any policy file. */
const loadBase = async (file: string | undefined, o: InstanceOptions, ctx: CliContext): Promise<E.Either<Failure, LoadedInstance>> => {
  const sheets = o.workers !== undefined || o.employers !== undefined;
  const workbook = file !== undefined && /\.xlsx$/i.test(file);
  if (file !== undefined && sheets) return E.left(usage("give an instance file (JSON or .xlsx) or --workers and --employers, not both"));
  if (!sheets && !workbook && (o.asOf !== undefined || o.fieldCatalogue !== undefined)) {
    return E.left(usage("--as-of and --field-catalogue go with spreadsheet input (--workers and --employers, or an .xlsx file); a JSON instance has its own reference section"));
  }
  if (!sheets && !workbook) {
    if (file === undefined) return E.left(usage("give an instance JSON file (or - for standard input), an .xlsx workbook, or --workers and --employers"));
    const json = await readJson(file, ctx);
    return E.map((input: unknown) => ({ input, name: file === "-" ? "standard input" : file, locate: (i: readonly InputIssue[]) => i, notices: skillNotices(input) }))(json);
  }
  let files: SpreadsheetFiles;
  let name: string;
  if (workbook) {
    const bytes = readBytes(file as string);
    if (E.isLeft(bytes)) return bytes;
    files = { workbook: { name: file as string, bytes: bytes.right } };
    name = file as string;
  } else {
    if (o.workers === undefined || o.employers === undefined) return E.left(usage("--workers and --employers go together"));
    const [w, e] = [readBytes(o.workers), readBytes(o.employers)];
    if (E.isLeft(w)) return w;
    if (E.isLeft(e)) return e;
    files = { workers: { name: o.workers, bytes: w.right }, employers: { name: o.employers, bytes: e.right } };
    name = `${o.workers} and ${o.employers}`;
  }
  const reference = {
    ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
    ...(o.fieldCatalogue === undefined ? {} : { fieldCatalogue: o.fieldCatalogue }),
  };
  const parsed = await loadSpreadsheets(files, Object.keys(reference).length > 0 ? { reference } : {});
  if (E.isLeft(parsed)) return E.left(issuesFailure(`${name} ${workbook ? "has" : "have"} problems:`, parsed.left));
  const c = parsed.right;
  return E.right({ input: c.input, name, locate: (i) => locateInCsv(i, c), notices: [...c.notices, ...locateNotices(skillNotices(c.input), c)] });
};

/** Reads the instance named by the positional `file` or the spreadsheet options, with `--policy` applied. */
export const loadInstance = async (file: string | undefined, o: InstanceOptions, ctx: CliContext): Promise<E.Either<Failure, LoadedInstance>> => {
  const base = await loadBase(file, o, ctx);
  if (E.isLeft(base) || o.policy === undefined) return base;
  const bytes = readBytes(o.policy);
  if (E.isLeft(bytes)) return bytes;
  const p = readPolicy(bytes.right, o.policy);
  if (E.isLeft(p)) return E.left(issuesFailure(`${o.policy} has problems:`, p.left));
  const input = base.right.input;
  if (typeof input !== "object" || input === null || Array.isArray(input)) return base; // the decoder reports it
  const replaced: InputNotice[] =
    "policy" in input ? [{ code: "file-format", path: o.policy, found: o.policy, now: null, message: `replaces the policy section of ${base.right.name}` }] : [];
  const locatePolicy = p.right.locate;
  return E.right({
    input: { ...input, policy: p.right.policy },
    name: base.right.name,
    locate: (issues) => locatePolicy(base.right.locate(issues)),
    notices: [...base.right.notices, ...p.right.notices, ...replaced],
  });
};

/** Writes the notices of a loaded instance on standard error, grouped, one line each. */
export const reportNotices = (loaded: LoadedInstance, ctx: CliContext): void => {
  if (loaded.notices.length > 0) ctx.stderr.write(`${formatNotices(loaded.notices).replace(/^/gm, "notice: ")}\n`);
};

/** `match` on a loaded instance; bad input becomes a failure listing every located issue. */
export const solveLoaded = (loaded: LoadedInstance, options: MatchOptions): E.Either<Failure, MatchResult> => {
  const result = match(loaded.input, options);
  return E.isLeft(result) ? E.left(issuesFailure(`${loaded.name} has problems:`, loaded.locate(result.left))) : E.right(result.right);
};
