/**
 * The content hash of an instance, computed from the *decoded* instance.
 * Decoding sorts workers and employers by id, fills defaults and resolves
 * names, and the canonical JSON (`canonicalJson`) sorts every object's keys
 * and writes maps as entries in key order, so the hash does not depend on
 * the order of the input rows or properties, nor on how a value was spelled
 * (a prefecture by name or by code). It covers the reference the decoder
 * derived (field catalogue, minimum wages in force, the employers' wage
 * schedules and barriers): a plan whose instance now decodes differently
 * under a newer jobmatch no longer matches it.
 *
 * Two schemes, told apart by the prefix:
 * - "sha256-rows:" (`instanceHash`, every plan saved now): SHA-256 of three
 *   lines: the canonical JSON of the instance without its workers and
 *   employers and without the reference's per-employer entries; the
 *   workers' digests in order, comma-separated (each the SHA-256 of the
 *   worker's canonical JSON); the employers' digests likewise (each of the
 *   canonical JSON of [employer, its wage floor, its wage schedule, its
 *   barriers], the entries taken out of the reference). A row's digest is
 *   remembered with the row when the row cannot change (deeply frozen: rows
 *   decoded from a frozen input, as a plan's instance is, ./owned.ts), so
 *   re-planning, whose decoded instance shares every unchanged row with the
 *   plan's (../input/reuse.ts), hashes only the rows its events changed: at
 *   100,000 workers, milliseconds instead of seconds. Nothing is frozen
 *   here: a row decoded from the caller's own objects is hashed afresh.
 * - "sha256:" (`legacyInstanceHash`, plans saved before): SHA-256 of the
 *   canonical JSON of the whole instance. Plans that carry it are still
 *   checked, in their own scheme (`instanceHashLike`).
 *
 * @example
 * instanceHash(instance) // "sha256-rows:6f1c..."
 */
import type { Employer, Instance, Worker } from "../input/instance.js";
import { isDeepFrozen } from "../input/freeze.js";
import { sha256, sha256Lists } from "./sha256.js";

export const ROWS_PREFIX = "sha256-rows:";
export const LEGACY_PREFIX = "sha256:";

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** JSON with object keys sorted and maps and sets as sorted lists; `undefined` properties are left out, as JSON.stringify does. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== "object") {
    // Numbers, strings and booleans as JSON writes them; a function or undefined (never in an instance) as null.
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i === 0 ? "" : ",") + canonicalJson(value[i]);
    return `${out}]`;
  }
  if (value instanceof Map) {
    const entries = [...value.entries()].map(([k, v]) => [String(k), v] as const).sort(([a], [b]) => compareKeys(a, b));
    return `{"map":[${entries.map(([k, v]) => `[${JSON.stringify(k)},${canonicalJson(v)}]`).join(",")}]}`;
  }
  if (value instanceof Set) return `{"set":[${[...value].map(canonicalJson).sort(compareKeys).join(",")}]}`;
  const record = value as Record<string, unknown>;
  let out = "{";
  let first = true;
  // The default sort compares UTF-16 code units, as compareKeys does.
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
};

const workerDigests = new WeakMap<Worker, string>();

/** A worker's digest; remembered only for a deeply frozen worker (decoded from a frozen input, ../input/reuse.ts), which cannot change under it. */
const workerDigest = (worker: Worker): string => {
  const known = workerDigests.get(worker);
  if (known !== undefined) return known;
  const digest = sha256(canonicalJson(worker));
  if (isDeepFrozen(worker)) workerDigests.set(worker, digest);
  return digest;
};

interface EmployerDigest {
  readonly parts: readonly unknown[];
  readonly digest: string;
}

const employerDigests = new WeakMap<Employer, EmployerDigest>();

/** The digest of an employer with its reference entries; remembered while the same entries go with it, all deeply frozen. */
const employerDigest = (employer: Employer, parts: readonly unknown[]): string => {
  const known = employerDigests.get(employer);
  if (known !== undefined && known.parts.every((p, i) => p === parts[i])) return known.digest;
  const digest = sha256(canonicalJson([employer, ...parts]));
  if (isDeepFrozen(employer) && parts.every(isDeepFrozen)) employerDigests.set(employer, { parts, digest });
  return digest;
};

/** "sha256-rows:" and the digest of the instance with its rows as digests; see the module comment. */
export const instanceHash = (instance: Instance): string => {
  const { reference } = instance;
  const rest = { ...instance, workers: undefined, employers: undefined, reference: { ...reference, wageFloor: undefined, wages: undefined, employerBarriers: undefined } };
  const workers = instance.workers.map(workerDigest);
  const employers = instance.employers.map((e) =>
    employerDigest(e, [reference.wageFloor.get(e.id) ?? null, reference.wages.get(e.id) ?? null, reference.employerBarriers.get(e.id) ?? null]),
  );
  // The three lines, hashed without joining them into one string first.
  return `${ROWS_PREFIX}${sha256Lists(canonicalJson(rest), [workers, employers])}`;
};

/** "sha256:" and the digest of the whole instance's canonical JSON: the scheme of plans saved before "sha256-rows:". */
export const legacyInstanceHash = (instance: Instance): string => `${LEGACY_PREFIX}${sha256(canonicalJson(instance))}`;

/** The instance's hash in the scheme of `recorded` (a hash a plan carries), so that the two can be compared. */
export const instanceHashLike = (recorded: string, instance: Instance): string =>
  recorded.startsWith(LEGACY_PREFIX) ? legacyInstanceHash(instance) : instanceHash(instance);
