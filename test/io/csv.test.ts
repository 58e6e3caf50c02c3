import fc from "fast-check";
import * as E from "fp-ts/lib/Either.js";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { generateInstance } from "../../src/generate/generate.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import { formatIssues } from "../../src/input/issues.js";
import { instanceFromCsv, instanceToCsv, locateInCsv, RESULT_COLUMNS, resultToCsv, type CsvInstance, type InstanceCsv } from "../../src/io/csv.js";
import { match } from "../../src/match.js";
import { instanceArb } from "../support/input-arbitraries.js";
import { fcOptions } from "../support/seed.js";

/** The instance read back from its files: workers and employers, and the other sheets where given. */
const fromCsv = (files: { workers: string; employers: string } & Partial<InstanceCsv>, reference?: unknown): CsvInstance => {
  const { workers, employers, ...sheets } = files;
  const r = instanceFromCsv(workers, employers, { sheets, ...(reference === undefined ? {} : { reference }) });
  if (E.isLeft(r)) throw new Error(formatIssues(r.left));
  return r.right;
};

const csvIssues = (workers: string, employers: string): string => {
  const r = instanceFromCsv(workers, employers);
  return E.isLeft(r) ? formatIssues(r.left) : "";
};

const WORKERS = "id,language,trainingCentre,homeProvince\n";
const EMPLOYERS = "id,prefecture,field,slots,hourlyWage\n";

