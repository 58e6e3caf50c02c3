/**
 * The spreadsheet friction points of issue #14, each shown gone: files as
 * Japanese Excel saves them, the spellings officers type, issues that name
 * the column and row as typed, all at once, and skill names checked against
 * each other. Expected values are written out by hand (the oracle), never
 * computed by the code under test.
 */
import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { PREFECTURES } from "../../src/domain/prefectures.js";
import { decodeInstance } from "../../src/input/decode.js";
import { formatIssues } from "../../src/input/issues.js";
import { formatNotice, formatNotices } from "../../src/input/notices.js";
import { skillNotices } from "../../src/input/vocabulary.js";
import { locateInCsv, type CsvInstance } from "../../src/io/csv.js";
import { decodeBytes } from "../../src/io/encoding.js";
import { loadSpreadsheets } from "../../src/io/load.js";
import { locateNotices } from "../../src/io/locate.js";
import { readLevel, readPrefecture } from "../../src/io/normalise.js";
import { readPolicy } from "../../src/io/policyFile.js";
import { fcOptions } from "../support/seed.js";
import { shiftJis } from "../support/shiftJis.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const load = async (workers: Uint8Array | string, employers: Uint8Array | string): Promise<E.Either<string, CsvInstance>> => {
  const bytes = (x: Uint8Array | string): Uint8Array => (typeof x === "string" ? utf8(x) : x);
  const r = await loadSpreadsheets({ workers: { name: "workers.csv", bytes: bytes(workers) }, employers: { name: "employers.csv", bytes: bytes(employers) } });
  return E.mapLeft(formatIssues)(r);
};

const loaded = async (workers: Uint8Array | string, employers: Uint8Array | string): Promise<CsvInstance> => {
  const r = await load(workers, employers);
  if (E.isLeft(r)) throw new Error(r.left);
  return r.right;
};

const EMPLOYERS = "id,prefecture,field,slots,hourlyWage\ne1,37,nursing-care,3,1100\n";

describe("files as Japanese Excel saves them", () => {
  it("reads Shift-JIS (detected, and said), not garbled text", async () => {
    const csv = await loaded(shiftJis("id,language,trainingCentre,homeProvince,preferredPrefectures\nw1,N4,スラバヤ研修所,東ジャワ,香川県\n"), EMPLOYERS);
    expect(csv.input.workers[0]).toMatchObject({ trainingCentre: "スラバヤ研修所", homeProvince: "東ジャワ", preferences: { prefectures: ["香川県"] } });
    expect(csv.notices.map(formatNotice)).toContain("workers.csv: read as Shift-JIS (Japanese Excel's CSV)");
  });

  it("reads UTF-8 with a byte-order mark as UTF-8, and refuses bytes that are neither, naming the byte", () => {
    const bom = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x69, 0x64]), "x.csv");
    expect(bom).toEqual(E.right({ text: "id", encoding: "utf-8" }));
    const bad = decodeBytes(new Uint8Array([0x69, 0x64, 0x0a, 0xff, 0xff, 0xff]), "x.csv");
    expect(E.isLeft(bad) && formatIssues(bad.left)).toBe('x.csv: expected text in UTF-8 or Shift-JIS (save the sheet as "CSV UTF-8"), got "a byte that is neither, at byte 3 (0xff)"');
  });

  it("detects semicolon- and tab-separated files (said as notices), keeping list cells whole", async () => {
    const semi = await loaded('id;language;trainingCentre;homeProvince\nw1;"N4;N3";c;p\n', "id\tprefecture\tfield\tslots\thourlyWage\ne1\t37\tnursing-care\t3\t1100\n");
    expect(semi.input.workers[0]).toMatchObject({ id: "w1", language: ["N4", "N3"] });
    expect(semi.input.employers[0]).toMatchObject({ id: "e1", slots: 3, hourlyWage: 1100 });
    expect(semi.notices.map(formatNotice)).toEqual(["workers.csv: read as semicolon-separated", "employers.csv: read as tab-separated"]);
  });
});

