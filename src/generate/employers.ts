/**
 * Synthetic employers.
 *
 * Drawn from small palettes so that identical employers recur: the field
 * follows the same mix as the workers, wages sit a few 50-yen steps above
 * the binding minimum (prefecture, or a higher industry minimum), and a few
 * employers ask for N3 or a skill. Slots per employer are 1..30 (see `splitSlots`);
 * nursing-care employers declare Japanese care staff and construction
 * employers full-time staff, which cap their SSW intake. Distributions come
 * from ./facts.ts.
 */
import { findField, type FieldId } from "../domain/fields.js";
import type { LanguageRequirement } from "../domain/language.js";
import { industryMinimumOn, minimumWageOn } from "../domain/prefectures.js";
import type { EmployerInput, SkillInput } from "../input/codecs.js";
import * as F from "./facts.js";
import type { Random } from "./random.js";
import type { Setup } from "./setup.js";
import { drawCategory, drawEmployerLaw } from "./law.js";
import { copySkill, paletteSkills } from "./workers.js";

const EMPLOYER_LANGUAGE = F.EMPLOYER_LANGUAGE.value;
const WAGE_STEPS = F.WAGE_STEPS.value;

/** Industries with their own minimum wage, by the field (and job category) whose employers may belong to them. */
const industryOf = (field: FieldId, jobCategory: string | undefined): string | undefined =>
  field === "shipbuilding"
    ? "shipbuilding"
    : field === "industrial-products"
      ? jobCategory === "electrical-electronic-assembly"
        ? "electronics-manufacturing"
        : "machinery-manufacturing"
      : undefined;

interface EmployerDraft {
  readonly id: string;
  readonly prefecture: string;
  readonly field: FieldId;
  readonly jobCategory: string | undefined;
  readonly minLanguage: LanguageRequirement | null;
  readonly requiredSkills: SkillInput[];
  readonly preferredSkills: SkillInput[];
  readonly hourlyWage: number;
  readonly industry: string | undefined;
}

const makeEmployer = (id: string, field: FieldId, s: Setup, rng: Random, asOf: string): EmployerDraft => {
  const prefecture = rng.pick(s.prefectures);
  const jobCategory = drawCategory(s.catalogue, field, rng);
  const minLanguage = rng.weighted(EMPLOYER_LANGUAGE);

  const required = F.EMPLOYER_REQUIRED_SKILLS.value[field];
  const requiredSkills = required !== undefined && rng.chance(F.EMPLOYER_REQUIRED_SKILL_SHARE.value) ? required.map(copySkill) : [];

  const palette = paletteSkills(field);
  const u = rng.next();
  const { one, two } = F.EMPLOYER_PREFERRED_SKILL_SHARES.value;
  const count = Math.min(palette.length, u < one ? 1 : u < one + two ? 2 : 0);
  const preferredSkills: SkillInput[] = rng
    .shuffle(palette)
    .slice(0, count)
    .sort()
    .map((name) => (rng.chance(F.EMPLOYER_PREFERS_EXPERIENCE_SHARE.value) ? { name, years: F.TITP_YEARS.value } : { name }));

  const special = industryOf(field, jobCategory);
  const industryMinimum =
    special === undefined ? undefined : prefecture.industryMinimumWages.find((m) => m.industry === special);
  const industry = industryMinimum !== undefined && rng.chance(F.INDUSTRY_MINIMUM_SHARE.value) ? industryMinimum : undefined;
  const floor = Math.max(minimumWageOn(prefecture, asOf).amount, industry === undefined ? 0 : industryMinimumOn(industry, asOf));
  const hourlyWage = floor + rng.weighted(WAGE_STEPS);

  return {
    id,
    prefecture: prefecture.code,
    field,
    jobCategory,
    minLanguage,
    requiredSkills,
    preferredSkills,
    hourlyWage,
    industry: industry?.industry,
  };
};

/** The employer row, keys in the format's order, optional keys omitted when empty. */
const employerRow = (
  d: EmployerDraft,
  slots: number,
  staff: { fullTimeStaff?: number; japaneseCareStaff?: number },
  law: Pick<EmployerInput, "employment" | "japaneseWage" | "support" | "housing" | "declarations" | "sswEmployed" | "homeVisitCare">,
): EmployerInput => ({
  id: d.id,
  prefecture: d.prefecture,
  field: d.field,
  ...(d.jobCategory !== undefined ? { jobCategory: d.jobCategory } : {}),
  slots,
  ...(d.minLanguage !== null ? { minLanguage: d.minLanguage } : {}),
  ...(d.requiredSkills.length > 0 ? { requiredSkills: d.requiredSkills } : {}),
  ...(d.preferredSkills.length > 0 ? { preferredSkills: d.preferredSkills } : {}),
  hourlyWage: d.hourlyWage,
  ...(d.industry !== undefined ? { industry: d.industry } : {}),
  ...staff,
  ...law,
});

/**
 * Splits `total` slots over `count` employers, each within SLOT_RANGE. Each
 * employer draws a weight (uniform, so sizes spread over the range), and the
 * slots are handed out one at a time: first one to each employer (largest
 * weight first) until every employer has the range's minimum, then each next
 * slot to the employer with the largest weight / (slots + 1) that is not full
 * (D'Hondt's rule; ties to the earlier employer). Slots end up roughly in
 * proportion to the weights, and the split is *house-monotone*: with the same
 * employers, `total + 1` slots give every employer what `total` gave it, plus
 * one slot to one of them. A variation that adds slots to a group therefore
 * never takes a slot from any of its employers (common random numbers), and
 * the weights do not depend on `total`. When the range cannot hold `total`,
 * every employer is full (count x maximum slots); with fewer slots than
 * employers, the lightest employers get none.
 */
