/**
 * The content hash of an instance: SHA-256 (./sha256.ts) of the canonical
 * JSON of the *decoded* instance. Decoding sorts workers and employers by id,
 * fills defaults and resolves names, and the canonical JSON sorts every
 * object's keys and writes maps as entries in key order, so the hash does
 * not depend on the order of the input rows or properties, nor on how a
 * value was spelled (a prefecture by name or by code). It covers the
 * reference the decoder derived (field catalogue, minimum wages in force,
 * the employers' wage schedules and barriers): a plan whose instance now
 * decodes differently under a newer jobmatch no longer matches it.
 *
 * @example
 * instanceHash(instance) // "sha256:6f1c..."
 */
import type { Instance } from "../input/instance.js";
import { sha256 } from "./sha256.js";

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** JSON with object keys sorted and maps and sets as sorted lists; `undefined` properties are left out, as JSON.stringify does. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== "object") {
    // Numbers, strings and booleans as JSON writes them; a function or undefined (never in an instance) as null.
    return JSON.stringify(value) ?? "null";
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Map) {
    const entries = [...value.entries()].map(([k, v]) => [String(k), v] as const).sort(([a], [b]) => compareKeys(a, b));
    return `{"map":[${entries.map(([k, v]) => `[${JSON.stringify(k)},${canonicalJson(v)}]`).join(",")}]}`;
  }
  if (value instanceof Set) return `{"set":[${[...value].map(canonicalJson).sort(compareKeys).join(",")}]}`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort(compareKeys);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
};

/** "sha256:" and the hex digest of the decoded instance's canonical JSON; see the module comment. */
export const instanceHash = (instance: Instance): string => `sha256:${sha256(canonicalJson(instance))}`;