describe("the spellings officers type", () => {
  it("reads levels, prefectures, field labels and wages, each reading a notice", async () => {
    const workers = [
      "id,language,trainingCentre,homeProvince,preferredFields,preferredPrefectures,certifications",
      'w1,N 4,c,p,Food service,香川,Nursing care:Skills test',
      "w2,n3,c,p,caregiving,Kagawa-ken,",
      'w3,Ｎ４,c,p,外食業,"Ōsaka",',
      "w4,JLPT N4;JFT A2,c,p,,香川県,",
    ].join("\n");
    const employers = ['id,prefecture,field,slots,hourlyWage', 'e1,香川,Food service,"1,000","1,050"', "e2,Kagawa-ken,nursing-care,2,¥1100", "e3,37,construction,1,１１００円"].join("\n");
    const csv = await loaded(workers, employers);
    const ws = csv.input.workers as readonly Record<string, unknown>[];
    expect(ws.map((w) => w.language)).toEqual([["N4"], ["N3"], ["N4"], ["N4", "JFT-Basic A2"]]);
    expect(ws.map((w) => (w.preferences as { prefectures?: string[] } | undefined)?.prefectures)).toEqual([["Kagawa"], ["Kagawa"], ["Osaka"], ["香川県"]]);
    expect(ws.map((w) => (w.preferences as { fields?: string[] } | undefined)?.fields)).toEqual([["food-service"], ["caregiving"], ["food-service"], undefined]);
    expect(ws[0]?.certifications).toEqual([{ field: "nursing-care", via: "skills-test" }]);
    expect(csv.input.employers).toEqual([
      { id: "e1", prefecture: "Kagawa", field: "food-service", slots: 1000, hourlyWage: 1050 },
      { id: "e2", prefecture: "Kagawa", field: "nursing-care", slots: 2, hourlyWage: 1100 },
      { id: "e3", prefecture: "37", field: "construction", slots: 1, hourlyWage: 1100 },
    ]);
    expect(E.isRight(decodeInstance(csv.input))).toBe(true);
    expect(formatNotices(csv.notices).split("\n")).toEqual([
      'workers.csv column language: read "N 4" as "N4" (level spelling), row 2',
      'workers.csv column preferredFields: read "Food service" as "food-service" (field or sector label), row 2',
      'workers.csv column preferredPrefectures: read "香川" as "Kagawa" (prefecture spelling), row 2',
      'workers.csv column certifications: read "Nursing care:Skills test" as "nursing-care:skills-test" (field label; route spelling), row 2',
      'workers.csv column language: read "n3" as "N3" (level spelling), row 3',
      'workers.csv column preferredPrefectures: read "Kagawa-ken" as "Kagawa" (prefecture spelling), row 3',
      'workers.csv column language: read "Ｎ４" as "N4" (full-width characters), row 4',
      'workers.csv column preferredFields: read "外食業" as "food-service" (field or sector label), row 4',
      'workers.csv column preferredPrefectures: read "Ōsaka" as "Osaka" (prefecture spelling), row 4',
      'workers.csv column language: read "JLPT N4;JFT A2" as "N4;JFT-Basic A2" (level spelling), row 5',
      'employers.csv column prefecture: read "香川" as "Kagawa" (prefecture spelling), row 2',
      'employers.csv column field: read "Food service" as "food-service" (field label), row 2',
      'employers.csv column slots: read "1,000" as "1000" (thousands separator), row 2',
      'employers.csv column hourlyWage: read "1,050" as "1050" (yen sign or thousands separator), row 2',
      'employers.csv column prefecture: read "Kagawa-ken" as "Kagawa" (prefecture spelling), row 3',
      'employers.csv column hourlyWage: read "¥1100" as "1100" (yen sign or thousands separator), row 3',
      'employers.csv column hourlyWage: read "１１００円" as "1100" (full-width characters; yen sign or thousands separator), row 4',
    ]);
  });

  it("reads a column name as the reports print it, names it as typed in issues, and asks about one it cannot place", async () => {
    const r = await load("ID,Language,Training centre,home_province,Prefered Fields\nw1,N4,c,p,construction\n", EMPLOYERS);
    expect(E.isLeft(r) && r.left).toBe('workers.csv row 1, column 5 ("Prefered Fields"): unknown property; did you mean "preferredFields"?');
    const typed = await loaded("ID,Language,Training centre,home_province\nw1,N6,c,p\n", EMPLOYERS);
    const decoded = decodeInstance(typed.input);
    expect(E.isLeft(decoded) && formatIssues(locateInCsv(decoded.left, typed))).toBe('workers.csv row 2, column Language (item 1): expected N5..N1 or JFT-Basic A1/A2.1/A2, got "N6"');
    const ok = await loaded("ID,Language,Training centre,home_province\nw1,N4,c,p\n", EMPLOYERS);
    expect(formatNotices(ok.notices)).toBe(
      ['workers.csv column 1: read "ID" as "id" (column name spelling), row 1', 'workers.csv column 2: read "Language" as "language" (column name spelling), row 1', 'workers.csv column 3: read "Training centre" as "trainingCentre" (column name spelling), row 1', 'workers.csv column 4: read "home_province" as "homeProvince" (column name spelling), row 1'].join("\n"),
    );
  });

  it("every prefecture in every common spelling reads as its code (property)", () => {
    const spelling = fc.constantFrom(...PREFECTURES).chain((p) =>
      fc
        .constantFrom(
          p.code,
          String(Number(p.code)),
          p.name,
          p.name.toUpperCase(),
          p.name.toLowerCase(),
          `${p.name}-${p.nameJa.endsWith("県") ? "ken" : p.nameJa.endsWith("府") ? "fu" : p.nameJa.endsWith("都") ? "to" : "do"}`,
          `${p.name} Prefecture`,
          p.nameJa,
          p.nameJa.replace(/[県府都]$/, ""),
        )
        .map((s) => [p.code, s] as const),
    );
    fc.assert(fc.property(spelling, ([code, s]) => readPrefecture(s) === code), fcOptions(300));
  });

  it("every level in every common spelling reads as itself, and nothing else is taken for a level (property)", () => {
    const level = fc.integer({ min: 1, max: 5 }).chain((n) =>
      fc.tuple(fc.constantFrom("", "JLPT ", "jlpt-", "JLPT"), fc.constantFrom("N", "n"), fc.constantFrom("", " ", "-")).map(([a, b, c]) => [`N${n}`, `${a}${b}${c}${n}`] as const),
    );
    fc.assert(fc.property(level, ([want, s]) => readLevel(s) === want), fcOptions(200));
    for (const s of ["N6", "N0", "N", "NN4", "JLPT", "A2", "N4 N3"]) expect(readLevel(s), s).toBeNull();
  });
});

