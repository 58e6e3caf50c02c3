/**
 * The instance's sections that are not rows of workers or employers, as
 * sheets of their own, so that everything the instance JSON can say a
 * spreadsheet can say:
 *
 * - `support-organisations` (.csv, or a sheet of that name): one registered
 *   support organisation a row: `id, name, officers, workers, employers`
 *   (`supportOrganisations` of the JSON);
 * - `expected-wages`: one minimum wage revision not yet published a row:
 *   `prefecture, industry, amount, from, note`
 *   (`reference.expectedMinimumWages`);
 * - `settings`: one setting a row, `setting, value`, the setting named by
 *   its place in the JSON: `placement.start`, `placement.months`,
 *   `placement.wages`, `placement.startToleranceDays`, `reference.asOf`, `reference.fieldCatalogue`,
 *   `reference.minimumWages.<prefecture>`, `weights.<name>`.
 *
 * Reading converts and never judges (as ./rows.ts): the instance decoder
 * checks the values, and ./locate.ts points its issues back at these rows.
 * A setting name in another case or spacing (`Placement start`) is read as
 * the setting, with a notice; an unknown one is an issue with a "did you
 * mean".
 *
 * @example
 * // settings.csv
 * // setting,value
 * // placement.start,2026-10-01
 * // placement.wages,raise
 */
import type { InstanceInput, WeightsInput } from "../input/codecs.js";
import { at, issue, type InputIssue } from "../input/issues.js";
import type { InputNotice } from "../input/notices.js";
import { editDistance } from "../input/spelling.js";
import { numberCell, putCell, type Columns } from "./rows.js";

/** The sheets of an instance beyond workers and employers. */
export type SectionSheet = "supportOrganisations" | "expectedWages" | "settings";

/** Every sheet of an instance, as its kind. */
export type SheetKind = "workers" | "employers" | SectionSheet;

/** Each sheet's name in a workbook, and its CSV file's name without `.csv`. */
export const SHEET_NAMES: Readonly<Record<SheetKind, string>> = {
  workers: "workers",
  employers: "employers",
  supportOrganisations: "support-organisations",
  expectedWages: "expected-wages",
  settings: "settings",
};

/** The columns of support-organisations.csv. */
export const SUPPORT_ORGANISATION_COLUMNS: Columns = { order: ["id", "name", "officers", "workers", "employers"], required: ["id", "officers"] };

/** The columns of expected-wages.csv. */
export const EXPECTED_WAGE_COLUMNS: Columns = { order: ["prefecture", "industry", "amount", "from", "note"], required: ["prefecture", "amount", "from"] };

/** The columns of settings.csv. */
export const SETTING_COLUMNS: Columns = { order: ["setting", "value"], required: ["setting", "value"] };

type Row = Readonly<Record<string, string>>;
type Out = Record<string, unknown>;

/** A support-organisations.csv record as an organisation of the input format. */
export const rowToOrganisation = (r: Row): Out => {
  const out: Out = {};
  putCell(out, "id", r.id);
  putCell(out, "name", r.name);
  for (const k of ["officers", "workers", "employers"]) putCell(out, k, r[k], numberCell);
  return out;
};

/** An expected-wages.csv record as an expected minimum wage of the input format. */
export const rowToExpectedWage = (r: Row): Out => {
  const out: Out = {};
  putCell(out, "prefecture", r.prefecture);
  putCell(out, "industry", r.industry);
  putCell(out, "amount", r.amount, numberCell);
  putCell(out, "from", r.from);
  putCell(out, "note", r.note);
  return out;
};

const opt = (v: string | number | undefined): string => (v === undefined ? "" : String(v));

/** The instance's support organisations as support-organisations.csv records. */
export const organisationRows = (input: InstanceInput): Row[] =>
  (input.supportOrganisations ?? []).map((o) => ({ id: o.id, name: opt(o.name), officers: String(o.officers), workers: opt(o.workers), employers: opt(o.employers) }));

/** The instance's expected minimum wages as expected-wages.csv records. */
export const expectedWageRows = (input: InstanceInput): Row[] =>
  (input.reference?.expectedMinimumWages ?? []).map((x) => ({ prefecture: x.prefecture, industry: opt(x.industry), amount: String(x.amount), from: x.from, note: opt(x.note) }));

// ---------------------------------------------------------------------------
// Settings

/** How a setting's value is read: a date, a whole number, yen, or text. */
export type SettingKind = "date" | "count" | "yen" | "text";

// Every weight, checked by the compiler against the format's weights.
const WEIGHTS: Readonly<Record<keyof Required<WeightsInput>, null>> = {
  fieldPreference: null,
  prefecturePreference: null,
  preferredSkills: null,
  languageAboveRequirement: null,
  wageAboveMinimum: null,
};

/** The settings with a fixed name, and how each is read. */
export const SETTINGS: Readonly<Record<string, SettingKind>> = {
  "placement.start": "date",
  "placement.months": "count",
  "placement.wages": "text",
  "placement.startToleranceDays": "count",
  "reference.asOf": "date",
  "reference.fieldCatalogue": "text",
  ...Object.fromEntries(Object.keys(WEIGHTS).map((w) => [`weights.${w}`, "count"])),
};

/** A minimum wage override: `reference.minimumWages.` and the prefecture (code or name). */
export const MINIMUM_WAGE_SETTING = "reference.minimumWages.";

