/**
 * One CSV row to one worker or employer of the input format, and back: the
 * columns, and how each cell is read and written (./cells.ts for lists).
 *
 * Reading converts and never judges: a number-looking cell becomes a number,
 * `true`/`false` (also yes/no, 1/0) a boolean, anything else stays text for
 * the instance decoder to report. An empty cell is no value (an empty
 * `language` cell is an empty list: a worker with no test result).
 *
 * workers.csv: id, language, careJapaneseTest, certifications
 * (`field:route:jobCategory`, the category optional), skills
 * (`name:level:years`, level and years optional), preferredFields,
 * preferredPrefectures, trainingCentre, homeProvince, group (a family or a
 * village placed together, see the policy's `groups`), birthDate, age,
 * sswMonths, departure (checklist items done), careExperienceMonths,
 * careInitialTraining, formerInternAt, availableFrom (the date the worker can
 * start).
 * employers.csv: id, name, prefecture, field, jobCategory, slots, slotGroups
 * (`slots:start` items, e.g. `3:2026-10-01; 2:2027-04-01`, adding up to
 * slots; empty: all slots from the placement's start), hourlyWage,
 * minLanguage, requiredSkills, preferredSkills (`name:level:years`), industry,
 * fullTimeStaff, japaneseCareStaff, sswEmployed, employment, japaneseWage,
 * support, housing (`beds:areaM2`, or `private`), homeVisitCare, and the
 * declarations, one column each: sectorCouncil, constructionLicence, jac,
 * ccus, acceptancePlan (`approved:headcount`, e.g. `yes:8`), lodgingLicence,
 * entertainmentBusiness, designatedIndustry. The declaration columns are the
 * employer's declarations: a sheet without one declares nothing, and the
 * decoder names each declaration the field needs, at its column.
 *
 * The instance's other sections have sheets of their own: ./sections.ts.
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
  order: [
    "id",
    "language",
    "careJapaneseTest",
    "certifications",
    "skills",
    "preferredFields",
    "preferredPrefectures",
    "trainingCentre",
    "homeProvince",
    "group",
    "birthDate",
    "age",
    "sswMonths",
    "departure",
    "careExperienceMonths",
    "careInitialTraining",
    "formerInternAt",
    "availableFrom",
  ],
  required: ["id", "language", "trainingCentre", "homeProvince"],
};

/** The declarations (`employers[].declarations`), one column each, in the format's order. */
const DECLARATION_COLUMNS = ["sectorCouncil", "constructionLicence", "jac", "ccus", "acceptancePlan", "lodgingLicence", "entertainmentBusiness", "designatedIndustry"] as const;

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
    "sswEmployed",
    "employment",
    "japaneseWage",
    "support",
    "housing",
    "homeVisitCare",
    ...DECLARATION_COLUMNS,
    "slotGroups",
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
    const [field, via, jobCategory, ...rest] = splitParts(item);
    return {
      field,
      ...(via === undefined || via === "" ? {} : { via }),
      ...(jobCategory === undefined || jobCategory === "" ? {} : { jobCategory }),
      ...(rest.length > 0 ? { extra: rest.join(":") } : {}),
    };
  });

/** `beds:areaM2` as provided housing; anything else (such as `private`) as it is, for the decoder to judge. */
const housing = (cell: string): unknown => {
  const [beds, area, ...rest] = splitParts(cell.trim());
  return area === undefined || rest.length > 0 ? unescapeText(cell.trim()) : { beds: number(beds ?? ""), areaM2: number(area) };
};

/** `slots:start` items (`3:2026-10-01`) as slot groups. */
const slotGroups = (cell: string): Out[] =>
  items(cell).map((item) => {
    const [slots, start, ...rest] = splitParts(item);
    return { slots: number(slots ?? ""), ...(start === undefined || start === "" ? {} : { start: start.trim() }), ...(rest.length > 0 ? { extra: rest.join(":") } : {}) };
  });

