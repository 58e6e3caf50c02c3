/**
 * Calendar arithmetic on ISO dates, against the JavaScript Date (UTC) as the
 * oracle: months added clamp to the month's last day, ages count a birthday
 * on its day, fiscal years start in April.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths, ageOn, dayBefore, fiscalYearOf } from "../../src/domain/dates.js";
import { fcOptions } from "../support/seed.js";

const dateArb = fc
  .date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2060-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("dates", () => {
  it("addMonths: the same day, or the month's last when it is shorter; back and forth by whole years is the identity", () => {
    expect(addMonths("2026-10-01", 12)).toBe("2027-10-01");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-03-15", -15)).toBe("2024-12-15");
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const out = addMonths(date, months);
        const d = new Date(`${date}T00:00:00Z`);
        const expectedMonth = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
        const o = new Date(`${out}T00:00:00Z`);
        expect(o.getUTCFullYear() * 12 + o.getUTCMonth()).toBe(expectedMonth);
        const last = new Date(Date.UTC(o.getUTCFullYear(), o.getUTCMonth() + 1, 0)).getUTCDate();
        expect(o.getUTCDate()).toBe(Math.min(d.getUTCDate(), last));
        if (d.getUTCDate() <= 28) expect(addMonths(out, -months)).toBe(date);
      }),
      fcOptions(200),
    );
  });

  it("ageOn: whole years, a birthday counting on its day", () => {
    expect(ageOn("2008-10-02", "2026-10-01")).toBe(17);
    expect(ageOn("2008-10-01", "2026-10-01")).toBe(18);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(18);
    expect(ageOn("2008-02-29", "2026-02-27")).toBe(17);
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        const [birth, on] = a <= b ? [a, b] : [b, a];
        const age = ageOn(birth, on);
        expect(age).toBeGreaterThanOrEqual(0);
        // the age-th birthday is on or before the date, the next one after it
        expect(addMonths(birth, 12 * age) <= on).toBe(true);
        expect(addMonths(birth, 12 * (age + 1)) > on).toBe(true);
      }),
      fcOptions(200),
    );
  });

  it("fiscalYearOf: April to March; dayBefore: the previous calendar day", () => {
    expect([fiscalYearOf("2026-03-31"), fiscalYearOf("2026-04-01"), fiscalYearOf("2025-10-18")]).toEqual([2025, 2026, 2025]);
    expect([dayBefore("2027-10-01"), dayBefore("2024-03-01"), dayBefore("2026-01-01")]).toEqual(["2027-09-30", "2024-02-29", "2025-12-31"]);
  });
});
