/**
 * The market as the stable mechanisms and the audit see it: two-sided
 * preferences over *groups*, never over the hundreds of millions of
 * worker-employer pairs a national cohort has.
 *
 * - A *cell* is a group of employers every worker values alike and that
 *   value every worker alike: one class of the optimiser's model
 *   (../model/build.ts: same prefecture, field, requirements and wage step)
 *   split by exact starting wage (a worker's value counts the wage in yen:
 *   ./preferences.ts `startingWage`). An
 *   employer with a stated ranking, or named in a worker's, is a cell of its
 *   own. Employers with no legal capacity (./limits.ts) belong to no cell.
 * - A *worker class* is a group of workers with the same eligibility, the
 *   same derived preferences and the same standing with every employer: one
 *   class of the optimiser's model; a worker with a stated ranking, or named
 *   in an employer's, is a class of her own.
 * Eligibility is read from the model's arcs (the rules are never applied
 * again here). Each worker class has one list of the cells it finds
 * acceptable, best first (ties by the cell's first employer id): all cells
 * are sorted once per pattern of field and prefecture wishes, and a class
 * keeps its eligible ones (classes alike in both share the list; an audit
 * walks the prefix it needs without building it). An employer's view of a
 * worker is a number per (worker class, employer profile), memoised. So a
 * market of 100,000 workers and 10,000 employers costs a few thousand lists
 * of a few hundred cells.
 */
import type { Employer, Instance, Worker } from "../input/instance.js";
import type { BuiltModel } from "../model/build.js";
import { score } from "../rules/scoring.js";
import {
  derivedEmployerValue,
  employerValueWith,
  indexEmployerRanking,
  maxDerivedEmployerValue,
  placeValue,
  placeValueOf,
  startingWage,
  tierIndex,
  UNACCEPTABLE,
  workerValueWith,
  type IndexedEmployerRanking,
} from "./preferences.js";
import { legalCapacity } from "./limits.js";
import { NO_RANKINGS, type Rankings, type WorkerRanking } from "./rankings.js";

/** A group of interchangeable employers; see the module comment. */
export interface Cell {
  /** Employer indices (into instance.employers), in id order. */
  readonly members: readonly number[];
  /** Total legal capacity of the members. */
  readonly capacity: number;
  /** The optimiser's employer class the members belong to. */
  readonly modelClass: number;
  /** The employer profile (requirements) an employer's derived value reads. */
  readonly profile: number;
  /** The member's stated ranking, for a cell of one employer that has one. */
  readonly stated: IndexedEmployerRanking | undefined;
  /** The members' starting wage (./preferences.ts `startingWage`), the wage a worker's derived value reads. */
  readonly hourlyWage: number;
}

/** A group of interchangeable workers; see the module comment. */
export interface WorkerClass {
  /** Worker indices (into instance.workers), in id order. */
  readonly members: readonly number[];
  /** The optimiser's worker class the members belong to. */
  readonly modelClass: number;
  /** The member's stated ranking, for a class of one worker that has one. */
  readonly stated: WorkerRanking | undefined;
}

/** A worker class's acceptable cells, best first, with her value of each. */
export interface PreferenceList {
  readonly cells: Int32Array;
  readonly values: Float64Array;
}

export interface Market {
  readonly instance: Instance;
  readonly built: BuiltModel;
  readonly cells: readonly Cell[];
  /** Employer index to cell, -1 for an employer with no legal capacity. */
  readonly cellOf: Int32Array;
  /** Legal capacity per employer index. */
  readonly capacityOf: Int32Array;
  readonly classes: readonly WorkerClass[];
  /** Worker index to worker class. */
  readonly classOf: Int32Array;
  /** Whether the class's workers are eligible at the cell's employers. */
  readonly eligible: (workerClass: number, cell: number) => boolean;
  /** The class's value of the cell (UNACCEPTABLE where she would rather stay unplaced); meaningful where eligible. */
  readonly workerValue: (workerClass: number, cell: number) => number;
  /** The cell's value of the worker (UNACCEPTABLE where it would rather leave the slot empty); meaningful where eligible. */
  readonly employerValue: (worker: number, cell: number) => number;
  /** The class's value of an employer (by index), also one outside every cell (no legal capacity). */
  readonly valueOfEmployer: (workerClass: number, employer: number) => number;
  /** The employer's value of a worker (by indices), also for one outside every cell. */
  readonly valueOfWorker: (worker: number, employer: number) => number;
  /** The class's acceptable eligible cells, best first (ties by cell order); built on first use. */
  readonly list: (workerClass: number) => PreferenceList;
  /**
   * The same cells, in the same order, while their value is above `above`,
   * without building the list: `visit` gets each cell and its value, and
   * returns false to stop. For reading a prefix (an audit) at scale.
   */
  readonly walk: (workerClass: number, above: number, visit: (cell: number, value: number) => boolean) => void;
  /** The model worker class to its worker classes, and the model employer class to its cells. */
  readonly classesOfModel: readonly (readonly number[])[];
  readonly cellsOfModel: readonly (readonly number[])[];
}

