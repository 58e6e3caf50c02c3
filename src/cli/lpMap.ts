/**
 * The map beside an exported LP file (`jobmatch export-lp --out model.lp`
 * writes model.map.json): what each generated name in the LP stands for, in
 * the instance's own terms, so an outside solver's answer can be read back.
 *
 * - `x{a}`: workers of one worker class placed with employers of one
 *   employer class; the entry lists both classes' members (worker and
 *   employer ids) and the score of the pair.
 * - `u{k}` / `v{k}`: how far a soft policy falls below its min / rises
 *   above its max; `y{g}r{r}` / `z{g}`: a group placed in region r / split.
 * - rows `w{c}` (supply of worker class c), `e{j}` (capacity of employer
 *   class j), and the side, policy and group rows with their labels.
 *
 * The names are the LP writer's (../engine/lpFormat.ts via ../model/mip.ts);
 * this module only reads them.
 */
import type { Instance } from "../input/instance.js";
import type { BuiltModel } from "../model/build.js";
import { toMip } from "../model/mip.js";
import { arcAt } from "../model/types.js";

/** What one LP variable stands for. */
export type LpVariable =
  | {
      readonly kind: "placement";
      readonly workerClass: number;
      readonly employerClass: number;
      /** The score of a placement of this pair (the objective adds the placement weight). */
      readonly score: number;
      readonly workers: readonly string[];
      readonly employers: readonly string[];
    }
  | { readonly kind: "policy-slack" | "group"; readonly label: string };

/** The map file's content. */
export interface LpMap {
  readonly about: string;
  readonly placementWeight: number;
  readonly variables: Readonly<Record<string, LpVariable>>;
  /** Each row by name: a worker class's ids, an employer class's ids, or the constraint's label. */
  readonly rows: Readonly<Record<string, { readonly workers: readonly string[] } | { readonly employers: readonly string[] } | { readonly label: string }>>;
}

/** The map of `toLP(built.model)`'s names for this instance. */
export const lpMap = (instance: Instance, built: BuiltModel): LpMap => {
  const { model } = built;
  const mip = toMip(model);
  const workerIds = built.workerMembers.map((m) => m.map((i) => instance.workers[i]?.id ?? "?"));
  const employerIds = built.employerMembers.map((m) => m.map((i) => instance.employers[i]?.id ?? "?"));
  const rowLabel = new Map<string, string>();
  for (const row of mip.rows) if (row.label !== null) rowLabel.set(row.name, row.label);
  const variables: Record<string, LpVariable> = {};
  mip.variables.forEach((v, i) => {
    const arc = i < model.arcs.length ? arcAt(model.arcs, i) : undefined;
    if (arc !== undefined) {
      variables[v.name] = { kind: "placement", workerClass: arc.from, employerClass: arc.to, score: arc.score, workers: workerIds[arc.from] ?? [], employers: employerIds[arc.to] ?? [] };
    } else {
      // u/v name a policy row p{k}min/max; y/z a group's rows g{k}...
      const k = /^[uv](\d+)$/.exec(v.name)?.[1];
      const g = /^[yz](\d+)/.exec(v.name)?.[1];
      const label = k !== undefined ? (rowLabel.get(`p${k}min`) ?? rowLabel.get(`p${k}max`)) : g !== undefined ? rowLabel.get(`g${g}one`) : undefined;
      variables[v.name] = { kind: k !== undefined ? "policy-slack" : "group", label: label ?? v.name };
    }
  });
  const rows: Record<string, LpMap["rows"][string]> = {};
  for (const row of mip.rows) {
    const w = /^w(\d+)$/.exec(row.name)?.[1];
    const e = /^e(\d+)$/.exec(row.name)?.[1];
    rows[row.name] = w !== undefined ? { workers: workerIds[Number(w)] ?? [] } : e !== undefined ? { employers: employerIds[Number(e)] ?? [] } : { label: row.label ?? row.name };
  }
  return {
    about: "What the names in the LP file stand for: x variables place workers of one class with employers of one class (both listed by id); rows w and e are the classes' supply and capacity.",
    placementWeight: model.placementWeight,
    variables,
    rows,
  };
};
