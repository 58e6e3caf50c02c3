/**
 * One CSV row to one worker or employer of the input format, and back: the
 * columns, and how each cell is read and written (./cells.ts for lists).
 *
 * Reading converts and never judges: a number-looking cell becomes a number,
 * `true`/`false` (also yes/no, 1/0) a boolean, anything else stays text for
 * the instance decoder to report. An empty cell is no value (an empty
 * `language` cell is an empty list: a worker with no test result).
 *
 * workers.csv: id, language, careJapaneseTest, certifications (`field:route`),
 * skills (`name:level:years`, level and years optional), preferredFields,
 * preferredPrefectures, trainingCentre, homeProvince, group (a family or a
 * village placed together, see the policy's `groups`).
 * employers.csv: id, name, prefecture, field, jobCategory, slots, hourlyWage,
 * minLanguage, requiredSkills, preferredSkills (`name:level:years`), industry,
 * fullTimeStaff, japaneseCareStaff.
 */
import type { EmployerInput, SkillInput, WorkerInput } from "../input/codecs.js";
import { joinItems, joinParts, splitItems, splitParts, unescapeText } from "./cells.js";

/** The columns of a CSV file. */
export interface Columns {
  /** Every column, in the order files are written. */
  readonly order: readonly string[];
  /** Columns a file must have. */
  readonly required: readonly string[];
}

/** The columns of workers.csv. */
export const WORKER_COLUMNS: Columns = {
  order: ["id", "language", "careJapaneseTest", "certifications", "skills", "preferredFields", "preferredPrefectures", "trainingCentre", "homeProvince", "group"],
  required: ["id", "language", "trainingCentre", "homeProvince"],
};

/** The columns of employers.csv. */
export const EMPLOYER_COLUMNS: Columns = {
  order: [
    "id",
    "name",
    "prefecture",
    "field",
    "jobCategory",
    "slots",
    "hourlyWage",
    "minLanguage",
    "requiredSkills",
    "preferredSkills",
    "industry",
    "fullTimeStaff",
    "japaneseCareStaff",
  ],
  required: ["id", "prefecture", "field", "slots", "hourlyWage"],
};

type Row = Readonly<Record<string, string>>;
type Out = Record<string, unknown>;

const number = (cell: string): number | string => {
  const t = cell.trim();
  const n = Number(t);
  return t !== "" && Number.isFinite(n) && /^[-+0-9.eE]+$/.test(t) ? n : cell;
};

const boolean = (cell: string): boolean | string => {
  const t = cell.trim().toLowerCase();
  return ["true", "yes", "1"].includes(t) ? true : ["false", "no", "0"].includes(t) ? false : cell;
};

/** Non-empty items of a list cell. */
const items = (cell: string): string[] => splitItems(cell).filter((i) => i.includes("\\") || unescapeText(i) !== "");

const texts = (cell: string): string[] => items(cell).map(unescapeText);

const skills = (cell: string): Out[] =>
  items(cell).map((item) => {
    const [name, level, years, ...rest] = splitParts(item);
    return {
      name,
      ...(level === undefined || level === "" ? {} : { level: number(level) }),
      ...(years === undefined || years === "" ? {} : { years: number(years) }),
      ...(rest.length > 0 ? { extra: rest.join(":") } : {}),
    };
  });

const certifications = (cell: string): Out[] =>
  items(cell).map((item) => {
    const [field, via, ...rest] = splitParts(item);
    return { field, ...(via === undefined || via === "" ? {} : { via }), ...(rest.length > 0 ? { extra: rest.join(":") } : {}) };
  });

/** Sets `key` from a non-empty cell. */
const put = (out: Out, key: string, cell: string | undefined, read: (c: string) => unknown = (c) => c): void => {
  if (cell !== undefined && cell !== "") out[key] = read(cell);
};

/** A workers.csv record (column to cell) as a worker of the input format. */
export const rowToWorker = (r: Row): Out => {
  const out: Out = {};
  put(out, "id", r.id);
  out.language = texts(r.language ?? "");
  put(out, "careJapaneseTest", r.careJapaneseTest, boolean);
  put(out, "certifications", r.certifications, certifications);
  put(out, "skills", r.skills, skills);
  const fields = texts(r.preferredFields ?? "");
  const prefectures = texts(r.preferredPrefectures ?? "");
  if (fields.length > 0 || prefectures.length > 0) {
    out.preferences = { ...(fields.length > 0 ? { fields } : {}), ...(prefectures.length > 0 ? { prefectures } : {}) };
  }
  put(out, "trainingCentre", r.trainingCentre);
  put(out, "homeProvince", r.homeProvince);
  put(out, "group", r.group);
  return out;
};

/** An employers.csv record as an employer of the input format. */
export const rowToEmployer = (r: Row): Out => {
  const out: Out = {};
  put(out, "id", r.id);
  put(out, "name", r.name);
  put(out, "prefecture", r.prefecture);
  put(out, "field", r.field);
  put(out, "jobCategory", r.jobCategory);
  put(out, "slots", r.slots, number);
  put(out, "minLanguage", r.minLanguage);
  put(out, "requiredSkills", r.requiredSkills, skills);
  put(out, "preferredSkills", r.preferredSkills, skills);
  put(out, "hourlyWage", r.hourlyWage, number);
  put(out, "industry", r.industry);
  put(out, "fullTimeStaff", r.fullTimeStaff, number);
  put(out, "japaneseCareStaff", r.japaneseCareStaff, number);
  return out;
};

const skillCell = (list: readonly SkillInput[] | undefined): string =>
  joinItems((list ?? []).map((s) => joinParts([s.name, s.level === undefined ? "" : String(s.level), s.years === undefined ? "" : String(s.years)])));

const listCell = (list: readonly string[] | undefined): string => joinItems((list ?? []).map((x) => joinParts([x])));

const opt = (v: string | number | undefined): string => (v === undefined ? "" : String(v));

/** A worker as a workers.csv record. */
export const workerToRow = (w: WorkerInput): Row => ({
  id: w.id,
  language: listCell(w.language),
  careJapaneseTest: w.careJapaneseTest === undefined ? "" : String(w.careJapaneseTest),
  certifications: joinItems((w.certifications ?? []).map((c) => joinParts([c.field, c.via]))),
  skills: skillCell(w.skills),
  preferredFields: listCell(w.preferences?.fields),
  preferredPrefectures: listCell(w.preferences?.prefectures),
  trainingCentre: w.trainingCentre,
  homeProvince: w.homeProvince,
  group: w.group ?? "",
});

/** An employer as an employers.csv record. */
export const employerToRow = (e: EmployerInput): Row => ({
  id: e.id,
  name: opt(e.name),
  prefecture: e.prefecture,
  field: e.field,
  jobCategory: opt(e.jobCategory),
  slots: String(e.slots),
  hourlyWage: String(e.hourlyWage),
  minLanguage: opt(e.minLanguage),
  requiredSkills: skillCell(e.requiredSkills),
  preferredSkills: skillCell(e.preferredSkills),
  industry: opt(e.industry),
  fullTimeStaff: opt(e.fullTimeStaff),
  japaneseCareStaff: opt(e.japaneseCareStaff),
});
