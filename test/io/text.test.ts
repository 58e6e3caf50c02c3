/**
 * A JSON input file must be UTF-8: the first byte that is not is reported
 * with its offset and line, never read as U+FFFD; a CSV file may also be
 * Shift-JIS (../../src/io/encoding.ts), and one that is neither names the
 * first byte. The scanner is checked against the runtime's own strict
 * decoder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import { firstInvalidUtf8 } from "../../src/io/encoding.js";
import { decodeText } from "../../src/io/text.js";
import { instanceCsvFiles } from "../../src/io/csv.js";
import { readPolicy } from "../../src/io/policyFile.js";
import { formatIssue } from "../../src/input/issues.js";
import { fcOptions } from "../support/seed.js";
import { lawful } from "../support/lawful.js";

const strictlyValid = (bytes: Uint8Array): boolean => {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Mostly UTF-8 text with a few stray bytes. */
const bytesArb = fc.oneof(
  fc.uint8Array({ maxLength: 12 }),
  fc.tuple(fc.string({ maxLength: 8, unit: "binary" }), fc.uint8Array({ maxLength: 3 }), fc.string({ maxLength: 8, unit: "binary" })).map(
    ([a, bad, b]) => new Uint8Array([...Buffer.from(a, "utf8"), ...bad, ...Buffer.from(b, "utf8")]),
  ),
);

const dir = mkdtempSync(join(tmpdir(), "jobmatch-utf8-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = async (args: readonly string[]): Promise<{ code: number; stderr: string }> => {
  let stderr = "";
  const code = await run(args, {
    stdout: { write: (_: string, done?: (e?: Error | null) => void) => done?.() },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: async () => new Uint8Array(),
  });
  return { code, stderr };
};

describe("UTF-8 input", () => {
  it("finds the first byte that is not UTF-8 where the runtime's strict decoder fails", () => {
    fc.assert(
      fc.property(bytesArb, (bytes) => {
        const at = firstInvalidUtf8(bytes);
        expect(at < 0).toBe(strictlyValid(bytes));
        if (at >= 0) {
          expect(strictlyValid(bytes.subarray(0, at))).toBe(true);
          for (let l = 1; l <= Math.min(4, bytes.length - at); l++) expect(strictlyValid(bytes.subarray(0, at + l))).toBe(false);
        }
      }),
      fcOptions(3000),
    );
  });

  it("says where, and on which line, a JSON file stops being UTF-8", () => {
    const text = '{"workers": [],\n "employers": [{"id": "E1"}]}';
    const bad = new Uint8Array([...Buffer.from('{"workers": [],\n "employers": [{"id": "E'), 0xff, ...Buffer.from('1"}]}')]);
    const r = decodeText(bad, "instance.json");
    expect(E.isLeft(r) && formatIssue(r.left)).toBe("instance.json, byte 40 (line 2): expected UTF-8 text (save it as UTF-8), got bytes ff 31 22 7d");
    expect(decodeText(Buffer.from(text, "utf8"), "instance.json")).toEqual(E.right(text));
    const utf16 = decodeText(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]), "instance.json");
    expect(E.isLeft(utf16) && utf16.left.expected).toMatch(/UTF-16/);
  });

  it("the command line refuses such files with exit 1, CSV and JSON alike, rather than reading U+FFFD", async () => {
    const employers = join(dir, "employers.csv");
    writeFileSync(employers, "id,prefecture,field,slots,hourlyWage\nE1,37,food-service,2,1100\n");
    const workers = join(dir, "workers.csv");
    writeFileSync(workers, new Uint8Array([...Buffer.from("id,language,trainingCentre,homeProvince\nW"), 0xff, ...Buffer.from(",N4,Semarang,Bali\nW"), 0xfe, ...Buffer.from(",N4,Semarang,Bali\n")]));
    const csv = await cli(["solve", "--workers", workers, "--employers", employers]);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toContain(`${workers}: expected text in UTF-8 or Shift-JIS (save the sheet as "CSV UTF-8"), got "a byte that is neither, at byte 41 (0xff)"`);
    const json = join(dir, "instance.json");
    writeFileSync(json, new Uint8Array([...Buffer.from('{"workers": [], "employers": [{"id": "E'), 0xc0, 0xaf, ...Buffer.from('"}]}')]));
    const j = await cli(["solve", json]);
    expect(j.code).toBe(1);
    expect(j.stderr).toBe(`error: ${json} is not UTF-8:\n${json}, byte 39 (line 1): expected UTF-8 text (save it as UTF-8), got bytes c0 af 22 7d\n`);
  });
});

describe("deep JSON", () => {
  it("is refused before it is parsed, at the first bracket too deep (exit 1)", async () => {
    const file = join(dir, "deep.json");
    writeFileSync(file, `{"workers": [{"id": ${"[".repeat(5000)}${"]".repeat(5000)}}], "employers": []}`);
    const r = await cli(["solve", file]);
    expect([r.code, r.stderr]).toEqual([1, `error: ${file} nests deeper than 32 levels at line 1, column 50: no jobmatch input nests deeper than 8, so this is not one\n`]);
    // Brackets inside strings do not count.
    const strings = join(dir, "strings.json");
    writeFileSync(strings, JSON.stringify(lawful({ workers: [{ id: "[".repeat(100), language: [], trainingCentre: "{{{", homeProvince: "x" }], employers: [] })));
    expect((await cli(["solve", strings])).code).toBe(0);
  });

  it("a policy file, or a folder's policy.json, nested too deep is refused before it is parsed too", async () => {
    const deep = `{"quotas": ${"[".repeat(5000)}${"]".repeat(5000)}}`;
    const p = readPolicy(new TextEncoder().encode(deep), "policy.json");
    expect(E.isLeft(p) && p.left.map(formatIssue)).toEqual(['policy.json: expected JSON nested at most 32 levels (no jobmatch input nests deeper than 8), got "a bracket nested deeper at offset 42"']);
    const folder = join(dir, "sheets");
    mkdirSync(folder);
    for (const f of instanceCsvFiles(lawful({ workers: [], employers: [] }))) writeFileSync(join(folder, f.name), f.text);
    writeFileSync(join(folder, "policy.json"), deep);
    const r = await cli(["solve", folder]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(folder, "policy.json")}: expected JSON nested at most 32 levels`);
  });
});
