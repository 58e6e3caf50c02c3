/**
 * Synthetic employers.
 *
 * Drawn from small palettes so that identical employers recur: the field
 * follows the same mix as the workers, wages sit a few 50-yen steps above
 * the binding minimum (prefecture, or a higher industry minimum), and a few
 * employers ask for N3 or a skill. Slots per employer are 1..30, most small;
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
 * Splits `total` slots over `count` employers, each within SLOT_RANGE, most
 * of them small. Each employer draws a weight u^k (u uniform), with k chosen
 * so that the mean of `high * u^k` is the mean the total asks for: as skewed
 * as that mean allows (k = 1, a flat spread, when the mean is half the range;
 * larger k, more small employers, when the mean is lower). Slots follow the
 * weights by largest remainders. When the range cannot hold `total`, the
 * nearest feasible total is used (the minimum drops to 0 when there are fewer
 * slots than employers).
 */
export const splitSlots = (total: number, count: number, rng: Random): number[] => {
  const [low, high] = F.SLOT_RANGE.value;
  const min = total >= count * low ? low : 0;
  const mean = count === 0 ? 0 : total / count;
  const k = mean <= 0 ? 1 : Math.min(8, Math.max(0, high / mean - 1));
  const weights = Array.from({ length: count }, () => rng.next() ** k + 1e-9);
  const sum = weights.reduce((a, b) => a + b, 0);
  const ideal = weights.map((w) => (total * w) / sum);
  const slots = ideal.map((x) => Math.min(high, Math.max(min, Math.floor(x))));
  let left = total - slots.reduce((a, b) => a + b, 0);
  const order = ideal.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  while (left !== 0) {
    let moved = false;
    for (const [, i] of order) {
      if (left === 0) break;
      const v = slots[i] as number;
      if (left > 0 && v < high) {
        slots[i] = v + 1;
        left--;
        moved = true;
      } else if (left < 0 && v > min) {
        slots[i] = v - 1;
        left++;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return slots;
};

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
  const slotRng = rng.fork("slots");
  const lawRng = rng.fork("declarations");
  const slots = splitSlots(totalSlots, ids.length, slotRng);
  return drafts.map((d, i) => {
    const n = slots[i] as number;
    const cap = findField(s.catalogue, d.field)?.headcountCap ?? null;
    const staff = cap === null ? 0 : staffFor(n, slotRng);
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
