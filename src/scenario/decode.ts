/**
 * Decoding a scenario: unknown JSON in, a checked `Scenario` (prefectures as
 * JIS codes) or every located issue out, in the same `InputIssue` form as
 * instances, so `formatIssues` renders both:
 *
 *     prefectures[1].demand[0].field: expected an SSW field id of catalogue 2024-09, got "nursing"
 *
 * Like the instance decoder it has two passes: the codecs (./types.ts), then
 * the checks types cannot express (./checks.ts), and each bundled variation
 * is applied once so that a bad one is reported here, not half-way through a
 * comparison. Nothing here throws.
 *
 * @example
 * const s = decodeScenario(JSON.parse(text));
 * if (E.isLeft(s)) console.error(formatIssues(s.left));
 */
import * as E from "fp-ts/lib/Either.js";
import { FIELD_CATALOGUES, findCatalogue, type FieldCatalogue } from "../domain/fields.js";
import { GENERATOR_DEFAULTS } from "../generate/generate.js";
import { decodeInstance, issuesFromErrors } from "../input/decode.js";
import { at, capIssues, issue, type InputIssue } from "../input/issues.js";
import { checkField, checkPrefecture, checkPrefectures, checkSizes } from "./checks.js";
import { ScenarioCodec, type CohortInput, type Scenario } from "./types.js";
import { applyVariation } from "./variations.js";

const checkCohort = (c: CohortInput, cat: FieldCatalogue): { issues: InputIssue[]; cohort: CohortInput } => {
  const issues: InputIssue[] = [];
  if (c.fieldMix !== undefined) {
    for (const field of Object.keys(c.fieldMix)) for (const item of checkField(field, at("cohort.fieldMix", field), cat)) issues.push(item);
    if (c.size > 0 && !Object.values(c.fieldMix).some((w) => w > 0)) {
      issues.push(issue("inconsistent", "cohort.fieldMix", "at least one field with a positive weight", c.fieldMix));
    }
  }
  if (c.origins !== undefined) {
    if (c.origins.length === 0 || !c.origins.some((o) => o.weight > 0)) {
      issues.push(issue("inconsistent", "cohort.origins", "at least one origin with a positive weight", c.origins));
    }
    c.origins.forEach((o, i) => {
      if (o.trainingCentres.length === 0) {
        issues.push(issue("inconsistent", `cohort.origins[${i}].trainingCentres`, "at least one training centre", o.trainingCentres));
      }
    });
  }
  let preferred = c.preferredPrefectures;
  if (preferred !== undefined) {
    const checked = preferred.map((p, i) => checkPrefecture(p, `cohort.preferredPrefectures[${i}]`));
    for (const item of checked.flatMap((x) => x.issues)) issues.push(item);
    preferred = checked.map((x) => x.value);
    if (preferred.length === 0) issues.push(issue("inconsistent", "cohort.preferredPrefectures", "at least one prefecture, or no list", []));
  }
  return { issues, cohort: preferred === undefined ? c : { ...c, preferredPrefectures: preferred } };
};

/** The scenario checked and normalised; see the module comment. */
export const decodeScenario = (input: unknown): E.Either<readonly InputIssue[], Scenario> => {
  const decoded = ScenarioCodec.decode(input);
  if (E.isLeft(decoded)) return E.left(issuesFromErrors(decoded.left));
  const s = decoded.right;
  const issues: InputIssue[] = [];

  const version = s.fieldCatalogue ?? GENERATOR_DEFAULTS.fieldCatalogue;
  const cat = findCatalogue(version);
  if (cat === undefined) {
    const known = FIELD_CATALOGUES.map((c) => c.version).join(", ");
    return E.left([issue("inconsistent", "fieldCatalogue", `a field catalogue version (${known})`, version)]);
  }
  const prefectures = checkPrefectures(s.prefectures, "prefectures", cat);
  for (const item of prefectures.issues) issues.push(item);
  if (s.prefectures.length === 0) issues.push(issue("inconsistent", "prefectures", "at least one prefecture", []));
  const cohort = checkCohort(s.cohort, cat);
  for (const item of cohort.issues) issues.push(item);
  for (const item of checkSizes(s, "")) issues.push(item);
  if (issues.length > 0) return E.left(capIssues(issues));

  const scenario: Scenario = { ...s, cohort: cohort.cohort, prefectures: prefectures.value };
  const names = new Set<string>();
  (s.variations ?? []).forEach((v, i) => {
    const path = at(at("variations", i), "name");
    if (names.has(v.name)) issues.push(issue("duplicate-id", path, "a name no other variation has", v.name));
    names.add(v.name);
    const applied = applyVariation(scenario, v, at("variations", i));
    if (E.isLeft(applied)) for (const item of applied.left) issues.push(item);
  });
  return issues.length > 0 ? E.left(capIssues(issues)) : E.right(scenario);
};
