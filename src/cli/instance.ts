/**
 * The instance a command works on: a JSON file (or `-` for standard input),
 * an Excel workbook with `workers` and `employers` sheets (and
 * `support-organisations`, `expected-wages`, `settings` where there are
 * any: ../io/sections.ts), a folder of the same sheets as CSV files
 * (`workers.csv`, ...; its `policy.json` too, as `jobmatch convert` writes
 * them), or spreadsheet files named one by one (`--workers`, `--employers`,
 * and `--support-organisations`, `--expected-wages`, `--settings`: CSV in
 * UTF-8 or Shift-JIS, any common separator, or Excel), optionally with a
 * policy from a file of its own (`--policy`: JSON, or quotas as CSV). Issues
 * point back at where they are (JSON paths, or file, row and column); what
 * was read forgivingly, and suspicious skill names, are notices (../io/,
 * ../input/vocabulary.ts).
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import type { InputIssue } from "../input/issues.js";
import { formatNotices, type InputNotice } from "../input/notices.js";
import { skillNotices } from "../input/vocabulary.js";
import { locateInCsv } from "../io/csv.js";
import { loadSpreadsheets, type FileBytes, type SpreadsheetFiles } from "../io/load.js";
import { locateNotices } from "../io/locate.js";
import { readPolicy } from "../io/policyFile.js";
import { SHEET_NAMES, type SectionSheet } from "../io/sections.js";
import { decodeInstance } from "../input/decode.js";
import type { Instance } from "../input/instance.js";
import { match, type DecodeTiming, type MatchOptions } from "../match.js";
import type { MatchResult } from "../result/types.js";
import { estimateMemory } from "../memory/estimate.js";
import { EXIT, failure, issuesFailure, usage, type Failure } from "./exit.js";
import { readBytes, readJson, type CliContext } from "./io.js";
import { checkNeed } from "./memory.js";

/** The options every instance-reading command shares. */
export interface InstanceOptions {
  readonly workers?: string;
  readonly employers?: string;
  /** The other sheets, with --workers and --employers. */
  readonly supportOrganisations?: string;
  readonly expectedWages?: string;
  readonly settings?: string;
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
  /** A folder's policy.json, applied when no --policy is given. */
  readonly policyFile?: string;
}

const SECTIONS: readonly SectionSheet[] = ["supportOrganisations", "expectedWages", "settings"];
const SECTION_OPTIONS: Readonly<Record<SectionSheet, string>> = { supportOrganisations: "--support-organisations", expectedWages: "--expected-wages", settings: "--settings" };

const isFolder = (path: string): boolean => path.endsWith("/") || (existsSync(path) && statSync(path).isDirectory());

/** Bytes of the files (0 for standard input, which is checked once read). */
const sizeOf = (paths: readonly string[]): number =>
  paths.reduce((sum, p) => {
    try {
      return sum + (p === "-" ? 0 : statSync(p).size);
    } catch {
      return sum; // unreadable: reading says so
    }
  }, 0);

const count = (x: unknown): number => (Array.isArray(x) ? x.length : 0);

/** The memory check on an instance read (../memory/estimate.ts, ./memory.ts): its counts and the bytes it came from. */
const checkInstanceMemory = (input: unknown, name: string, inputBytes: number, format: "json" | "csv"): E.Either<Failure, void> => {
  const rows = input as { readonly workers?: unknown; readonly employers?: unknown; readonly supportOrganisations?: unknown; readonly reference?: { readonly expectedMinimumWages?: unknown }; readonly policy?: unknown } | null;
  const otherRows = count(rows?.supportOrganisations) + count(rows?.reference?.expectedMinimumWages);
  const policy = rows?.policy !== undefined && rows?.policy !== null;
  const need = estimateMemory({ workers: count(rows?.workers), employers: count(rows?.employers), otherRows, inputBytes, format, policy });
  return checkNeed(need, `solving ${name}`);
};

/** The files an instance is read from (what exists of a folder's sheets), and their format for the memory estimate. */
const inputFiles = (file: string | undefined, o: InstanceOptions): { readonly paths: readonly string[]; readonly format: "json" | "csv" } => {
  if (o.workers !== undefined || o.employers !== undefined) return { paths: [o.workers ?? "-", o.employers ?? "-", ...SECTIONS.flatMap((k) => o[k] ?? [])], format: "csv" };
  if (file !== undefined && file !== "-" && !/\.xlsx$/i.test(file) && isFolder(file)) {
    return { paths: [...Object.values(SHEET_NAMES).map((n) => join(file, `${n}.csv`)), join(file, "policy.json")].filter((p) => existsSync(p)), format: "csv" };
  }
  return { paths: [file ?? "-"], format: "json" };
};


