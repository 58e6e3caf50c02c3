/**
 * The benchmark's instances with a policy, in the instance input format.
 *
 * - "nested" (`--policy`): a caregiving minimum (15% of workers: the law's
 *   caps leave room for about 17%) and a construction maximum, the legal
 *   limits (always on), at most half of an employer's
 *   slots from one training centre, every centre at least half placed where
 *   possible, and families (one worker in 40 starts a group of three) kept
 *   together in one prefecture. Every set nests: the flow engine's network.
 * - "crossing" (`--policy crossing`, issue 9): employers over the four
 *   Shikoku prefectures (Tokushima 36, Kagawa 37, Ehime 38, Kochi 39); a
 *   caregiving minimum (15% of workers) that crosses a band for each
 *   prefecture (Kagawa 20-45%, Tokushima and Ehime 8-30%, Kochi 5-25%), the
 *   legal limits (always on: per-employer caps, and support organisations'
 *   capacities where the period reaches 2027-04-01), fairness by training
 *   centre and by home province (each at
 *   least half placed where possible), and the same families kept with one
 *   employer. A family's members share the first member's home province and
 *   training centre (a family comes from one place). The side engine's model.
 */
import type { InstanceInput } from "../src/input/codecs.js";
import { generateInstance } from "../src/generate/generate.js";

export type BenchPolicy = "none" | "nested" | "crossing";

const nested = (workers: number): object => ({
  quotas: [
    { scope: "sector", key: "caregiving", min: Math.floor(0.15 * workers) },
    { scope: "sector", key: "construction", max: Math.floor(0.12 * workers) },
  ],
  diversity: { maxShare: 0.5 },
  fairness: [{ by: "trainingCentre", minShare: 0.5 }],
  groups: { together: "prefecture" },
});

const crossing = (workers: number): object => ({
  quotas: [
    { scope: "sector", key: "caregiving", min: Math.floor(0.15 * workers) },
    { scope: "prefecture", key: "37", min: Math.floor(0.2 * workers), max: Math.floor(0.45 * workers) },
    { scope: "prefecture", key: "36", min: Math.floor(0.08 * workers), max: Math.floor(0.3 * workers) },
    { scope: "prefecture", key: "38", min: Math.floor(0.08 * workers), max: Math.floor(0.3 * workers) },
    { scope: "prefecture", key: "39", min: Math.floor(0.05 * workers), max: Math.floor(0.25 * workers) },
  ],
  fairness: [
    { by: "trainingCentre", minShare: 0.5 },
    { by: "homeProvince", minShare: 0.5 },
  ],
  groups: { together: "employer" },
});

type Row = Record<string, unknown>;

/** One worker in 40 starts a family of three; with `sameOrigin`, its members share the first one's home province and training centre. */
const withFamilies = (instance: InstanceInput, sameOrigin: boolean): InstanceInput => ({
  ...instance,
  workers: instance.workers.map((w, i) => {
    if (i % 40 >= 3) return w;
    const first = instance.workers[i - (i % 40)] as Row;
    return {
      ...w,
      group: `family-${Math.floor(i / 40)}`,
      ...(sameOrigin ? { trainingCentre: first.trainingCentre as string, homeProvince: first.homeProvince as string } : {}),
    };
  }),
});

/** The seeded instance of the given size with the benchmark's policy. */
export const benchInstance = (seed: string, workers: number, employers: number, policy: BenchPolicy): InstanceInput => {
  if (policy === "none") return generateInstance({ seed, workers, employers });
  if (policy === "nested") return { ...withFamilies(generateInstance({ seed, workers, employers }), false), policy: nested(workers) } as InstanceInput;
  const instance = generateInstance({ seed, workers, employers, prefectures: ["36", "37", "38", "39"] });
  return { ...withFamilies(instance, true), policy: crossing(workers) } as InstanceInput;
};
