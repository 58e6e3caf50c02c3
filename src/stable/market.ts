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
 *   same derived preferences and the same standing with every employer: the
 *   market's own grouping, not the optimiser's. Model classes with the same
 *   arcs (eligible at the same employer classes), the same field and
 *   prefecture wishes and the same standing (what an employer's derived
 *   value reads: language, skills; with care test and certifications, on the
 *   safe side) are one class, however the model splits them for its own
 *   rules and policies (age, SSW months, departure checklist, training
 *   centre...). A worker with a stated ranking, or named in an employer's,
 *   is a class of her own.
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
import type { ModelArcs } from "../model/types.js";
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
import { legalCapacityOf } from "./limits.js";
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
  /** The optimiser's worker class of the first member (every member's class has the same arcs). */
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
  /** Starting wage per employer index (./preferences.ts `startingWage`), read once each. */
  readonly wageOf: Float64Array;
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
   * The same cells and values as `list`, in no particular order (by model employer class, then cell),
   * not remembered: for a reader that needs every acceptable cell but not their order (the audit's
   * counts), without the sort. Written into `room` (as views of its arrays) when given: room for every
   * cell of the market is always enough, and a reader that asks class after class allocates nothing.
   */
  readonly acceptable: (workerClass: number, room?: PreferenceList) => PreferenceList;
  /**
   * The same cells and values as `acceptable` (in the same order), only those valued above `above`,
   * written into `room` (whose arrays must have room for every cell of the market); returns how many.
   * For the audit, which reads only the cells some group of the class values above its placement.
   */
  readonly acceptableAbove: (workerClass: number, above: number, room: PreferenceList) => number;
  /**
   * The same cells, in the same order, while their value is above `above`,
   * without building the list: `visit` gets each cell and its value, and
   * returns false to stop. For reading a prefix (an audit) at scale.
   */
  readonly walk: (workerClass: number, above: number, visit: (cell: number, value: number) => boolean) => void;
  /** The model worker class to the worker classes whose first member is in it, and the model employer class to its cells. */
  readonly classesOfModel: readonly (readonly number[])[];
  readonly cellsOfModel: readonly (readonly number[])[];
  /**
   * The cells' values of workers, for a reader that asks for many cells (the audit): the derived value
   * for a worker's standing and a cell's profile is `values[index[rowOf(worker) + profileOf[c]]]` (the
   * market's memo; NaN where not yet worked out: ask `employerValue`, which fills it); `stated` is 1 for
   * a cell with a stated ranking (ask `employerValue`). Elsewhere that value is `employerValue(worker, c)`.
   */
  readonly employerTable: {
    readonly index: Uint8Array;
    readonly values: Float64Array;
    readonly profileOf: Int32Array;
    readonly stated: Uint8Array;
    readonly rowOf: (worker: number) => number;
  };
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

/**
 * A worker's *standing*: what an employer's derived value of her reads (./preferences.ts
 * `derivedEmployerValue`: her language, skills and years; with her care test and certifications, on
 * the safe side), as an id per model worker class (the model's classes never mix standings).
 */
const standingIds = (built: BuiltModel, workers: readonly Worker[]): { readonly of: Int32Array; readonly size: number } => {
  const ids = new Map<string, number>();
  const of = Int32Array.from(built.workerMembers, (members) => {
    const w = workers[members[0] as number] as Worker;
    const key = JSON.stringify([w.language, w.careJapaneseTest, w.certifications, w.skills]);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  });
  return { of, size: ids.size };
};

/**
 * Per worker class, the employer classes its arcs reach (in arc order: increasing), as views of one array:
 * of the model's own `to` column where the arcs come in worker class order (as ../model/build.ts lays
 * them out), else of a copy grouped by worker class.
 */
