/**
 * Text from the input (scenario and variation names, titles, ids, training
 * centre names, assumptions) made safe for a Markdown report: it reads the
 * same, but nothing in it becomes markup. `<`, `>` and `&` become entities
 * (no raw HTML, so a `<script>` in a scenario name is shown, never run, by
 * any renderer); `[`, backticks and backslashes are escaped (no links,
 * images or code spans made from data: a link needs an unescaped `[`); `|`
 * is escaped and line breaks
 * become spaces (a value stays in its table cell and on its line); other
 * control characters (a terminal escape sequence, say) become U+FFFD.
 *
 * @example
 * escapeMarkdown('<script>alert(1)</script> [x](javascript:y)');
 * // '&lt;script&gt;alert(1)&lt;/script&gt; \\[x](javascript:y)'
 */
const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

export const escapeMarkdown = (text: string): string =>
  text
    .replace(/\r\n?|\n/g, " ")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\uFFFD")
    .replace(/[\\`[|]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => ENTITIES[c] as string);
