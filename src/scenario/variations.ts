/**
 * Variations: named lists of changes applied to a scenario, as pure
 * functions from scenario to scenario. "What if half the cohort reached N3?"
 * is `{ name: "N3", changes: [{ kind: "language-shift", by: 1 }] }`.
 *
 * A variation changes only what it names (common random numbers): the same
 * workers, and the same employers outside the groups (prefecture and field)
 * it changes. `add-prefecture` keeps the prefectures workers name (it pins
 * `cohort.preferredPrefectures` to the scenario's list), so the new
 * prefecture is no one's stated preference.
 *
 * Slots are whole numbers, so scaling rounds (a cap is shared out by largest
 * remainders); employers follow their slots: never more employers than slots
 * in a field, and enough that no employer needs more than SLOT_RANGE slots.
 *
 * @example
 * const more = applyVariation(scenario, { name: "N3", changes: [{ kind: "language-shift", by: 1 }] });
 * // Right(scenario with cohort.languageShift one higher), or Left(issues at changes[0]...)
 */
import * as E from "fp-ts/lib/Either.js";
import { findCatalogue, type FieldCatalogue } from "../domain/fields.js";
import { SLOT_RANGE } from "../generate/facts.js";
import { GENERATOR_DEFAULTS } from "../generate/generate.js";
import { at, issue, type InputIssue } from "../input/issues.js";
import { apportion } from "../numbers/apportion.js";
import { issuesFromErrors } from "../input/decode.js";
import { checkDemandList, checkField, checkPrefecture, checkSizes } from "./checks.js";
import { ChangeCodec, type Change, type FieldDemand, type PrefectureDemand, type Scenario, type Variation } from "./types.js";

type Applied = E.Either<readonly InputIssue[], Scenario>;

/** Employers for `slots` slots, starting from `employers`: not more than the slots, not fewer than slots / SLOT_RANGE max. */
const employersFor = (employers: number, slots: number): number => {
  const [, most] = SLOT_RANGE.value;
  return slots === 0 ? 0 : Math.max(Math.min(employers, slots), Math.ceil(slots / most), 1);
};

const withSlots = (d: FieldDemand, slots: number): FieldDemand => ({ ...d, slots, employers: employersFor(d.employers, slots) });

const mapDemand = (s: Scenario, f: (d: FieldDemand, prefecture: string) => FieldDemand): Scenario => ({
  ...s,
  prefectures: s.prefectures.map((p) => ({ ...p, demand: p.demand.map((d) => f(d, p.prefecture)) })),
});

/** The scenario's prefecture named by `ref` (code or name), or an issue. */
const inScenario = (s: Scenario, ref: string, path: string): E.Either<InputIssue[], string> => {
  const code = checkPrefecture(ref, path);
  if (code.issues.length > 0) return E.left([...code.issues]);
  return s.prefectures.some((p) => p.prefecture === code.value)
    ? E.right(code.value)
    : E.left([issue("inconsistent", path, `a prefecture of the scenario (${s.prefectures.map((p) => p.prefecture).join(", ")})`, ref)]);
};

const scaleSlots = (s: Scenario, c: Extract<Change, { kind: "scale-slots" }>, path: string, cat: FieldCatalogue): Applied => {
  const issues = c.field === undefined ? [] : checkField(c.field, at(path, "field"), cat);
  const pref = c.prefecture === undefined ? E.right(undefined) : inScenario(s, c.prefecture, at(path, "prefecture"));
  if (E.isLeft(pref)) for (const item of pref.left) issues.push(item);
  if (issues.length > 0 || E.isLeft(pref)) return E.left(issues);
  return E.right(
    mapDemand(s, (d, p) =>
      (c.field === undefined || d.field === c.field) && (pref.right === undefined || p === pref.right) ? withSlots(d, Math.round(d.slots * c.factor)) : d,
    ),
  );
};

const fieldCap = (s: Scenario, c: Extract<Change, { kind: "field-cap" }>, path: string, cat: FieldCatalogue): Applied => {
  const issues = checkField(c.field, at(path, "field"), cat);
  if (issues.length > 0) return E.left(issues);
  const entries = s.prefectures.flatMap((p) => p.demand.filter((d) => d.field === c.field));
  const total = entries.reduce((a, d) => a + d.slots, 0);
  if (total <= c.cap) return E.right(s);
  const shares = apportion(c.cap, entries.map((d) => d.slots));
  const capped = new Map(entries.map((d, i) => [d, shares[i] as number]));
  return E.right(mapDemand(s, (d) => (capped.has(d) ? withSlots(d, capped.get(d) as number) : d)));
};