export const splitSlots = (total: number, count: number, rng: Random): number[] => {
  const [low, high] = F.SLOT_RANGE.value;
  const weights = Array.from({ length: count }, () => 1 - rng.next());
  const slots = new Array<number>(count).fill(0);
  if (high <= 0 || count === 0) return slots;
  // The minimum first, largest weight first (weights are at most 1, so every D'Hondt quotient is below a minimum's).
  const floor = Math.min(total, count * low);
  const byWeight = weights.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let given = 0; given < floor; given++) {
    const i = (byWeight[given % count] as readonly [number, number])[1];
    slots[i] = (slots[i] as number) + 1;
  }
  let left = total - floor;
  if (left <= 0) return slots;
  // The rest are the `left` largest quotients w / (s + 1), s = low .. high - 1. Give at once every quotient
  // above a threshold that keeps them at most `left` (bisection), then the last few one at a time.
  const above = (lambda: number): number[] =>
    weights.map((w) => {
      let s = Math.min(high, Math.max(low, Math.ceil(w / lambda) - 1));
      while (s > low && !(w / s > lambda)) s--;
      while (s < high && w / (s + 1) > lambda) s++;
      return s;
    });
  const given = (list: readonly number[]): number => list.reduce((a, s) => a + s - low, 0);
  let lo = 0;
  let hi = 1;
  for (let round = 0; round < 60 && given(above(hi)) > left; round++) hi *= 2;
  for (let round = 0; round < 60; round++) {
    const mid = (lo + hi) / 2;
    if (given(above(mid)) > left) lo = mid;
    else hi = mid;
  }
  const start = above(hi);
  start.forEach((s, i) => (slots[i] = s));
  left -= given(start);
  const priority = (i: number): number => (weights[i] as number) / ((slots[i] as number) + 1);
  const heap = new MaxHeap((a, b) => {
    const pa = priority(a);
    const pb = priority(b);
    return pa > pb || (pa === pb && a < b);
  });
  for (let i = 0; i < count; i++) if ((slots[i] as number) < high) heap.push(i);
  for (; left > 0 && heap.size > 0; left--) {
    const i = heap.pop();
    slots[i] = (slots[i] as number) + 1;
    if ((slots[i] as number) < high) heap.push(i);
  }
  return slots;
};

/** A binary heap of employer indices, best first by `before` (priorities change only for the popped index). */
class MaxHeap {
  private readonly items: number[] = [];
  constructor(private readonly before: (a: number, b: number) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  push(x: number): void {
    const a = this.items;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(a[i] as number, a[parent] as number)) break;
      [a[i], a[parent]] = [a[parent] as number, a[i] as number];
      i = parent;
    }
  }
  pop(): number {
    const a = this.items;
    const top = a[0] as number;
    const last = a.pop() as number;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let best = i;
        if (l < a.length && this.before(a[l] as number, a[best] as number)) best = l;
        if (r < a.length && this.before(a[r] as number, a[best] as number)) best = r;
        if (best === i) break;
        [a[i], a[best]] = [a[best] as number, a[i] as number];
        i = best;
      }
    }
    return top;
  }
}

/** Staff behind a headcount cap: usually more than the slots; below them for a share of employers, so the cap binds. */
const staffFor = (slots: number, rng: Random): number =>
  rng.chance(F.STAFF_BELOW_SLOTS_SHARE.value) ? Math.max(0, slots - rng.int(1, 5)) : slots + rng.int(0, 20);

/**
 * Each employer's field: the mix applied to `count` by largest remainders,
 * then shuffled, so that even 150 employers follow the mix closely.
 */
const employerFields = (count: number, s: Setup, rng: Random): FieldId[] => {
  const total = s.fieldChoices.reduce((sum, [, w]) => sum + w, 0);
  const ideal = s.fieldChoices.map(([f, w]) => [f, (count * w) / total] as const);
  const counts = ideal.map(([, x]) => Math.floor(x));
  let left = count - counts.reduce((a, b) => a + b, 0);
  const order = ideal.map(([, x], i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left === 0) break;
    counts[i] = (counts[i] as number) + 1;
    left--;
  }
  return rng.shuffle(ideal.flatMap(([f], i) => Array.from({ length: counts[i] as number }, () => f)));
};

/** The employers, with ids `ids` and `totalSlots` slots between them (as far as SLOT_RANGE allows). */
export const makeEmployers = (ids: readonly string[], totalSlots: number, s: Setup, rng: Random, asOf: string): EmployerInput[] => {
  const fields = employerFields(ids.length, s, rng.fork("fields"));
  const drafts = ids.map((id, i) => makeEmployer(id, fields[i] as FieldId, s, rng, asOf));
  // Weights, staff and declarations each from a stream of their own, one draw pattern per employer
  // whatever its slots: with more slots or more employers, every employer's draws stay the same.
  const staffRng = rng.fork("staff");
  const lawRng = rng.fork("declarations");
  const slots = splitSlots(totalSlots, ids.length, rng.fork("slots"));
  return drafts.map((d, i) => {
    const n = slots[i] as number;
    const cap = findField(s.catalogue, d.field)?.headcountCap ?? null;
    const staff = cap === null ? 0 : staffFor(n, staffRng);
    const law = drawEmployerLaw(d.field, s.catalogue, n, d.hourlyWage, lawRng);
    return employerRow(
      d,
      n,
      {
        ...(cap === "full-time-staff" ? { fullTimeStaff: staff } : {}),
        ...(cap === "japanese-care-staff" ? { japaneseCareStaff: staff } : {}),
      },
      // An employer is within its cap already: SSW workers employed never exceed the staff.
      law.sswEmployed === undefined ? law : { ...law, sswEmployed: Math.min(law.sswEmployed, staff) },
    );
  });
};
