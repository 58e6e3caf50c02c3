/**
 * How deep a JSON text may nest, checked before it is parsed. No jobmatch
 * input nests deeper than 8 (a scenario's variations' changes' demand; an
 * employer's acceptance plan inside its declarations is 5); parsing a 60 MB
 * text of values nested 5,000 deep takes the runtime's parser a minute, so
 * such a text is refused at the first bracket too deep. Every JSON text the
 * library reads from a file goes through it: instances and scenarios
 * (../cli/io.ts), policy files and a folder's policy.json (./policyFile.ts),
 * and the workbench's files (../app/data.ts).
 *
 * @example
 * tooDeepAt("[[[1]]]", 2); // 2: the third bracket
 */
import { issue, type InputIssue } from "../input/issues.js";

export const MAX_JSON_DEPTH = 32;

/**
 * The offset of the first `[` or `{` nested deeper than `max` outside
 * strings, or -1 (one pass, no allocation). A string is skipped whole: its
 * closing quote is the next `"` after an even run of backslashes, found by
 * `indexOf` rather than by looking at every character in between (strings
 * are most of an instance's text: at 333,000 workers this halves the check,
 * 0.4-0.6 s against 0.8-1.2 s).
 */
export const tooDeepAt = (text: string, max: number = MAX_JSON_DEPTH): number => {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let close = text.indexOf('"', i + 1);
      for (;;) {
        // A string left open holds every bracket after it.
        if (close < 0) return -1;
        let k = close - 1;
        while (text.charCodeAt(k) === 0x5c) k--;
        if ((close - 1 - k) % 2 === 0) break;
        close = text.indexOf('"', close + 1);
      }
      i = close;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
};

/** An issue at `path` when the text nests too deep (`policy.json: expected JSON nested at most 32 levels ..., got "a bracket nested deeper at offset 42"`), or null. */
export const tooDeepIssue = (text: string, path: string): InputIssue | null => {
  const at = tooDeepAt(text);
  return at < 0 ? null : issue("invalid", path, `JSON nested at most ${MAX_JSON_DEPTH} levels (no jobmatch input nests deeper than 8)`, `a bracket nested deeper at offset ${at}`);
};
