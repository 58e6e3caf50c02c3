/**
 * Bytes of an input file to text, strictly: the file must be UTF-8. A file
 * that is not is refused with the offset of the first byte that is not
 * UTF-8 (and its line), instead of being read with U+FFFD in place of the
 * bad bytes (two ids differing only there would then collide, with a
 * confusing message). A CSV file saved by Japanese Excel is often Shift-JIS:
 * when the bytes read as Shift-JIS, the issue says so and shows the text
 * around the offset as Shift-JIS reads it; UTF-16 is recognised by its byte
 * order mark.
 *
 * @example
 * decodeText(readFileSync("workers.csv"), "workers.csv", "csv");
 * // Left(workers.csv, byte 1,204 (line 31): expected UTF-8 text (it reads as Shift-JIS: "...日本..."; save it as UTF-8, ...), got bytes 93 fa 96 7b)
 */
import * as E from "fp-ts/lib/Either.js";
import type { InputIssue } from "../input/issues.js";
import { thousands } from "../input/limits.js";

/** The offset of the first byte that does not belong to well-formed UTF-8 (RFC 3629: no overlong forms, surrogates or code points past U+10FFFF), or -1. */
export const firstInvalidUtf8 = (bytes: Uint8Array): number => {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [length, low, high] =
      b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
      : b === 0xe0 ? [3, 0xa0, 0xbf]
      : (b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef ? [3, 0x80, 0xbf]
      : b === 0xed ? [3, 0x80, 0x9f]
      : b === 0xf0 ? [4, 0x90, 0xbf]
      : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
      : b === 0xf4 ? [4, 0x80, 0x8f]
      : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const [lo, hi] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += length;
  }
  return -1;
};

/** The text `bytes` read as Shift-JIS, or null when they are not Shift-JIS (or the runtime cannot read it). */
const asShiftJis = (bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder("shift_jis", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join(" ");

/** What the file seems to be, for the issue's hint. */
const hint = (bytes: Uint8Array, offset: number, kind: "csv" | "json"): string => {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8";
  const sjis = kind === "csv" ? asShiftJis(bytes) : null;
  if (sjis !== null) {
    const before = asShiftJis(bytes.subarray(0, offset))?.length ?? 0;
    const around = sjis.slice(Math.max(0, before - 10), before + 10).replace(/\s+/g, " ");
    return `it reads as Shift-JIS, as Japanese Excel saves CSV: "${around}"; save it as UTF-8 (Excel: "CSV UTF-8"; or iconv -f SHIFT_JIS -t UTF-8)`;
  }
  return kind === "csv" ? "save it as UTF-8 (if it is Shift-JIS from Japanese Excel: \"CSV UTF-8\", or iconv -f SHIFT_JIS -t UTF-8)" : "save it as UTF-8";
};

/**
 * The text of a file's bytes, or an issue at `name, byte N (line L)` when
 * they are not UTF-8 (see the module comment). A leading UTF-8 byte order
 * mark is dropped.
 */
export const decodeText = (bytes: Uint8Array, name: string, kind: "csv" | "json"): E.Either<InputIssue, string> => {
  try {
    return E.right(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    // Not UTF-8: find where, below.
  }
  const offset = Math.max(0, firstInvalidUtf8(bytes));
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return E.left({
    code: "invalid",
    path: `${name}, byte ${thousands(offset)} (line ${thousands(line)})`,
    expected: `UTF-8 text (${hint(bytes, offset, kind)})`,
    received: `bytes ${hex(bytes.subarray(offset, offset + 4))}`,
  });
};
