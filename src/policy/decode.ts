/**
 * Semantic checks of the policy section against the rest of the instance:
 * quota keys that exist, min not above max. The old `headcountCaps` key is
 * an issue: the statutory caps are law, always on and hard
 * (src/rules/limits.ts), not a programme's choice.
 *
 * The decoded policy is canonical: quotas and fairness floors are sorted by
 * what they say (scope, key, bounds, penalty; basis, share, penalty), not by
 * where they stand in the input, so the same policy written in another order
 * is the same model and gives the same plan, byte for byte. Each keeps its
 * `source` (`policy.quotas[2]`) for messages; entries that say the same
 * thing are ordered by source.
 */
import { SECTORS, findField, type FieldCatalogue } from "../domain/fields.js";
import { findPrefecture } from "../domain/prefectures.js";
import type { EmployerInput } from "../input/codecs.js";
import { at, issue, type InputIssue } from "../input/issues.js";
import type { PolicyInput } from "./codecs.js";
import { compareStrings } from "../input/instance.js";
import { NO_POLICY, type Fairness, type Policy, type Quota } from "./types.js";

/** null before any number. */
const compareBound = (a: number | null, b: number | null): number => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a - b);

/** The canonical order of quotas: by scope, key, min, max and penalty; then source. */
export const compareQuotas = (a: Quota, b: Quota): number =>
  compareStrings(a.scope, b.scope) ||
  compareStrings(a.key, b.key) ||
  compareBound(a.min, b.min) ||
  compareBound(a.max, b.max) ||
  compareBound(a.penalty, b.penalty) ||
  compareStrings(a.source, b.source);

/** The canonical order of fairness floors: by basis, share and penalty; then source. */
export const compareFairness = (a: Fairness, b: Fairness): number =>
  compareStrings(a.by, b.by) || a.minShare - b.minShare || compareBound(a.penalty, b.penalty) || compareStrings(a.source, b.source);

const quotaKey = (
  q: NonNullable<PolicyInput["quotas"]>[number],
  path: string,
  catalogue: FieldCatalogue,
  employerIds: ReadonlySet<string>,
  issues: InputIssue[],
): string => {
  const keyPath = at(path, "key");
  switch (q.scope) {
    case "sector":
      if (!(SECTORS as readonly string[]).includes(q.key)) issues.push(issue("unknown-field", keyPath, `a sector (${SECTORS.join(", ")})`, q.key));
      return q.key;
    case "field":
      if (findField(catalogue, q.key) === undefined) issues.push(issue("unknown-field", keyPath, `an SSW field of catalogue ${catalogue.version}`, q.key));
      return q.key;
    case "prefecture": {
      const p = findPrefecture(q.key);
      if (p === undefined) issues.push(issue("unknown-prefecture", keyPath, "a prefecture code 01..47 or name", q.key));
      return p?.code ?? q.key;
    }
    case "employer":
      if (!employerIds.has(q.key)) issues.push(issue("inconsistent", keyPath, "the id of an employer in this instance", q.key));
      return q.key;
  }
};

export const decodePolicy = (
  input: PolicyInput | undefined,
  employers: readonly EmployerInput[],
  catalogue: FieldCatalogue,
  issues: InputIssue[],
): Policy => {
  if (input === undefined) return NO_POLICY;
  const employerIds = new Set(employers.map((e) => e.id));
  const quotas: Quota[] = (input.quotas ?? []).map((q, i) => {
    const path = at(at("policy", "quotas"), i);
    if (q.min === undefined && q.max === undefined) issues.push(issue("missing", at(path, "min"), "a min or a max (a quota with neither says nothing)", undefined));
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) issues.push(issue("inconsistent", at(path, "max"), `at least the min ${q.min}`, q.max));
    return { source: path, scope: q.scope, key: quotaKey(q, path, catalogue, employerIds, issues), min: q.min ?? null, max: q.max ?? null, penalty: q.penalty ?? null };
  }).sort(compareQuotas);
  const diversity = input.diversity;
  if (diversity !== undefined && diversity.maxShare === undefined && diversity.maxCount === undefined) {
    issues.push(issue("missing", "policy.diversity.maxShare", "a maxShare or a maxCount", undefined));
  }
  if (input.headcountCaps !== undefined) {
    issues.push(
      issue(
        "inconsistent",
        "policy.headcountCaps",
        "no headcountCaps: the statutory caps (nursing care by Japanese etc. care staff, construction by full-time staff) are law and always apply, hard; remove this key",
        input.headcountCaps,
      ),
    );
  }
  return {
    quotas,
    diversity:
      diversity === undefined ? null : { maxShare: diversity.maxShare ?? null, maxCount: diversity.maxCount ?? null, penalty: diversity.penalty ?? null },
    fairness: (input.fairness ?? []).map((f, i): Fairness => ({ source: at(at("policy", "fairness"), i), by: f.by, minShare: f.minShare, penalty: f.penalty ?? null })).sort(compareFairness),
    groups: { together: input.groups?.together ?? "prefecture", penalty: input.groups?.penalty ?? null },
  };
};