/** `approved:headcount` (`yes:8`) as an acceptance plan. */
const plan = (cell: string): unknown => {
  const [approved, headcount, ...rest] = splitParts(cell.trim());
  return headcount === undefined || rest.length > 0 ? unescapeText(cell.trim()) : { approved: boolean(approved ?? ""), headcount: number(headcount) };
};

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
  put(out, "birthDate", r.birthDate);
  put(out, "age", r.age, number);
  put(out, "sswMonths", r.sswMonths, number);
  if (r.departure !== undefined) out.departure = texts(r.departure);
  put(out, "careExperienceMonths", r.careExperienceMonths, number);
  put(out, "careInitialTraining", r.careInitialTraining, boolean);
  put(out, "formerInternAt", r.formerInternAt);
  put(out, "availableFrom", r.availableFrom);
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
  put(out, "slotGroups", r.slotGroups, slotGroups);
  put(out, "minLanguage", r.minLanguage);
  put(out, "requiredSkills", r.requiredSkills, skills);
  put(out, "preferredSkills", r.preferredSkills, skills);
  put(out, "hourlyWage", r.hourlyWage, number);
  put(out, "industry", r.industry);
  put(out, "fullTimeStaff", r.fullTimeStaff, number);
  put(out, "japaneseCareStaff", r.japaneseCareStaff, number);
  put(out, "sswEmployed", r.sswEmployed, number);
  put(out, "employment", r.employment);
  put(out, "japaneseWage", r.japaneseWage, number);
  put(out, "support", r.support);
  put(out, "housing", r.housing, housing);
  put(out, "homeVisitCare", r.homeVisitCare, boolean);
  const declarations: Out = {};
  for (const key of DECLARATION_COLUMNS) {
    put(declarations, key, r[key], key === "acceptancePlan" ? plan : key === "lodgingLicence" ? (c) => c : boolean);
  }
  // The declarations are the columns: a sheet without one declares nothing, and the decoder names each declaration the field needs.
  out.declarations = declarations;
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
  certifications: joinItems((w.certifications ?? []).map((c) => joinParts(c.jobCategory === undefined ? [c.field, c.via] : [c.field, c.via, c.jobCategory]))),
  skills: skillCell(w.skills),
  preferredFields: listCell(w.preferences?.fields),
  preferredPrefectures: listCell(w.preferences?.prefectures),
  trainingCentre: w.trainingCentre,
  homeProvince: w.homeProvince,
  group: w.group ?? "",
  birthDate: opt(w.birthDate),
  age: opt(w.age),
  sswMonths: String(w.sswMonths),
  departure: listCell(w.departure),
  careExperienceMonths: opt(w.careExperienceMonths),
  careInitialTraining: w.careInitialTraining === undefined ? "" : String(w.careInitialTraining),
  formerInternAt: opt(w.formerInternAt),
  availableFrom: opt(w.availableFrom),
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
  sswEmployed: opt(e.sswEmployed),
  employment: e.employment,
  japaneseWage: String(e.japaneseWage),
  support: e.support,
  housing: e.housing === "private" ? "private" : joinParts([String(e.housing.beds), String(e.housing.areaM2)]),
  homeVisitCare: e.homeVisitCare === undefined ? "" : String(e.homeVisitCare),
  ...declarationCells(e.declarations),
  slotGroups: joinItems((e.slotGroups ?? []).map((g) => joinParts([String(g.slots), g.start]))),
});

const declarationCells = (d: EmployerInput["declarations"]): Record<(typeof DECLARATION_COLUMNS)[number], string> => ({
  sectorCouncil: d.sectorCouncil === undefined ? "" : String(d.sectorCouncil),
  constructionLicence: d.constructionLicence === undefined ? "" : String(d.constructionLicence),
  jac: d.jac === undefined ? "" : String(d.jac),
  ccus: d.ccus === undefined ? "" : String(d.ccus),
  acceptancePlan: d.acceptancePlan === undefined ? "" : joinParts([String(d.acceptancePlan.approved), String(d.acceptancePlan.headcount)]),
  lodgingLicence: opt(d.lodgingLicence),
  entertainmentBusiness: d.entertainmentBusiness === undefined ? "" : String(d.entertainmentBusiness),
  designatedIndustry: d.designatedIndustry === undefined ? "" : String(d.designatedIndustry),
});

/** The cell readers, for the other sheets of an instance (./sections.ts). */
export { number as numberCell, put as putCell };
