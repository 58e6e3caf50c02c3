/**
 * Plans as the stability room reads them: placements by worker and employer
 * index, from a result (placements by id) or from any outside source, with
 * every problem as a located issue; and back to the optimiser's class flows,
 * so a plan made elsewhere is assembled and reported like any other.
 */
import * as E from "fp-ts/lib/Either.js";
import type { Employer, Instance, Worker } from "../input/instance.js";
import { at, issue, show, type InputIssue } from "../input/issues.js";
import type { BuiltModel } from "../model/build.js";
import { placedAtHint } from "../result/placedAt.js";
import { exclusions } from "../rules/eligibility.js";

/** A placement by ids, as results and plan files give them. */
export interface PlacementIds {
  readonly workerId: string;
  readonly employerId: string;
}

/**
 * For each worker index, the employer index she is placed with, or -1: from placements by id. The
 * placements of a result `assemblePlan` made come with the plan they were listed from
 * (../result/placedAt.ts), checked against them before it is used; the answer may then be that plan's
 * own array, so readers must not write into it (none does).
 */
export const placedAtOf = (instance: Instance, placements: readonly PlacementIds[]): Int32Array =>
  placedAtHint(instance, placements) ?? placedAtInOrder(instance, placements) ?? placedAtByIds(instance, placements);

/** `placedAtOf` by looking every id up (the definition). */
const placedAtByIds = (instance: Instance, placements: readonly PlacementIds[]): Int32Array => {
  const workerIndex = new Map(instance.workers.map((w, i) => [w.id, i]));
  const employerIndex = new Map(instance.employers.map((e, i) => [e.id, i]));
  const placedAt = new Int32Array(instance.workers.length).fill(-1);
  for (const p of placements) {
    const w = workerIndex.get(p.workerId);
    const e = employerIndex.get(p.employerId);
    if (w !== undefined && e !== undefined) placedAt[w] = e;
  }
  return placedAt;
};

/**
 * `placedAtOf` for placements listed in the instance's worker order (as a
 * result lists them): a cursor walks the workers alongside, so no map of
 * every worker id is built. Null as soon as a placement is not found ahead
 * of the cursor (another order, an unknown id): the caller then looks ids up.
 */
const placedAtInOrder = (instance: Instance, placements: readonly PlacementIds[]): Int32Array | null => {
  const { workers } = instance;
  const employerIndex = new Map(instance.employers.map((e, i) => [e.id, i]));
  const placedAt = new Int32Array(workers.length).fill(-1);
  let w = 0;
  for (let i = 0; i < placements.length; i++) {
    const p = placements[i] as PlacementIds;
    while (w < workers.length && (workers[w] as Worker).id !== p.workerId) w++;
    if (w === workers.length) return null;
    const e = employerIndex.get(p.employerId);
    if (e !== undefined) placedAt[w] = e;
  }
  return placedAt;
};

/**
 * A plan given as data (a result of `match` or `stableMatch`, or anything
 * with `placements: [{ workerId, employerId }]`), checked against the
 * instance: known ids, each worker once, no employer over its slots, every
 * placement eligible. `where` names the plan in paths (`plan.placements[3]`,
 * or a CSV file and row through `rowPath`).
 */
export const readPlan = (
  instance: Instance,
  plan: unknown,
  rowPath: (i: number) => string = (i) => at("plan.placements", i),
): E.Either<readonly InputIssue[], Int32Array> => {
  const placements = typeof plan === "object" && plan !== null && !Array.isArray(plan) ? (plan as { placements?: unknown }).placements : undefined;
  if (!Array.isArray(placements)) return E.left([issue("missing", "plan.placements", "a list of placements ({ workerId, employerId })", placements)]);
  const issues: InputIssue[] = [];
  const workerIndex = new Map(instance.workers.map((w, i) => [w.id, i]));
  const employerIndex = new Map(instance.employers.map((e, i) => [e.id, i]));
  const placedAt = new Int32Array(instance.workers.length).fill(-1);
  const firstAt = new Map<number, string>();
  const used = new Int32Array(instance.employers.length);
  placements.forEach((p: unknown, i) => {
    const path = rowPath(i);
    const row = (typeof p === "object" && p !== null ? p : {}) as { workerId?: unknown; employerId?: unknown };
    const w = typeof row.workerId === "string" ? workerIndex.get(row.workerId) : undefined;
    const e = typeof row.employerId === "string" ? employerIndex.get(row.employerId) : undefined;
    if (w === undefined) issues.push(issue("unknown-id", at(path, "workerId"), "the id of a worker in this instance", row.workerId));
    if (e === undefined) issues.push(issue("unknown-id", at(path, "employerId"), "the id of an employer in this instance", row.employerId));
    if (w === undefined || e === undefined) return;
    const worker = instance.workers[w] as Worker;
    const employer = instance.employers[e] as Employer;
    const first = firstAt.get(w);
    if (first !== undefined) return void issues.push(issue("duplicate-id", at(path, "workerId"), `each worker placed once (also at ${first})`, worker.id));
    firstAt.set(w, path);
    const why = exclusions(worker, employer, instance.reference);
    if (why.length > 0) issues.push(issue("inconsistent", path, `an employer that accepts ${worker.id} (${why.map((x) => x.detail).join("; ")})`, `${worker.id} at ${employer.id}`));
    used[e] = (used[e] as number) + 1;
    if ((used[e] as number) === employer.slots + 1) issues.push(issue("inconsistent", path, `at most ${employer.slots} workers at ${employer.id} (its slots)`, show(`${used[e]} placed`)));
    placedAt[w] = e;
  });
  return issues.length > 0 ? E.left(issues) : E.right(placedAt);
};

/** The model's class flows of a plan (every placement must be on an arc: eligible), or the first placement that is not. */
export const flowsOf = (instance: Instance, built: BuiltModel, placedAt: Int32Array): E.Either<string, number[]> => {
  const { model } = built;
  const classOfWorker = new Int32Array(instance.workers.length);
  built.workerMembers.forEach((m, c) => m.forEach((w) => (classOfWorker[w] = c)));
  const classOfEmployer = new Int32Array(instance.employers.length);
  built.employerMembers.forEach((m, j) => m.forEach((e) => (classOfEmployer[e] = j)));
  const span = model.employerClasses.length;
  const arcOf = new Map<number, number>();
  for (let a = 0; a < model.arcs.length; a++) arcOf.set((model.arcs.from[a] as number) * span + (model.arcs.to[a] as number), a);
  const flows = new Array<number>(model.arcs.length).fill(0);
  for (let w = 0; w < placedAt.length; w++) {
    const e = placedAt[w] as number;
    if (e < 0) continue;
    const a = arcOf.get((classOfWorker[w] as number) * span + (classOfEmployer[e] as number));
    if (a === undefined) return E.left(`${instance.workers[w]?.id} at ${instance.employers[e]?.id} is no eligible pair`);
    flows[a] = (flows[a] as number) + 1;
  }
  return E.right(flows);
};
