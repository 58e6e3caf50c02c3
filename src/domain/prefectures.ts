/**
 * Japan's 47 prefectures: JIS X 0401 code, names, region, minimum wages.
 *
 * Regions use the common eight-region grouping (Hokkaido, Tohoku, Kanto,
 * Chubu, Kansai (Kinki), Chugoku, Shikoku, Kyushu-Okinawa); other sources
 * group differently (Chugoku and Shikoku together, Okinawa apart), so use the
 * code, not the region, where a rule must be exact.
 *
 * Minimum wages are versioned records `{ amount, fiscalYear, effectiveFrom }`,
 * oldest first, one series per prefecture and one per industry minimum
 * (docs/SOURCES.md, "Minimum wages"):
 *
 * - FY2025 regional minimums and their effective dates, all 47 prefectures
 *   (2025-10-01 Tochigi to 2026-03-31 Akita): the MHLW national list as
 *   restated by hyperpc.jp, toms.or.jp and west-up.jp (they agree), read
 *   2026-11-29;
 * - FY2024 regional minimums, from the same lists; their exact dates were not
 *   listed (all fell in October-November 2024), so `effectiveFrom` is null
 *   except Kagawa's (2024-10-02, Kagawa Labour Bureau). A record with no date
 *   is in force until the next dated record takes over;
 * - Kagawa's industry (specific) minimums: machinery manufacturing 1,092
 *   from 2024-12-15 then 1,158 from 2025-12-15; shipbuilding 1,093 from
 *   2025-01-08 then 1,159 from 2025-12-28; electronic parts, devices,
 *   electrical and ICT equipment manufacturing 1,030 from 2024-12-15 (its
 *   FY2025 revision was decided but its amount was not found, so an instance
 *   should state it in `reference.expectedMinimumWages`).
 *
 * FY2026 revisions (expected from about October 2026) were not found. A plan
 * whose period runs past a series' yearly revision date is told so (see
 * src/rules/wages.ts), and an instance can state the expected rate.
 */

/** JIS X 0401 prefecture code, two digits: "01" (Hokkaido) .. "47" (Okinawa); Kagawa is "37". */
export type PrefectureCode = string;

export type Region =
  | "Hokkaido"
  | "Tohoku"
  | "Kanto"
  | "Chubu"
  | "Kansai"
  | "Chugoku"
  | "Shikoku"
  | "Kyushu-Okinawa";

/** A minimum wage in force from a date (yen per hour). */
export interface MinimumWageRecord {
  readonly amount: number;
  readonly fiscalYear: number;
  /** ISO date; null where the sources did not say the exact date. */
  readonly effectiveFrom: string | null;
  readonly source: string;
}

/** A higher minimum that applies to one industry in one prefecture, as a dated series. */
export interface IndustryMinimumWage {
  /** Industry key an employer can declare, e.g. "machinery-manufacturing". */
  readonly industry: string;
  /** The industry as the minimum wage order names it. */
  readonly name: string;
  /** Oldest first. */
  readonly records: readonly MinimumWageRecord[];
}

export interface Prefecture {
  readonly code: PrefectureCode;
  readonly name: string;
  readonly nameJa: string;
  readonly region: Region;
  /** Oldest first. */
  readonly minimumWages: readonly MinimumWageRecord[];
  readonly industryMinimumWages: readonly IndustryMinimumWage[];
}

const REGIONAL_SOURCE =
  "regional minimum wage (MHLW national list, restated by hyperpc.jp, toms.or.jp/topics/detail/post-6141, west-up.jp/information/minimum-wage; read 2026-11-29)";

type Row = readonly [PrefectureCode, string, string, Region, number, number, string];

