/**
 * The generator's parameters resolved: which fields, with what weights, in
 * which groups (sector, or the field itself outside the pilot's sectors), in
 * which prefectures, and how often workers hold a second certification.
 *
 * The share of eligible worker-employer pairs is steered through that last
 * number. Eligibility is mostly "certified in the employer's field", so the
 * expected share is about (chance that a worker is certified in a random
 * employer's field) x (chance that the other rules then pass). The first
 * factor is computed exactly from the mix and the second-certification rates;
 * the second is the measured NOMINAL_PASS_RATE. `calibrate` picks the rates
 * that make the product the target: first the share of workers also certified
 * in their sector's other field (up to SIBLING_CERTIFICATION_SHARE), then the
 * share certified in a field of another sector.
 */
import { findCatalogue, findField, type FieldCatalogue, type FieldId } from "../domain/fields.js";
import { findPrefecture, type Prefecture } from "../domain/prefectures.js";
import * as F from "./facts.js";
import type { Weighted } from "./random.js";

/**
 * Share of certified-field pairs that pass the remaining rules (language,
 * care test, employer language, required skills) under the default mixes;
 * measured with the library's eligibility rules over 100,000 workers x
 * 10,000 employers (0.78-0.81). Used only to steer `eligibleShare`.
 */
export const NOMINAL_PASS_RATE = 0.79;

export interface Setup {
  readonly catalogue: FieldCatalogue;
  readonly fields: readonly FieldId[];
  readonly fieldChoices: Weighted<FieldId>;
  /** Sector, or the field itself where it has none. */
  readonly group: ReadonlyMap<FieldId, string>;
  /** Groups with a positive weight, largest first. */
  readonly groupsBySize: readonly string[];
  readonly siblings: ReadonlyMap<FieldId, readonly FieldId[]>;
  /** For a main field: the fields of other groups, weighted by the square of their weight (second certifications concentrate on the large fields). */
  readonly crossChoices: ReadonlyMap<FieldId, Weighted<FieldId>>;
  readonly prefectures: readonly Prefecture[];
  readonly pSibling: number;
  readonly pCross: number;
}

export const fail = (message: string): never => {
  throw new RangeError(`generateInstance: ${message}`);
};

const defaultWeight = (field: FieldId): number => {
  const pilot = F.PILOT_FIELD_MIX.value[field];
  if (pilot !== undefined) return pilot;
  const count = F.INDONESIAN_SSW_BY_FIELD_JUNE_2024.value[field];
  const care = F.INDONESIAN_SSW_BY_FIELD_JUNE_2024.value["nursing-care"] as number;
  const careShare = F.PILOT_FIELD_MIX.value["nursing-care"] as number;
  return count === undefined ? F.UNLISTED_FIELD_WEIGHT.value : (count / care) * careShare;
};

/** Expected share of (worker, employer) pairs where the worker is certified in the employer's field. */
const certificationOverlap = (s: Omit<Setup, "pSibling" | "pCross">, pSibling: number, pCross: number): number => {
  const total = s.fieldChoices.reduce((sum, [, w]) => sum + w, 0);
  const share = new Map(s.fieldChoices.map(([f, w]) => [f, w / total]));
  let overlap = 0;
  for (const [main, m] of share) {
    let held = share.get(main) ?? 0;
    const sibs = s.siblings.get(main) ?? [];
    for (const f of sibs) held += (pSibling / sibs.length) * (share.get(f) ?? 0);
    const cross = s.crossChoices.get(main) ?? [];
    const crossTotal = cross.reduce((sum, [, w]) => sum + w, 0);
    for (const [f, w] of cross) held += crossTotal > 0 ? pCross * (w / crossTotal) * (share.get(f) ?? 0) : 0;
    overlap += m * held;
  }
  return (1 - F.NO_CERTIFICATION_SHARE.value) * overlap;
};

/** Second-certification rates that bring the expected eligible share nearest the target. */
const calibrate = (s: Omit<Setup, "pSibling" | "pCross">, target: number): { pSibling: number; pCross: number } => {
  const want = target / NOMINAL_PASS_RATE;
  const base = F.SIBLING_CERTIFICATION_SHARE.value;
  const none = certificationOverlap(s, 0, 0);
  const sib = certificationOverlap(s, base, 0);
  if (want <= sib) {
    const t = sib > none ? (want - none) / (sib - none) : 1;
    return { pSibling: base * Math.min(1, Math.max(0, t)), pCross: 0 };
  }
  const all = certificationOverlap(s, base, 1);
  const t = all > sib ? (want - sib) / (all - sib) : 0;
  return { pSibling: base, pCross: Math.min(1, Math.max(0, t)) };
};

/** What `setUp` needs from the generator's parameters (defaults already applied where there is one). */
export interface SetupOptions {
  readonly fieldCatalogue: string;
  readonly fields: readonly FieldId[] | undefined;
  readonly fieldMix: Readonly<Record<FieldId, number>> | undefined;
  readonly prefectures: readonly string[];
  readonly eligibleShare: number;
  /** When given, workers certified in another sector's field (0..1), instead of steering to `eligibleShare`. */
  readonly crossCertificationShare?: number | undefined;
}

/** Resolves and checks the field and prefecture parameters; throws RangeError on ones that cannot work. */
export const setUp = (p: SetupOptions): Setup => {
  const catalogue = findCatalogue(p.fieldCatalogue) ?? fail(`unknown field catalogue "${p.fieldCatalogue}"`);
  const fields = p.fields ?? (p.fieldMix !== undefined ? Object.keys(p.fieldMix).sort() : F.PILOT_FIELDS.value);
  if (fields.length === 0) fail("no fields given");
  const group = new Map<FieldId, string>();
  for (const f of fields) {
    const field = findField(catalogue, f) ?? fail(`field "${f}" is not in catalogue ${catalogue.version}`);
    group.set(f, field.sector ?? f);
  }
  const weightOf = (f: FieldId): number => (p.fieldMix !== undefined ? (p.fieldMix[f] ?? 0) : defaultWeight(f));
  const fieldChoices: Weighted<FieldId> = fields.map((f) => [f, weightOf(f)] as const);
  if (fieldChoices.some(([, w]) => !(w >= 0)) || !fieldChoices.some(([, w]) => w > 0)) {
    fail("fieldMix needs non-negative weights, one of them positive, for the fields used");
  }
  const groupWeight = new Map<string, number>();
  for (const [f, w] of fieldChoices) groupWeight.set(group.get(f) as string, (groupWeight.get(group.get(f) as string) ?? 0) + w);
  const positive = fieldChoices.filter(([, w]) => w > 0).map(([f]) => f);
  const siblings = new Map(fields.map((f) => [f, positive.filter((g) => g !== f && group.get(g) === group.get(f))]));
  const crossChoices = new Map(
    fields.map((f) => [f, fieldChoices.filter(([g, w]) => w > 0 && group.get(g) !== group.get(f)).map(([g, w]) => [g, w * w] as const)] as const),
  );
  const prefectures = p.prefectures.map(
    (code) => findPrefecture(code) ?? fail(`unknown prefecture "${code}"`),
  );
  if (prefectures.length === 0) fail("no prefectures given");
  const partial = {
    catalogue,
    fields,
    fieldChoices,
    group,
    groupsBySize: [...groupWeight.entries()]
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([g]) => g),
    siblings,
    crossChoices,
    prefectures,
  };
  const fixed = p.crossCertificationShare;
  return { ...partial, ...(fixed === undefined ? calibrate(partial, p.eligibleShare) : { pSibling: F.SIBLING_CERTIFICATION_SHARE.value, pCross: fixed }) };
};
