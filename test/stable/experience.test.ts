/**
 * The years an employer counts in a worker's favour (src/stable/preferences.ts
 * `experienceYears`), against its definition: the most years in any one skill
 * the employer requires or prefers, whole years, at most 5 (written here with
 * a set of names, as the market first computed it).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Employer, Worker } from "../../src/input/instance.js";
import { experienceYears } from "../../src/stable/preferences.js";
import { fcOptions } from "../support/seed.js";

const definition = (worker: Worker, employer: Employer): number => {
  const named = new Set([...employer.requiredSkills, ...employer.preferredSkills].map((s) => s.name));
  let best = 0;
  for (const s of worker.skills) if (named.has(s.name)) best = Math.max(best, s.years);
  return Math.min(5, Math.floor(best));
};

const name = fc.constantFrom("welding", "forklift", "cooking", "care", "driving");
const requirement = fc.record({ name, level: fc.constant(null), years: fc.constant(null) });

describe("experienceYears", () => {
  it("is the most years in a skill the employer requires or prefers, whole, at most 5", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ name, level: fc.integer({ min: 1, max: 5 }), years: fc.double({ min: 0, max: 12, noNaN: true }) }), { maxLength: 4 }),
        fc.array(requirement, { maxLength: 3 }),
        fc.array(requirement, { maxLength: 3 }),
        (skills, requiredSkills, preferredSkills) => {
          const worker = { skills } as unknown as Worker;
          const employer = { requiredSkills, preferredSkills } as unknown as Employer;
          expect(experienceYears(worker, employer)).toBe(definition(worker, employer));
        },
      ),
      fcOptions(500),
    );
  });
});
