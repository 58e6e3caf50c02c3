/**
 * Input issues: what is wrong with an input, where, as values.
 *
 * Every problem is an `InputIssue` with a code, a path into the input
 * (`workers[12].language[0]`), what was expected and what was received. The
 * decoder reports all of them at once; `formatIssue` renders one for people:
 *
 *     workers[12].language[0]: expected N5..N1 or JFT-Basic A1/A2.1/A2, got "N6"
 */
import { thousands } from "./limits.js";

export type IssueCode =
  /** Wrong JSON type or a value outside an allowed set. */
  | "invalid"
  /** A required property is absent. */
  | "missing"
  /** A property the format does not know (often a typo). */
  | "unknown-property"
  /** Two rows share an id. */
  | "duplicate-id"
  /** A reference to a worker or employer id the instance does not have. */
  | "unknown-id"
  /** A field id not in the chosen SSW field catalogue. */
  | "unknown-field"
  /** A prefecture code or name that is not one of the 47. */
  | "unknown-prefecture"
  /** A wage under the prefecture's (or industry's) minimum. */
  | "wage-below-minimum"
  /** Anything else that is well-typed but cannot be right. */
  | "inconsistent"
  /**
   * Not an issue of its own: the last entry of a list cut at MAX_ISSUES,
   * counting the issues left out (`received` is the count). `formatIssue`
   * renders it "and N more issues (only the first M are listed)".
   */
  | "truncated";

export interface InputIssue {
  readonly code: IssueCode;
  /** Dotted path with [index] for arrays; "" for the input as a whole. */
  readonly path: string;
  /** What would have been accepted. */
  readonly expected: string;
  /** What was found, rendered as JSON (truncated). */
  readonly received: string;
}

/** How much of a received value a message shows: 60 characters, the last three "..." when cut. */
const SHOW_LIMIT = 60;

/**
 * A received value for messages: JSON as far as 60 characters, cut with
 * "..." (non-finite numbers as NaN, Infinity, -Infinity; a bigint as 12n).
 * Only as much of the value is read as the 60 characters need, so a value
 * nested 100,000 deep or 1,000,000 wide costs no more than a small one.
 * Never throws (a value whose reading throws is shown by its kind).
 */
export const show = (value: unknown): string => {
  if (value === undefined) return "nothing";
  let text = "";
  const full = (): boolean => text.length > SHOW_LIMIT;
  const visit = (v: unknown, slot: "top" | "item" | "property"): void => {
    if (full()) return;
    if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function") {
      v = (v as { toJSON: () => unknown }).toJSON();
    }
    switch (typeof v) {
      case "string":
        text += JSON.stringify(v.length > SHOW_LIMIT ? v.slice(0, SHOW_LIMIT + 1) : v);
        return;
      case "number":
        text += Number.isFinite(v) ? JSON.stringify(v) : String(v);
        return;
      case "bigint":
        text += `${v}n`;
        return;
      case "boolean":
        text += String(v);
        return;
      case "undefined":
      case "function":
      case "symbol":
        text += slot === "top" ? safeString(v) : "null";
        return;
    }
    if (v === null) {
      text += "null";
    } else if (Array.isArray(v)) {
      text += "[";
      for (let i = 0; i < v.length && !full(); i++) {
        if (i > 0) text += ",";
        visit(v[i], "item");
      }
      text += "]";
    } else {
      text += "{";
      let first = true;
      const record = v as Record<string, unknown>;
      for (const key in record) {
        if (full()) break;
        if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
        const item = record[key];
        if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
        text += `${first ? "" : ","}${JSON.stringify(key.length > SHOW_LIMIT ? key.slice(0, SHOW_LIMIT + 1) : key)}:`;
        first = false;
        visit(item, "property");
      }
      text += "}";
    }
  };
  try {
    visit(value, "top");
  } catch {
    return safeString(value);
  }
  return text.length > SHOW_LIMIT ? `${text.slice(0, SHOW_LIMIT - 3)}...` : text;
};

/** String(value), or the built-in tag when the value's own conversion fails (null prototype, cycles, a throwing proxy). */
const safeString = (value: unknown): string => {
  try {
    return String(value);
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return "a value that cannot be shown";
    }
  }
};

export const issue = (code: IssueCode, path: string, expected: string, received: unknown): InputIssue => ({
  code,
  path,
  expected,
  received: show(received),
});

/** Appends a property name or array index to a path. */
export const at = (path: string, key: string | number): string =>
  typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;

/**
 * One issue for people: `path: expected X, got Y`; a missing property reads
 * `path: missing, expected X`, an unknown one `path: unknown property; did you mean "x"?`.
 */
export const formatIssue = (i: InputIssue): string => {
  const where = i.path === "" ? "input" : i.path;
  switch (i.code) {
    case "missing":
      return `${where}: missing, expected ${i.expected}`;
    case "unknown-property":
      return `${where}: unknown property; ${i.expected}`;
    case "truncated":
      return `and ${thousands(Number(i.received))} more issues (only the first ${thousands(MAX_ISSUES)} are listed)`;
    default:
      return `${where}: expected ${i.expected}, got ${i.received}`;
  }
};

/**
 * The most issues a decoder lists. Past it, the list ends with one
 * "truncated" issue counting the rest, so that a file with a million bad rows
 * is rejected as fast as it is read and its message stays readable.
 */
export const MAX_ISSUES = 1000;

/** The issue that ends a cut list: `count` more issues were found and not listed. */
export const truncatedIssue = (count: number): InputIssue => ({ code: "truncated", path: "", expected: `at most ${MAX_ISSUES} issues listed`, received: String(count) });

/**
 * The first MAX_ISSUES issues, then one "truncated" issue counting the rest
 * (the counts of "truncated" issues already in the list are added in).
 * Decoders apply it to every list they return; apply it again after joining
 * two lists.
 */
export const capIssues = (issues: readonly InputIssue[]): readonly InputIssue[] => {
  let omitted = 0;
  const kept: InputIssue[] = [];
  for (const i of issues) {
    if (i.code === "truncated") omitted += Number(i.received);
    else if (kept.length < MAX_ISSUES) kept.push(i);
    else omitted++;
  }
  if (omitted > 0) kept.push(truncatedIssue(omitted));
  return kept;
};

/** All issues, one per line. */
export const formatIssues = (issues: readonly InputIssue[]): string => issues.map(formatIssue).join("\n");
