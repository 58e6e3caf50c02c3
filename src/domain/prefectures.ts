/**
 * Japan's 47 prefectures: JIS X 0401 code, names, region, minimum wage.
 *
 * Regions use the common eight-region grouping (Hokkaido, Tohoku, Kanto,
 * Chubu, Kansai (Kinki), Chugoku, Shikoku, Kyushu-Okinawa); other sources
 * group differently (Chugoku and Shikoku together, Okinawa apart), so use the
 * code, not the region, where a rule must be exact.
 *
 * Minimum wages are versioned records `{ amount, effectiveFrom, fiscalYear }`.
 * Source: regional minimum wages FY2025 as listed in shared/domain.md
 * (west-up.jp/information/minimum-wage, toms.or.jp/topics/detail/post-6141,
 * news.livedoor.com/topics/detail/30092380), read 2026-11-27. FY2025 rates took
 * effect between 2025-10-01 and 2026-03-31; the exact date is recorded only
 * where a source gave it (Kagawa: 2025-10-18). Where it is unknown,
 * `effectiveFrom` is null and the record is treated as in force at any date
 * (the higher, later rate is the conservative check). A caller can override
 * any amount through the instance's `reference.minimumWages`.
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

/** A higher minimum that applies to one industry in one prefecture. */
export interface IndustryMinimumWage {
  /** Industry key an employer can declare, e.g. "machinery-manufacturing". */
  readonly industry: string;
  readonly amount: number;
  readonly source: string;
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

const FY2025_SOURCE =
  "FY2025 regional minimum wage; west-up.jp/information/minimum-wage, toms.or.jp/topics/detail/post-6141 (via shared/domain.md)";

type Row = readonly [PrefectureCode, string, string, Region, number];

// code, English name, Japanese name, region, FY2025 minimum wage (yen/hour)
const ROWS: readonly Row[] = [
  ["01", "Hokkaido", "北海道", "Hokkaido", 1075],
  ["02", "Aomori", "青森県", "Tohoku", 1029],
  ["03", "Iwate", "岩手県", "Tohoku", 1031],
  ["04", "Miyagi", "宮城県", "Tohoku", 1038],
  ["05", "Akita", "秋田県", "Tohoku", 1031],
  ["06", "Yamagata", "山形県", "Tohoku", 1032],
  ["07", "Fukushima", "福島県", "Tohoku", 1033],
  ["08", "Ibaraki", "茨城県", "Kanto", 1074],
  ["09", "Tochigi", "栃木県", "Kanto", 1068],
  ["10", "Gunma", "群馬県", "Kanto", 1063],
  ["11", "Saitama", "埼玉県", "Kanto", 1141],
  ["12", "Chiba", "千葉県", "Kanto", 1140],
  ["13", "Tokyo", "東京都", "Kanto", 1226],
  ["14", "Kanagawa", "神奈川県", "Kanto", 1225],
  ["15", "Niigata", "新潟県", "Chubu", 1050],
  ["16", "Toyama", "富山県", "Chubu", 1062],
  ["17", "Ishikawa", "石川県", "Chubu", 1054],
  ["18", "Fukui", "福井県", "Chubu", 1053],
  ["19", "Yamanashi", "山梨県", "Chubu", 1052],
  ["20", "Nagano", "長野県", "Chubu", 1061],
  ["21", "Gifu", "岐阜県", "Chubu", 1065],
  ["22", "Shizuoka", "静岡県", "Chubu", 1097],
  ["23", "Aichi", "愛知県", "Chubu", 1140],
  ["24", "Mie", "三重県", "Kansai", 1087],
  ["25", "Shiga", "滋賀県", "Kansai", 1080],
  ["26", "Kyoto", "京都府", "Kansai", 1122],
  ["27", "Osaka", "大阪府", "Kansai", 1177],
  ["28", "Hyogo", "兵庫県", "Kansai", 1116],
  ["29", "Nara", "奈良県", "Kansai", 1051],
  ["30", "Wakayama", "和歌山県", "Kansai", 1045],
  ["31", "Tottori", "鳥取県", "Chugoku", 1030],
  ["32", "Shimane", "島根県", "Chugoku", 1033],
  ["33", "Okayama", "岡山県", "Chugoku", 1047],
  ["34", "Hiroshima", "広島県", "Chugoku", 1085],
  ["35", "Yamaguchi", "山口県", "Chugoku", 1043],
  ["36", "Tokushima", "徳島県", "Shikoku", 1046],
  ["37", "Kagawa", "香川県", "Shikoku", 1036],
  ["38", "Ehime", "愛媛県", "Shikoku", 1033],
  ["39", "Kochi", "高知県", "Shikoku", 1023],
  ["40", "Fukuoka", "福岡県", "Kyushu-Okinawa", 1057],
  ["41", "Saga", "佐賀県", "Kyushu-Okinawa", 1030],
  ["42", "Nagasaki", "長崎県", "Kyushu-Okinawa", 1031],
  ["43", "Kumamoto", "熊本県", "Kyushu-Okinawa", 1034],
  ["44", "Oita", "大分県", "Kyushu-Okinawa", 1035],
  ["45", "Miyazaki", "宮崎県", "Kyushu-Okinawa", 1023],
  ["46", "Kagoshima", "鹿児島県", "Kyushu-Okinawa", 1026],
  ["47", "Okinawa", "沖縄県", "Kyushu-Okinawa", 1023],];

const KAGAWA_EXTRA: Pick<Prefecture, "minimumWages" | "industryMinimumWages"> = {
  minimumWages: [
    {
      amount: 970,
      fiscalYear: 2024,
      effectiveFrom: null,
      source: "FY2024 Kagawa minimum wage; news.livedoor.com/topics/detail/30092380 (via shared/domain.md)",
    },
    {
      amount: 1036,
      fiscalYear: 2025,
      effectiveFrom: "2025-10-18",
      source: "FY2025 Kagawa minimum wage; news.livedoor.com/topics/detail/30092380 (via shared/domain.md)",
    },
  ],
  industryMinimumWages: [
    { industry: "machinery-manufacturing", amount: 1158, source: "Kagawa industry-specific minimum (via shared/domain.md)" },
    { industry: "shipbuilding", amount: 1159, source: "Kagawa industry-specific minimum (via shared/domain.md)" },
  ],
};

/** All 47 prefectures, in code order. */
export const PREFECTURES: readonly Prefecture[] = ROWS.map(([code, name, nameJa, region, amount]) =>
  code === "37"
    ? { code, name, nameJa, region, ...KAGAWA_EXTRA }
    : {
        code,
        name,
        nameJa,
        region,
        minimumWages: [{ amount, fiscalYear: 2025, effectiveFrom: null, source: FY2025_SOURCE }],
        industryMinimumWages: [],
      },
);

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
 * The minimum wage record in force on `asOf` (ISO date): the latest record
 * whose known effective date is not after `asOf`; a record with no known date
 * counts as in force. Without `asOf`, the latest record.
 */
export const minimumWageOn = (prefecture: Prefecture, asOf?: string): MinimumWageRecord => {
  const inForce = prefecture.minimumWages.filter(
    (r) => asOf === undefined || r.effectiveFrom === null || r.effectiveFrom <= asOf,
  );
  const latest = inForce[inForce.length - 1] ?? prefecture.minimumWages[prefecture.minimumWages.length - 1];
  if (latest === undefined) throw new Error(`prefecture ${prefecture.code} has no minimum wage record`);
  return latest;
};
