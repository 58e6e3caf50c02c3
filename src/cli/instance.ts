/**
 * The instance a command works on: a JSON file (or `-` for standard input),
 * or a pair of CSV files (`--workers`, `--employers`), with the issues of
 * either pointed back at where they are (JSON paths, or CSV file and row).
 */
import { statSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import type { InputIssue } from "../input/issues.js";
import { instanceFromCsv, locateInCsv } from "../io/csv.js";
import { match, type MatchOptions } from "../match.js";
import type { MatchResult } from "../result/types.js";
import { estimateMemory } from "../memory/estimate.js";
import { issuesFailure, usage, type Failure } from "./exit.js";
import { checkNeed } from "./memory.js";
import { readJson, readText, type CliContext } from "./io.js";

/** The options every instance-reading command shares. */
export interface InstanceOptions {
  readonly workers?: string;
  readonly employers?: string;
  /** For CSV input: `reference.asOf` and `reference.fieldCatalogue`. */
  readonly asOf?: string;
  readonly fieldCatalogue?: string;
}

/** An instance read from files, not yet checked. */
export interface LoadedInstance {
  /** The instance input, unchecked. */
  readonly input: unknown;
  /** How to name the input in messages. */
  readonly name: string;
  /** Points the decoder's issues at files and rows. */
  readonly locate: (issues: readonly InputIssue[]) => readonly InputIssue[];
}

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
  const rows = input as { readonly workers?: unknown; readonly employers?: unknown } | null;
  const need = estimateMemory({ workers: count(rows?.workers), employers: count(rows?.employers), inputBytes, format });
  return checkNeed(need, `solving ${name}`);
};

/** Reads the instance named by the positional `file` or the CSV options; refuses (exit 6) one too large for the heap, before and after reading it. */
export const loadInstance = async (file: string | undefined, o: InstanceOptions, ctx: CliContext): Promise<E.Either<Failure, LoadedInstance>> => {
  const loaded = await readInstance(file, o, ctx);
  if (E.isLeft(loaded)) return loaded;
  const csv = o.workers !== undefined || o.employers !== undefined;
  const bytes = sizeOf(csv ? [o.workers ?? "-", o.employers ?? "-"] : [file ?? "-"]);
  const memory = checkInstanceMemory(loaded.right.input, loaded.right.name, bytes, csv ? "csv" : "json");
  return E.isLeft(memory) ? memory : loaded;
};

const readInstance = async (file: string | undefined, o: InstanceOptions, ctx: CliContext): Promise<E.Either<Failure, LoadedInstance>> => {
  const csv = o.workers !== undefined || o.employers !== undefined;
  if (file !== undefined && csv) return E.left(usage("give an instance JSON file or --workers and --employers, not both"));
  if (!csv && (o.asOf !== undefined || o.fieldCatalogue !== undefined)) {
    return E.left(usage("--as-of and --field-catalogue go with --workers and --employers (a JSON instance has its own reference section)"));
  }
  if (!csv) {
    if (file === undefined) return E.left(usage("give an instance JSON file (or - for standard input), or --workers and --employers"));
    const before = checkNeed(estimateMemory({ workers: 0, employers: 0, inputBytes: sizeOf([file]) }), `reading ${file}`);
    if (E.isLeft(before)) return before;
    const json = await readJson(file, ctx);
    return E.map((input: unknown) => ({ input, name: file === "-" ? "standard input" : file, locate: (i: readonly InputIssue[]) => i }))(json);
  }
  if (o.workers === undefined || o.employers === undefined) return E.left(usage("--workers and --employers go together"));
  const before = checkNeed(estimateMemory({ workers: 0, employers: 0, inputBytes: sizeOf([o.workers, o.employers]), format: "csv" }), `reading ${o.workers} and ${o.employers}`);
  if (E.isLeft(before)) return before;
  const [w, e] = [await readText(o.workers, ctx, "csv"), await readText(o.employers, ctx, "csv")];
  if (E.isLeft(w)) return w;
  if (E.isLeft(e)) return e;
  const reference = {
    ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
    ...(o.fieldCatalogue === undefined ? {} : { fieldCatalogue: o.fieldCatalogue }),
  };
  const parsed = instanceFromCsv(w.right, e.right, {
    names: { workers: o.workers, employers: o.employers },
    ...(Object.keys(reference).length > 0 ? { reference } : {}),
  });
  if (E.isLeft(parsed)) return E.left(issuesFailure(`${o.workers} and ${o.employers} have problems:`, parsed.left));
  const c = parsed.right;
  return E.right({ input: c.input, name: `${o.workers} and ${o.employers}`, locate: (i) => locateInCsv(i, c) });
};

/** `match` on a loaded instance; bad input becomes a failure listing every located issue. */
export const solveLoaded = (loaded: LoadedInstance, options: MatchOptions): E.Either<Failure, MatchResult> => {
  const result = match(loaded.input, options);
  return E.isLeft(result) ? E.left(issuesFailure(`${loaded.name} has problems:`, loaded.locate(result.left))) : E.right(result.right);
};
