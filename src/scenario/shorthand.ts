/**
 * Variations written short, for the command line (`--vary`):
 *
 * | shorthand | change |
 * |---|---|
 * | `language+1`, `language-1` | language-shift by +1 / -1 |
 * | `slots*0.8`, `slots:nursing-care*0.8`, `slots@37*0.5`, `slots:construction@38*1.2` | scale-slots (all, one field, one prefecture, or both) |
 * | `cap:construction=300` | field-cap |
 * | `add:33`, `add:33~36`, `add:33~36*0.5` | add-prefecture 33, like the scenario's first prefecture (or like 36), times a factor |
 * | `size=8000` | cohort-size |
 * | `scale*0.1` | scale (cohort, slots and employers) |
 *
 * Each shorthand becomes a one-change variation named after the shorthand.
 *
 * @example
 * parseVariation("cap:construction=300", scenario);
 * // Right({ name: "cap:construction=300", changes: [{ kind: "field-cap", field: "construction", cap: 300 }] })
 */
import * as E from "fp-ts/lib/Either.js";
import type { Change, Scenario, Variation } from "./types.js";

/** What a shorthand may look like, for messages. */
export const SHORTHAND_FORMS = "language+N, language-N, slots[:field][@prefecture]*F, cap:field=N, add:prefecture[~like][*F], size=N or scale*F";

const NUM = "(\\d+(?:\\.\\d+)?)";

const rules: readonly [RegExp, (m: RegExpExecArray, s: Scenario) => Change][] = [
  [/^language([+-]\d+)$/, (m) => ({ kind: "language-shift", by: Number(m[1]) })],
  [
    new RegExp(`^slots(?::([^@*]+))?(?:@([^*]+))?\\*${NUM}$`),
    (m) => ({
      kind: "scale-slots",
      factor: Number(m[3]),
      ...(m[1] === undefined ? {} : { field: m[1] }),
      ...(m[2] === undefined ? {} : { prefecture: m[2] }),
    }),
  ],
  [/^cap:([^=]+)=(\d+)$/, (m) => ({ kind: "field-cap", field: m[1] as string, cap: Number(m[2]) })],
  [
    new RegExp(`^add:([^~*]+)(?:~([^*]+))?(?:\\*${NUM})?$`),
    (m, s) => ({
      kind: "add-prefecture",
      prefecture: m[1] as string,
      like: m[2] ?? s.prefectures[0]?.prefecture ?? "",
      ...(m[3] === undefined ? {} : { factor: Number(m[3]) }),
    }),
  ],
  [/^size=(\d+)$/, (m) => ({ kind: "cohort-size", size: Number(m[1]) })],
  [new RegExp(`^scale\\*${NUM}$`), (m) => ({ kind: "scale", factor: Number(m[1]) })],
];

/** The variation a shorthand stands for, or Left with the forms it may take. */
export const parseVariation = (spec: string, s: Scenario): E.Either<string, Variation> => {
  const text = spec.trim();
  for (const [re, make] of rules) {
    const m = re.exec(text);
    if (m !== null) return E.right({ name: text, changes: [make(m, s)] });
  }
  return E.left(SHORTHAND_FORMS);
};
