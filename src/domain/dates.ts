/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no time zone
 * moves a date. Dates compare as strings.
 *
 * @example
 * addMonths("2026-10-01", 12) // "2027-10-01"
 * addMonths("2026-01-31", 1)  // "2026-02-28" (the last day when the month is shorter)
 * ageOn("2008-10-02", "2026-10-01") // 17
 * addDays("2027-03-25", 14) // "2027-04-08"
 */

const parts = (date: string): [number, number, number] => {
  const [y, m, d] = date.split("-").map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
};

const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The date `months` months later (earlier when negative), on the same day or the month's last. */
export const addMonths = (date: string, months: number): string => {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return iso(year, month, Math.min(d, daysIn(year, month)));
};

/** Whole years from `birth` to `on` (a birthday counts on its day; 29 February on 28 February in other years). */
export const ageOn = (birth: string, on: string): number => {
  const [by, bm, bd] = parts(birth);
  const [y, m, d] = parts(on);
  const birthday = Math.min(bd, daysIn(y, bm));
  return y - by - (m < bm || (m === bm && d < birthday) ? 1 : 0);
};

/** Japan's fiscal year of a date: April to March, named by the year it starts in. */
export const fiscalYearOf = (date: string): number => {
  const [y, m] = parts(date);
  return m >= 4 ? y : y - 1;
};

/** The day before. */
export const dayBefore = (date: string): string => {
  const [y, m, d] = parts(date);
  const t = Date.UTC(y, m - 1, d) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
};

/** The date `days` days later (earlier when negative). */
export const addDays = (date: string, days: number): string => {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
};

/** The month of a date, YYYY-MM. */
export const monthOf = (date: string): string => date.slice(0, 7);