/**
 * Every file a command reads its instance from: the file or folder named,
 * the sheets named one by one, the policy, and a folder's sheets and
 * policy.json (whether there or not: a command must not write one either),
 * for `checkOutputs` (./write.ts), so that no output overwrites an input.
 */
export const instanceInputs = (file: string | undefined, o: InstanceOptions): readonly (string | undefined)[] => [
  file,
  o.workers,
  o.employers,
  ...SECTIONS.map((k) => o[k]),
  o.policy,
  ...(file !== undefined && file !== "-" && !/\.(json|xlsx)$/i.test(file) && isFolder(file) ? [...Object.values(SHEET_NAMES).map((n) => `${n}.csv`), "policy.json"].map((n) => join(file, n)) : []),
];

/** The JSON instance, workbook or spreadsheet pair, before any policy file. */
const loadBase = async (file: string | undefined, o: InstanceOptions, ctx: CliContext): Promise<E.Either<Failure, LoadedInstance>> => {
  const sheets = o.workers !== undefined || o.employers !== undefined;
  const workbook = file !== undefined && /\.xlsx$/i.test(file);
  const folder = file !== undefined && file !== "-" && !workbook && isFolder(file);
  const others = SECTIONS.filter((k) => o[k] !== undefined);
  if (file !== undefined && sheets) return E.left(usage("give an instance file (JSON or .xlsx), a folder of CSV sheets, or --workers and --employers, not both"));
  if (others.length > 0 && !sheets) return E.left(usage(`${others.map((k) => SECTION_OPTIONS[k]).join(" and ")} go with --workers and --employers (a workbook or a folder holds its own sheets)`));
  if (!sheets && !workbook && !folder && (o.asOf !== undefined || o.fieldCatalogue !== undefined)) {
    return E.left(usage("--as-of and --field-catalogue go with spreadsheet input (--workers and --employers, an .xlsx file or a folder of CSV sheets); a JSON instance has its own reference section"));
  }
  if (!sheets && !workbook && !folder) {
    if (file === undefined) return E.left(usage("give an instance JSON file (or - for standard input), an .xlsx workbook, a folder of CSV sheets, or --workers and --employers"));
    const before = checkNeed(estimateMemory({ workers: 0, employers: 0, inputBytes: sizeOf([file]) }), `reading ${file}`);
    if (E.isLeft(before)) return before;
    const json = await readJson(file, ctx);
    return E.map((input: unknown) => ({ input, name: file === "-" ? "standard input" : file, locate: (i: readonly InputIssue[]) => i, notices: skillNotices(input) }))(json);
  }
  let files: SpreadsheetFiles;
  let name: string;
  let policyFile: string | undefined;
  if (workbook) {
    const bytes = readBytes(file as string);
    if (E.isLeft(bytes)) return bytes;
    files = { workbook: { name: file as string, bytes: bytes.right } };
    name = file as string;
  } else {
    // A folder: workers.csv and employers.csv, and the other sheets and policy.json where they are there.
    const at = (k: keyof typeof SHEET_NAMES): string => join(file as string, `${SHEET_NAMES[k]}.csv`);
    const paths: Partial<Record<keyof typeof SHEET_NAMES, string>> = folder
      ? { workers: at("workers"), employers: at("employers"), ...Object.fromEntries(SECTIONS.filter((k) => existsSync(at(k))).map((k) => [k, at(k)])) }
      : { workers: o.workers, employers: o.employers, ...Object.fromEntries(others.map((k) => [k, o[k]])) };
    if (paths.workers === undefined || paths.employers === undefined) return E.left(usage("--workers and --employers go together"));
    if (folder && !existsSync(paths.workers)) {
      return E.left(failure(EXIT.badInput, `${file as string} is a folder without ${SHEET_NAMES.workers}.csv: give an instance file, or a folder of CSV sheets (${Object.values(SHEET_NAMES).map((n) => `${n}.csv`).join(", ")}, as jobmatch convert writes them)`));
    }
    name = folder ? (file as string) : `${paths.workers} and ${paths.employers}`;
    const before = checkNeed(estimateMemory({ workers: 0, employers: 0, inputBytes: sizeOf(inputFiles(file, o).paths), format: "csv" }), `reading ${name}`);
    if (E.isLeft(before)) return before;
    const read: Record<string, FileBytes> = {};
    for (const [k, path] of Object.entries(paths)) {
      if (path === undefined) continue;
      const bytes = readBytes(path);
      if (E.isLeft(bytes)) return bytes;
      read[k] = { name: path, bytes: bytes.right };
    }
    files = read as SpreadsheetFiles;
    if (folder && existsSync(join(file as string, "policy.json"))) policyFile = join(file as string, "policy.json");
  }
  const reference = {
    ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
    ...(o.fieldCatalogue === undefined ? {} : { fieldCatalogue: o.fieldCatalogue }),
  };
  const parsed = await loadSpreadsheets(files, Object.keys(reference).length > 0 ? { reference } : {});
  if (E.isLeft(parsed)) return E.left(issuesFailure(`${name} ${workbook ? "has" : "have"} problems:`, parsed.left));
  const c = parsed.right;
  return E.right({ input: c.input, name, locate: (i) => locateInCsv(i, c), notices: [...c.notices, ...locateNotices(skillNotices(c.input), c)], ...(policyFile === undefined ? {} : { policyFile }) });
};

