/**
 * Which instances `decodeInstance` made. An `Instance` built by hand can
 * break what decoding guarantees (ids sorted and unique, codes in range,
 * lists shared and frozen), so `matchDecoded` (../match.ts) takes only
 * instances decoded here, known by this mark. A WeakSet: it lets an
 * instance go with its last reader, and one entry per decoded instance
 * costs nothing against the instance itself.
 */
import type { Instance } from "./instance.js";

const decoded = new WeakSet<Instance>();

/** Marks an instance as decoded by `decodeInstance` (./decode.ts); returns it. */
export const markDecoded = (instance: Instance): Instance => {
  decoded.add(instance);
  return instance;
};

/** Whether `value` is an instance `decodeInstance` returned. */
export const isDecoded = (value: unknown): value is Instance => typeof value === "object" && value !== null && decoded.has(value as Instance);
