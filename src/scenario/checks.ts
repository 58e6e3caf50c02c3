/**
 * Checks on scenario parts that types cannot express, shared by the decoder
 * (./decode.ts) and the variations (./variations.ts): prefectures that
 * exist, fields in the catalogue, no repeats, and demand the generator can
 * honour (slots need employers, at most SLOT_RANGE slots each).
 *
 * Every check returns located issues (never throws), with paths into the
 * scenario such as `prefectures[2].demand[0].field`.
 */
import { findField, type FieldCatalogue } from "../domain/fields.js";
import { findPrefecture } from "../domain/prefectures.js";
import { SLOT_RANGE } from "../generate/facts.js";
import { at, issue, type InputIssue } from "../input/issues.js";
import { LIMITS, thousands } from "../input/limits.js";
import type { FieldDemand, PrefectureDemand, Scenario } from "./types.js";

/** Issues plus a value that is usable when there are none. */
export interface Checked<T> {
  readonly issues: readonly InputIssue[];
  readonly value: T;
}

/** The JIS code of a prefecture code or name, or an issue at `path`. */
export const checkPrefecture = (ref: string, path: string): Checked<string> => {
  const p = findPrefecture(ref);
  return p === undefined
    ? { issues: [issue("unknown-prefecture", path, "a JIS prefecture code 01..47 or a prefecture name", ref)], value: ref }
    : { issues: [], value: p.code };
};

/** An SSW field id of the catalogue, or an issue at `path`. */
export const checkField = (field: string, path: string, catalogue: FieldCatalogue): InputIssue[] =>
  findField(catalogue, field) === undefined
    ? [issue("unknown-field", path, `an SSW field id of catalogue ${catalogue.version}`, field)]
    : [];

/** One field's demand: a known field, employers for the slots, at most SLOT_RANGE slots per employer. */
const checkFieldDemand = (d: FieldDemand, path: string, catalogue: FieldCatalogue): InputIssue[] => {
  const issues = checkField(d.field, at(path, "field"), catalogue);
  const [, most] = SLOT_RANGE.value;
  if (d.slots > 0 && d.employers === 0) {
    issues.push(issue("inconsistent", at(path, "employers"), `at least 1 employer for ${d.slots} slots`, d.employers));
  } else if (d.slots > d.employers * most) {
    issues.push(
      issue("inconsistent", at(path, "employers"), `at least ${Math.ceil(d.slots / most)} employers for ${d.slots} slots (at most ${most} each)`, d.employers),
    );
  }
  return issues;
};

/** A demand list: each entry checked, each field at most once. */
export const checkDemandList = (demand: readonly FieldDemand[], path: string, catalogue: FieldCatalogue): InputIssue[] => {
  const seen = new Set<string>();
  return demand.flatMap((d, j) => {
    const p = at(path, j);
    const issues = checkFieldDemand(d, p, catalogue);
    if (seen.has(d.field)) issues.push(issue("duplicate-id", at(p, "field"), "each field at most once per prefecture", d.field));
    seen.add(d.field);
    return issues;
  });
};

/** The prefecture list: known, distinct prefectures (as JIS codes), each with a valid demand list. */
export const checkPrefectures = (
  prefectures: readonly PrefectureDemand[],
  path: string,
  catalogue: FieldCatalogue,
): Checked<PrefectureDemand[]> => {
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  const value = prefectures.map((p, i) => {
    const here = at(path, i);
    const code = checkPrefecture(p.prefecture, at(here, "prefecture"));
    for (const item of code.issues) issues.push(item);
    if (code.issues.length === 0 && seen.has(code.value)) {
      issues.push(issue("duplicate-id", at(here, "prefecture"), "each prefecture at most once", p.prefecture));
    }
    seen.add(code.value);
    for (const item of checkDemandList(p.demand, at(here, "demand"), catalogue)) issues.push(item);
    return { prefecture: code.value, demand: p.demand };
  });
  return { issues, value };
};

/**
 * The scenario's sizes within LIMITS (src/input/limits.ts): the cohort, each
 * field's employers and slots in a prefecture, and employers and slots over
 * the whole scenario. A variation can grow a scenario past them (`scale*1000`),
 * so they are checked after every change, before anything is drawn; the
 * issue is located at `path` (the change, or "" for the scenario itself) and
 * names the first size that is too large.
 */
export const checkSizes = (s: Scenario, path: string, received: unknown = undefined): InputIssue[] => {
  const too = (what: string, limit: number, value: number): InputIssue[] => [
    issue("inconsistent", path, `${path === "" ? "a scenario" : "a change"} that keeps ${what} at most ${thousands(limit)} (it would be ${thousands(value)})`, received ?? value),
  ];
  if (s.cohort.size > LIMITS.cohort) return too("the cohort", LIMITS.cohort, s.cohort.size);
  let employers = 0;
  let slots = 0;
  for (const p of s.prefectures) {
    for (const d of p.demand) {
      if (d.slots > LIMITS.demandSlots) return too(`the slots of ${d.field} in ${p.prefecture}`, LIMITS.demandSlots, d.slots);
      if (d.employers > LIMITS.demandEmployers) return too(`the employers of ${d.field} in ${p.prefecture}`, LIMITS.demandEmployers, d.employers);
      employers += d.employers;
      slots += d.slots;
    }
  }
  if (employers > LIMITS.scenarioEmployers) return too("the employers of all prefectures", LIMITS.scenarioEmployers, employers);
  if (slots > LIMITS.scenarioSlots) return too("the slots of all prefectures", LIMITS.scenarioSlots, slots);
  return [];
};
