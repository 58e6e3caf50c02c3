/**
 * Decoding: unknown JSON in, a checked `Instance` or every located issue out.
 *
 * Two passes. The structural pass (io-ts codecs, ./codecs.ts) checks types
 * and allowed values; if it fails, its issues are returned (semantic checks on
 * a malformed input would only add noise). The semantic pass then checks
 * what types cannot: duplicate ids, fields and prefectures that exist, wages
 * not under the binding minimum, routes that only exist for nursing care.
 * Nothing here throws on bad input.
 */
import * as E from "fp-ts/lib/Either.js";
import type * as t from "io-ts";
import { DEFAULT_FIELD_CATALOGUE_VERSION, FIELD_CATALOGUES, findCatalogue, type FieldCatalogue } from "../domain/fields.js";
import { findPrefecture } from "../domain/prefectures.js";
import { employerBarriers } from "../rules/employer.js";
import type { Exclusion } from "../rules/ruleIds.js";
import { DEFAULT_WEIGHTS, type Weights } from "../rules/scoring.js";
import { withRowChecks } from "./allAtOnce.js";
import { EmployerCodec, InstanceCodec, WorkerCodec, type InstanceInput } from "./codecs.js";
import { MISSING, OMITTED, UNKNOWN_PROPERTY } from "./combinators.js";
import { at, capIssues, issue, MAX_ISSUES, truncatedIssue, type InputIssue } from "./issues.js";
import { LIMITS, thousands } from "./limits.js";
import { decodePolicy } from "../policy/decode.js";
import { decodeRankings } from "../stable/rankings.js";
import { byId, type Instance, type Reference, type WageFloor, type WageSchedule } from "./instance.js";
import { checkOrganisationEmployers, decodeExpected, decodeOrganisations, decodePlacement } from "./lawDecode.js";
import { keepEmployer, keepWorker, reusedEmployer, reusedWorker, reuseKeys } from "./reuse.js";
import { decodeEmployer, decodeWorker, rowContext } from "./rows.js";

// ---------------------------------------------------------------------------
// Structural issues from io-ts errors

const pathOf = (context: t.Context): string => {
  let path = "";
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1];
    const entry = context[i];
    if (entry === undefined || parent === undefined) continue;
    const parentTag = (parent.type as { _tag?: string })._tag;
    path = parentTag === "ArrayType" ? at(path, Number(entry.key)) : at(path, entry.key);
  }
  return path;
};

/**
 * Turns io-ts validation errors into located issues, one per path: at most
 * MAX_ISSUES, then one "truncated" issue counting the rest (./issues.ts).
 */
export const issuesFromErrors = (errors: t.Errors): InputIssue[] => {
  const seen = new Set<string>();
  const out: InputIssue[] = [];
  let omitted = 0;
  for (const e of errors) {
    if (e.message === OMITTED) {
      omitted += e.value as number;
      continue;
    }
    if (out.length >= MAX_ISSUES) {
      omitted++;
      continue;
    }
    const path = pathOf(e.context);
    if (seen.has(path)) continue;
    seen.add(path);
    const last = e.context[e.context.length - 1];
    const expected = last?.type.name ?? "a valid value";
    const code = e.message === MISSING ? "missing" : e.message === UNKNOWN_PROPERTY ? "unknown-property" : "invalid";
    out.push(issue(code, path, expected, e.value));
  }
  if (omitted > 0) out.push(truncatedIssue(omitted));
  return out;
};

// ---------------------------------------------------------------------------
// Semantic checks and normalisation (rows: ./rows.ts)

/** For each row after the first with the same id, the index of the first. Rows in strictly rising id order (a saved plan's, the generator's) repeat none: no map is built. */
const firstOccurrences = (rows: readonly { readonly id: string }[]): Map<number, number> => {
  let rising = true;
  for (let i = 1; i < rows.length && rising; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    rising = a !== undefined && b !== undefined && a.id < b.id;
  }
  if (rising) return new Map();
  const first = new Map<string, number>();
  const repeats = new Map<number, number>();
  rows.forEach((row, i) => {
    const j = first.get(row.id);
    if (j === undefined) first.set(row.id, i);
    else repeats.set(i, j);
  });
  return repeats;
};