const addPrefecture = (s: Scenario, c: Extract<Change, { kind: "add-prefecture" }>, path: string, cat: FieldCatalogue): Applied => {
  const code = checkPrefecture(c.prefecture, at(path, "prefecture"));
  if (code.issues.length > 0) return E.left(code.issues);
  if (s.prefectures.some((p) => p.prefecture === code.value)) {
    return E.left([issue("duplicate-id", at(path, "prefecture"), "a prefecture not yet in the scenario", c.prefecture)]);
  }
  if ((c.demand === undefined) === (c.like === undefined)) {
    return E.left([issue("inconsistent", path, "exactly one of demand and like", { demand: c.demand !== undefined, like: c.like !== undefined })]);
  }
  let demand: readonly FieldDemand[];
  if (c.demand !== undefined) {
    const issues = checkDemandList(c.demand, at(path, "demand"), cat);
    if (issues.length > 0) return E.left(issues);
    demand = c.demand;
  } else {
    const like = inScenario(s, c.like as string, at(path, "like"));
    if (E.isLeft(like)) return like;
    const factor = c.factor ?? 1;
    const source = s.prefectures.find((p) => p.prefecture === like.right) as PrefectureDemand;
    demand = source.demand.map((d) => withSlots({ ...d, employers: Math.round(d.employers * factor) }, Math.round(d.slots * factor)));
  }
  // The same people: workers keep naming the prefectures they named before (the cohort is drawn
  // from that list), so the variation adds employers and nothing else.
  const cohort = s.cohort.preferredPrefectures === undefined ? { ...s.cohort, preferredPrefectures: s.prefectures.map((p) => p.prefecture) } : s.cohort;
  return E.right({ ...s, cohort, prefectures: [...s.prefectures, { prefecture: code.value, demand }] });
};

/**
 * One change applied; issues are located under `path` (e.g.
 * `variations[1].changes[0]`). The change is checked against its codec
 * first (a change built in code or from a --vary shorthand has not been
 * decoded), and the scenario it gives against the size limits.
 */
export const applyChange = (s: Scenario, c: Change, path = ""): Applied => {
  const decoded = ChangeCodec.decode(c);
  if (E.isLeft(decoded)) return E.left(issuesFromErrors(decoded.left).map((i) => ({ ...i, path: i.path === "" ? path : path === "" ? i.path : `${path}.${i.path}` })));
  const next = changed(s, c, path);
  if (E.isLeft(next)) return next;
  const sizes = checkSizes(next.right, path, c);
  return sizes.length > 0 ? E.left(sizes) : next;
};

const changed = (s: Scenario, c: Change, path: string): Applied => {
  const version = s.fieldCatalogue ?? GENERATOR_DEFAULTS.fieldCatalogue;
  const cat = findCatalogue(version);
  if (cat === undefined) return E.left([issue("inconsistent", "fieldCatalogue", "a known field catalogue version", version)]);
  switch (c.kind) {
    case "language-shift": {
      const shift = (s.cohort.languageShift ?? 0) + c.by;
      return shift < -4 || shift > 4
        ? E.left([issue("inconsistent", at(path, "by"), `a shift that keeps the cohort's total shift in -4..4 (now ${s.cohort.languageShift ?? 0})`, c.by)])
        : E.right({ ...s, cohort: { ...s.cohort, languageShift: shift } });
    }
    case "cohort-size":
      return E.right({ ...s, cohort: { ...s.cohort, size: c.size } });
    case "scale": {
      const scaled = mapDemand(s, (d) => withSlots({ ...d, employers: Math.round(d.employers * c.factor) }, Math.round(d.slots * c.factor)));
      return E.right({ ...scaled, cohort: { ...s.cohort, size: Math.round(s.cohort.size * c.factor) } });
    }
    case "scale-slots":
      return scaleSlots(s, c, path, cat);
    case "field-cap":
      return fieldCap(s, c, path, cat);
    case "add-prefecture":
      return addPrefecture(s, c, path, cat);
  }
};

/** Every change of the variation in order; the result is named after the scenario and the variation. */
export const applyVariation = (s: Scenario, v: Variation, path = ""): Applied => {
  let current: Scenario = s;
  for (const [j, change] of v.changes.entries()) {
    const next = applyChange(current, change, at(at(path, "changes"), j));
    if (E.isLeft(next)) return next;
    current = next.right;
  }
  const { variations: _dropped, ...rest } = current;
  return E.right({ ...rest, name: `${s.name}/${v.name}`, title: `${s.title ?? s.name}: ${v.name}` });
};
