/**
 * The semantic pass: what types cannot check (duplicate ids, fields and
 * prefectures that exist, wages not under the binding minimum, routes that
 * only exist for nursing care), and the rows normalised into an `Instance`.
 *
 * One walk over the rows. Given `checkRows`, each row's structure is checked
 * (./shape.ts) just before the row is decoded, so that the rows are read
 * once; a row that fails stops the walk (MALFORMED), and the decoder takes
 * the io-ts codecs' way, which says what is wrong and where (./decode.ts).
 * A worker row in canonical form without an issue (nearly every row of a
 * large instance) is checked and decoded at once, each value read once
 * (./workerWalk.ts); any other row takes the check and then decodeWorker.
 * Repeated ids are found as the rows come: while the ids rise strictly no
 * map is made, and rows already in id order are not sorted again.
 */
import * as E from "fp-ts/lib/Either.js";
import { DEFAULT_FIELD_CATALOGUE_VERSION, FIELD_CATALOGUES, findCatalogue, type FieldCatalogue } from "../domain/fields.js";
import { findPrefecture } from "../domain/prefectures.js";
import { employerBarriers } from "../rules/employer.js";
import type { Exclusion } from "../rules/ruleIds.js";
import { DEFAULT_WEIGHTS, type Weights } from "../rules/scoring.js";
import { decodePolicy } from "../policy/decode.js";
import { decodeRankings } from "../stable/rankings.js";
import type { EmployerInput, InstanceInput, WorkerInput } from "./codecs.js";
import { byId, type Employer, type Instance, type Reference, type WageFloor, type WageSchedule, type Worker } from "./instance.js";
import { at, issue, type InputIssue } from "./issues.js";
import { checkOrganisationEmployers, decodeExpected, decodeOrganisations, decodePlacement } from "./lawDecode.js";
import { LIMITS, thousands } from "./limits.js";
import { keepEmployer, keepWorker, keptEmployer, reusedEmployer, reusedWorker, reuseKeys } from "./reuse.js";
import { decodeEmployer, rowContext } from "./rows.js";
import { decodeWorker } from "./workerRow.js";
import { isEmployerRow, isWorkerRow } from "./shape.js";
import { ageReader, walkWorker } from "./workerWalk.js";

/** A row failed the structural check: the input is not in canonical form. */
export const MALFORMED: unique symbol = Symbol("malformed");

/**
 * Repeated ids of one list, found row by row: for each row after the first
 * with the same id, a duplicate-id issue naming the first. No map is made
 * while the ids rise strictly (a saved plan's rows, the generator's).
 */
class Repeats {
  private last = "";
  private first: Map<string, number> | null = null;
  private sorted = true;

  /** `distinct`: the ids are known to be all different (no map is made, only the order is followed). */
  constructor(
    private readonly list: "workers" | "employers",
    private readonly rows: readonly { readonly id: string }[],
    private readonly distinct = false,
  ) {}

  /** Row `i`'s id, after every row before it. */
  see(i: number, id: string, issues: InputIssue[]): void {
    if (this.distinct) {
      if (i > 0 && !(this.last < id)) this.sorted = false;
      this.last = id;
      return;
    }
    if (this.first === null) {
      if (i === 0 || this.last < id) {
        this.last = id;
        return;
      }
      // The first id out of order: the ids before it are all different.
      this.first = new Map();
      for (let k = 0; k < i; k++) this.first.set((this.rows[k] as { readonly id: string }).id, k);
    }
    const j = this.first.get(id);
    if (j === undefined) this.first.set(id, i);
    else issues.push(issue("duplicate-id", at(at(this.list, i), "id"), `a unique id (also used by ${this.list}[${j}])`, id));
  }

  /** Whether every id was greater than the one before: the rows are in id order already. */
  get rising(): boolean {
    return this.distinct ? this.sorted : this.first === null;
  }
}

/**
 * The semantic pass over an input whose sections outside the rows are well
 * formed; its rows are well formed too, or (with `checkRows`) are checked
 * here, MALFORMED where one is not.
 */
