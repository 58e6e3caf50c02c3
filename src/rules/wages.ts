/**
 * Wages over the whole placement. A slot's wage must be at least every floor
 * in force at any time during the placement period:
 *
 * - the prefecture's regional minimum wage, every record in force at the
 *   start or taking effect before the end, including revisions the instance
 *   expects (`reference.expectedMinimumWages`) but that are not published;
 * - the industry (specific) minimum of the employer's declared industry,
 *   likewise, where the prefecture has one;
 * - equal pay: the wage of a Japanese employee in the same job at that
 *   employer (its declared `japaneseWage`), from the start.
 *
 * A minimum wage series is revised about once a year. Where the anniversary
 * of its latest known (or expected) revision falls before the period ends,
 * the next revision is due during the period with no rate known: the
 * schedule lists it as unpublished, and the result says which placements
 * rest on the wage staying lawful through it.
 *
 * An override in `reference.minimumWages` replaces the regional series with
 * one amount for the whole period.
 *
 * Slot groups that start later (`employers[].slotGroups`) are paid from
 * their start, and the check still reads the whole period: minimum wages
 * only rise, so the highest floor in force from a group's start to the
 * period's end is the highest of the whole period, and the verdict is the
 * same as a check from the group's own start. (A raise the result lists as
 * due on a date before a group starts is due for that group on its start.)
 *
 * @example
 * // Kagawa, wage 1,050, period 2026-10-01 + 12 months, FY2026 expected 1,102 from 2026-10-01:
 * // steps: 1,036 (FY2025, from the start), 1,102 (FY2026, expected, 2026-10-01), equal pay 1,050
 * // shortfalls: 1,102 from 2026-10-01
 */
import { addMonths, fiscalYearOf } from "../domain/dates.js";
import { minimumWageOn, recordOn, type IndustryMinimumWage, type MinimumWageRecord, type Prefecture } from "../domain/prefectures.js";
import type { PlacementPeriod, UnpublishedRevision, WageFloor, WageSchedule, WageStep } from "../input/instance.js";

/** A record of a series, published or expected. */
interface SeriesRecord extends MinimumWageRecord {
  readonly expected: boolean;
}

/** A series of one floor: its name, its records (oldest first), and the override replacing it, if any. */
interface Series {
  readonly what: string;
  readonly prefecture: string;
  readonly industry: string | null;
  readonly records: readonly SeriesRecord[];
}

/** What the schedule of one employer is computed from. */
export interface WageInputs {
  readonly prefecture: Prefecture;
  readonly industry: string | null;
  readonly hourlyWage: number;
  readonly japaneseWage: number;
  /** The regional amount from `reference.minimumWages`, if overridden. */
  readonly override: number | undefined;
  /** Expected records from `reference.expectedMinimumWages` for this prefecture: `industry` null for the regional minimum. */
  readonly expected: readonly { readonly industry: string | null; readonly amount: number; readonly from: string; readonly source: string }[];
}

/** Undated records first (in force until the first dated one), then by date; stable. */
const byDate = (a: SeriesRecord, b: SeriesRecord): number =>
  (a.effectiveFrom ?? "") < (b.effectiveFrom ?? "") ? -1 : (a.effectiveFrom ?? "") > (b.effectiveFrom ?? "") ? 1 : 0;

const seriesOf = (i: WageInputs, industry: IndustryMinimumWage | undefined): Series[] => {
  const p = i.prefecture;
  const expectedFor = (key: string | null): SeriesRecord[] =>
    i.expected
      .filter((e) => e.industry === key)
      .map((e) => ({ amount: e.amount, fiscalYear: fiscalYearOf(e.from), effectiveFrom: e.from, source: e.source, expected: true }));
  const regional: Series =
    i.override !== undefined
      ? {
          what: `${p.name} minimum wage as overridden in reference.minimumWages`,
          prefecture: p.code,
          industry: null,
          records: [{ amount: i.override, fiscalYear: 0, effectiveFrom: null, source: "reference.minimumWages", expected: false }],
        }
      : {
          what: `${p.name} minimum wage`,
          prefecture: p.code,
          industry: null,
          records: [...p.minimumWages.map((r) => ({ ...r, expected: false })), ...expectedFor(null)].sort(byDate),
        };
  if (industry === undefined) return [regional];
  return [
    regional,
    {
      what: `${p.name} ${industry.industry} minimum wage`,
      prefecture: p.code,
      industry: industry.industry,
      records: [...industry.records.map((r) => ({ ...r, expected: false })), ...expectedFor(industry.industry)].sort(byDate),
    },
  ];
};

