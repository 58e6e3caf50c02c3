/**
 * Spreadsheet cells read forgivingly, where the meaning is unambiguous:
 * full-width characters in structured columns (`Ｎ４`, `１，０５０`), case and spaces in
 * enumerated values, the common spellings of Japanese levels (`N 4`, `n3`,
 * `JLPT N4`, `JFT A2`), prefectures with or without 県/府/都 or -ken/-fu/-to,
 * in kanji or romaji, with or without macrons (`香川`, `Kagawa-ken`,
 * `Ōsaka`), a code that a spreadsheet stripped of its leading zero (`7`),
 * SSW fields by the label the reports print (`Food service`, `外食業`),
 * thousands separators and yen signs in wages (`"1,050"`, `¥1100`, `1100円`).
 *
 * Each reading returns the canonical text and why it changed, so that the
 * caller reports it as a notice (../input/notices.ts); a value that matches
 * nothing known is left exactly as it was, for the decoder to report with
 * what it expected. Only whitespace around a value is dropped without a
 * word (as before: a cell's surrounding spaces are not part of its value).
 *
 * @example
 * normaliseRecord("workers", { language: "JLPT N4; ｎ３" }).record.language; // "N4;N3"
 * normaliseRecord("employers", { hourlyWage: "¥1,100" }).changes[0];
 * // { column: "hourlyWage", found: "¥1,100", now: "1100", why: "yen sign and thousands separator" }
 */
import { FIELD_CATALOGUES, SECTORS } from "../domain/fields.js";
import { findPrefecture, PREFECTURES } from "../domain/prefectures.js";
import { joinItems, joinParts, splitItems, splitParts } from "./cells.js";

/** One cell read differently from how it was written. */
export interface CellChange {
  readonly column: string;
  readonly found: string;
  readonly now: string;
  readonly why: string;
}

/** A reading of one value: the canonical text and why, or null when it stays as it is. */
type Reading = { readonly text: string; readonly why: string } | null;

/** Lower case, no spaces, hyphens, underscores or dots: how labels are compared. */
const squash = (text: string): string => text.toLowerCase().replace(/[\s\-_.]+/g, "");

/** Full-width ASCII (U+FF01..FF5E), the ideographic space and the full-width yen sign to their plain forms. */
const plain = (text: string): string =>
  text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ").replace(/\uffe5/g, "\u00a5");

/** Latin letters without their accents or macrons (Ō -> O). */
const unaccented = (text: string): string => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

// ---------------------------------------------------------------------------
// Japanese levels

const JFT_BANDS: Readonly<Record<string, string>> = { a1: "JFT-Basic A1", "a2.1": "JFT-Basic A2.1", a2: "JFT-Basic A2", "a2.2": "JFT-Basic A2.2" };

/** `N 4`, `n3`, `JLPT N4`, `JLPT-N4` to `N4`; `JFT A2`, `jft-basic a2`, `JFTBasic A2.1` to `JFT-Basic A2` / `JFT-Basic A2.1`. */
export const readLevel = (text: string, requirement = false): string | null => {
  const t = text.trim().toLowerCase();
  const n = /^(?:jlpt[\s\-_]*)?n[\s\-_]*([1-5])$/.exec(t);
  if (n !== null) return `N${n[1]}`;
  if (requirement) return null;
  const j = /^jft(?:[\s\-_]*basic)?[\s\-_]*(a1|a2(?:\.[12])?)$/.exec(t);
  return j === null ? null : (JFT_BANDS[j[1] as string] ?? null);
};

// ---------------------------------------------------------------------------
// Prefectures

const PREFECTURE_KEYS = new Map<string, string>();
for (const p of PREFECTURES) {
  PREFECTURE_KEYS.set(p.code, p.code);
  PREFECTURE_KEYS.set(String(Number(p.code)), p.code);
  PREFECTURE_KEYS.set(squash(p.name), p.code);
  PREFECTURE_KEYS.set(p.nameJa, p.code);
  // 香川県 -> 香川, 大阪府 -> 大阪, 東京都 -> 東京 (北海道 keeps its 道)
  if (/[県府都]$/.test(p.nameJa)) PREFECTURE_KEYS.set(p.nameJa.slice(0, -1), p.code);
}

/** A prefecture's JIS code from its code, its English or Japanese name in any of the common spellings; null when none matches. */
export const readPrefecture = (text: string): string | null => {
  const t = unaccented(plain(text)).trim();
  const direct = PREFECTURE_KEYS.get(t) ?? PREFECTURE_KEYS.get(squash(t));
  if (direct !== undefined) return direct;
  // Kagawa-ken, Osaka fu, Tokyo-to, Kagawa Prefecture: a suffix after a separator.
  const m = /^(.+?)[\s\-_]+(ken|fu|to|do|prefecture|pref\.?)$/i.exec(t);
  return m === null ? null : (PREFECTURE_KEYS.get(squash(m[1] as string)) ?? null);
};

// ---------------------------------------------------------------------------
// Fields, sectors, job categories, routes, industries

const FIELD_KEYS = new Map<string, string>();
const CATEGORY_KEYS = new Map<string, string>();
for (const c of FIELD_CATALOGUES) {
  for (const f of c.fields) {
    for (const key of [f.id, f.name, f.nameJa]) FIELD_KEYS.set(squash(plain(key)), f.id);
    for (const j of f.jobCategories) for (const key of [j.id, j.name]) CATEGORY_KEYS.set(squash(key), j.id);
  }
}
const SECTOR_KEYS = new Map<string, string>(SECTORS.map((s) => [squash(s), s]));

