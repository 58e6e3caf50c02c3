/**
 * The prefecture table against the sources (docs/SOURCES.md): JIS codes,
 * names, regions, minimum wages and their dates (the expected values are
 * written out here from the sources, not read from src).
 */
import { describe, expect, it } from "vitest";
import {
  NATIONAL_AVERAGE_MINIMUM_WAGE_FY2025,
  PREFECTURES,
  findPrefecture,
  industryMinimumOn,
  minimumWageOn,
  type Prefecture,
  type Region,
} from "../../src/domain/prefectures.js";

/** FY2025 regional minimum wages (yen/hour) by code, as the MHLW list gives them (docs/SOURCES.md). */
const DOMAIN_MD_MINIMUM_WAGES =
  "01:1075 02:1029 03:1031 04:1038 05:1031 06:1032 07:1033 08:1074 09:1068 10:1063 11:1141 12:1140 13:1226 14:1225 15:1050 16:1062 17:1054 18:1053 19:1052 20:1061 21:1065 22:1097 23:1140 24:1087 25:1080 26:1122 27:1177 28:1116 29:1051 30:1045 31:1030 32:1033 33:1047 34:1085 35:1043 36:1046 37:1036 38:1033 39:1023 40:1057 41:1030 42:1031 43:1034 44:1035 45:1023 46:1026 47:1023";

/** FY2025 effective dates by code, from the same list (hyperpc.jp, toms.or.jp, west-up.jp agree). */
const FY2025_DATES =
  "01:2025-10-04 02:2025-11-21 03:2025-12-01 04:2025-10-04 05:2026-03-31 06:2025-12-23 07:2026-01-01 08:2025-10-12 09:2025-10-01 10:2026-03-01 11:2025-11-01 12:2025-10-03 13:2025-10-03 14:2025-10-04 15:2025-10-02 16:2025-10-12 17:2025-10-08 18:2025-10-08 19:2025-12-01 20:2025-10-03 21:2025-10-18 22:2025-11-01 23:2025-10-18 24:2025-11-21 25:2025-10-05 26:2025-11-21 27:2025-10-16 28:2025-10-04 29:2025-11-16 30:2025-11-01 31:2025-10-04 32:2025-11-17 33:2025-12-01 34:2025-11-01 35:2025-10-16 36:2026-01-01 37:2025-10-18 38:2025-12-01 39:2025-12-01 40:2025-11-16 41:2025-11-21 42:2025-12-01 43:2026-01-01 44:2026-01-01 45:2025-11-16 46:2025-11-01 47:2025-12-01";

/** FY2024 regional minimum wages by code, from the same list. */
const FY2024 =
  "01:1010 02:953 03:952 04:973 05:951 06:955 07:955 08:1005 09:1004 10:985 11:1078 12:1076 13:1163 14:1162 15:985 16:998 17:984 18:984 19:988 20:998 21:1001 22:1034 23:1077 24:1023 25:1017 26:1058 27:1114 28:1052 29:986 30:980 31:957 32:962 33:982 34:1020 35:979 36:980 37:970 38:956 39:952 40:992 41:956 42:953 43:952 44:954 45:952 46:953 47:952";

const table = (text: string): Map<string, string> => new Map(text.split(" ").map((pair) => pair.split(":") as [string, string]));

const EXPECTED_FY2025 = new Map(
  DOMAIN_MD_MINIMUM_WAGES.split(" ").map((pair) => {
    const [code, amount] = pair.split(":");
    return [code ?? "", Number(amount)] as const;
  }),
);

/** The common eight-region grouping, by JIS code range. */
const EXPECTED_REGIONS: Readonly<Record<Region, readonly [number, number]>> = {
  Hokkaido: [1, 1],
  Tohoku: [2, 7],
  Kanto: [8, 14],
  Chubu: [15, 23],
  Kansai: [24, 30],
  Chugoku: [31, 35],
  Shikoku: [36, 39],
  "Kyushu-Okinawa": [40, 47],
};

const kagawa = (): Prefecture => {
  const p = findPrefecture("37");
  if (p === undefined) throw new Error("no prefecture 37");
  return p;
};