export const semantic = (input: InstanceInput, checkRows: boolean): E.Either<InputIssue[], Instance> | typeof MALFORMED => {
  const issues: InputIssue[] = [];
  const version = input.reference?.fieldCatalogue ?? DEFAULT_FIELD_CATALOGUE_VERSION;
  const chosen = findCatalogue(version);
  if (chosen === undefined) {
    issues.push(issue("invalid", "reference.fieldCatalogue", `one of ${FIELD_CATALOGUES.map((c) => c.version).join(", ")}`, version));
  }
  // With an unknown catalogue, the rest is still checked against the default one.
  const catalogue = chosen ?? (findCatalogue(DEFAULT_FIELD_CATALOGUE_VERSION) as FieldCatalogue);
  const overridden = new Map<string, string>();
  Object.keys(input.reference?.minimumWages ?? {}).forEach((key) => {
    const code = findPrefecture(key)?.code;
    const path = at("reference.minimumWages", key);
    if (code === undefined) issues.push(issue("unknown-prefecture", path, "a prefecture code 01..47 or name", key));
    else if (overridden.has(code)) issues.push(issue("inconsistent", path, `one override per prefecture (also given as "${overridden.get(code)}")`, key));
    else overridden.set(code, key);
  });
  const placement = decodePlacement(input, issues);
  const organisations = decodeOrganisations(input, issues);
  const expected = decodeExpected(input, issues);
  // The employers' ids come first (a worker's formerInternAt names one): their rows are checked on the way.
  const employerRows = input.employers;
  const employerIds = new Set<string>();
  let totalSlots = 0;
  for (let i = 0; i < employerRows.length; i++) {
    const e = employerRows[i] as EmployerInput;
    // A row kept before passed the structural check then, and is frozen: it passes again.
    if (checkRows && !keptEmployer(e) && !isEmployerRow(e)) return MALFORMED;
    employerIds.add(e.id);
    totalSlots += e.slots;
  }
  const ctx = rowContext(input, catalogue, placement, organisations, expected, employerIds);
  // Rows decoded before under this context are reused only while nothing outside the rows has an issue (./reuse.ts).
  const keys = issues.length === 0 ? reuseKeys(ctx) : null;
  const workerRows = input.workers;
  const workerRepeats = new Repeats("workers", workerRows);
  // One worker a row: the list is made at its length, not grown (each growth past 128 KB copies it into fresh memory).
  const workers: Worker[] = new Array<Worker>(workerRows.length);
  const ages = ageReader(placement.start);
  const scratch: InputIssue[] = [];
  for (let i = 0; i < workerRows.length; i++) {
    const w = workerRows[i] as WorkerInput;
    // The usual row (not frozen, so never kept for reuse; canonical; no issue): checked and decoded in one walk (./workerWalk.ts).
    const walked = Object.isFrozen(w) ? undefined : walkWorker(w, ctx, ages, scratch);
    if (walked !== undefined) {
      workerRepeats.see(i, walked.id, issues);
      workers[i] = walked;
      continue;
    }
    const reused = keys === null ? undefined : reusedWorker(w, ctx, keys);
    // A row kept before passed the structural check then, and is frozen: it passes again.
    if (reused === undefined && checkRows && !isWorkerRow(w)) return MALFORMED;
    workerRepeats.see(i, w.id, issues);
    if (reused !== undefined) {
      workers[i] = reused;
      continue;
    }
    const before = issues.length;
    const worker = decodeWorker(w, i, ctx, issues);
    workers[i] = keys === null || issues.length > before ? worker : keepWorker(w, keys, worker);
  }
  // The set of ids as large as the list: no id repeats.
  const employerRepeats = new Repeats("employers", employerRows, employerIds.size === employerRows.length);
  const wageFloors = new Map<string, WageFloor>();
  const wages = new Map<string, WageSchedule>();
  const barriers = new Map<string, readonly Exclusion[]>();
  const employers: Employer[] = [];
  for (let i = 0; i < employerRows.length; i++) {
    const e = employerRows[i] as EmployerInput;
    employerRepeats.see(i, e.id, issues);
    let decoded = keys === null ? undefined : reusedEmployer(e, ctx, keys);
    if (decoded === undefined) {
      const before = issues.length;
      const row = decodeEmployer(e, i, ctx, issues);
      const withBarriers = { employer: row.employer, floor: row.floor, wages: row.wages, barriers: employerBarriers(row.employer, catalogue, placement, row.wages ?? undefined) };
      decoded = keys === null || issues.length > before ? withBarriers : keepEmployer(e, keys, withBarriers);
    }
    const { employer } = decoded;
    if (decoded.floor !== null) wageFloors.set(employer.id, decoded.floor);
    if (decoded.wages !== null) wages.set(employer.id, decoded.wages);
    if (decoded.barriers.length > 0) barriers.set(employer.id, decoded.barriers);
    employers.push(employer);
  }
  if (totalSlots > LIMITS.totalSlots) issues.push(issue("inconsistent", "employers", `employers with at most ${thousands(LIMITS.totalSlots)} slots in total`, totalSlots));
  checkOrganisationEmployers(input, organisations, placement, issues);
  const policy = decodePolicy(input.policy, input.employers, catalogue, issues);
  const reference: Reference = {
    catalogue,
    asOf: input.reference?.asOf ?? null,
    placement,
    wageFloor: wageFloors,
    wages,
    employerBarriers: barriers,
    supportOrganisations: organisations,
  };
  const rankings = decodeRankings(input.rankings, workers, employers, reference, issues);
  if (issues.length > 0) return E.left(issues);
  const weights: Weights = { ...DEFAULT_WEIGHTS, ...input.weights };
  return E.right({
    // Rows whose ids rose strictly are in id order already.
    workers: workerRepeats.rising ? workers : workers.sort(byId),
    employers: employerRepeats.rising ? employers : employers.sort(byId),
    weights,
    reference,
    policy,
    ...(input.rankings === undefined ? {} : { rankings }),
  });
};