// code, English name, Japanese name, region, FY2024 and FY2025 minimum wage (yen/hour), FY2025 effective date
const ROWS: readonly Row[] = [
  ["01", "Hokkaido", "北海道", "Hokkaido", 1010, 1075, "2025-10-04"],
  ["02", "Aomori", "青森県", "Tohoku", 953, 1029, "2025-11-21"],
  ["03", "Iwate", "岩手県", "Tohoku", 952, 1031, "2025-12-01"],
  ["04", "Miyagi", "宮城県", "Tohoku", 973, 1038, "2025-10-04"],
  ["05", "Akita", "秋田県", "Tohoku", 951, 1031, "2026-03-31"],
  ["06", "Yamagata", "山形県", "Tohoku", 955, 1032, "2025-12-23"],
  ["07", "Fukushima", "福島県", "Tohoku", 955, 1033, "2026-01-01"],
  ["08", "Ibaraki", "茨城県", "Kanto", 1005, 1074, "2025-10-12"],
  ["09", "Tochigi", "栃木県", "Kanto", 1004, 1068, "2025-10-01"],
  ["10", "Gunma", "群馬県", "Kanto", 985, 1063, "2026-03-01"],
  ["11", "Saitama", "埼玉県", "Kanto", 1078, 1141, "2025-11-01"],
  ["12", "Chiba", "千葉県", "Kanto", 1076, 1140, "2025-10-03"],
  ["13", "Tokyo", "東京都", "Kanto", 1163, 1226, "2025-10-03"],
  ["14", "Kanagawa", "神奈川県", "Kanto", 1162, 1225, "2025-10-04"],
  ["15", "Niigata", "新潟県", "Chubu", 985, 1050, "2025-10-02"],
  ["16", "Toyama", "富山県", "Chubu", 998, 1062, "2025-10-12"],
  ["17", "Ishikawa", "石川県", "Chubu", 984, 1054, "2025-10-08"],
  ["18", "Fukui", "福井県", "Chubu", 984, 1053, "2025-10-08"],
  ["19", "Yamanashi", "山梨県", "Chubu", 988, 1052, "2025-12-01"],
  ["20", "Nagano", "長野県", "Chubu", 998, 1061, "2025-10-03"],
  ["21", "Gifu", "岐阜県", "Chubu", 1001, 1065, "2025-10-18"],
  ["22", "Shizuoka", "静岡県", "Chubu", 1034, 1097, "2025-11-01"],
  ["23", "Aichi", "愛知県", "Chubu", 1077, 1140, "2025-10-18"],
  ["24", "Mie", "三重県", "Kansai", 1023, 1087, "2025-11-21"],
  ["25", "Shiga", "滋賀県", "Kansai", 1017, 1080, "2025-10-05"],
  ["26", "Kyoto", "京都府", "Kansai", 1058, 1122, "2025-11-21"],
  ["27", "Osaka", "大阪府", "Kansai", 1114, 1177, "2025-10-16"],
  ["28", "Hyogo", "兵庫県", "Kansai", 1052, 1116, "2025-10-04"],
  ["29", "Nara", "奈良県", "Kansai", 986, 1051, "2025-11-16"],
  ["30", "Wakayama", "和歌山県", "Kansai", 980, 1045, "2025-11-01"],
  ["31", "Tottori", "鳥取県", "Chugoku", 957, 1030, "2025-10-04"],
  ["32", "Shimane", "島根県", "Chugoku", 962, 1033, "2025-11-17"],
  ["33", "Okayama", "岡山県", "Chugoku", 982, 1047, "2025-12-01"],
  ["34", "Hiroshima", "広島県", "Chugoku", 1020, 1085, "2025-11-01"],
  ["35", "Yamaguchi", "山口県", "Chugoku", 979, 1043, "2025-10-16"],
  ["36", "Tokushima", "徳島県", "Shikoku", 980, 1046, "2026-01-01"],
  ["37", "Kagawa", "香川県", "Shikoku", 970, 1036, "2025-10-18"],
  ["38", "Ehime", "愛媛県", "Shikoku", 956, 1033, "2025-12-01"],
  ["39", "Kochi", "高知県", "Shikoku", 952, 1023, "2025-12-01"],
  ["40", "Fukuoka", "福岡県", "Kyushu-Okinawa", 992, 1057, "2025-11-16"],
  ["41", "Saga", "佐賀県", "Kyushu-Okinawa", 956, 1030, "2025-11-21"],
  ["42", "Nagasaki", "長崎県", "Kyushu-Okinawa", 953, 1031, "2025-12-01"],
  ["43", "Kumamoto", "熊本県", "Kyushu-Okinawa", 952, 1034, "2026-01-01"],
  ["44", "Oita", "大分県", "Kyushu-Okinawa", 954, 1035, "2026-01-01"],
  ["45", "Miyazaki", "宮崎県", "Kyushu-Okinawa", 952, 1023, "2025-11-16"],
  ["46", "Kagoshima", "鹿児島県", "Kyushu-Okinawa", 953, 1026, "2025-11-01"],
  ["47", "Okinawa", "沖縄県", "Kyushu-Okinawa", 952, 1023, "2025-12-01"],
];

/** Kagawa's FY2024 date, from the Kagawa Labour Bureau (jsite.mhlw.go.jp kagawa-roudoukyoku newpage_00883, read 2026-11-29). */
const KAGAWA_FY2024_FROM = "2024-10-02";

const KAGAWA_BUREAU_FY2024 = "Kagawa Labour Bureau, 2024-12-09 (jsite.mhlw.go.jp kagawa-roudoukyoku newpage_00883; read 2026-11-29)";
const KAGAWA_FY2025_INDUSTRY = "Kagawa Labour Bureau decision reported 2025-10-29 (news.livedoor.com/topics/detail/30092380; read 2026-11-29)";