describe("prefectures", () => {
  it("has 47 prefectures, codes 01..47, unique and in order", () => {
    expect(PREFECTURES).toHaveLength(47);
    expect(PREFECTURES.map((p) => p.code)).toEqual(Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, "0")));
    expect(new Set(PREFECTURES.map((p) => p.name)).size).toBe(47);
    expect(new Set(PREFECTURES.map((p) => p.nameJa)).size).toBe(47);
  });

  it("Kagawa is 37, 香川県, in Shikoku", () => {
    expect(kagawa()).toMatchObject({ code: "37", name: "Kagawa", nameJa: "香川県", region: "Shikoku" });
  });

  it("Kagawa's minimum wage is 1,036 from 2025-10-18 and 970 (FY2024) before", () => {
    const p = kagawa();
    expect(minimumWageOn(p)).toMatchObject({ amount: 1036, fiscalYear: 2025, effectiveFrom: "2025-10-18" });
    expect(minimumWageOn(p, "2025-10-18").amount).toBe(1036);
    expect(minimumWageOn(p, "2026-04-01").amount).toBe(1036);
    expect(minimumWageOn(p, "2025-10-17")).toMatchObject({ amount: 970, fiscalYear: 2024 });
    expect(minimumWageOn(p, "2025-10-01").amount).toBe(970);
    expect(minimumWageOn(p, "2024-01-01").amount).toBe(970);
  });

  it("Kagawa's industry minimums, with their dates: machinery 1,092 then 1,158 from 2025-12-15, shipbuilding 1,093 then 1,159 from 2025-12-28, electronics 1,030", () => {
    const series = Object.fromEntries(kagawa().industryMinimumWages.map((m) => [m.industry, m.records.map((r) => [r.amount, r.effectiveFrom])]));
    expect(series).toEqual({
      "machinery-manufacturing": [
        [1092, "2024-12-15"],
        [1158, "2025-12-15"],
      ],
      shipbuilding: [
        [1093, "2025-01-08"],
        [1159, "2025-12-28"],
      ],
      "electronics-manufacturing": [[1030, "2024-12-15"]],
    });
    expect(PREFECTURES.filter((p) => p.industryMinimumWages.length > 0).map((p) => p.code)).toEqual(["37"]);
    const machinery = kagawa().industryMinimumWages[0] as NonNullable<Prefecture["industryMinimumWages"][number]>;
    expect([industryMinimumOn(machinery, "2024-12-14"), industryMinimumOn(machinery, "2025-12-14"), industryMinimumOn(machinery, "2025-12-15")]).toEqual([0, 1092, 1158]);
  });

  it("every FY2025 minimum wage and its effective date match the sources; FY2024 before it", () => {
    expect(EXPECTED_FY2025.size).toBe(47);
    const dates = table(FY2025_DATES);
    const fy2024 = table(FY2024);
    for (const p of PREFECTURES) {
      const fy2025 = p.minimumWages.filter((r) => r.fiscalYear === 2025);
      expect(fy2025.map((r) => [r.amount, r.effectiveFrom]), `prefecture ${p.code} ${p.name}`).toEqual([[EXPECTED_FY2025.get(p.code), dates.get(p.code)]]);
      expect(minimumWageOn(p).amount).toBe(EXPECTED_FY2025.get(p.code));
      expect(minimumWageOn(p, "2026-03-31").amount).toBe(EXPECTED_FY2025.get(p.code));
      // The day before its FY2025 date, the FY2024 rate is in force.
      const before = new Date(Date.parse(`${dates.get(p.code)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      expect(minimumWageOn(p, before).amount, `${p.code} on ${before}`).toBe(Number(fy2024.get(p.code)));
    }
  });

  it("every minimum wage record has a source, a fiscal year and an ISO date or null; oldest first", () => {
    for (const p of PREFECTURES) {
      expect(p.minimumWages.length).toBeGreaterThan(0);
      for (const r of p.minimumWages) {
        expect(r.source).not.toBe("");
        expect(r.effectiveFrom === null || /^\d{4}-\d{2}-\d{2}$/.test(r.effectiveFrom)).toBe(true);
      }
      const years = p.minimumWages.map((r) => r.fiscalYear);
      expect(years).toEqual([...years].sort((a, b) => a - b));
    }
  });

  it("the national weighted average is 1,121 and lies within the range of the table", () => {
    expect(NATIONAL_AVERAGE_MINIMUM_WAGE_FY2025).toBe(1121);
    const amounts = [...EXPECTED_FY2025.values()];
    expect(Math.min(...amounts)).toBeLessThan(1121);
    expect(Math.max(...amounts)).toBeGreaterThan(1121);
  });

  it("the regions are the eight groups of the common grouping", () => {
    const regions = new Set(PREFECTURES.map((p) => p.region));
    expect([...regions].sort()).toEqual(Object.keys(EXPECTED_REGIONS).sort());
    for (const [region, [from, to]] of Object.entries(EXPECTED_REGIONS)) {
      const codes = PREFECTURES.filter((p) => p.region === region).map((p) => Number(p.code));
      expect(codes, region).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
    }
  });

  it("findPrefecture finds by code, English name (any case) and Japanese name", () => {
    for (const key of ["37", "Kagawa", "kagawa", "KAGAWA", "香川県"]) expect(findPrefecture(key)?.code, key).toBe("37");
    expect(findPrefecture("01")?.name).toBe("Hokkaido");
    expect(findPrefecture("北海道")?.code).toBe("01");
    expect(findPrefecture("東京都")?.code).toBe("13");
    expect(findPrefecture("Osaka")?.nameJa).toBe("大阪府");
    expect(findPrefecture("京都府")?.name).toBe("Kyoto");
    expect(findPrefecture("沖縄県")?.code).toBe("47");
    for (const p of PREFECTURES) {
      expect(findPrefecture(p.code)).toBe(p);
      expect(findPrefecture(p.name)).toBe(p);
      expect(findPrefecture(p.nameJa)).toBe(p);
    }
  });

  it("findPrefecture finds nothing for unknown codes and names", () => {
    for (const key of ["", "0", "37 ", "48", "00", "7", "Kagwa", "香川", "__proto__", "constructor", "toString"]) {
      expect(findPrefecture(key), JSON.stringify(key)).toBeUndefined();
    }
  });
});