/** An SSW field id from its id or label in any case (`Food service`, `food_service`, `外食業`); with `sectors`, a pilot sector too. */
export const readField = (text: string, sectors = false): string | null => {
  const k = squash(plain(text));
  return (sectors ? SECTOR_KEYS.get(k) : undefined) ?? FIELD_KEYS.get(k) ?? null;
};

/** A job category id from its id or label (`Taxi driver`). */
export const readJobCategory = (text: string): string | null => CATEGORY_KEYS.get(squash(plain(text))) ?? null;

const ROUTES: Readonly<Record<string, string>> = {
  skillstest: "skills-test",
  skilltest: "skills-test",
  titp2: "titp-2",
  titpno2: "titp-2",
  titpii: "titp-2",
  careschool: "care-school",
  epa: "epa",
};

/** A certification route from its common spellings (`Skills test`, `TITP No. 2`, `care school`). */
export const readRoute = (text: string): string | null => ROUTES[squash(plain(text))] ?? null;

// ---------------------------------------------------------------------------
// Numbers and wages

/** `1,050`, `¥1,100`, `1100円`, `1100 yen`, `JPY 1100` to the plain number; null when it is not one of these. */
export const readAmount = (text: string, money: boolean): string | null => {
  let t = plain(text).trim();
  if (money) t = t.replace(/^(?:¥|\\|jpy)\s*/i, "").replace(/\s*(?:円|yen|jpy)$/i, "");
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
  return /^\d+(?:\.\d+)?$/.test(t) ? t : null;
};

// ---------------------------------------------------------------------------
// Columns

const reading = (found: string, now: string | null, why: string): Reading => (now === null || now === found ? null : { text: now, why });

const widthWhy = (_found: string): string => "full-width characters";

/** Reads one value (a whole cell, or one item of a list cell). */
type ValueReader = (value: string) => Reading;

const byKind = (read: (t: string) => string | null, why: string): ValueReader => (value) => {
  const t = value.trim();
  const now = read(t);
  if (now === null || now === t) return null;
  const width = plain(t) !== t;
  const rest = read(plain(t)) === plain(t);
  return { text: now, why: width && rest ? widthWhy(t) : width ? `${widthWhy(t)}; ${why}` : why };
};

const LEVEL = byKind((t) => readLevel(plain(t)), "level spelling");
const REQUIREMENT = byKind((t) => readLevel(plain(t), true), "level spelling");
/** Spellings the decoder already takes (a code, the English name in any case, the full Japanese name) stay; others become the English name. */
const PREFECTURE = byKind((t) => (findPrefecture(t) !== undefined ? t : (findPrefecture(readPrefecture(t) ?? "")?.name ?? null)), "prefecture spelling");
const FIELD = byKind((t) => readField(t), "field label");
const FIELD_OR_SECTOR = byKind((t) => readField(t, true), "field or sector label");
const CATEGORY = byKind(readJobCategory, "job category label");
const COUNT = byKind((t) => readAmount(t, false), "thousands separator");
const WAGE = byKind((t) => readAmount(t, true), "yen sign or thousands separator");
const PLAIN = byKind(plain, "");
const AS_IS = (): Reading => null;

/** A list cell read item by item (items are `;`-separated, parts `:`-separated; see ./cells.ts). */
const listOf = (...parts: readonly ValueReader[]) => (cell: string): Reading => {
  const whys = new Set<string>();
  const items = splitItems(plain(cell)).map((item) => {
    const values = splitParts(item);
    return joinParts(
      values.map((v, i) => {
        const r = (parts[i] ?? PLAIN)(v);
        if (r === null) return v;
        whys.add(r.why);
        return r.text;
      }),
    );
  });
  if (plain(cell) !== cell) whys.add(widthWhy(cell));
  const text = joinItems(items);
  return whys.size === 0 || text === cell.trim() ? null : { text, why: [...whys].join("; ") };
};

/**
 * How each column's cells are read. Columns not named here are free text
 * (ids, names, training centres, provinces, groups, skill names) and stay
 * exactly as typed: a full-width id is another id, not a spelling.
 */
const READERS: Readonly<Record<"workers" | "employers", Readonly<Record<string, (cell: string) => Reading>>>> = {
  workers: {
    language: listOf(LEVEL),
    certifications: listOf(FIELD, byKind(readRoute, "route spelling")),
    preferredFields: listOf(FIELD_OR_SECTOR),
    preferredPrefectures: listOf(PREFECTURE),
  },
  employers: {
    prefecture: PREFECTURE,
    field: FIELD,
    jobCategory: CATEGORY,
    slots: COUNT,
    hourlyWage: WAGE,
    minLanguage: REQUIREMENT,
    fullTimeStaff: COUNT,
    japaneseCareStaff: COUNT,
  },
};

/** A record (column to cell) with every cell read as above, and what changed. */
export const normaliseRecord = (
  kind: "workers" | "employers",
  record: Readonly<Record<string, string>>,
): { readonly record: Record<string, string>; readonly changes: readonly CellChange[] } => {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const changes: CellChange[] = [];
  for (const [column, cell] of Object.entries(record)) {
    const r = cell.trim() === "" ? null : (READERS[kind][column] ?? AS_IS)(cell);
    out[column] = r === null ? cell : r.text;
    if (r !== null) changes.push({ column, found: cell.trim(), now: r.text, why: r.why });
  }
  return { record: out, changes };
};