/**
 * Reads the instance named by the positional `file` or the spreadsheet
 * options, with `--policy` applied; refuses (exit 6) one too large for the
 * heap, before reading it (from the files' size) and after (from its counts).
 */
export const loadInstance = async (file: string | undefined, o: InstanceOptions, ctx: CliContext): Promise<E.Either<Failure, LoadedInstance>> => {
  const loaded = await loadWithPolicy(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  const files = inputFiles(file, o);
  const memory = checkInstanceMemory(loaded.right.input, loaded.right.name, sizeOf(files.paths), files.format);
  return E.isLeft(memory) ? memory : loaded;
};

const loadWithPolicy = async (file: string | undefined, o: InstanceOptions, ctx: CliContext): Promise<E.Either<Failure, LoadedInstance>> => {
  const base = await loadBase(file, o, ctx);
  const policyFile = o.policy ?? (E.isRight(base) ? base.right.policyFile : undefined);
  if (E.isLeft(base) || policyFile === undefined) return base;
  const bytes = readBytes(policyFile);
  if (E.isLeft(bytes)) return bytes;
  const p = readPolicy(bytes.right, policyFile);
  if (E.isLeft(p)) return E.left(issuesFailure(`${policyFile} has problems:`, p.left));
  const input = base.right.input;
  if (typeof input !== "object" || input === null || Array.isArray(input)) return base; // the decoder reports it
  const replaced: InputNotice[] = [
    ...("policy" in input ? [{ code: "file-format" as const, path: policyFile, found: policyFile, now: null, message: `replaces the policy section of ${base.right.name}` }] : []),
    ...(o.policy === undefined ? [{ code: "file-format" as const, path: policyFile, found: policyFile, now: null, message: `the policy of ${base.right.name} (give --policy for another)` }] : []),
  ];
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

/** What a command keeps of an employer row once the instance is decoded: where its placements are, in the input's own words (for the CSV result and the reports). */
export interface EmployerWhere {
  readonly id: string;
  readonly name?: string;
  readonly prefecture: string;
  readonly field: string;
}

/** An instance read and decoded, its parsed input let go (see `loadDecoded`). */
export interface DecodedInput {
  readonly name: string;
  readonly instance: Instance;
  /** When decoding started and how long it took, for `matchDecoded`. */
  readonly timing: DecodeTiming;
  readonly employers: readonly EmployerWhere[];
  /** The input itself, kept only when asked for (a saved plan holds it); else undefined. */
  readonly input: unknown;
}

/**
 * Reads the instance (as `loadInstance`), writes its notices, and decodes
 * it; bad input is a failure listing every located issue. The parsed input
 * is garbage once this returns, unless `keepInput`: what a command reads of
 * it later is taken out first (`employers`). At 333,000 workers the parsed
 * JSON is about 250 MB of objects; kept through the solve, every collection
 * walks it again (0.3 s more, and its pages cannot be reused), so
 * `jobmatch solve` decodes here and solves with `matchDecoded`.
 */
export const loadDecoded = async (file: string | undefined, o: InstanceOptions, ctx: CliContext, keepInput: boolean): Promise<E.Either<Failure, DecodedInput>> => {
  const loaded = await loadInstance(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  reportNotices(loaded.right, ctx);
  const { input, name, locate } = loaded.right;
  const started = performance.now();
  const decoded = decodeInstance(input);
  const timing = { started, decodeMs: performance.now() - started };
  if (E.isLeft(decoded)) return E.left(issuesFailure(`${name} has problems:`, locate(decoded.left)));
  const rows = (input as { readonly employers: readonly EmployerWhere[] }).employers;
  const employers = rows.map((e) => ({ id: e.id, prefecture: e.prefecture, field: e.field, ...(e.name === undefined ? {} : { name: e.name }) }));
  return E.right({ name, instance: decoded.right, timing, employers, input: keepInput ? input : undefined });
};
