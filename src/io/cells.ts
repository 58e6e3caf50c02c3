/**
 * Lists inside one CSV cell, for the workers.csv and employers.csv formats
 * (./csv.ts): items are separated by `;`, an item's parts by `:`
 * (`welding:2:3` is welding, level 2, 3 years), and a backslash makes the
 * next character plain text (`\;`, `\:`, `\\`). Whitespace around items and
 * parts is ignored unless escaped, so `N4; JFT-Basic A2` reads as two items;
 * the writer escapes any whitespace that belongs to a value.
 *
 * @example
 * splitItems("welding:2:3; forklift");       // ["welding:2:3", "forklift"] (still escaped)
 * splitItems("welding:2:3").map((i) => splitParts(i)); // [["welding", "2", "3"]]
 * joinItems([joinParts(["a;b", "1"])]);      // "a\\;b:1"
 */

interface Char {
  readonly ch: string;
  readonly escaped: boolean;
}

const scan = (text: string): Char[] => {
  const out: Char[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "\\" && i + 1 < text.length) {
      out.push({ ch: text[i + 1] as string, escaped: true });
      i++;
    } else {
      out.push({ ch, escaped: false });
    }
  }
  return out;
};

const isBlank = (c: Char): boolean => !c.escaped && /\s/.test(c.ch);

/** Splits at unescaped `sep`, keeping escapes in the pieces. */
const splitRaw = (text: string, sep: string): string[] => {
  const pieces: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "\\" && i + 1 < text.length) {
      current += ch + (text[i + 1] as string);
      i++;
    } else if (ch === sep) {
      pieces.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces;
};

/** The plain text of an escaped piece: unescaped whitespace at either end dropped, escapes resolved. */
export const unescapeText = (piece: string): string => {
  const chars = scan(piece);
  let start = 0;
  let end = chars.length;
  while (start < end && isBlank(chars[start] as Char)) start++;
  while (end > start && isBlank(chars[end - 1] as Char)) end--;
  return chars
    .slice(start, end)
    .map((c) => c.ch)
    .join("");
};

/** The items of a list cell, still escaped (pass each to `splitParts` or `unescapeText`); an empty or blank cell has none. */
export const splitItems = (cell: string): string[] => (unescapeText(cell) === "" && !cell.includes("\\") ? [] : splitRaw(cell, ";"));

/** The parts of one item, unescaped. */
export const splitParts = (item: string): string[] => splitRaw(item, ":").map(unescapeText);

/** Text escaped so that it reads back exactly as one part of one item. */
export const escapeText = (text: string): string => {
  const escaped = text.replace(/[\\;:]/g, (c) => `\\${c}`);
  const lead = /^\s+/.exec(escaped)?.[0] ?? "";
  const body = escaped.slice(lead.length);
  const trail = /\s+$/.exec(body)?.[0] ?? "";
  const middle = body.slice(0, body.length - trail.length);
  const guard = (ws: string): string => [...ws].map((c) => `\\${c}`).join("");
  return guard(lead) + middle + guard(trail);
};

/** Parts joined into one item, trailing empty parts dropped (`name::3` keeps the empty level). */
export const joinParts = (parts: readonly string[]): string => {
  const kept = [...parts];
  while (kept.length > 1 && kept[kept.length - 1] === "") kept.pop();
  return kept.map(escapeText).join(":");
};

/** Items (already escaped, e.g. by `joinParts`) joined into one cell. */
export const joinItems = (items: readonly string[]): string => items.join(";");
