/**
 * Where a JSON text first goes wrong, for messages a person can act on
 * ("line 2, column 16: unexpected ','"). `JSON.parse` does not always say
 * (Node 20 quotes the whole input for some errors), so this small scanner
 * re-reads a text that `JSON.parse` has already refused.
 *
 * @example
 * jsonErrorAt('{"a": [1,]}'); // { offset: 9, problem: "unexpected ']'" }
 */

export interface JsonError {
  /** Offset into the text (UTF-16 code units). */
  readonly offset: number;
  readonly problem: string;
}

class Stop {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

/** The first syntax error in `text`, or null if it is valid JSON (or nests too deep to scan). */
export const jsonErrorAt = (text: string): JsonError | null => {
  let i = 0;
  const what = (): string => (i >= text.length ? "unexpected end of input" : `unexpected ${JSON.stringify(text[i])}`);
  const fail = (problem = what()): never => {
    throw new Stop(i, problem);
  };
  const ws = (): void => {
    while (i < text.length && " \t\n\r".includes(text[i] as string)) i++;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const string = (): void => {
    i++;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) fail("unterminated string");
      if (ch === '"') return void i++;
      if ((ch as string).charCodeAt(0) < 0x20) fail("a control character inside a string (escape it)");
      if (ch === "\\") {
        i++;
        const e = text[i];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail("a \\u escape needs four hex digits");
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail("an unknown escape");
      } else i++;
    }
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null || m[0] === "" || m[0] === "-") fail();
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail("expected a property name in double quotes");
        string();
        ws();
        if (text[i] !== ":") fail("expected ':'");
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail("expected ',' or '}'");
      }
    }
    if (ch === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail("expected ',' or ']'");
      }
    }
    if (ch === '"') return string();
    if (ch === "t") return literal("true");
    if (ch === "f") return literal("false");
    if (ch === "n") return literal("null");
    return number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail("unexpected text after the end");
    return null;
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, problem: e.problem };
    return null;
  }
};

/** "line 3, column 5" of an offset. */
export const lineAndColumn = (text: string, offset: number): string => {
  const before = text.slice(0, offset);
  return `line ${before.split("\n").length}, column ${offset - before.lastIndexOf("\n")}`;
};