describe("issues that name what the officer typed", () => {
  it("come all at once, by row and column, the duplicate naming both rows, with a suggestion", async () => {
    const workers = ["id,language,trainingCentre,homeProvince,preferredFields", "w1,N4,c,p,construction", "w2,N6,c,p,", "w1,N4,c,p,constructon"].join("\n");
    const employers = ["id,prefecture,field,slots,hourlyWage", "e1,Kagawaa,nursing-care,three,1100", "e2,37,plumbing,2,500"].join("\n");
    const csv = await loaded(workers, employers);
    const decoded = decodeInstance(csv.input);
    expect(E.isLeft(decoded) && formatIssues(locateInCsv(decoded.left, csv)).split("\n")).toEqual([
      'workers.csv row 3, column language (item 1): expected N5..N1 or JFT-Basic A1/A2.1/A2, got "N6"',
      'workers.csv row 4, column id: expected a unique id (also used by row 2 of workers.csv), got "w1"',
      expect.stringMatching(/^workers\.csv row 4, column preferredFields \(item 1\): expected a sector .*, got "constructon"$/),
      'employers.csv row 2, column slots: expected an integer >= 0, got "three"',
      expect.stringMatching(/^employers\.csv row 3, column field: expected an SSW field of catalogue 2024-09 .*, got "plumbing"$/),
      "employers.csv row 3, column hourlyWage: expected at least 1036 yen per hour (Kagawa minimum wage FY2025 from 2025-10-18), got 500",
    ]);
  });
});

describe("skill vocabulary", () => {
  it("asks 'did you mean' for a near miss, and warns of a required skill that no worker holds", async () => {
    const workers = "id,language,trainingCentre,homeProvince,skills\nw1,N4,c,p,welding:2\nw2,N4,c,p,forklift\n";
    const employers = "id,prefecture,field,slots,hourlyWage,requiredSkills\ne1,37,construction,3,1100,weldng\ne2,37,construction,3,1100,scuba diving\ne3,37,construction,3,1100,welding\n";
    const csv = await loaded(workers, employers);
    expect(locateNotices(skillNotices(csv.input), csv).map(formatNotice)).toEqual([
      'employers.csv row 2, column requiredSkills (item 1, name): "weldng": no worker holds "weldng" (required); did you mean "welding"?',
      'employers.csv row 3, column requiredSkills (item 1, name): no worker holds the required skill "scuba diving": nobody can fill these slots',
    ]);
  });
});

describe("a policy from its own file", () => {
  it("reads quotas from a CSV sheet, forgivingly, and points its issues at the sheet's rows", () => {
    const p = readPolicy(utf8("scope,key,min,max,penalty\nSector,Caregiving,600,,1\nprefecture,香川,,\"1,500\",\nsector,plumbing,1,,\n"), "quotas.csv");
    if (E.isLeft(p)) throw new Error(formatIssues(p.left));
    expect(p.right.policy).toEqual({ quotas: [{ scope: "sector", key: "caregiving", min: 600, penalty: 1 }, { scope: "prefecture", key: "37", max: 1500 }, { scope: "sector", key: "plumbing", min: 1 }] });
    const decoded = decodeInstance({ workers: [], employers: [], policy: p.right.policy });
    expect(E.isLeft(decoded) && formatIssues(p.right.locate(decoded.left))).toMatch(/^quotas\.csv row 4, column key: expected a sector \(caregiving, construction, hospitality, manufacturing\), got "plumbing"$/);
  });
});