const stepOf = (s: Series, r: SeriesRecord, from: string): WageStep => ({
  amount: r.amount,
  from,
  since: r.effectiveFrom ?? from,
  what: r.fiscalYear > 0 ? `${s.what} FY${r.fiscalYear}` : s.what,
  source: r.source,
  expected: r.expected,
});

/** The floors of one series in force during [start, end): the one at the start (if any) and each taking effect later. */
const stepsOf = (s: Series, period: PlacementPeriod): WageStep[] => {
  // The regional minimum always applies (its oldest record before the first date); an industry minimum only once in force.
  const first = recordOn(s.records, period.start) ?? (s.industry === null ? s.records[0] : undefined);
  const later = s.records.filter((r) => r.effectiveFrom !== null && r.effectiveFrom > period.start && r.effectiveFrom < period.end);
  return [...(first === undefined ? [] : [stepOf(s, first, period.start)]), ...later.map((r) => stepOf(s, r, r.effectiveFrom as string))];
};

/**
 * The yearly revisions of a series due before `end` after its latest dated
 * record: one a year from its anniversary, each with the fiscal year it
 * would belong to and the latest amount before it.
 */
export const revisionsDue = (
  records: readonly MinimumWageRecord[],
  end: string,
): { readonly fiscalYear: number; readonly dueAround: string; readonly latestAmount: number }[] => {
  const latest = records.reduce<MinimumWageRecord | undefined>(
    (l, r) => (r.effectiveFrom === null ? l : l === undefined || r.effectiveFrom > (l.effectiveFrom as string) ? r : l),
    undefined,
  );
  if (latest === undefined) return [];
  const out: { fiscalYear: number; dueAround: string; latestAmount: number }[] = [];
  for (let due = addMonths(latest.effectiveFrom as string, 12), fy = latest.fiscalYear + 1; due < end; due = addMonths(due, 12), fy += 1) {
    out.push({ fiscalYear: fy, dueAround: due, latestAmount: latest.amount });
  }
  return out;
};

/** Revisions due in the period with no rate known or expected. */
const unpublishedOf = (s: Series, period: PlacementPeriod): UnpublishedRevision[] =>
  s.records.some((r) => r.fiscalYear === 0) // overridden: one amount for the whole period
    ? []
    : revisionsDue(s.records, period.end).map((r) => ({ what: s.what, prefecture: s.prefecture, industry: s.industry, fiscalYear: r.fiscalYear, dueAround: r.dueAround }));

/** Steps in date order; the floor in force on a date is the highest of the latest step of each kind. */
const floorAt = (steps: readonly (WageStep & { readonly kind: string })[], date: string): number => {
  const latest = new Map<string, WageStep>();
  for (const s of steps) if (s.from <= date) latest.set(s.kind, s);
  let floor = 0;
  for (const s of latest.values()) floor = Math.max(floor, s.amount);
  return floor;
};

/** The raises: each step that lifts the floor in force above the wage and above the floor just before it. */
const shortfallsOf = (kinded: readonly (WageStep & { readonly kind: string })[], hourlyWage: number): WageStep[] => {
  const shortfalls: WageStep[] = [];
  let before = 0;
  for (const date of [...new Set(kinded.map((s) => s.from))]) {
    const floor = floorAt(kinded, date);
    if (floor > hourlyWage && floor > before) {
      const setter = kinded.find((s) => s.from === date && s.amount === floor) ?? kinded.find((s) => s.amount === floor && s.from <= date);
      if (setter !== undefined) shortfalls.push({ amount: setter.amount, from: date, since: setter.since, what: setter.what, source: setter.source, expected: setter.expected });
    }
    before = Math.max(before, floor);
  }
  return shortfalls;
};

/** Equal pay: the declared wage of a Japanese employee in the same job, from the start. */
const equalPayStep = (japaneseWage: number, start: string): WageStep => ({
  amount: japaneseWage,
  from: start,
  since: start,
  what: "equal pay (a Japanese employee in the same job)",
  source: "the employer's declared japaneseWage",
  expected: false,
});

/** The schedule of floors over the period for one employer; see the module comment. */
export const wageSchedule = (i: WageInputs, period: PlacementPeriod): WageSchedule => {
  const industry = i.industry === null ? undefined : i.prefecture.industryMinimumWages.find((m) => m.industry === i.industry);
  const series = seriesOf(i, industry);
  const equalPay = equalPayStep(i.japaneseWage, period.start);
  const kinded = [
    ...series.flatMap((s) => stepsOf(s, period).map((step) => ({ ...step, kind: s.what }))),
    { ...equalPay, kind: "equal-pay" },
  ].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.amount - b.amount));
  return {
    steps: kinded.map(({ kind: _kind, ...step }) => step),
    shortfalls: shortfallsOf(kinded, i.hourlyWage),
    unpublished: series.flatMap((s) => unpublishedOf(s, period)),
  };
};

