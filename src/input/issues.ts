/**
 * Input issues: what is wrong with an input, where, as values.
 *
 * Every problem is an `InputIssue` with a code, a path into the input
 * (`workers[12].language[0]`), what was expected and what was received. The
 * decoder reports all of them at once; `formatIssue` renders one for people:
 *
 *     workers[12].language[0]: expected N5..N1 or JFT-Basic A1/A2.1/A2, got "N6"
 */

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
  | "inconsistent";

export interface InputIssue {
  readonly code: IssueCode;
  /** Dotted path with [index] for arrays; "" for the input as a whole. */
  readonly path: string;
  /** What would have been accepted. */
  readonly expected: string;
  /** What was found, rendered as JSON (truncated). */
  readonly received: string;
}

/** JSON rendering of a received value for messages, cut at 60 characters. */
export const show = (value: unknown): string => {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)) ?? safeString(value);
  } catch {
    text = safeString(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** String(value), or the built-in tag when the value's own conversion fails (null prototype, cycles). */
const safeString = (value: unknown): string => {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
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
    default:
      return `${where}: expected ${i.expected}, got ${i.received}`;
  }
};

/** All issues, one per line. */
export const formatIssues = (issues: readonly InputIssue[]): string => issues.map(formatIssue).join("\n");