const arcLists = (classes: number, arcs: ModelArcs): (Int32Array | Uint16Array)[] => {
  // In worker class order: each class's arcs are one run of the columns, found in one read of `from`.
  let ordered = true;
  for (let a = 1; a < arcs.length && ordered; a++) if ((arcs.from[a] as number) < (arcs.from[a - 1] as number)) ordered = false;
  if (ordered) {
    const lists = new Array<Int32Array | Uint16Array>(classes);
    let a = 0;
    for (let c = 0; c < classes; c++) {
      const first = a;
      while (a < arcs.length && arcs.from[a] === c) a++;
      lists[c] = arcs.to.subarray(first, a);
    }
    return lists;
  }
  const start = new Int32Array(classes + 1);
  for (let a = 0; a < arcs.length; a++) {
    const from = arcs.from[a] as number;
    start[from + 1] = (start[from + 1] as number) + 1;
  }
  for (let c = 0; c < classes; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const to = new Int32Array(arcs.length);
  const fill = start.slice(0, classes);
  for (let a = 0; a < arcs.length; a++) {
    const from = arcs.from[a] as number;
    to[fill[from] as number] = arcs.to[a] as number;
    fill[from] = (fill[from] as number) + 1;
  }
  return Array.from({ length: classes }, (_, c) => to.subarray(start[c] as number, start[c + 1] as number));
};

/**
 * Cells in decreasing value, ties by cell index, as one number per cell that sorts numerically into that
 * order: (how far its value is below the best, for integer values; else the rank of its value among the
 * distinct values, best first) x cells + cell index. Exact for any values.
 */
const orderPositions = (values: Float64Array): Float64Array => {
  const n = values.length;
  // Integer values (the derived ones are: points and yen times integer weights) pack as they are, best
  // first: (largest - value) x cells + cell index, exact while that stays below 2^53. No sort, no map.
  let lo = Infinity;
  let hi = -Infinity;
  let integers = true;
  for (let c = 0; c < n; c++) {
    const v = values[c] as number;
    if (!Number.isSafeInteger(v)) integers = false;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (integers && (hi - lo + 1) * n < Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let c = 0; c < n; c++) packed[c] = (hi - (values[c] as number)) * n + c;
    return packed;
  }
  const distinct = Float64Array.from(values).sort().reverse();
  const rank = new Map<number, number>();
  for (const v of distinct) if (!rank.has(v)) rank.set(v, rank.size);
  const position = new Float64Array(n);
  for (let c = 0; c < n; c++) position[c] = (rank.get(values[c] as number) as number) * n + c;
  return position;
};

/** An id per list, equal exactly for equal lists: hashed, then compared element by element (no string of a million arcs). */
const sameListIds = (lists: readonly ArrayLike<number>[]): Int32Array => {
  const ids = new Int32Array(lists.length);
  const firstOf = new Map<number, number[]>();
  let next = 0;
  lists.forEach((list, i) => {
    let h = 0x811c9dc5 ^ list.length;
    for (let t = 0; t < list.length; t++) h = Math.imul(h ^ (list[t] as number), 0x01000193);
    const candidates = firstOf.get(h);
    const same = candidates?.find((j) => {
      const other = lists[j] as ArrayLike<number>;
      if (other.length !== list.length) return false;
      for (let t = 0; t < list.length; t++) if (other[t] !== list[t]) return false;
      return true;
    });
    if (same !== undefined) ids[i] = ids[same] as number;
    else {
      ids[i] = next++;
      if (candidates === undefined) firstOf.set(h, [i]);
      else candidates.push(i);
    }
  });
  return ids;
};

/**
 * Per model worker class, the key of its market class: its eligible model employer classes (the arcs),
 * its field and prefecture wishes (her value of every employer) and its standing (every employer's value
 * of her). Workers alike in all three are alike to the market, whatever else the model tells apart.
 */
const marketWorkerKeys = (
  built: BuiltModel,
  workers: readonly Worker[],
  eligibleModel: readonly (Int32Array | Uint16Array)[],
  standing: { readonly of: Int32Array },
): { readonly keys: readonly string[]; readonly arcSet: Int32Array } => {
  const arcSet = sameListIds(eligibleModel);
  const keys = built.workerMembers.map((members, mc) => {
    const w = workers[members[0] as number] as Worker;
    return `c:${arcSet[mc]}:${standing.of[mc]}:${JSON.stringify([w.fieldPreferences, w.prefecturePreferences])}`;
  });
  return { keys, arcSet };
};

/**
 * The workers grouped into market classes, in order of each class's first member (the groups of
 * `groupInOrder` keyed by the market key of the worker's model class, or by her own id where someone
 * names her): the keys are numbered once per model class, so each worker costs an array read, not a
 * lookup of a string.
 */
const marketClassGroups = (workers: readonly Worker[], named: ReadonlySet<string>, modelClassOf: Int32Array, keyOfModel: readonly string[]): number[][] => {
  const keyIds = new Map<string, number>();
  const keyIdOfModel = Int32Array.from(keyOfModel, (key) => {
    let id = keyIds.get(key);
    if (id === undefined) keyIds.set(key, (id = keyIds.size));
    return id;
  });
  const groupOfKey = new Int32Array(keyIds.size).fill(-1);
  const groups: number[][] = [];
  for (let w = 0; w < workers.length; w++) {
    if (named.size > 0 && named.has((workers[w] as Worker).id)) {
      groups.push([w]);
      continue;
    }
    const key = keyIdOfModel[modelClassOf[w] as number] as number;
    const g = groupOfKey[key] as number;
    if (g >= 0) (groups[g] as number[]).push(w);
    else {
      groupOfKey[key] = groups.length;
      groups.push([w]);
    }
  }
  return groups;
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
  const capacityOf = legalCapacityOf(instance);

  // Eligibility from the model's arcs: per model worker class, its model employer classes (increasing).
  const eligibleModel = arcLists(model.workerClasses.length, model.arcs);
  // The market's own worker classes: model classes with the same arcs, the same wishes and the same standing
  // (what an employer's value reads) are one class, however finely the model splits them for its own rules.
  const standingOfModel = standingIds(built, workers);
  const { keys: marketKeyOfModel, arcSet: arcSetOfModel } = marketWorkerKeys(built, workers, eligibleModel, standingOfModel);
  const classGroups = marketClassGroups(workers, named.workers, modelClassOfWorker, marketKeyOfModel);
  const classes: WorkerClass[] = classGroups.map((members) => {
    const first = workers[members[0] as number] as Worker;
    return { members, modelClass: modelClassOfWorker[members[0] as number] as number, stated: rankings.workers.get(first.id) };
  });
  const classOf = new Int32Array(workers.length);
  classes.forEach((k, i) => k.members.forEach((w) => (classOf[w] = i)));

  const wageOf = Float64Array.from(employers, (employer) => startingWage(employer, instance.reference));
  const profiles = new Map<string, number>();
  const cellGroups = groupInOrder(employers.length, (e) => {
    if ((capacityOf[e] as number) <= 0) return null;
    const employer = employers[e] as Employer;
    return named.employers.has(employer.id) ? `e:${employer.id}` : `c:${modelClassOfEmployer[e]}:${wageOf[e]}`;
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
      hourlyWage: wageOf[members[0] as number] as number,
    };
  });
  const cellOf = new Int32Array(employers.length).fill(-1);
  cells.forEach((c, i) => c.members.forEach((e) => (cellOf[e] = i)));

  const classesOfModel = model.workerClasses.map((): number[] => []);
  classes.forEach((k, i) => classesOfModel[k.modelClass]?.push(i));
  const cellsOfModel = model.employerClasses.map((): number[] => []);
  cells.forEach((c, i) => cellsOfModel[c.modelClass]?.push(i));
  // The same, flat: model employer class j's cells are cellList[cellStart[j], cellStart[j + 1]), for the
  // loops over every class's eligible cells (millions of entries at national scale).
  const cellStart = new Int32Array(cellsOfModel.length + 1);
  for (let j = 0; j < cellsOfModel.length; j++) cellStart[j + 1] = (cellStart[j] as number) + (cellsOfModel[j] as number[]).length;
  const cellList = new Int32Array(cells.length);
  for (let j = 0; j < cellsOfModel.length; j++) cellList.set(cellsOfModel[j] as number[], cellStart[j] as number);

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
  // One entry per worker class: a loop, not a spread into Math.max's arguments (which throws past ~120,000).
  const largest = (xs: ArrayLike<number>): number => {
    let m = 0;
    for (let i = 0; i < xs.length; i++) m = Math.max(m, xs[i] as number);
    return m;
  };
  const fieldMemo = new Float64Array((largest(fieldListOf) + 1) * fieldOfCell.size).fill(Number.NaN);
  const prefectureMemo = new Float64Array((largest(prefectureListOf) + 1) * prefectureOfCell.size).fill(Number.NaN);
  // A cell's value to a class with no stated ranking is her place value of its (field, prefecture) plus its
  // wage part: per cell, which (field, prefecture) it has and its wage part, and per pattern of wishes (field
  // and prefecture lists), a small table of place values by (field, prefecture), filled on first use. So a
  // value is two reads and a sum (the same sum, of the same two numbers, as placeValueOf(..) + wage part),
  // and the market keeps no array of every cell per pattern (at national scale: 311 patterns x 15,445
  // cells, 38 MB).
  const places = prefectureOfCell.size;
  const placeOfCell = Int32Array.from(cells, (_, c) => (fieldOfCell.of[c] as number) * places + (prefectureOfCell.of[c] as number));
  const wagePart = Float64Array.from(cells, (cell) => instance.weights.wageAboveMinimum * cell.hourlyWage);
  // One cell per (field, prefecture) that some cell has: the cell whose employer the score reads for it.
  const placeRep = new Int32Array(fieldOfCell.size * places).fill(-1);
  for (let c = cells.length - 1; c >= 0; c--) placeRep[placeOfCell[c] as number] = c;
  const placeTables: (Float64Array | undefined)[] = [];
  const placeTableOf = (k: number): Float64Array => {
    const mc = (classes[k] as WorkerClass).modelClass;
    const pattern = listsOfModel[mc] as number;
    let table = placeTables[pattern];
    if (table === undefined) {
      table = new Float64Array(placeRep.length);
      const fieldRow = (fieldListOf[mc] as number) * fieldOfCell.size;
      const prefectureRow = (prefectureListOf[mc] as number) * places;
      for (let q = 0; q < placeRep.length; q++) {
        const c = placeRep[q] as number;
        if (c < 0) continue;
        const f = fieldRow + (fieldOfCell.of[c] as number);
        const p = prefectureRow + (prefectureOfCell.of[c] as number);
        if (Number.isNaN(fieldMemo[f]) || Number.isNaN(prefectureMemo[p])) {
          const points = score(repWorker(k), repEmployer(c), instance.reference, instance.weights).points;
          fieldMemo[f] = points.fieldPreference;
          prefectureMemo[p] = points.prefecturePreference;
        }
        table[q] = placeValueOf(fieldMemo[f] as number, prefectureMemo[p] as number, instance.weights);
      }
      placeTables[pattern] = table;
    }
    return table;
  };
  const derivedWorker = (k: number, c: number): number => (placeTableOf(k)[placeOfCell[c] as number] as number) + (wagePart[c] as number);
  const tierMaps = classes.map((k) => (k.stated === undefined ? undefined : tierIndex(k.stated.tiers)));
  const workerValue = (k: number, c: number): number => {
    const stated = (classes[k] as WorkerClass).stated;
    if (stated === undefined) return derivedWorker(k, c);
    return workerValueWith(stated, tierMaps[k], derivedWorker(k, c), (employers[(cells[c] as Cell).members[0] as number] as Employer).id);
  };

  // An employer's value: derived per (standing, profile), memoised in a flat table of one byte per entry:
  // the index of the value among the distinct derived values met (0: not yet worked out). A derived
  // value counts at most 6 x 5 x 6 = 180 combinations of points, so the bytes suffice; were they ever
  // to run out, the values beyond are simply not memoised. The table starts zeroed (no fill), and at
  // national scale it is 1,891 standings x 612 profiles: 1.2 MB, not 9.3 MB of doubles.
  const profileCount = profiles.size;
  const standingOfModelClass = standingOfModel.of;
  const memoIndex = new Uint8Array(standingOfModel.size * profileCount);
  const memoValues = new Float64Array(256).fill(Number.NaN);
  const internedAt = new Map<number, number>();
  const remember = (slot: number, derived: number): void => {
    // (-0 would be found as 0; NaN would be read back as not yet worked out: neither is remembered.)
    if (Object.is(derived, -0) || Number.isNaN(derived)) return;
    let i = internedAt.get(derived);
    if (i === undefined) {
      if (internedAt.size >= 255) return;
      i = internedAt.size + 1;
      internedAt.set(derived, i);
      memoValues[i] = derived;
    }
    memoIndex[slot] = i;
  };
  const maxDerived = maxDerivedEmployerValue(instance.weights);
  const rowOf = (w: number): number => (standingOfModelClass[modelClassOfWorker[w] as number] as number) * profileCount;
  const employerValue = (w: number, c: number): number => {
    const cell = cells[c] as Cell;
    const slot = rowOf(w) + cell.profile;
    let derived = memoValues[memoIndex[slot] as number] as number;
    if (Number.isNaN(derived)) {
      derived = derivedEmployerValue(workers[w] as Worker, employers[cell.members[0] as number] as Employer, instance);
      remember(slot, derived);
    }
    return cell.stated === undefined ? derived : employerValueWith(cell.stated, maxDerived, derived, (workers[w] as Worker).id);
  };
  const profileOfCell = Int32Array.from(cells, (cell) => cell.profile);
  const statedCell = Uint8Array.from(cells, (cell) => (cell.stated === undefined ? 0 : 1));
  const employerTable = { index: memoIndex, values: memoValues, profileOf: profileOfCell, stated: statedCell, rowOf };

  // A class with no stated ranking orders cells by a value that depends only on its field and prefecture
  // lists: every cell is sorted once per such list pattern, and a class keeps the eligible ones in that
  // order. Classes with the same pattern and the same eligible employer classes share one list.
  // Per pattern: every cell's value, and (once a list of it is sorted) every cell's position in that order
  // (value descending, then cell index).
  const valuesByPattern = new Map<number, Float64Array>();
  const patternValues = (k: number): Float64Array => {
    const pattern = listsOfModel[(classes[k] as WorkerClass).modelClass] as number;
    let values = valuesByPattern.get(pattern);
    if (values === undefined) {
      values = new Float64Array(cells.length);
      for (let c = 0; c < cells.length; c++) values[c] = derivedWorker(k, c);
      valuesByPattern.set(pattern, values);
    }
    return values;
  };
  const positionsByPattern = new Map<number, Float64Array>();
  const patternOrder = (k: number): { readonly position: Float64Array; readonly values: Float64Array } => {
    const pattern = listsOfModel[(classes[k] as WorkerClass).modelClass] as number;
    const values = patternValues(k);
    let position = positionsByPattern.get(pattern);
    if (position === undefined) {
      position = orderPositions(values);
      positionsByPattern.set(pattern, position);
    }
    return { position, values };
  };
  const shared = new Map<string, PreferenceList>();
  const lists = new Map<number, PreferenceList>();
  const list = (k: number): PreferenceList => {
    const known = lists.get(k);
    if (known !== undefined) return known;
    const mc = (classes[k] as WorkerClass).modelClass;
    const eligibleHere = eligibleModel[mc] ?? new Int32Array(0);
    let out: PreferenceList;
    if ((classes[k] as WorkerClass).stated === undefined) {
      const key = `${listsOfModel[mc]}|${arcSetOfModel[mc]}`;
      const same = shared.get(key);
      if (same !== undefined) out = same;
      else {
        // The eligible cells, put in the pattern's order by their positions (a numeric sort, no comparator).
        const { position, values } = patternOrder(k);
        let n = 0;
        for (let i = 0; i < eligibleHere.length; i++) n += (cellsOfModel[eligibleHere[i] as number] as readonly number[]).length;
        const positions = new Float64Array(n);
        n = 0;
        for (let i = 0; i < eligibleHere.length; i++) {
          const here = cellsOfModel[eligibleHere[i] as number] as readonly number[];
          for (let t = 0; t < here.length; t++) positions[n++] = position[here[t] as number] as number;
        }
        positions.sort();
        const order = new Int32Array(n);
        const orderValues = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const c = (positions[i] as number) % cells.length;
          order[i] = c;
          orderValues[i] = values[c] as number;
        }
        out = { cells: order, values: orderValues };
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

  const acceptableAbove = (k: number, above: number, room: PreferenceList): number => {
    const out = room.cells;
    const outValues = room.values;
    let n = 0;
    const known = lists.get(k);
    if (known !== undefined) {
      for (let i = 0; i < known.cells.length; i++) {
        const v = known.values[i] as number;
        if (!(v > above)) continue;
        out[n] = known.cells[i] as number;
        outValues[n++] = v;
      }
      return n;
    }
    const eligibleHere = eligibleModel[(classes[k] as WorkerClass).modelClass] ?? new Int32Array(0);
    const table = (classes[k] as WorkerClass).stated !== undefined ? null : placeTableOf(k);
    for (let i = 0; i < eligibleHere.length; i++) {
      const j = eligibleHere[i] as number;
      const end = cellStart[j + 1] as number;
      for (let t = cellStart[j] as number; t < end; t++) {
        const c = cellList[t] as number;
        const v = table === null ? workerValue(k, c) : (table[placeOfCell[c] as number] as number) + (wagePart[c] as number);
        // (UNACCEPTABLE is never above anything.)
        if (!(v > above) || v === UNACCEPTABLE) continue;
        out[n] = c;
        outValues[n++] = v;
      }
    }
    return n;
  };
  const acceptable = (k: number, room?: PreferenceList): PreferenceList => {
    const known = lists.get(k);
    if (known !== undefined) return known;
    // Room for every cell is enough (a class's eligible model classes are distinct, and so are their cells).
    const fits = room !== undefined && room.cells.length >= cells.length && room.values.length >= cells.length;
    const into = fits ? room : { cells: new Int32Array(cells.length), values: new Float64Array(cells.length) };
    const n = acceptableAbove(k, UNACCEPTABLE, into);
    return { cells: into.cells.subarray(0, n), values: into.values.subarray(0, n) };
  };

  const walk = (k: number, above: number, visit: (cell: number, value: number) => boolean): void => {
    const l = list(k);
    for (let i = 0; i < l.cells.length && (l.values[i] as number) > above; i++) if (!visit(l.cells[i] as number, l.values[i] as number)) return;
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

  return { instance, built, cells, cellOf, capacityOf, wageOf, classes, classOf, eligible, workerValue, employerValue, valueOfEmployer, valueOfWorker, list, acceptable, acceptableAbove, walk, classesOfModel, cellsOfModel, employerTable };
};
