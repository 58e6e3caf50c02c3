/**
 * What the commands read and write: files (or standard input for `-`), JSON
 * with the position of a syntax error, and output to a file or standard
 * output. Every failure is a value (./exit.ts), never an exception.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { EXIT, failure, type Failure } from "./exit.js";
import { jsonErrorAt, lineAndColumn } from "./jsonError.js";

/** A stream the CLI writes to. */
export interface Out {
  readonly write: (text: string) => unknown;
  readonly isTTY?: boolean;
}

/** Where a command reads and writes; process streams in main.ts, buffers in tests. */
export interface CliContext {
  readonly stdout: Out;
  readonly stderr: Out;
  /** All of standard input. */
  readonly readStdin: () => Promise<string>;
}

const reason = (e: unknown): string => {
  const err = e as NodeJS.ErrnoException;
  if (err.code === "ENOENT") return "no such file";
  if (err.code === "EISDIR") return "it is a directory";
  if (err.code === "EACCES" || err.code === "EPERM") return "permission denied";
  if (err.code === "ENOTDIR" || err.code === "EEXIST") return "a folder on its path is a file";
  return err.message ?? String(e);
};

/** A file's text, or standard input's for `-`. */
export const readText = async (path: string, ctx: CliContext): Promise<E.Either<Failure, string>> => {
  if (path === "-") return E.right(await ctx.readStdin());
  try {
    return E.right(readFileSync(path, "utf8"));
  } catch (e) {
    return E.left(failure(EXIT.badInput, `cannot read ${path}: ${reason(e)}`));
  }
};

/** A file's bytes (spreadsheets: their encoding is found from the bytes, ../io/encoding.ts). */
export const readBytes = (path: string): E.Either<Failure, Uint8Array> => {
  try {
    return E.right(new Uint8Array(readFileSync(path)));
  } catch (e) {
    return E.left(failure(EXIT.badInput, `cannot read ${path}: ${reason(e)}`));
  }
};

/** Writes bytes to `path`, creating its folder. */
export const writeBytes = (bytes: Uint8Array, path: string): E.Either<Failure, void> => {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    return E.right(undefined);
  } catch (e) {
    return E.left(failure(EXIT.cannotWrite, `cannot write ${path}: ${reason(e)}`));
  }
};

/** The parsed JSON, or a failure naming the file, the line and column, and what is wrong there. */
export const parseJson = (text: string, name: string): E.Either<Failure, unknown> => {
  const clean = text.replace(/^\uFEFF/, "");
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

/** Writes `text` to `path` (creating its folder), or to standard output when no path is given. */
export const writeOutput = (text: string, path: string | undefined, ctx: CliContext): E.Either<Failure, void> => {
  if (path === undefined || path === "-") {
    ctx.stdout.write(text);
    return E.right(undefined);
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    return E.right(undefined);
  } catch (e) {
    return E.left(failure(EXIT.cannotWrite, `cannot write ${path}: ${reason(e)}`));
  }
};