/** Items grouped by key in order of first appearance; groups keep index order. */
const groupInOrder = (n: number, keyOf: (i: number) => string | null): number[][] => {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = keyOf(i);
    if (key === null) continue;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [i]);
    else g.push(i);
  }
  return [...groups.values()];
};

/** Ids named anywhere in the other side's rankings: those stand apart, since someone ranks them individually. */
const namedIds = (rankings: Rankings): { readonly workers: Set<string>; readonly employers: Set<string> } => {
  const workers = new Set<string>(rankings.workers.keys());
  const employers = new Set<string>(rankings.employers.keys());
  for (const r of rankings.workers.values()) for (const tier of r.tiers) for (const id of tier) employers.add(id);
  for (const r of rankings.employers.values()) {
    for (const tier of r.tiers) for (const id of tier) workers.add(id);
    for (const id of r.accepted) workers.add(id);
    for (const id of r.rejected) workers.add(id);
  }
  return { workers, employers };
};

/** The market of a decoded instance and its built model; see the module comment. */
export const buildMarket = (instance: Instance, built: BuiltModel): Market => {
  const { workers, employers } = instance;
  const rankings = instance.rankings ?? NO_RANKINGS;
  const named = namedIds(rankings);
  const { model } = built;

  const modelClassOfWorker = new Int32Array(workers.length);
  built.workerMembers.forEach((members, c) => members.forEach((w) => (modelClassOfWorker[w] = c)));
  const modelClassOfEmployer = new Int32Array(employers.length);
  built.employerMembers.forEach((members, j) => members.forEach((e) => (modelClassOfEmployer[e] = j)));
  const capacityOf = Int32Array.from(employers, (e) => legalCapacity(instance, e));

  const classGroups = groupInOrder(workers.length, (w) => {
    const id = (workers[w] as Worker).id;
    return named.workers.has(id) ? `w:${id}` : `c:${modelClassOfWorker[w]}`;
  });
  const classes: WorkerClass[] = classGroups.map((members) => {
    const first = workers[members[0] as number] as Worker;
    return { members, modelClass: modelClassOfWorker[members[0] as number] as number, stated: rankings.workers.get(first.id) };
  });
  const classOf = new Int32Array(workers.length);
  classes.forEach((k, i) => k.members.forEach((w) => (classOf[w] = i)));

  const profiles = new Map<string, number>();
  const cellGroups = groupInOrder(employers.length, (e) => {
    if ((capacityOf[e] as number) <= 0) return null;
    const employer = employers[e] as Employer;
    return named.employers.has(employer.id) ? `e:${employer.id}` : `c:${modelClassOfEmployer[e]}:${startingWage(employer, instance.reference)}`;
  });
  const cells: Cell[] = cellGroups.map((members) => {
    const rep = employers[members[0] as number] as Employer;
    const profileKey = JSON.stringify([rep.field, rep.jobCategory, rep.minLanguage, rep.requiredSkills, rep.preferredSkills]);
    if (!profiles.has(profileKey)) profiles.set(profileKey, profiles.size);
    const stated = rankings.employers.get(rep.id);
    return {
      members,
      capacity: members.reduce((s, e) => s + (capacityOf[e] as number), 0),
      modelClass: modelClassOfEmployer[members[0] as number] as number,
      profile: profiles.get(profileKey) as number,
      stated: stated === undefined ? undefined : indexEmployerRanking(stated),
      hourlyWage: startingWage(rep, instance.reference),
    };
  });
  const cellOf = new Int32Array(employers.length).fill(-1);
  cells.forEach((c, i) => c.members.forEach((e) => (cellOf[e] = i)));

  const classesOfModel = model.workerClasses.map((): number[] => []);
  classes.forEach((k, i) => classesOfModel[k.modelClass]?.push(i));
  const cellsOfModel = model.employerClasses.map((): number[] => []);
  cells.forEach((c, i) => cellsOfModel[c.modelClass]?.push(i));

  // Eligibility from the model's arcs: per model worker class, its model employer classes (increasing).
  const eligibleModel = model.workerClasses.map((): number[] => []);
  for (const arc of model.arcs) eligibleModel[arc.from]?.push(arc.to);
  let eligibleSets: Set<number>[] | null = null;
  const eligible = (k: number, c: number): boolean =>
    (eligibleSets ??= eligibleModel.map((list) => new Set(list)))[(classes[k] as WorkerClass).modelClass]?.has((cells[c] as Cell).modelClass) ?? false;

  const repWorker = (k: number): Worker => workers[(classes[k] as WorkerClass).members[0] as number] as Worker;
  const repEmployer = (c: number): Employer => employers[(cells[c] as Cell).members[0] as number] as Employer;

  // A worker's value: its place part is her field points (her field list against the employer's field)
  // and her prefecture points (her prefecture list against its prefecture), each read from the score once
  // per (list, field) or (list, prefecture); then the wage.
  const patternIds = (key: (w: Worker) => string): Int32Array => {
    const ids = new Map<string, number>();
    return Int32Array.from(built.workerMembers, (members) => {
      const k = key(workers[members[0] as number] as Worker);
      if (!ids.has(k)) ids.set(k, ids.size);
      return ids.get(k) as number;
    });
  };
  const fieldListOf = patternIds((w) => JSON.stringify(w.fieldPreferences));
  const prefectureListOf = patternIds((w) => JSON.stringify(w.prefecturePreferences));
  const listsOfModel = patternIds((w) => JSON.stringify([w.fieldPreferences, w.prefecturePreferences]));
  const idsOf = (key: (e: Employer) => string): { readonly of: Int32Array; readonly size: number } => {
    const ids = new Map<string, number>();
    const of = Int32Array.from(cells, (cell) => {
      const k = key(employers[cell.members[0] as number] as Employer);
      if (!ids.has(k)) ids.set(k, ids.size);
      return ids.get(k) as number;
    });
    return { of, size: ids.size };
  };
  const fieldOfCell = idsOf((e) => e.field);
  const prefectureOfCell = idsOf((e) => e.prefecture);
  const fieldMemo = new Float64Array((Math.max(0, ...fieldListOf) + 1) * fieldOfCell.size).fill(Number.NaN);
  const prefectureMemo = new Float64Array((Math.max(0, ...prefectureListOf) + 1) * prefectureOfCell.size).fill(Number.NaN);
  const derivedWorker = (k: number, c: number): number => {
    const mc = (classes[k] as WorkerClass).modelClass;
    const f = (fieldListOf[mc] as number) * fieldOfCell.size + (fieldOfCell.of[c] as number);
    const p = (prefectureListOf[mc] as number) * prefectureOfCell.size + (prefectureOfCell.of[c] as number);
    if (Number.isNaN(fieldMemo[f]) || Number.isNaN(prefectureMemo[p])) {
      const points = score(repWorker(k), repEmployer(c), instance.reference, instance.weights).points;
      fieldMemo[f] = points.fieldPreference;
      prefectureMemo[p] = points.prefecturePreference;
    }
    return placeValueOf(fieldMemo[f] as number, prefectureMemo[p] as number, instance.weights) + instance.weights.wageAboveMinimum * (cells[c] as Cell).hourlyWage;
  };
  const tierMaps = classes.map((k) => (k.stated === undefined ? undefined : tierIndex(k.stated.tiers)));
  const workerValue = (k: number, c: number): number => {
    const stated = (classes[k] as WorkerClass).stated;
    if (stated === undefined) return derivedWorker(k, c);
    return workerValueWith(stated, tierMaps[k], derivedWorker(k, c), (employers[(cells[c] as Cell).members[0] as number] as Employer).id);
  };

  // An employer's value: derived per (model worker class, profile), memoised in a flat table.
  const profileCount = profiles.size;
  const employerMemo = new Float64Array(model.workerClasses.length * profileCount).fill(Number.NaN);
  const maxDerived = maxDerivedEmployerValue(instance.weights);
  const employerValue = (w: number, c: number): number => {
    const cell = cells[c] as Cell;
    const slot = (modelClassOfWorker[w] as number) * profileCount + cell.profile;
    let derived = employerMemo[slot] as number;
    if (Number.isNaN(derived)) {
      derived = derivedEmployerValue(workers[w] as Worker, employers[cell.members[0] as number] as Employer, instance);
      employerMemo[slot] = derived;
    }
    return cell.stated === undefined ? derived : employerValueWith(cell.stated, maxDerived, derived, (workers[w] as Worker).id);
  };

  // A class with no stated ranking orders cells by a value that depends only on its field and prefecture
  // lists: every cell is sorted once per such list pattern, and a class keeps the eligible ones in that
  // order. Classes with the same pattern and the same eligible employer classes share one list.
  const byPattern = new Map<number, PreferenceList>();
  const patternOrder = (k: number): PreferenceList => {
    const pattern = listsOfModel[(classes[k] as WorkerClass).modelClass] as number;
    let sorted = byPattern.get(pattern);
    if (sorted === undefined) {
      const values = Float64Array.from(cells, (_, c) => derivedWorker(k, c));
      const order = Int32Array.from(cells, (_, c) => c).sort((a, b) => (values[b] as number) - (values[a] as number) || a - b);
      sorted = { cells: order, values: Float64Array.from(order, (c) => values[c] as number) };
      byPattern.set(pattern, sorted);
    }
    return sorted;
  };
  const modelClassOfCell = Int32Array.from(cells, (c) => c.modelClass);
  const eligibleMark = new Uint8Array(model.employerClasses.length);
  const shared = new Map<string, PreferenceList>();
  const lists = new Map<number, PreferenceList>();
  const list = (k: number): PreferenceList => {
    const known = lists.get(k);
    if (known !== undefined) return known;
    const mc = (classes[k] as WorkerClass).modelClass;
    const eligibleHere = eligibleModel[mc] ?? [];
    let out: PreferenceList;
    if ((classes[k] as WorkerClass).stated === undefined) {
      const key = `${listsOfModel[mc]}|${eligibleHere.join(",")}`;
      const same = shared.get(key);
      if (same !== undefined) out = same;
      else {
        const sorted = patternOrder(k);
        for (const j of eligibleHere) eligibleMark[j] = 1;
        const keptCells = new Int32Array(sorted.cells.length);
        const keptValues = new Float64Array(sorted.cells.length);
        let n = 0;
        for (let i = 0; i < sorted.cells.length; i++) {
          const c = sorted.cells[i] as number;
          if (eligibleMark[modelClassOfCell[c] as number] !== 1) continue;
          keptCells[n] = c;
          keptValues[n] = sorted.values[i] as number;
          n++;
        }
        for (const j of eligibleHere) eligibleMark[j] = 0;
        out = { cells: keptCells.slice(0, n), values: keptValues.slice(0, n) };
        shared.set(key, out);
      }
    } else {
      const cs: number[] = [];
      const vs: number[] = [];
      for (const j of eligibleHere) {
        for (const c of cellsOfModel[j] ?? []) {
          const v = workerValue(k, c);
          if (v === UNACCEPTABLE) continue;
          cs.push(c);
          vs.push(v);
        }
      }
      const order = cs.map((_, i) => i).sort((a, b) => (vs[b] as number) - (vs[a] as number) || (cs[a] as number) - (cs[b] as number));
      out = { cells: Int32Array.from(order, (i) => cs[i] as number), values: Float64Array.from(order, (i) => vs[i] as number) };
    }
    lists.set(k, out);
    return out;
  };

  const walkMark = new Uint8Array(model.employerClasses.length);
  const walk = (k: number, above: number, visit: (cell: number, value: number) => boolean): void => {
    if ((classes[k] as WorkerClass).stated !== undefined || lists.has(k)) {
      const l = list(k);
      for (let i = 0; i < l.cells.length && (l.values[i] as number) > above; i++) if (!visit(l.cells[i] as number, l.values[i] as number)) return;
      return;
    }
    const eligibleHere = eligibleModel[(classes[k] as WorkerClass).modelClass] ?? [];
    const sorted = patternOrder(k);
    for (const j of eligibleHere) walkMark[j] = 1;
    for (let i = 0; i < sorted.cells.length && (sorted.values[i] as number) > above; i++) {
      const c = sorted.cells[i] as number;
      if (walkMark[modelClassOfCell[c] as number] === 1 && !visit(c, sorted.values[i] as number)) break;
    }
    for (const j of eligibleHere) walkMark[j] = 0;
  };

  const rankingOf = (e: number): IndexedEmployerRanking | undefined => {
    const stated = rankings.employers.get((employers[e] as Employer).id);
    return stated === undefined ? undefined : indexEmployerRanking(stated);
  };
  const valueOfEmployer = (k: number, e: number): number => {
    const c = cellOf[e] as number;
    if (c >= 0) return workerValue(k, c);
    const employer = employers[e] as Employer;
    const derived = placeValue(repWorker(k), employer, instance) + instance.weights.wageAboveMinimum * startingWage(employer, instance.reference);
    return workerValueWith((classes[k] as WorkerClass).stated, tierMaps[k], derived, employer.id);
  };
  const valueOfWorker = (w: number, e: number): number => {
    const c = cellOf[e] as number;
    if (c >= 0) return employerValue(w, c);
    return employerValueWith(rankingOf(e), maxDerived, derivedEmployerValue(workers[w] as Worker, employers[e] as Employer, instance), (workers[w] as Worker).id);
  };

  return { instance, built, cells, cellOf, capacityOf, classes, classOf, eligible, workerValue, employerValue, valueOfEmployer, valueOfWorker, list, walk, classesOfModel, cellsOfModel };
};
