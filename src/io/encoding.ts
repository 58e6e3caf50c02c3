/**
 * Bytes to text for spreadsheet files: UTF-8 (with or without a byte-order
 * mark) or Shift-JIS, as Japanese Excel saves "CSV". Strict UTF-8 is tried
 * first (a Shift-JIS file with Japanese text is almost never valid UTF-8);
 * then strict Shift-JIS (`TextDecoder("shift_jis")`, in browsers and in Node
 * with full ICU, as Node 20's builds have). Neither: an issue naming the
 * first byte that is not UTF-8, never garbled text.
 *
 * @example
 * decodeBytes(readFileSync("workers.csv"), "workers.csv");
 * // Right({ text: "id,language,...", encoding: "shift_jis" })
 */
import * as E from "fp-ts/lib/Either.js";
import { issue, type InputIssue } from "../input/issues.js";

/** A file's text and the encoding it was read in. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: "utf-8" | "shift_jis";
}

const strict = (encoding: string, bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
};

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export const firstInvalidUtf8 = (bytes: Uint8Array): number => {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // overlong three-byte forms, surrogates, and code points past U+10FFFF
    const c1 = bytes[i + 1] as number;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
};

/** The text of a file's bytes; see the module comment. */
export const decodeBytes = (bytes: Uint8Array, file: string): E.Either<readonly InputIssue[], DecodedText> => {
  const utf8 = strict("utf-8", bytes);
  if (utf8 !== null) return E.right({ text: utf8.replace(/^\uFEFF/, ""), encoding: "utf-8" });
  const sjis = strict("shift_jis", bytes);
  if (sjis !== null) return E.right({ text: sjis, encoding: "shift_jis" });
  const at = firstInvalidUtf8(bytes);
  return E.left([issue("invalid", file, "text in UTF-8 or Shift-JIS (save the sheet as \"CSV UTF-8\")", `a byte that is neither, at byte ${at} (0x${(bytes[at] ?? 0).toString(16).padStart(2, "0")})`)]);
};