/**
 * The binding minimum wage on `date` (regional, or a higher industry
 * minimum), with where it comes from; the wage every slot must pay from the
 * start. Equal pay is not part of it.
 */
export const minimumWageFloor = (i: Pick<WageInputs, "prefecture" | "industry" | "override">, date: string | undefined): WageFloor => {
  const p = i.prefecture;
  const regional: WageFloor =
    i.override !== undefined
      ? { amount: i.override, source: `${p.name} minimum wage as overridden in reference.minimumWages` }
      : (() => {
          const r = minimumWageOn(p, date);
          return { amount: r.amount, source: `${p.name} minimum wage FY${r.fiscalYear}${r.effectiveFrom === null ? "" : ` from ${r.effectiveFrom}`}` };
        })();
  const industry = i.industry === null ? undefined : p.industryMinimumWages.find((m) => m.industry === i.industry);
  const record = industry === undefined ? undefined : recordOn(industry.records, date);
  return record !== undefined && industry !== undefined && record.amount > regional.amount
    ? { amount: record.amount, source: `${p.name} ${industry.industry} minimum wage FY${record.fiscalYear}${record.effectiveFrom === null ? "" : ` from ${record.effectiveFrom}`}` }
    : regional;
};

/** What a schedule reads besides the employer's own two wages: the floors of its prefecture and industry over the period. */
interface FloorsOfPlace {
  readonly expected: WageInputs["expected"];
  /** The series' steps, with their kind, in the order `wageSchedule` sorts them. */
  readonly kinded: readonly (WageStep & { readonly kind: string })[];
  /** The same steps without their kind (frozen: every schedule of the place shares them). */
  readonly steps: readonly WageStep[];
  readonly unpublished: readonly UnpublishedRevision[];
}

const byDateThenAmount = (a: WageStep, b: WageStep): number => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.amount - b.amount);

/**
 * `wageSchedule` for many employers of one period: the floors of each
 * (prefecture, industry, override) are worked out once, and each employer
 * adds only its equal-pay step and its shortfalls. Gives what
 * `wageSchedule(i, period)` gives, value for value (test/rules/wageScheduler.test.ts);
 * the steps and unpublished revisions it shares between employers are
 * frozen. For one decode: keep it no longer than the period and the
 * expected lists it was called with (a changed expected list is seen, by
 * identity, and worked out again).
 */
export const wageScheduler = (period: PlacementPeriod): ((i: WageInputs) => WageSchedule) => {
  const places = new Map<string, FloorsOfPlace>();
  const floorsOf = (i: WageInputs): FloorsOfPlace => {
    const key = JSON.stringify([i.prefecture.code, i.industry, i.override ?? null]);
    const known = places.get(key);
    if (known !== undefined && known.expected === i.expected) return known;
    const industry = i.industry === null ? undefined : i.prefecture.industryMinimumWages.find((m) => m.industry === i.industry);
    const series = seriesOf(i, industry);
    const kinded = series.flatMap((s) => stepsOf(s, period).map((step) => ({ ...step, kind: s.what }))).sort(byDateThenAmount);
    const floors: FloorsOfPlace = {
      expected: i.expected,
      kinded,
      steps: Object.freeze(kinded.map(({ kind: _kind, ...step }) => Object.freeze(step))),
      unpublished: Object.freeze(series.flatMap((s) => unpublishedOf(s, period)).map((u) => Object.freeze(u))),
    };
    places.set(key, floors);
    return floors;
  };
  return (i) => {
    const place = floorsOf(i);
    const equalPay = equalPayStep(i.japaneseWage, period.start);
    // A stable sort puts equal pay (last in wageSchedule's list) after every step that sorts with it or before it.
    let at = 0;
    while (at < place.kinded.length && byDateThenAmount(place.kinded[at] as WageStep, equalPay) <= 0) at++;
    const kinded = [...place.kinded.slice(0, at), { ...equalPay, kind: "equal-pay" }, ...place.kinded.slice(at)];
    return { steps: [...place.steps.slice(0, at), equalPay, ...place.steps.slice(at)], shortfalls: shortfallsOf(kinded, i.hourlyWage), unpublished: place.unpublished };
  };
};