describe("CSV instances", () => {
  it("round-trip a generated instance exactly (workers and employers)", () => {
    const instance = generateInstance({ seed: 11, workers: 300, employers: 30 });
    const back = fromCsv(instanceToCsv(instance)).input;
    expect(back.workers).toEqual(instance.workers);
    expect(back.employers).toEqual(instance.employers);
  });

  it("round-trip any valid instance, every section of it (weights, reference, placement, support organisations, expected wages), to the same decoded instance", () => {
    // An empty employer name has no CSV form distinct from no name.
    const noEmptyName = (i: InstanceInput): InstanceInput => ({
      ...i,
      employers: i.employers.map(({ name, ...e }) => (name === undefined || name === "" ? e : { ...e, name })),
    });
    // Expected minimum wages (Kagawa's regional one, or an industry minimum it has), notes with the list syntax's own characters, and the wage handling.
    const expectedArb = fc.array(
      fc.record({
        prefecture: fc.constantFrom("37", "Kagawa", "香川県"),
        industry: fc.option(fc.constantFrom("shipbuilding", "machinery-manufacturing"), { nil: undefined }),
        amount: fc.integer({ min: 1000, max: 1300 }),
        from: fc.constantFrom("2026-10-18", "2027-10-01"),
        note: fc.option(fc.constantFrom("assumed: 66 yen; not published", 'a "quoted", note\\'), { nil: undefined }),
      }).map(({ industry, note, ...x }) => ({ ...x, ...(industry === undefined ? {} : { industry }), ...(note === undefined ? {} : { note }) })),
      { maxLength: 3 },
    );
    const withMore = fc.tuple(instanceArb.map(noEmptyName), expectedArb, fc.option(fc.constantFrom("exclude" as const, "raise" as const), { nil: undefined })).map(([i, expected, wages]) => ({
      ...i,
      ...(expected.length === 0 ? {} : { reference: { ...i.reference, expectedMinimumWages: expected } }),
      ...(wages === undefined ? {} : { placement: { ...(i.placement ?? {}), wages } }),
    }));
    fc.assert(
      fc.property(withMore, (instance) => {
        const back = decodeInstance(fromCsv(instanceToCsv(instance)).input);
        const original = decodeInstance(instance);
        expect(E.isRight(original)).toBe(true);
        expect(back).toEqual(original);
      }),
      fcOptions(150),
    );
  });

  it("read spreadsheet habits: columns in any order, a BOM, CRLF, blank lines, spaces in lists, yes/no", () => {
    const workers = "\uFEFFhomeProvince,trainingCentre,id,language,careJapaneseTest,skills\r\nBali,lpk-1,w1, N4 ; JFT-Basic A2 ,yes,welding:2;forklift\r\n\r\nBali,lpk-1,w2,,no,\r\n";
    const employers = `${EMPLOYERS}e1,Kagawa,construction,3,1100\n`;
    const input = fromCsv({ workers, employers }).input;
    expect(input.workers).toEqual([
      { id: "w1", language: ["N4", "JFT-Basic A2"], careJapaneseTest: true, skills: [{ name: "welding", level: 2 }, { name: "forklift" }], trainingCentre: "lpk-1", homeProvince: "Bali" },
      { id: "w2", language: [], careJapaneseTest: false, trainingCentre: "lpk-1", homeProvince: "Bali" },
    ]);
    // The declaration columns are the declarations: a sheet without any declares none (the decoder names each one the field needs).
    expect(input.employers).toEqual([{ id: "e1", prefecture: "Kagawa", field: "construction", slots: 3, hourlyWage: 1100, declarations: {} }]);
  });

  it("report problems with the files themselves, each at its row", () => {
    expect(csvIssues("id,lanugage,trainingCentre,homeProvince,color\nw1,N4,c,p,red,extra\n", `${EMPLOYERS}e1,37,construction,3,"1100\n`)).toBe(
      [
        'workers.csv row 1, column 2 ("lanugage"): unknown property; did you mean "language"?',
        'workers.csv row 1, column 5 ("color"): unknown property; the known columns are id, language, careJapaneseTest, certifications, skills, preferredFields, preferredPrefectures, trainingCentre, homeProvince, group, birthDate, age, sswMonths, departure, careExperienceMonths, careInitialTraining, formerInternAt, availableFrom',
        'workers.csv row 1: missing, expected a column "language"',
        "workers.csv row 2: expected at most 5 cells (one per column), got 6",
        'employers.csv row 2: expected properly closed quotes, got "Quoted field unterminated"',
      ].join("\n"),
    );
  });

  it("leave wrong values to the decoder, whose issues point at file, row and column as typed", () => {
    const law = "age,sswMonths,departure";
    const done = "30,0,health-check;bpjs;orientation;job-order";
    const workers = `id,language,trainingCentre,homeProvince,${law}\nw1,N4,c,p,${done}\nw2,N6,c,p,${done}\n`;
    const employers = `${EMPLOYERS.trim()},employment,japaneseWage,support,housing,sectorCouncil\ne1,37,construction,three,1100,direct,1100,self,private,yes\ne2,37,plumbing,2,500,direct,500,self,4:30,yes\n`;
    const csv = fromCsv({ workers, employers }, { asOf: "2026-04-01" });
    const result = match(csv.input);
    expect(E.isLeft(result) && formatIssues(locateInCsv(result.left, csv))).toBe(
      [
        'workers.csv row 3, column language (item 1): expected N5..N1 or JFT-Basic A1/A2.1/A2, got "N6"',
        'employers.csv row 2, column slots: expected an integer in 0..100,000, got "three"',
        // all at once: the well-formed row's semantic issues come in the same round
        "employers.csv row 3, column field: expected an SSW field of catalogue 2024-09 (nursing-care, building-cleaning, industrial-products, construction, shipbuilding, automobile-repair, aviation, accommodation, agriculture, fishery, food-manufacturing, food-service, automobile-transportation, railway, forestry, wood-industry), got \"plumbing\"",
        "employers.csv row 3, column hourlyWage: expected at least 1036 yen per hour (Kagawa minimum wage FY2025 from 2025-10-18), got 500",
      ].join("\n"),
    );
  });

  it("carry the law's declarations: the checklist as a list, housing as beds:area, the plan as approved:headcount", () => {
    const workers = "id,language,trainingCentre,homeProvince,birthDate,sswMonths,departure,certifications\nw1,N4,c,p,2001-02-03,0,health-check;bpjs,construction:skills-test:building\n";
    const employers =
      "id,prefecture,field,jobCategory,slots,hourlyWage,fullTimeStaff,sswEmployed,employment,japaneseWage,support,housing,sectorCouncil,constructionLicence,jac,ccus,acceptancePlan\n" +
      "e1,37,construction,building,3,1100,10,1,direct,1100,RSO-1,4:30,yes,yes,no,yes,yes:2\n";
    const input = fromCsv({ workers, employers }).input;
    expect(input.workers[0]).toMatchObject({ birthDate: "2001-02-03", sswMonths: 0, departure: ["health-check", "bpjs"], certifications: [{ field: "construction", via: "skills-test", jobCategory: "building" }] });
    expect(input.employers[0]).toMatchObject({
      fullTimeStaff: 10,
      sswEmployed: 1,
      support: "RSO-1",
      housing: { beds: 4, areaM2: 30 },
      declarations: { sectorCouncil: true, constructionLicence: true, jac: false, ccus: true, acceptancePlan: { approved: true, headcount: 2 } },
    });
  });
});

describe("result CSV", () => {
  it("has one row per worker, placed or not, in id order", () => {
    const instance = generateInstance({ seed: 5, workers: 80, employers: 6 });
    const result = match(instance);
    if (E.isLeft(result)) throw new Error(formatIssues(result.left));
    const text = resultToCsv(result.right, instance.employers);
    const rows = Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
    expect(Object.keys(rows[0] ?? {})).toEqual([...RESULT_COLUMNS]);
    expect(rows.map((r) => r.workerId)).toEqual(instance.workers.map((w) => w.id));
    const placed = rows.filter((r) => r.placed === "true");
    expect(placed).toHaveLength(result.right.summary.placed);
    const startOf = new Map(result.right.placements.map((p) => [p.workerId, p.start]));
    for (const r of placed) {
      const e = instance.employers.find((x) => x.id === r.employerId);
      expect([r.prefecture, r.field]).toEqual([e?.prefecture, e?.field]);
      expect(r.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.start).toBe(startOf.get(r.workerId as string));
    }
    for (const r of rows.filter((x) => x.placed === "false")) {
      expect(r.reason).toMatch(/^(no-eligible-slot|eligible-slots-taken)$/);
      expect(r.start).toBe("");
    }
  });
});
