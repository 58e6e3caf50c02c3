/**
 * A policy from a file of its own, for `--policy` and the browser page: the
 * policy section as JSON (or a whole instance JSON, whose `policy` is taken),
 * or quotas as a simple CSV sheet, one quota a row:
 *
 *     scope,key,min,max,penalty
 *     sector,caregiving,650,,1
 *     sector,construction,,220,
 *     prefecture,Kagawa,,1500,
 *
 * Scopes and keys are read forgivingly like the other sheets (`Sector`,
 * `Caregiving`, `香川`), each change a notice. Values are only converted;
 * the instance decoder checks them, with issues pointed back at the sheet's
 * rows (`policy.csv row 3, column max`).
 *
 * @example
 * readPolicy(new TextEncoder().encode("scope,key,min\nsector,caregiving,600\n"), "policy.csv");
 * // Right({ policy: { quotas: [{ scope: "sector", key: "caregiving", min: 600 }] }, notices: [], locate })
 */
import * as E from "fp-ts/lib/Either.js";
import Papa from "papaparse";
import type { PolicyInput } from "../policy/codecs.js";
import { issue, type InputIssue } from "../input/issues.js";
import type { InputNotice } from "../input/notices.js";
import { findPrefecture } from "../domain/prefectures.js";
import { decodeBytes } from "./encoding.js";
import { readField, readPrefecture } from "./normalise.js";
import { parseDelimited } from "./table.js";

/** The columns of the quota sheet, in order. */
export const QUOTA_COLUMNS = ["scope", "key", "min", "max", "penalty"] as const;

/** A policy read from a file. */
export interface PolicyFile {
  /** The policy section, unchecked (the instance decoder checks it). */
  readonly policy: unknown;
  readonly notices: readonly InputNotice[];
  /** Points the decoder's `policy.quotas[k]...` issues at the sheet's rows (identity for JSON). */
  readonly locate: (issues: readonly InputIssue[]) => readonly InputIssue[];
}

const num = (cell: string): number | string => {
  const t = cell.trim().replace(/,/g, "");
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : cell;
};

/** The quota sheet's text as a policy; see the module comment. */
export const policyFromCsv = (text: string, file: string): E.Either<readonly InputIssue[], PolicyFile> => {
  const parsed = parseDelimited(text, file);
  const issues: InputIssue[] = [...parsed.issues];
  const notices: InputNotice[] = [...parsed.notices];
  const header = (parsed.sheet.rows[0] ?? []).map((h) => h.trim().toLowerCase());
  header.forEach((h, i) => {
    if (h !== "" && !(QUOTA_COLUMNS as readonly string[]).includes(h)) issues.push(issue("unknown-property", `${file} row 1, column ${i + 1} ("${h}")`, `the quota columns are ${QUOTA_COLUMNS.join(", ")}`, h));
  });
  for (const c of ["scope", "key"]) if (!header.includes(c)) issues.push(issue("missing", `${file} row 1`, `a column "${c}"`, undefined));
  const rows: number[] = [];
  const quotas = parsed.sheet.rows.slice(1).flatMap((cells, k) => {
    if (cells.every((c) => c.trim() === "")) return [];
    const row = k + 2;
    const cell = (c: string): string => (cells[header.indexOf(c)] ?? "").trim();
    const q: Record<string, unknown> = {};
    const scope = cell("scope").toLowerCase();
    if (scope !== cell("scope")) notices.push({ code: "normalised", path: `${file} row ${row}, column scope`, found: cell("scope"), now: scope, message: "case" });
    q.scope = scope;
    const typed = cell("key");
    const key = scope === "sector" ? (readField(typed, true) ?? typed) : scope === "field" ? (readField(typed) ?? typed) : scope === "prefecture" && findPrefecture(typed) === undefined ? (readPrefecture(typed) ?? typed) : typed;
    if (key !== typed) {
      notices.push({ code: "normalised", path: `${file} row ${row}, column key`, found: typed, now: key, message: `${scope} spelling` });
    }
    q.key = key;
    for (const c of ["min", "max", "penalty"]) if (cell(c) !== "") q[c] = num(cell(c));
    rows.push(row);
    return [q];
  });
  if (issues.length > 0) return E.left(issues);
  const locate = (list: readonly InputIssue[]): readonly InputIssue[] =>
    list.map((i) => {
      const m = /^policy\.quotas\[(\d+)\](?:\.(\w+))?$/.exec(i.path);
      return m === null ? i : { ...i, path: `${file} row ${rows[Number(m[1])] ?? "?"}${m[2] === undefined ? "" : `, column ${m[2]}`}` };
    });
  return E.right({ policy: { quotas }, notices, locate });
};

/** A policy file's bytes: JSON (a policy section, or an instance with one) or the quota CSV sheet. */
export const readPolicy = (bytes: Uint8Array, file: string): E.Either<readonly InputIssue[], PolicyFile> => {
  const text = decodeBytes(bytes, file);
  if (E.isLeft(text)) return text;
  const t = text.right.text.trim();
  if (t.startsWith("{")) {
    try {
      const json = JSON.parse(t) as unknown;
      const isInstance = typeof json === "object" && json !== null && "workers" in json && "employers" in json;
      const policy = isInstance ? (json as { policy?: unknown }).policy : json;
      if (policy === undefined) return E.left([issue("missing", `${file}: policy`, "a policy section", undefined)]);
      return E.right({ policy, notices: [], locate: (i) => i });
    } catch (e) {
      return E.left([issue("invalid", file, "a policy as JSON, or quotas as CSV (scope,key,min,max,penalty)", e instanceof Error ? e.message : String(e))]);
    }
  }
  return policyFromCsv(text.right.text, file);
};

/** The quotas of a policy as the CSV sheet (other parts of a policy have no CSV form: save them as JSON). */
export const quotasToCsv = (policy: PolicyInput): string =>
  `${Papa.unparse({ fields: [...QUOTA_COLUMNS], data: (policy.quotas ?? []).map((q) => [q.scope, q.key, q.min ?? "", q.max ?? "", q.penalty ?? ""]) }, { newline: "\n" })}\n`;
