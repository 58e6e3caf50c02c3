/**
 * Pretty JSON in pieces, for results too large to hold twice: the same text
 * as `JSON.stringify(value, null, 2)` followed by a newline, produced in
 * pieces of about 64 KB, so that writing the result of a million workers
 * never builds one string of hundreds of megabytes (nor meets V8's limit on
 * a string's length). Large arrays and objects are walked; everything small
 * is stringified whole and indented.
 *
 * @example
 * [...prettyJsonPieces({ a: [1, 2] })].join("") === `${JSON.stringify({ a: [1, 2] }, null, 2)}\n`; // true
 */

/** A container is walked element by element from this many elements on. */
const WALK_FROM = 64;
const PIECE = 64 * 1024;

const omitted = (v: unknown): boolean => v === undefined || typeof v === "function" || typeof v === "symbol";

/** `value` as JSON.stringify(value, null, 2) gives it, each line but the first indented by `indent`. */
const small = (value: unknown, indent: string): string => {
  const text = JSON.stringify(value, null, 2) ?? "null";
  return indent === "" ? text : text.replace(/\n/g, `\n${indent}`);
};

export function* prettyJsonPieces(value: unknown): Generator<string> {
  let buffer = "";
  function* put(text: string): Generator<string> {
    buffer += text;
    if (buffer.length >= PIECE) {
      yield buffer;
      buffer = "";
    }
  }
  function* walk(v: unknown, indent: string): Generator<string> {
    if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function") v = (v as { toJSON: (key: string) => unknown }).toJSON("");
    if (Array.isArray(v) && v.length >= WALK_FROM) {
      const inner = `${indent}  `;
      yield* put("[\n");
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        yield* put(inner);
        yield* walk(omitted(item) ? null : item, inner);
        yield* put(i < v.length - 1 ? ",\n" : "\n");
      }
      yield* put(`${indent}]`);
      return;
    }
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const record = v as Record<string, unknown>;
      const keys = Object.keys(record).filter((k) => !omitted(record[k]));
      if (keys.length > 0) {
        const inner = `${indent}  `;
        yield* put("{\n");
        for (const [i, k] of keys.entries()) {
          yield* put(`${inner}${JSON.stringify(k)}: `);
          yield* walk(record[k], inner);
          yield* put(i < keys.length - 1 ? ",\n" : "\n");
        }
        yield* put(`${indent}}`);
        return;
      }
    }
    yield* put(small(v, indent));
  }
  yield* walk(value, "");
  buffer += "\n";
  yield buffer;
}