const checkUnique = (repeats: Map<number, number>, list: string, i: number, id: string, issues: InputIssue[]): void => {
  const j = repeats.get(i);
  if (j !== undefined) issues.push(issue("duplicate-id", at(at(list, i), "id"), `a unique id (also used by ${list}[${j}])`, id));
};

const semantic = (input: InstanceInput): E.Either<InputIssue[], Instance> => {
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
  const ctx = rowContext(input, catalogue, placement, organisations, expected);
  // Rows decoded before under this context are reused only while nothing outside the rows has an issue (./reuse.ts).
  const keys = issues.length === 0 ? reuseKeys(ctx) : null;
  const workerRepeats = firstOccurrences(input.workers);
  const workers = input.workers.map((w, i) => {
    checkUnique(workerRepeats, "workers", i, w.id, issues);
    const reused = keys === null ? undefined : reusedWorker(w, ctx, keys);
    if (reused !== undefined) return reused;
    const before = issues.length;
    const worker = decodeWorker(w, at("workers", i), ctx, issues);
    return keys === null || issues.length > before ? worker : keepWorker(w, keys, worker);
  });
  const employerRepeats = firstOccurrences(input.employers);
  const wageFloors = new Map<string, WageFloor>();
  const wages = new Map<string, WageSchedule>();
  const barriers = new Map<string, readonly Exclusion[]>();
  const employers = input.employers.map((e, i) => {
    checkUnique(employerRepeats, "employers", i, e.id, issues);
    let decoded = keys === null ? undefined : reusedEmployer(e, ctx, keys);
    if (decoded === undefined) {
      const before = issues.length;
      const row = decodeEmployer(e, at("employers", i), ctx, issues);
      const withBarriers = { ...row, barriers: employerBarriers(row.employer, catalogue, placement, row.wages ?? undefined) };
      decoded = keys === null || issues.length > before ? withBarriers : keepEmployer(e, keys, withBarriers);
    }
    const { employer } = decoded;
    if (decoded.floor !== null) wageFloors.set(employer.id, decoded.floor);
    if (decoded.wages !== null) wages.set(employer.id, decoded.wages);
    if (decoded.barriers.length > 0) barriers.set(employer.id, decoded.barriers);
    return employer;
  });
  const totalSlots = input.employers.reduce((sum, e) => sum + e.slots, 0);
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
    workers: workers.sort(byId),
    employers: employers.sort(byId),
    weights,
    reference,
    policy,
    ...(input.rankings === undefined ? {} : { rankings }),
  });
};

/** The structural pass, then the semantic pass if it succeeds. */
const bothPasses = (input: unknown): E.Either<readonly InputIssue[], Instance> => {
  const structural = InstanceCodec.decode(input);
  return E.isLeft(structural) ? E.left(issuesFromErrors(structural.left)) : semantic(structural.right);
};

/** Whether the instance's workers or employers are more than LIMITS allows. */
const oversized = (input: unknown): boolean => {
  const rows = typeof input === "object" && input !== null ? (input as { readonly workers?: unknown; readonly employers?: unknown }) : {};
  return (Array.isArray(rows.workers) && rows.workers.length > LIMITS.workers) || (Array.isArray(rows.employers) && rows.employers.length > LIMITS.employers);
};

/** Decodes and checks an instance; never throws. */
export const decodeInstance = (input: unknown): E.Either<readonly InputIssue[], Instance> => {
  // Input already in canonical form passes the allocation-free check and is
  // used as it is; anything else is validated in full, with located issues.
  const structural = InstanceCodec.is(input) ? E.right(input) : InstanceCodec.decode(input);
  // Malformed input: the well-formed rows are checked semantically too, so every issue comes in one round (./allAtOnce.ts); at most MAX_ISSUES listed.
  // A list past its limit is refused for its length alone: its rows are not read.
  if (E.isLeft(structural)) {
    const issues = issuesFromErrors(structural.left);
    return E.left(capIssues(oversized(input) ? issues : withRowChecks(input, issues, { workers: WorkerCodec, employers: EmployerCodec }, bothPasses)));
  }
  return E.mapLeft(capIssues)(semantic(structural.right));
};
