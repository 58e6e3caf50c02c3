/**
 * The skill vocabulary of an instance: every skill name the workers hold and
 * the employers (and the law, for a job category) require or prefer. Skill
 * names are free text, so a typo in a required skill would silently exclude
 * every worker; this check says so instead, as notices:
 *
 * - `did-you-mean`: a required or preferred skill that no worker holds, one
 *   or two edits from one that workers do hold (`weldng` required, `welding`
 *   held); or a worker's skill that no employer asks for, near one that
 *   employers ask for and other workers hold;
 * - `skill-unheld`: a required skill that no worker holds, so nobody can
 *   fill that employer's slots.
 *
 * Names are compared as the decoder keeps them: trimmed, lower case. Paths
 * are JSON paths into the input (`employers[3].requiredSkills[0].name`); a
 * spreadsheet caller points them at cells (../io/locate.ts).
 *
 * @example
 * skillNotices({ workers: [{ skills: [{ name: "welding" }] }], employers: [{ requiredSkills: [{ name: "weldng" }] }] })
 * // [{ code: "did-you-mean", path: "employers[0].requiredSkills[0].name", found: "weldng", now: "welding", ... }]
 */
import { FIELD_CATALOGUES } from "../domain/fields.js";
import type { InputNotice } from "./notices.js";
import { editDistance } from "./spelling.js";

const key = (name: string): string => name.trim().toLowerCase();

const list = (x: unknown): readonly unknown[] => (Array.isArray(x) ? x : []);
const field = (x: unknown, k: string): unknown => (typeof x === "object" && x !== null ? (x as Record<string, unknown>)[k] : undefined);

/** Skill names a job category requires by law (a driving licence), by category id. */
const STATUTORY = new Map<string, readonly string[]>(
  FIELD_CATALOGUES.flatMap((c) => c.fields.flatMap((f) => f.jobCategories.map((j) => [j.id, j.requiredSkills ?? []] as const))),
);

/** The vocabulary notices of an instance input (well formed or not: what is not a name is skipped). */
export const skillNotices = (input: unknown): InputNotice[] => {
  const held = new Map<string, string>(); // key -> first path
  list(field(input, "workers")).forEach((w, i) =>
    list(field(w, "skills")).forEach((s, k) => {
      const name = field(s, "name");
      if (typeof name === "string" && name.trim() !== "" && !held.has(key(name))) held.set(key(name), `workers[${i}].skills[${k}].name`);
    }),
  );
  const asked: { name: string; path: string; required: boolean }[] = [];
  list(field(input, "employers")).forEach((e, i) => {
    for (const [prop, required] of [["requiredSkills", true], ["preferredSkills", false]] as const) {
      list(field(e, prop)).forEach((s, k) => {
        const name = field(s, "name");
        if (typeof name === "string" && name.trim() !== "") asked.push({ name, path: `employers[${i}].${prop}[${k}].name`, required });
      });
    }
    const category = field(e, "jobCategory");
    if (typeof category === "string") for (const name of STATUTORY.get(category) ?? []) asked.push({ name, path: `employers[${i}].jobCategory`, required: true });
  });
  const askedKeys = new Set(asked.map((a) => key(a.name)));
  const near = (name: string, among: Iterable<string>): string | undefined => {
    let best: string | undefined;
    let bestD = 3;
    for (const other of among) {
      if (other === name) continue;
      const d = editDistance(name, other);
      if (d < bestD && d <= Math.max(1, Math.floor(name.length / 4))) [best, bestD] = [other, d];
    }
    return best;
  };
  const out: InputNotice[] = [];
  const told = new Set<string>();
  for (const a of asked) {
    const k = key(a.name);
    if (held.has(k) || told.has(`${a.path}`)) continue;
    const suggestion = near(k, held.keys());
    if (suggestion !== undefined) {
      out.push({ code: "did-you-mean", path: a.path, found: a.name, now: suggestion, message: `no worker holds "${k}" (${a.required ? "required" : "preferred"})` });
    } else if (a.required) {
      out.push({ code: "skill-unheld", path: a.path, found: a.name, now: null, message: `no worker holds the required skill "${k}": nobody can fill these slots` });
    }
    told.add(a.path);
  }
  // A worker's skill near one that employers ask for and other workers hold: the worker's spelling is the odd one.
  for (const [k, path] of held) {
    if (askedKeys.has(k)) continue;
    const suggestion = near(k, [...askedKeys].filter((a) => held.has(a)));
    if (suggestion !== undefined) out.push({ code: "did-you-mean", path, found: k, now: suggestion, message: "no employer asks for this skill; employers ask for a near one that other workers hold" });
  }
  return out;
};
