/**
 * Instance JSON laid out for diffs: one top-level key per line, and one line
 * per worker and per employer, so that a change to one row shows as one line.
 * `JSON.parse` of the text gives back the instance exactly.
 *
 * @example
 * formatInstanceJson({ workers: [], employers: [] });
 * // '{\n  "workers": [],\n  "employers": []\n}\n'
 */
import type { InstanceInput } from "../input/codecs.js";

const list = (rows: readonly unknown[]): string =>
  rows.length === 0 ? "[]" : `[\n${rows.map((row) => `    ${JSON.stringify(row)}`).join(",\n")}\n  ]`;

export const formatInstanceJson = (instance: InstanceInput): string => {
  const entries = Object.entries(instance).filter(([, value]) => value !== undefined);
  const lines = entries.map(
    ([key, value]) => `  ${JSON.stringify(key)}: ${Array.isArray(value) ? list(value) : JSON.stringify(value)}`,
  );
  return `{\n${lines.join(",\n")}\n}\n`;
};
