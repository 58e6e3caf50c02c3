/**
 * Writing results so that nothing is lost or destroyed without a word:
 *
 * - Before any work, `checkOutputs` refuses (exit 2) an output that names an
 *   input file or another output, and (exit 4) an output whose folder does
 *   not exist (folders are never created: a typo in a folder name should not
 *   scatter files) or that is a folder, and a result meant for standard
 *   output when standard output is closed (./main.ts finds out).
 * - A file is written to a temporary file in the same folder
 *   (`.name.<pid>.<n>.tmp`), synced to disk, then renamed over the target: a
 *   failed write (a full device, a file size limit) leaves the previous file
 *   as it was and no truncated file behind. Devices and pipes (`/dev/null`,
 *   a FIFO) are written directly; a symbolic link is followed.
 * - Standard output is awaited piece by piece; a failure (a full device, a
 *   reader that closed the pipe) is reported like any other.
 * Every write failure is a failure with exit 4 (./exit.ts), never an exception.
 */
import { closeSync, fsyncSync, lstatSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import * as E from "fp-ts/lib/Either.js";
import { EXIT, failure, usage, type Failure } from "./exit.js";
import { reason, type CliContext } from "./io.js";

/** What a command writes: one text, pieces of it in order (so a large result need not be one string), or bytes (a workbook). */
export type Content = string | Iterable<string> | Uint8Array;

/** An output of a command: the option that names it, and its path (undefined or "-" for standard output). */
export interface OutputTarget {
  readonly flag: string;
  readonly path: string | undefined;
}

const isStdout = (path: string | undefined): boolean => path === undefined || path === "-";

const statOrNull = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

/** Whether two paths are the same file: the same resolved path, or (both existing) the same device and inode. */
const sameFile = (a: string, b: string): boolean => {
  if (resolve(a) === resolve(b)) return true;
  const [sa, sb] = [statOrNull(a), statOrNull(b)];
  return sa !== null && sb !== null && sa.isFile() && sa.dev === sb.dev && sa.ino === sb.ino;
};

const closedStdout = (): Failure =>
  failure(EXIT.cannotWrite, "standard output is closed, so the result would be lost: redirect it (> result.json) or write it to a file with --out");

/**
 * Checks a command's outputs before it starts: see the module comment.
 * `inputs` are the files it reads (undefined and "-" are skipped).
 */
export const checkOutputs = (outputs: readonly OutputTarget[], inputs: readonly (string | undefined)[], ctx: CliContext): E.Either<Failure, void> => {
  const files = outputs.filter((o): o is { flag: string; path: string } => !isStdout(o.path));
  if (ctx.stdout.closed === true && outputs.some((o) => isStdout(o.path))) return E.left(closedStdout());
  for (const [i, o] of files.entries()) {
    const input = inputs.find((f) => f !== undefined && f !== "-" && sameFile(o.path, f));
    if (input !== undefined) return E.left(usage(`${o.flag} ${o.path} is an input file: choose another path (jobmatch never overwrites its input)`));
    const twice = files.slice(0, i).find((p) => sameFile(p.path, o.path));
    if (twice !== undefined) return E.left(usage(`${twice.flag} and ${o.flag} name the same file ${o.path}: give each output its own file`));
    const folder = dirname(resolve(o.path));
    const f = statOrNull(folder);
    if (f === null || !f.isDirectory()) {
      const why = f === null ? `the folder ${dirname(o.path)} does not exist (create it first: jobmatch does not create folders)` : "a folder on its path is a file";
      return E.left(failure(EXIT.cannotWrite, `cannot write ${o.path}: ${why}`));
    }
    if (statOrNull(o.path)?.isDirectory() === true) return E.left(failure(EXIT.cannotWrite, `cannot write ${o.path}: it is a directory`));
  }
  return E.right(undefined);
};

const pieces = (content: Content): Iterable<string | Uint8Array> => (typeof content === "string" || content instanceof Uint8Array ? [content] : content);

/** Writes all of `piece` at the file descriptor (write(2) may take less than all of it). */
const writeFully = (fd: number, piece: string | Uint8Array): void => {
  const bytes = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
};

let temporaries = 0;

/** Writes to a temporary file beside `target` and renames it over the target; the temporary file is removed on failure. */
const replaceFile = (target: string, content: Content, mode: number | null): void => {
  temporaries += 1;
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${temporaries}.tmp`);
  let fd: number | null = openSync(tmp, "wx", 0o666);
  try {
    if (mode !== null) chmodSync(tmp, mode);
    for (const piece of pieces(content)) writeFully(fd, piece);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the first error is the one to report
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // nothing left behind, or nothing more to do
    }
    throw e;
  }
};

/** Writes to a device or pipe as it is (there is nothing to replace atomically). */
const writeDirect = (target: string, content: Content): void => {
  const fd = openSync(target, "w");
  try {
    for (const piece of pieces(content)) writeFully(fd, piece);
  } finally {
    closeSync(fd);
  }
};

/** One piece to standard output, awaited; a synchronous throw (a file or device as standard output) counts the same as an error passed back. */
const writeStdout = (ctx: CliContext, piece: string): Promise<void> =>
  new Promise((done, fail) => {
    try {
      // A writer that takes no callback (a buffer in a test) has written when it returns.
      if (ctx.stdout.write.length < 2) {
        ctx.stdout.write(piece);
        done();
      } else ctx.stdout.write(piece, (e) => (e === null || e === undefined ? done() : fail(e)));
    } catch (e) {
      fail(e);
    }
  });

/**
 * Writes `content` to the file at `path`, or to standard output when no path
 * (or "-") is given; see the module comment. Never throws.
 */
export const writeOutput = async (content: Content, path: string | undefined, ctx: CliContext): Promise<E.Either<Failure, void>> => {
  if (isStdout(path)) {
    if (ctx.stdout.closed === true) return E.left(closedStdout());
    if (content instanceof Uint8Array) return E.left(usage("binary output (a workbook) goes to a file: give --out"));
    try {
      for (const piece of typeof content === "string" ? [content] : content) await writeStdout(ctx, piece);
      return E.right(undefined);
    } catch (e) {
      return E.left(failure(EXIT.cannotWrite, `cannot write to standard output: ${reason(e)}`));
    }
  }
  const file = path as string;
  try {
    const link = lstatSync(file, { throwIfNoEntry: false });
    const target = link?.isSymbolicLink() === true ? realpathSync(file) : file;
    const existing = statOrNull(target);
    if (existing !== null && !existing.isFile()) writeDirect(target, content);
    else replaceFile(target, content, existing === null ? null : existing.mode & 0o7777);
    return E.right(undefined);
  } catch (e) {
    return E.left(failure(EXIT.cannotWrite, `cannot write ${file}: ${reason(e)}${existsNote(file)}`));
  }
};

const existsNote = (file: string): string => (statOrNull(file)?.isFile() === true ? ` (${file} is unchanged)` : "");
