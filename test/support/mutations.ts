/**
 * Random mutations of an input, for the decoder's oracle tests: a random
 * place in the input gets a random value (often one that is wrong, or right,
 * in an interesting way for some field of the format), loses its key, or
 * gains an unknown one.
 */
import fc from "fast-check";

export type Mutation = { readonly at: number; readonly kind: "set" | "delete" | "add"; readonly value: unknown };

/** Values that are wrong (or right) in interesting ways for some field of the format. */
export const SUSPECT: readonly unknown[] = [
  null, undefined, "", " ", "x", "99", "Kagawa", "香川", "37", "N6", "JFT-Basic A2.2", "N1", "N5", "nursing-care", "construction", "caregiving",
  "food-service", "welding", "2026-02-30", "2026-04-01", "2031-01-01", "1999-12-31", "2000-02-29", "1900-02-29", 0, 1, -1, 1.5, 500, 1100, 5000, 10 ** 9,
  true, false, [], ["N4", "N3", "N4"], ["N3", "N5"], {}, { beds: 2, areaM2: 20 }, "private", "self", "RSO-01", "shipbuilding", "shipbuildng",
  [{ field: "nursing-care", via: "epa" }, { field: "food-service", via: "skills-test" }, { field: "nursing-care", via: "epa" }],
  [{ name: "Welding", level: 2 }, { name: "welding", years: 3 }, { name: " welding " }],
  ["job-order", "health-check"], ["bpjs", "bpjs"],
];

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("set", "set", "set", "delete", "add"),
  value: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SUSPECT) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }),
});

/** Every object and array in `root`, with the keys it has. */
export const places = (root: unknown): { holder: Record<string, unknown> | unknown[]; key: string | number }[] => {
  const out: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach((x, i) => (out.push({ holder: v, key: i }), visit(x)));
    else if (typeof v === "object" && v !== null) for (const [k, x] of Object.entries(v)) (out.push({ holder: v as Record<string, unknown>, key: k }), visit(x));
  };
  visit(root);
  return out;
};

export const mutate = (input: unknown, mutations: readonly Mutation[]): unknown => {
  const copy = structuredClone(input);
  for (const m of mutations) {
    const all = places(copy);
    if (all.length === 0) break;
    const { holder, key } = all[m.at % all.length] as (typeof all)[number];
    const value = structuredClone(m.value);
    if (m.kind === "delete" && !Array.isArray(holder)) delete holder[key as string];
    else if (m.kind === "add" && !Array.isArray(holder)) holder[`${String(key)}x`] = value;
    else (holder as Record<string | number, unknown>)[key] = value;
  }
  return copy;
};

