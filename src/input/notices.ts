/**
 * Notices: what the input layer changed or suspects, short of an issue.
 *
 * An issue (./issues.ts) stops the solve; a notice does not. Spreadsheet
 * input is forgiving where the meaning is unambiguous (`Ｎ４` is N4, `香川`
 * is Kagawa, `"1,050"` is 1050 yen) and every such reading is reported as a
 * notice, never made silently; a suspicion (a required skill that no worker
 * holds, a skill one letter from another) is a notice too, with a "did you
 * mean".
 *
 * @example
 * formatNotice({ code: "normalised", path: "workers.csv row 4, column language", found: "Ｎ４", now: "N4", message: "full-width characters" })
 * // 'workers.csv row 4, column language: read "Ｎ４" as "N4" (full-width characters)'
 */

export type NoticeCode =
  /** A value read in its canonical spelling (full width, case, spaces, labels, yen signs). */
  | "normalised"
  /** The text encoding or the separator a file was read with. */
  | "file-format"
  /** A skill name near another one in the instance: probably a typo. */
  | "did-you-mean"
  /** An employer requires a skill that no worker holds: nobody can fill those slots. */
  | "skill-unheld";

export interface InputNotice {
  readonly code: NoticeCode;
  /** Where: `workers.csv row 4, column language`, or a JSON path. */
  readonly path: string;
  /** The value as found. */
  readonly found: string;
  /** The value as read, or the suggestion; null when there is none. */
  readonly now: string | null;
  /** Why, in a few words. */
  readonly message: string;
}

/** One notice for people. */
export const formatNotice = (n: InputNotice): string => {
  switch (n.code) {
    case "normalised":
      return `${n.path}: read "${n.found}" as "${n.now ?? ""}" (${n.message})`;
    case "did-you-mean":
      return `${n.path}: "${n.found}": ${n.message}; did you mean "${n.now ?? ""}"?`;
    default:
      return `${n.path}: ${n.message}`;
  }
};

/**
 * Notices for people, the same reading in the same column told once with
 * the rows it applies to: `workers.csv column language: read "Ｎ４" as "N4" (full-width characters), rows 2, 5 and 9`.
 */
export const formatNotices = (notices: readonly InputNotice[]): string => {
  const groups = new Map<string, { head: InputNotice; rows: string[]; place: string }>();
  const out: string[] = [];
  for (const n of notices) {
    const m = /^(.*) row (\d+), (column .*)$/.exec(n.path);
    if (m === null || n.code !== "normalised") {
      out.push(formatNotice(n));
      continue;
    }
    const key = `${m[1]}\u0000${m[3]}\u0000${n.found}\u0000${n.now}`;
    const g = groups.get(key);
    if (g === undefined) {
      const entry = { head: n, rows: [m[2] as string], place: `${m[1]} ${m[3]}` };
      groups.set(key, entry);
      out.push(key);
    } else g.rows.push(m[2] as string);
  }
  return out
    .map((line) => {
      const g = groups.get(line);
      if (g === undefined) return line;
      const rows = g.rows.length <= 4 ? g.rows.join(", ").replace(/, ([^,]*)$/, " and $1") : `${g.rows.slice(0, 3).join(", ")} and ${g.rows.length - 3} more`;
      return `${formatNotice({ ...g.head, path: g.place })}, row${g.rows.length === 1 ? "" : "s"} ${rows}`;
    })
    .join("\n");
};
