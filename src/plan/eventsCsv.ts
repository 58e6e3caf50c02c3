/**
 * Events as a spreadsheet: one row per event, a header naming the columns
 * (any order, any subset):
 *
 *     date,type,worker,employer,count,reason,language,careJapaneseTest,fullTimeStaff,japaneseCareStaff,prefecture,amount,from,industry,availableFrom
 *     2026-11-02,worker-withdrawn,W0012,,,,,,,,,,,,
 *     2026-11-09,test-result,W0101,,,,N3;JFT-Basic A2,yes,,,,,,,
 *     2026-11-20,worker-available-later,W0150,,,,,,,,,,,,2027-04-01
 *     2027-01-15,slots-removed,,E013,1,,,,,,,,,,
 *
 * Empty cells are absent fields; `language` lists results separated by `;`;
 * numbers and yes/no are read as such, anything else is left as written for
 * the decoder to report. A `worker-arrived` or `policy-changed` event carries
 * a whole record: those are JSON only. Issues point at the file's rows and
 * columns (`events.csv row 3, column count: expected ...`), rows counted
 * with the header as 1.
 */
import type { InputIssue } from "../input/issues.js";
import { parseDelimited } from "../io/table.js";

export const EVENT_COLUMNS = ["date", "type", "worker", "employer", "count", "reason", "language", "careJapaneseTest", "fullTimeStaff", "japaneseCareStaff", "prefecture", "amount", "from", "industry", "availableFrom"] as const;

const NUMBERS = new Set(["count", "fullTimeStaff", "japaneseCareStaff", "amount"]);

const cellValue = (column: string, text: string): unknown => {
  if (column === "language") return text.split(";").map((x) => x.trim()).filter((x) => x !== "");
  if (NUMBERS.has(column) && /^\s*-?\d+(\.\d+)?\s*$/.test(text)) return Number(text);
  if (column === "careJapaneseTest" && /^(yes|true|1)$/i.test(text.trim())) return true;
  if (column === "careJapaneseTest" && /^(no|false|0)$/i.test(text.trim())) return false;
  return text.trim();
};

/** The events of a CSV text as JSON (for decodeEvents), with a function pointing their issues at rows and columns. */
export const eventsFromCsv = (
  text: string,
  file: string,
): { readonly events: unknown[]; readonly issues: readonly InputIssue[]; readonly locate: (issues: readonly InputIssue[]) => InputIssue[] } => {
  const parsed = parseDelimited(text, file);
  const [header = [], ...rows] = parsed.sheet.rows;
  const columns = header.map((h) => h.trim());
  const unknown = columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !(EVENT_COLUMNS as readonly string[]).includes(c))
    .map(({ c, i }): InputIssue => ({ code: "unknown-property", path: `${file} row 1, column ${i + 1}`, expected: `one of the columns ${EVENT_COLUMNS.join(", ")}`, received: JSON.stringify(c) }));
  const kept = rows.map((r, k) => ({ r, row: k + 2 })).filter(({ r }) => r.some((c) => c.trim() !== ""));
  const events = kept.map(({ r }) => Object.fromEntries(columns.flatMap((c, i) => ((r[i] ?? "").trim() === "" || !(EVENT_COLUMNS as readonly string[]).includes(c) ? [] : [[c, cellValue(c, r[i] as string)]]))));
  const locate = (issues: readonly InputIssue[]): InputIssue[] =>
    issues.map((x) => {
      const m = /^events\[(\d+)\](?:\.(\w+))?(.*)$/.exec(x.path);
      if (m === null) return x;
      const row = kept[Number(m[1])]?.row ?? 0;
      return { ...x, path: `${file} row ${row}${m[2] === undefined ? "" : `, column ${m[2]}${m[3] ?? ""}`}` };
    });
  return { events, issues: [...parsed.issues, ...unknown], locate };
};
