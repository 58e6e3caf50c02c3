/**
 * Spreadsheet formula guard for CSV cells. A spreadsheet runs a cell that
 * starts with `=`, `+`, `-` or `@` as a formula (and tab or carriage return
 * can hide such a start), so a worker id like `=HYPERLINK(...)` in a CSV file
 * would run when the file is opened. Every CSV file jobmatch writes guards
 * such a cell with a leading apostrophe (which a spreadsheet shows as text
 * and does not display), and every CSV file it reads takes exactly one such
 * apostrophe off again, so ids survive the round trip unchanged:
 *
 * | value      | written     | read back  |
 * |------------|-------------|------------|
 * | `=1+2`     | `'=1+2`     | `=1+2`     |
 * | `'=1+2`    | `''=1+2`    | `'=1+2`    |
 * | `-5`, `+3` | as it is (a plain number runs nothing) | the same |
 * | `O'Brien`  | as it is    | `O'Brien`  |
 *
 * Exactly: a value is guarded when, after any leading apostrophes, it starts
 * with one of `=`, `+`, `-`, `@`, tab or carriage return, and it is not a
 * plain number; reading removes one apostrophe from a cell that is an
 * apostrophe followed by a guarded value. Guarding is one-to-one, so
 * `unguardCell(guardCell(x)) === x` for every string.
 */

const TRIGGER = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const needsGuard = (value: string): boolean => TRIGGER.test(value) && !PLAIN_NUMBER.test(value);

/** The cell as written to a CSV file: with a leading apostrophe when a spreadsheet would run it as a formula. */
export const guardCell = (value: string): string => (needsGuard(value) ? `'${value}` : value);

/** The value of a cell read from a CSV file: `guardCell`'s apostrophe taken off. */
export const unguardCell = (cell: string): string => (cell.startsWith("'") && needsGuard(cell.slice(1)) ? cell.slice(1) : cell);
