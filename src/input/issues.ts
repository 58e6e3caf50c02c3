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
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
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

/** One issue for people: `path: expected X, got Y`. */
export const formatIssue = (i: InputIssue): string =>
  `${i.path === "" ? "input" : i.path}: expected ${i.expected}, got ${i.received}`;

/** All issues, one per line. */
export const formatIssues = (issues: readonly InputIssue[]): string => issues.map(formatIssue).join("\n");