const squash = (x: string): string => x.normalize("NFKC").toLowerCase().replace(/[\s_.-]/g, "");

/** The setting a name means: itself, the same in another case or spacing, or null. */
export const settingNamed = (name: string): string | null => {
  const t = name.normalize("NFKC").trim();
  if (t in SETTINGS) return t;
  if (t.startsWith(MINIMUM_WAGE_SETTING) && t.length > MINIMUM_WAGE_SETTING.length) return t;
  const same = Object.keys(SETTINGS).find((k) => squash(k) === squash(t));
  if (same !== undefined) return same;
  const prefix = /^reference[\s_.-]*minimum[\s_.-]*wages?[\s_.-]+(.+)$/i.exec(t);
  return prefix === null ? null : `${MINIMUM_WAGE_SETTING}${(prefix[1] as string).trim()}`;
};

/** How a setting's value is read (null for an unknown setting). */
export const settingKind = (setting: string): SettingKind | null => SETTINGS[setting] ?? (setting.startsWith(MINIMUM_WAGE_SETTING) ? "yen" : null);

/** The instance's settings as settings.csv records, in a fixed order. */
export const settingRows = (input: InstanceInput): Row[] => {
  const rows: Row[] = [];
  const add = (setting: string, value: string | number | undefined): void => {
    if (value !== undefined) rows.push({ setting, value: String(value) });
  };
  add("placement.start", input.placement?.start);
  add("placement.months", input.placement?.months);
  add("placement.wages", input.placement?.wages);
  add("placement.startToleranceDays", input.placement?.startToleranceDays);
  add("reference.asOf", input.reference?.asOf);
  add("reference.fieldCatalogue", input.reference?.fieldCatalogue);
  for (const [key, amount] of Object.entries(input.reference?.minimumWages ?? {})) add(`${MINIMUM_WAGE_SETTING}${key}`, amount);
  for (const w of Object.keys(WEIGHTS) as (keyof WeightsInput)[]) add(`weights.${w}`, input.weights?.[w]);
  return rows;
};

/** What the settings sheet says: the sections it fills, the row of each setting (by its JSON path), and its issues and notices. */
export interface Settings {
  readonly placement?: Out;
  readonly reference?: Out;
  readonly weights?: Out;
  /** Spreadsheet row of each setting, by the JSON path the decoder names it with (`placement.start`, `reference.minimumWages.37`). */
  readonly rows: Readonly<Record<string, number>>;
  readonly issues: readonly InputIssue[];
  readonly notices: readonly InputNotice[];
}

/** The JSON path of a setting: `reference.minimumWages.<key>` as the decoder writes it. */
const pathOf = (setting: string): string =>
  setting.startsWith(MINIMUM_WAGE_SETTING) ? at("reference.minimumWages", setting.slice(MINIMUM_WAGE_SETTING.length)) : setting;

const nearest = (name: string): string | null => {
  let best: string | null = null;
  let bestD = 4;
  for (const k of Object.keys(SETTINGS)) {
    const d = editDistance(squash(name), squash(k));
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
};

/** The settings sheet's records (./table.ts: `setting` and `value` columns) as the sections they fill; see the module comment. */
export const readSettings = (records: readonly Row[], rows: readonly number[], file: string): Settings => {
  const sections: Record<"placement" | "reference" | "weights", Out> = { placement: {}, reference: {}, weights: {} };
  const where: Record<string, number> = {};
  const issues: InputIssue[] = [];
  const notices: InputNotice[] = [];
  records.forEach((r, k) => {
    const row = rows[k] ?? 0;
    const typed = (r.setting ?? "").trim();
    const setting = settingNamed(typed);
    if (setting === null) {
      const near = nearest(typed);
      issues.push(
        issue(
          "unknown-property",
          `${file} row ${row}, column setting`,
          near === null ? `one of ${Object.keys(SETTINGS).join(", ")}, or ${MINIMUM_WAGE_SETTING}<prefecture>` : `did you mean "${near}"?`,
          typed,
        ),
      );
      return;
    }
    if (setting !== typed) notices.push({ code: "normalised", path: `${file} row ${row}, column setting`, found: typed, now: setting, message: "setting name spelling" });
    const path = pathOf(setting);
    if (where[path] !== undefined) {
      issues.push(issue("inconsistent", `${file} row ${row}, column setting`, `each setting once ("${setting}" is also row ${where[path]})`, typed));
      return;
    }
    where[path] = row;
    const [section, ...rest] = setting.split(".") as ["placement" | "reference" | "weights", ...string[]];
    const value = r.value ?? "";
    if (setting.startsWith(MINIMUM_WAGE_SETTING)) {
      const wages = (sections.reference.minimumWages ??= Object.create(null) as Out) as Out;
      putCell(wages, setting.slice(MINIMUM_WAGE_SETTING.length), value, numberCell);
    } else {
      putCell(sections[section], rest.join("."), value, settingKind(setting) === "count" ? numberCell : (c) => c);
    }
  });
  const filled = (o: Out): Out | undefined => (Object.keys(o).length === 0 ? undefined : o);
  return {
    ...(filled(sections.placement) === undefined ? {} : { placement: sections.placement }),
    ...(filled(sections.reference) === undefined ? {} : { reference: sections.reference }),
    ...(filled(sections.weights) === undefined ? {} : { weights: sections.weights }),
    rows: where,
    issues,
    notices,
  };
};
