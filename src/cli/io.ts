/**
 * What the commands read: files (or standard input for `-`), and JSON with
 * the position of a syntax error; and the streams they write to (writing
 * itself is ./write.ts). Every failure is a value (./exit.ts), never an
 * exception.
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { MAX_JSON_DEPTH, tooDeepAt } from "../io/jsonDepth.js";
import { decodeText } from "../io/text.js";
import { EXIT, failure, issuesFailure, type Failure } from "./exit.js";
import { jsonErrorAt, lineAndColumn } from "./jsonError.js";

/** A stream the CLI writes to. */
export interface Out {
  /** Writes `text`, then calls `done` (with the error, if the write failed); a writer declared without `done` has written when it returns. */
  readonly write: (text: string, done?: (error?: Error | null) => void) => unknown;
  readonly isTTY?: boolean;
  /** Closed when the process started (standard output only; ./main.ts finds out): anything written there is lost. */
  readonly closed?: boolean;
}

/** Where a command reads and writes; process streams in main.ts, buffers in tests. */
export interface CliContext {
  readonly stdout: Out;
  readonly stderr: Out;
  /** All of standard input (bytes are checked to be UTF-8; a string is taken as it is). */
  readonly readStdin: () => Promise<Uint8Array | string>;
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file",
  EISDIR: "it is a directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a folder on its path is a file",
  EEXIST: "a folder on its path is a file",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "the file would be larger than the file size limit allows",
  EROFS: "read-only file system",
  EPIPE: "the reader closed the pipe",
  EBADF: "it is closed",
  EIO: "input/output error",
};

/** Why a file operation failed, in words. */
export const reason = (e: unknown): string => {
  const err = e as NodeJS.ErrnoException;
  return (err.code === undefined ? undefined : REASONS[err.code]) ?? err.message ?? String(e);
};

/** A file's text, or standard input's for `-`; bytes that are not UTF-8 are bad input, located (../io/text.ts). */
export const readText = async (path: string, ctx: CliContext): Promise<E.Either<Failure, string>> => {
  const name = path === "-" ? "standard input" : path;
  let bytes: Uint8Array | string;
  try {
    bytes = path === "-" ? await ctx.readStdin() : readFileSync(path);
  } catch (e) {
    return E.left(failure(EXIT.badInput, `cannot read ${path}: ${reason(e)}`));
  }
  if (typeof bytes === "string") return E.right(bytes);
  const text = decodeText(bytes, name);
  return E.isLeft(text) ? E.left(issuesFailure(`${name} is not UTF-8:`, [text.left])) : E.right(text.right);
};

/** How deep a JSON text may nest (../io/jsonDepth.ts): checked before it is parsed. */
export { MAX_JSON_DEPTH, tooDeepAt };

/** A file's bytes (spreadsheets: their encoding is found from the bytes, ../io/encoding.ts). */
export const readBytes = (path: string): E.Either<Failure, Uint8Array> => {
  try {
    return E.right(new Uint8Array(readFileSync(path)));
  } catch (e) {
    return E.left(failure(EXIT.badInput, `cannot read ${path}: ${reason(e)}`));
  }
};

/** The parsed JSON, or a failure naming the file, the line and column, and what is wrong there. */
export const parseJson = (text: string, name: string): E.Either<Failure, unknown> => {
  const clean = text.replace(/^\uFEFF/, "");
  const deep = tooDeepAt(clean, MAX_JSON_DEPTH);
  if (deep >= 0) return E.left(failure(EXIT.badInput, `${name} nests deeper than ${MAX_JSON_DEPTH} levels at ${lineAndColumn(clean, deep)}: no jobmatch input nests deeper than 8, so this is not one`));
  try {
    return E.right(JSON.parse(clean) as unknown);
  } catch (e) {
    const at = jsonErrorAt(clean);
    const detail = at === null ? (e instanceof Error ? e.message.split("\n")[0] : String(e)) : `${lineAndColumn(clean, at.offset)}: ${at.problem}`;
    return E.left(failure(EXIT.badInput, `${name} is not valid JSON at ${detail}`));
  }
};

/** Reads and parses a JSON file (or `-`). */
export const readJson = async (path: string, ctx: CliContext): Promise<E.Either<Failure, unknown>> => {
  const text = await readText(path, ctx);
  return E.isLeft(text) ? text : parseJson(text.right, path === "-" ? "standard input" : path);
};
