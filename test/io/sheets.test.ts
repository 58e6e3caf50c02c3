/**
 * Everything the instance JSON can say, the spreadsheets can say (issue #14,
 * after the law of issue #10): the law's worker and employer columns, and
 * the sheets that are not rows of workers or employers (support
 * organisations, expected minimum wages, settings), read as forgivingly as
 * the rest, each reading a notice, their issues at the row and column typed;
 * and the bundled pilot round trip: JSON to CSV files and to a workbook and
 * back to the same decoded instance. Expected texts are written by hand;
 * the round trip's oracle is the decoder on the original JSON.
 */
import { readFileSync } from "node:fs";
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import type { InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import { formatIssues } from "../../src/input/issues.js";
import { formatNotices } from "../../src/input/notices.js";
import { instanceCsvFiles, instanceFromCsv, instanceToCsv, locateInCsv, type CsvInstance, type CsvOptions } from "../../src/io/csv.js";
import { instanceToWorkbook } from "../../src/io/convert.js";
import { loadSpreadsheets } from "../../src/io/load.js";
import { readWorkbook } from "../../src/io/xlsx.js";

const PILOT = JSON.parse(readFileSync(new URL("../../examples/data/kagawa-pilot.json", import.meta.url), "utf8")) as InstanceInput;

const read = (workers: string, employers: string, sheets: CsvOptions["sheets"] = {}): CsvInstance => {
  const r = instanceFromCsv(workers, employers, { sheets });
  if (E.isLeft(r)) throw new Error(formatIssues(r.left));
  return r.right;
};

/** The decoder's issues, pointed at the sheets. */
const issuesOf = (csv: CsvInstance): string[] => {
  const d = decodeInstance(csv.input);
  return E.isLeft(d) ? formatIssues(locateInCsv(d.left, csv)).split("\n") : [];
};

const WORKERS = "id,language,trainingCentre,homeProvince,birthDate,sswMonths,departure\nw1,N4,c,p,1998-05-01,0,health-check;bpjs;orientation;job-order\n";
const START = "setting,value\nplacement.start,2026-10-01\n";

describe("the law's columns", () => {
  it("read dates, checklist items, the employment form, support, housing and licences as officers type them, each reading a notice", () => {
    const workers = [
      "id,language,trainingCentre,homeProvince,certifications,birthDate,sswMonths,departure",
      "w1,N4,c,p,construction:skills-test:Civil engineering,1998/5/1,０,Health check;BPJS;Orientation;Job order",
      "w2,N4,c,p,,1998年5月1日,0,health-check;bpjs;orientation;job-order",
    ].join("\n");
    const employers = [
      "id,prefecture,field,jobCategory,slots,hourlyWage,employment,japaneseWage,support,housing,sectorCouncil,fullTimeStaff,sswEmployed,constructionLicence,jac,ccus,acceptancePlan,lodgingLicence,entertainmentBusiness",
      'e1,37,construction,civil-engineering,2,1100,Direct,"¥1,100",Self,４:３０,yes,5,０,yes,yes,yes,Yes:2,,',
      "e2,37,accommodation,,2,1100,direct,1100,self,Private,yes,,,,,,,Hotel/Ryokan,no",
    ].join("\n");
    const csv = read(workers, employers, { settings: START });
    expect(csv.input.workers[0]).toMatchObject({ birthDate: "1998-05-01", sswMonths: 0, departure: ["health-check", "bpjs", "orientation", "job-order"], certifications: [{ field: "construction", via: "skills-test", jobCategory: "civil-engineering" }] });
    expect(csv.input.workers[1]).toMatchObject({ birthDate: "1998-05-01" });
    expect(csv.input.employers).toEqual([
      {
        id: "e1",
        prefecture: "37",
        field: "construction",
        jobCategory: "civil-engineering",
        slots: 2,
        hourlyWage: 1100,
        employment: "direct",
        japaneseWage: 1100,
        support: "self",
        housing: { beds: 4, areaM2: 30 },
        fullTimeStaff: 5,
        sswEmployed: 0,
        declarations: { sectorCouncil: true, constructionLicence: true, jac: true, ccus: true, acceptancePlan: { approved: true, headcount: 2 } },
      },
      {
        id: "e2",
        prefecture: "37",
        field: "accommodation",
        slots: 2,
        hourlyWage: 1100,
        employment: "direct",
        japaneseWage: 1100,
        support: "self",
        housing: "private",
        declarations: { sectorCouncil: true, lodgingLicence: "hotel-ryokan", entertainmentBusiness: false },
      },
    ]);
    expect(issuesOf(csv)).toEqual([]);
    expect(formatNotices(csv.notices).split("\n")).toEqual([
      'workers.csv column certifications: read "construction:skills-test:Civil engineering" as "construction:skills-test:civil-engineering" (job category label), row 2',
      'workers.csv column birthDate: read "1998/5/1" as "1998-05-01" (date spelling), row 2',
      'workers.csv column sswMonths: read "０" as "0" (full-width characters), row 2',
      'workers.csv column departure: read "Health check;BPJS;Orientation;Job order" as "health-check;bpjs;orientation;job-order" (checklist item spelling), row 2',
      'workers.csv column birthDate: read "1998年5月1日" as "1998-05-01" (date spelling), row 3',
      'employers.csv column employment: read "Direct" as "direct" (employment spelling), row 2',
      'employers.csv column japaneseWage: read "¥1,100" as "1100" (yen sign or thousands separator), row 2',
      'employers.csv column support: read "Self" as "self" (support spelling), row 2',
      'employers.csv column housing: read "４:３０" as "4:30" (full-width characters), row 2',
      'employers.csv column sswEmployed: read "０" as "0" (full-width characters), row 2',
      'employers.csv column housing: read "Private" as "private" (housing spelling), row 3',
      'employers.csv column lodgingLicence: read "Hotel/Ryokan" as "hotel-ryokan" (licence spelling), row 3',
    ]);
  });

  it("point the law's issues at the declaration's own column, and name the sheet support organisations are listed in", () => {
    const employers = [
      "id,prefecture,field,slots,hourlyWage,employment,japaneseWage,support,housing,sectorCouncil,fullTimeStaff,sswEmployed,constructionLicence,ccus,acceptancePlan",
      "e1,37,construction,2,1100,direct,1100,RSO-9,4:30,yes,5,0,yes,yes,yes:2",
      "e2,37,construction,2,1100,direct,1100,self,4:-3,yes,5,0,yes,yes,yes:2",
    ].join("\n");
    const csv = read(WORKERS, employers, { settings: START, supportOrganisations: "id,officers\nRSO-1,1\n" });
    // all at once: the well-formed row's issues in the same round as the other row's
    expect(issuesOf(csv)).toEqual([
      expect.stringMatching(/^employers\.csv row 2, column jac: missing, expected membership of JAC.*which Construction requires$/),
      'employers.csv row 2, column support: expected "self", or the id of a registered support organisation listed in support-organisations.csv (from 2027-04-01 its officers limit whom it can support), got "RSO-9"',
      "employers.csv row 3, column housing (areaM2): expected a number > 0, at most 10,000,000, got -3",
    ]);
  });
});

describe("the other sheets", () => {
  it("read settings, support organisations and expected wages forgivingly, each reading a notice, into the sections they stand for", () => {
    const settings = 'setting,value\nPlacement start,2026/10/1\nplacement.months,12\nplacement.wages,Exclude\nweights.fieldPreference,２０\nreference.minimumWages.37,"¥1,050"\n';
    const organisations = "id,name,officers,workers,employers\nRSO-1,Sanuki Support,２,40,1\n";
    const expected = 'prefecture,industry,amount,from,note\n香川,,"¥1,102",2026/10/18,assumed: 66 yen a year\n';
    const csv = read(WORKERS, "id,prefecture,field,slots,hourlyWage\n", { settings, supportOrganisations: organisations, expectedWages: expected });
    expect(csv.input.placement).toEqual({ start: "2026-10-01", months: 12, wages: "exclude" });
    expect(csv.input.weights).toEqual({ fieldPreference: 20 });
    expect(csv.input.reference).toEqual({ minimumWages: { 37: 1050 }, expectedMinimumWages: [{ prefecture: "Kagawa", amount: 1102, from: "2026-10-18", note: "assumed: 66 yen a year" }] });
    expect(csv.input.supportOrganisations).toEqual([{ id: "RSO-1", name: "Sanuki Support", officers: 2, workers: 40, employers: 1 }]);
    expect(issuesOf(csv)).toEqual([]);
    expect(formatNotices(csv.notices).split("\n")).toEqual([
      'support-organisations.csv column officers: read "２" as "2" (full-width characters), row 2',
      'expected-wages.csv column prefecture: read "香川" as "Kagawa" (prefecture spelling), row 2',
      'expected-wages.csv column amount: read "¥1,102" as "1102" (yen sign or thousands separator), row 2',
      'expected-wages.csv column from: read "2026/10/18" as "2026-10-18" (date spelling), row 2',
      'settings.csv column value: read "2026/10/1" as "2026-10-01" (date spelling), row 2',
      'settings.csv column value: read "Exclude" as "exclude" (wage handling spelling), row 4',
      'settings.csv column value: read "２０" as "20" (full-width characters), row 5',
      'settings.csv column value: read "¥1,050" as "1050" (yen sign or thousands separator), row 6',
      'settings.csv column setting: read "Placement start" as "placement.start" (setting name spelling), row 2',
    ]);
  });

  it("point their issues at the row and column typed", () => {
    const settings = "setting,value\nplacement.start,2026-10-01\nplacement.months,0\n";
    const csv = read(WORKERS, "id,prefecture,field,slots,hourlyWage\n", {
      settings,
      supportOrganisations: "id,officers\nRSO-1,1\nRSO-2,0\n",
      expectedWages: "prefecture,industry,amount,from\n37,plumbing,1100,2027-10-01\n",
    });
    expect(issuesOf(csv)).toEqual([
      "settings.csv row 3, column value: expected an integer in 1..60, got 0",
      "support-organisations.csv row 3, column officers: expected an integer in 1..100,000, got 0",
    ]);
    const wages = read(WORKERS, "id,prefecture,field,slots,hourlyWage\n", { settings: START, expectedWages: "prefecture,industry,amount,from\n37,plumbing,1100,2027-10-01\n" });
    expect(issuesOf(wages)).toEqual(["expected-wages.csv row 2, column industry: expected one of machinery-manufacturing, shipbuilding, electronics-manufacturing, got \"plumbing\""]);
  });

  it("take an unknown setting as an issue with a did you mean, and a setting given twice as an issue naming both rows", () => {
    const r = instanceFromCsv(WORKERS, "id,prefecture,field,slots,hourlyWage\n", { sheets: { settings: "setting,value\nplacement.strat,2026-10-01\nreference.asOf,2026-10-01\nReference asOf,2026-10-02\n" } });
    expect(E.isLeft(r) && formatIssues(r.left).split("\n")).toEqual([
      'settings.csv row 2, column setting: unknown property; did you mean "placement.start"?',
      'settings.csv row 4, column setting: expected each setting once ("reference.asOf" is also row 3), got "Reference asOf"',
    ]);
  });

  it("let a date given with the files (--as-of, the page's date) take precedence over the settings sheet's, with a notice", () => {
    const r = instanceFromCsv(WORKERS, "id,prefecture,field,slots,hourlyWage\n", { sheets: { settings: "setting,value\nreference.asOf,2026-10-01\n" }, reference: { asOf: "2026-11-01" } });
    if (E.isLeft(r)) throw new Error(formatIssues(r.left));
    expect(r.right.input.reference).toEqual({ asOf: "2026-11-01" });
    expect(formatNotices(r.right.notices)).toBe('settings.csv row 2: reference.asOf "2026-11-01", given with the files, replaces "2026-10-01"');
  });
});

describe("the bundled pilot as spreadsheets", () => {
  const original = decodeInstance(PILOT);

  it("goes to CSV files (every sheet written, a template where empty) and back to the same decoded instance", async () => {
    expect(E.isRight(original)).toBe(true);
    const files = instanceCsvFiles(PILOT);
    expect(files.map((f) => f.name)).toEqual(["workers.csv", "employers.csv", "support-organisations.csv", "expected-wages.csv", "settings.csv"]);
    const bytes = Object.fromEntries(files.map((f) => [f.name, new TextEncoder().encode(f.text)]));
    const file = (name: string) => ({ name, bytes: bytes[name] as Uint8Array });
    const back = await loadSpreadsheets({
      workers: file("workers.csv"),
      employers: file("employers.csv"),
      supportOrganisations: file("support-organisations.csv"),
      expectedWages: file("expected-wages.csv"),
      settings: file("settings.csv"),
    });
    if (E.isLeft(back)) throw new Error(formatIssues(back.left));
    expect(back.right.notices).toEqual([]);
    expect(decodeInstance(back.right.input)).toEqual(original);
  });

  it("goes to a workbook of five sheets and back to the same decoded instance", async () => {
    const bytes = await instanceToWorkbook(PILOT);
    const book = await readWorkbook(bytes, "pilot.xlsx");
    expect(E.isRight(book) && book.right.map((s) => s.name)).toEqual(["workers", "employers", "support-organisations", "expected-wages", "settings"]);
    const back = await loadSpreadsheets({ workbook: { name: "pilot.xlsx", bytes } });
    if (E.isLeft(back)) throw new Error(formatIssues(back.left));
    expect(back.right.notices).toEqual([]);
    expect(decodeInstance(back.right.input)).toEqual(original);
  });

  it("a workbook's sheets are found in any case or spacing, and a sheet it does not read is a notice", async () => {
    const csv = instanceToCsv({ ...PILOT, workers: PILOT.workers.slice(0, 3), employers: PILOT.employers.slice(0, 3) });
    const { writeWorkbook } = await import("../../src/io/xlsx.js");
    const rows = (text: string): string[][] => text.trim().split("\n").map((l) => l.split(","));
    const bytes = await writeWorkbook([
      { name: "Workers", rows: rows(csv.workers) },
      { name: "Employers", rows: rows(csv.employers) },
      { name: "Settings", rows: rows(csv.settings) },
      { name: "Notes", rows: [["anything"]] },
    ]);
    const back = await loadSpreadsheets({ workbook: { name: "pilot.xlsx", bytes } });
    if (E.isLeft(back)) throw new Error(formatIssues(back.left));
    expect(back.right.input.reference).toEqual({ asOf: PILOT.reference?.asOf, fieldCatalogue: PILOT.reference?.fieldCatalogue });
    expect(formatNotices(back.right.notices)).toBe("pilot.xlsx (Notes): not read: the sheets are workers, employers, support-organisations, expected-wages, settings");
  });
});