const KAGAWA_INDUSTRY_MINIMUMS: readonly IndustryMinimumWage[] = [
  {
    industry: "machinery-manufacturing",
    name: "general-purpose, production and business-oriented machinery manufacturing (はん用機械器具、生産用機械器具、業務用機械器具製造業)",
    records: [
      { amount: 1092, fiscalYear: 2024, effectiveFrom: "2024-12-15", source: KAGAWA_BUREAU_FY2024 },
      { amount: 1158, fiscalYear: 2025, effectiveFrom: "2025-12-15", source: KAGAWA_FY2025_INDUSTRY },
    ],
  },
  {
    industry: "shipbuilding",
    name: "ship building and repairing, marine engine manufacturing (船舶製造・修理業、舶用機関製造業)",
    records: [
      { amount: 1093, fiscalYear: 2024, effectiveFrom: "2025-01-08", source: KAGAWA_BUREAU_FY2024 },
      { amount: 1159, fiscalYear: 2025, effectiveFrom: "2025-12-28", source: KAGAWA_FY2025_INDUSTRY },
    ],
  },
  {
    industry: "electronics-manufacturing",
    name: "electronic parts, devices and circuits, electrical machinery and ICT equipment manufacturing (電子部品・デバイス・電子回路、電気機械器具、情報通信機械器具製造業)",
    // The FY2025 revision was decided (2025-10-29) but its amount was not found.
    records: [{ amount: 1030, fiscalYear: 2024, effectiveFrom: "2024-12-15", source: KAGAWA_BUREAU_FY2024 }],
  },
];

/** All 47 prefectures, in code order. */
export const PREFECTURES: readonly Prefecture[] = ROWS.map(([code, name, nameJa, region, fy2024, fy2025, from2025]) => ({
  code,
  name,
  nameJa,
  region,
  minimumWages: [
    {
      amount: fy2024,
      fiscalYear: 2024,
      effectiveFrom: code === "37" ? KAGAWA_FY2024_FROM : null,
      source: code === "37" ? `${name} FY2024 ${REGIONAL_SOURCE}; date: ${KAGAWA_BUREAU_FY2024}` : `${name} FY2024 ${REGIONAL_SOURCE}`,
    },
    { amount: fy2025, fiscalYear: 2025, effectiveFrom: from2025, source: `${name} FY2025 ${REGIONAL_SOURCE}` },
  ],
  industryMinimumWages: code === "37" ? KAGAWA_INDUSTRY_MINIMUMS : [],
}));

/** National weighted average of the FY2025 minimum wages (yen/hour), as reported. */
export const NATIONAL_AVERAGE_MINIMUM_WAGE_FY2025 = 1121;

const BY_CODE: ReadonlyMap<PrefectureCode, Prefecture> = new Map(PREFECTURES.map((p) => [p.code, p]));
/** A romanised name as looked up: lower case, long-vowel marks dropped ("Hyōgo", "Hyôgo" and "hyogo" are one name). */
const foldName = (name: string): string => name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

const BY_NAME: ReadonlyMap<string, Prefecture> = new Map(
  PREFECTURES.flatMap((p) => [
    [foldName(p.name), p],
    [p.nameJa, p],
  ]),
);

/** Looks a prefecture up by JIS code ("37"), English name ("Kagawa", any case, with or without macrons: "Hyōgo", "Kōchi", "Ōita") or Japanese name ("香川県"). */
export const findPrefecture = (codeOrName: string): Prefecture | undefined =>
  BY_CODE.get(codeOrName) ?? BY_NAME.get(foldName(codeOrName)) ?? BY_NAME.get(codeOrName);

/**
 * The record of a series in force on `asOf` (ISO date): the latest record
 * whose known effective date is not after `asOf`; a record with no known
 * date counts as in force. Without `asOf`, the latest record. Undefined for
 * an empty series, or when `asOf` is before every record.
 */
export const recordOn = <R extends MinimumWageRecord>(records: readonly R[], asOf?: string): R | undefined => {
  const inForce = records.filter((r) => asOf === undefined || r.effectiveFrom === null || r.effectiveFrom <= asOf);
  return inForce[inForce.length - 1];
};

/** The regional minimum wage record in force on `asOf` (see `recordOn`); the oldest record when `asOf` is before them all. */
export const minimumWageOn = (prefecture: Prefecture, asOf?: string): MinimumWageRecord => {
  const latest = recordOn(prefecture.minimumWages, asOf) ?? prefecture.minimumWages[0];
  if (latest === undefined) throw new Error(`prefecture ${prefecture.code} has no minimum wage record`);
  return latest;
};

/** The industry minimum of `industry` in the prefecture, if it has one. */
export const findIndustryMinimum = (prefecture: Prefecture, industry: string | null | undefined): IndustryMinimumWage | undefined =>
  industry === null || industry === undefined ? undefined : prefecture.industryMinimumWages.find((m) => m.industry === industry);

/** The amount of an industry minimum in force on `asOf`, or 0 when none is in force yet. */
export const industryMinimumOn = (minimum: IndustryMinimumWage, asOf?: string): number => recordOn(minimum.records, asOf)?.amount ?? 0;
