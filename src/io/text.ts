/**
 * Bytes of a JSON input file to text, strictly: JSON is UTF-8 (RFC 8259),
 * and a file that is not is refused with the offset of the first byte that
 * is not UTF-8 and its line, instead of being read with U+FFFD in place of
 * the bad bytes (two ids differing only there would then collide, with a
 * confusing message). Spreadsheet files, which Japanese Excel saves in
 * Shift-JIS, are read by ./encoding.ts, which takes either.
 *
 * @example
 * decodeText(readFileSync("instance.json"), "instance.json");
 * // Left(instance.json, byte 1,204 (line 31): expected UTF-8 text (save it as UTF-8), got bytes c0 af 22 7d)
 */
import * as E from "fp-ts/lib/Either.js";
import type { InputIssue } from "../input/issues.js";
import { thousands } from "../input/limits.js";
import { firstInvalidUtf8 } from "./encoding.js";

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join(" ");

/**
 * The text of a file's bytes, or an issue at `name, byte N (line L)` when
 * they are not UTF-8 (see the module comment). A leading UTF-8 byte order
 * mark is dropped; UTF-16 is recognised by its byte order mark.
 */
export const decodeText = (bytes: Uint8Array, name: string): E.Either<InputIssue, string> => {
  try {
    return E.right(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    // Not UTF-8: find where, below.
  }
  const offset = Math.max(0, firstInvalidUtf8(bytes));
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return E.left({
    code: "invalid",
    path: `${name}, byte ${thousands(offset)} (line ${thousands(line)})`,
    expected: `UTF-8 text (${utf16 ? "the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8" : "save it as UTF-8"})`,
    received: `bytes ${hex(bytes.subarray(offset, offset + 4))}`,
  });
};
