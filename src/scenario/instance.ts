/**
 * A scenario made concrete: the instance (workers and employers in the input
 * format) that `match` solves, drawn by the seeded generator
 * (`generateInstance`, src/generate/generate.ts).
 *
 * - Workers: one call for the whole cohort (its size, field mix, language
 *   shift; prefectures in the order workers name them), with second
 *   certifications at a plausible share (CROSS_CERTIFICATION_SHARE) rather
 *   than steered to an eligible share.
 * - Employers: one call per prefecture and field, each with its own seed
 *   derived from the scenario's, so a variation that changes one group's
 *   demand leaves every other group's employers exactly as they were, and a
 *   comparison shows the effect of the change rather than of new random draws.
 *   Ids say where they are: `E37-nursing-care-07`.
 * - Origins: when the cohort lists them, each worker's home province and
 *   training centre is drawn from them (weights, then a centre uniformly).
 *
 * - Support organisations: those the employers of each group name, ids by
 *   prefecture and field, so groups never share one.
 * - Expected minimum wages: the revisions due during a default-length
 *   placement from `asOf` that are not published, at an assumed yearly rise
 *   (`expectedWagesFor`), each marked as an assumption.
 *
 * The generator's wages start at the binding minimum wage of the prefecture
 * (or a higher industry minimum) on `asOf`, so no slot pays less.
 *
 * @example
 * const instance = scenarioInstance(scenario); // Right({ reference, workers, employers })
 */
import * as E from "fp-ts/lib/Either.js";
import { generateInstance, GENERATOR_DEFAULTS } from "../generate/generate.js";
import { createRandom, table } from "../generate/random.js";
import type { EmployerInput, InstanceInput, WorkerInput } from "../input/codecs.js";
import type { SupportOrganisationInput } from "../input/lawCodecs.js";
import { expectedWagesFor } from "../generate/law.js";
import { CROSS_CERTIFICATION_SHARE } from "../generate/facts.js";
import { DEFAULT_PLACEMENT_MONTHS } from "../input/lawDecode.js";
import { issue, type InputIssue } from "../input/issues.js";
import { checkSizes } from "./checks.js";
import type { OriginInput, Scenario } from "./types.js";

/** The instance input of a scenario; `policy` is the scenario's, passed through as it is. */
export type ScenarioInstance = InstanceInput;

/** The employers of every prefecture and field, with the support organisations they name. */
const employersOf = (s: Scenario, fieldCatalogue: string, asOf: string): { employers: EmployerInput[]; organisations: SupportOrganisationInput[] } => {
  const groups = s.prefectures.flatMap((p) =>
    p.demand.flatMap((d) => {
      if (d.employers === 0) return [];
      const group = generateInstance({
        seed: `${s.seed}/employers/${p.prefecture}/${d.field}`,
        workers: 1,
        employers: d.employers,
        slotsPerWorker: d.slots,
        prefectures: [p.prefecture],
        fields: [d.field],
        fieldMix: { [d.field]: 1 },
        profiles: 0,
        fieldCatalogue,
        asOf,
      });
      const width = Math.max(2, String(d.employers).length);
      return [
        {
          employers: group.employers.map((e, i) => ({ ...e, id: `E${p.prefecture}-${d.field}-${String(i + 1).padStart(width, "0")}` })),
          // Organisation ids name the prefecture and field, so those of different groups never clash.
          organisations: group.supportOrganisations ?? [],
        },
      ];
    }),
  );
  return { employers: groups.flatMap((g) => g.employers), organisations: groups.flatMap((g) => g.organisations) };
};

const withOrigins = (workers: readonly WorkerInput[], origins: readonly OriginInput[], seed: string | number): WorkerInput[] => {
  const rng = createRandom(`${seed}/origins`);
  const provinces = table(origins.map((o) => [o, o.weight] as const));
  return workers.map((w) => {
    const o = rng.draw(provinces);
    return { ...w, homeProvince: o.province, trainingCentre: rng.pick(o.trainingCentres) };
  });
};

/** The scenario's instance, or an issue if the generator refuses its parameters (a decoded scenario should not be refused). */
export const scenarioInstance = (s: Scenario): E.Either<readonly InputIssue[], ScenarioInstance> => {
  // A scenario built in code has not been decoded: never draw one past the size limits.
  const sizes = checkSizes(s, "");
  if (sizes.length > 0) return E.left(sizes);
  const fieldCatalogue = s.fieldCatalogue ?? GENERATOR_DEFAULTS.fieldCatalogue;
  const asOf = s.asOf ?? GENERATOR_DEFAULTS.asOf;
  try {
    const cohort = generateInstance({
      seed: `${s.seed}`,
      workers: s.cohort.size,
      employers: 0,
      prefectures: s.cohort.preferredPrefectures ?? s.prefectures.map((p) => p.prefecture),
      ...(s.cohort.fieldMix === undefined ? {} : { fieldMix: s.cohort.fieldMix }),
      languageShift: s.cohort.languageShift ?? 0,
      crossCertificationShare: CROSS_CERTIFICATION_SHARE.value,
      fieldCatalogue,
      asOf,
    });
    const workers = s.cohort.origins === undefined ? cohort.workers : withOrigins(cohort.workers, s.cohort.origins, s.seed);
    const { employers, organisations } = employersOf(s, fieldCatalogue, asOf);
    const expectedMinimumWages = expectedWagesFor(employers, asOf, DEFAULT_PLACEMENT_MONTHS);
    return E.right({
      reference: { fieldCatalogue, asOf, ...(expectedMinimumWages.length > 0 ? { expectedMinimumWages } : {}) },
      ...(s.weights === undefined ? {} : { weights: s.weights }),
      workers,
      employers,
      ...(organisations.length > 0 ? { supportOrganisations: organisations } : {}),
      ...(s.policy === undefined ? {} : { policy: s.policy }),
    });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return E.left([issue("inconsistent", "", "parameters the generator can draw from", e.message)]);
  }
};
