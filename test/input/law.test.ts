/**
 * What the law asks an instance to declare, decoded: each missing or wrong
 * declaration is a located issue saying what to declare (never a silent
 * pass), all at once. The rendered messages are public behaviour, pinned.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { decodeInstance } from "../../src/input/decode.js";
import { formatIssues } from "../../src/input/issues.js";
import { lawful, lawfulEmployer, lawfulWorker } from "../support/lawful.js";

type Obj = Record<string, unknown>;

const issues = (input: unknown): string => {
  const d = decodeInstance(input);
  return E.isLeft(d) ? formatIssues(d.left) : "";
};

const worker = (extra: Obj = {}): Obj =>
  lawfulWorker({ id: "W1", language: ["N4"], certifications: [{ field: "construction", via: "skills-test" }], trainingCentre: "Semarang", homeProvince: "Central Java", ...extra });

const employer = (extra: Obj = {}): Obj => lawfulEmployer({ id: "E1", prefecture: "37", field: "construction", slots: 2, hourlyWage: 1100, ...extra });

/** An instance with a start date, its rows as given (lawful() would fill back what a test leaves out). */
const instance = (extra: Obj): Obj => ({ reference: { asOf: "2026-04-01" }, ...extra });

/** Deletes a key from an object, returning it. */
const without = (o: Obj, ...keys: string[]): Obj => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

describe("declarations the law needs", () => {
  it("an instance without a start date is told to give one", () => {
    expect(issues({ workers: [], employers: [] })).toBe(
      "placement.start: missing, expected the date placements start, YYYY-MM-DD (or reference.asOf): ages, minimum wages and the SSW (i) limit are read from it",
    );
    expect(issues({ workers: [], employers: [], reference: { asOf: "2026-04-01" } })).toBe("");
  });

  it("a construction employer without its staff figure, SSW count and prerequisites is told what to declare, all at once", () => {
    const e = without(employer(), "fullTimeStaff", "sswEmployed");
    expect(issues(instance({ workers: [worker()], employers: [{ ...e, declarations: { sectorCouncil: true } }] }))).toMatchInlineSnapshot(`
      "employers[0].declarations.constructionLicence: missing, expected a construction business licence under the Construction Business Act, art. 3 (true or false), which Construction requires
      employers[0].declarations.jac: missing, expected membership of JAC, the Japan Association for Construction Human Resources, directly or through a member body (true or false), which Construction requires
      employers[0].declarations.ccus: missing, expected registration of the employer in the Construction Career Up System, CCUS (true or false), which Construction requires
      employers[0].declarations.acceptancePlan: missing, expected the construction SSW acceptance plan: { approved: true or false, headcount: the SSW workers it approves }, which Construction requires
      employers[0].fullTimeStaff: missing, expected the employer's full-time staff, not counting technical interns and SSW (i) workers: the legal cap on its SSW (i) workers
      employers[0].sswEmployed: missing, expected the SSW (i) workers Construction employers already employ (0 for none): they count against the legal cap"
    `);
  });

  it("a nursing-care employer without its Japanese etc. care staff, and one declaring home-visit care outside nursing care", () => {
    const care = without(employer({ field: "nursing-care" }), "japaneseCareStaff");
    expect(issues(instance({ workers: [], employers: [care, employer({ id: "E2", homeVisitCare: true })] }))).toMatchInlineSnapshot(`
      "employers[0].japaneseCareStaff: missing, expected the establishment's full-time care staff who are Japanese etc. (Japanese, permanent residents, care-visa holders, EPA-certified care workers): the legal cap on its SSW (i) workers
      employers[1].homeVisitCare: expected false or absent (home-visit care is a nursing-care job), got true"
    `);
  });

  it("the structure of the new fields: housing, employment, the checklist, a date of birth, an acceptance plan", () => {
    const bad = lawful({
      workers: [worker({ departure: ["bpjs", "visa"], birthDate: "2001-02-30" }), without(worker({ id: "W2" }), "birthDate")],
      employers: [
        employer({ housing: { beds: 2, areaM2: -3 } }),
        employer({ id: "E2", employment: "agency" }),
        employer({ id: "E3", declarations: { sectorCouncil: "yes", acceptancePlan: { approved: true } } }),
        employer({ id: "E4", housing: "dormitory" }),
      ],
    });
    expect(issues(bad)).toMatchInlineSnapshot(`
      "workers[0].departure[1]: expected one of health-check, bpjs, orientation, job-order, got "visa"
      workers[0].birthDate: expected a calendar date YYYY-MM-DD, got "2001-02-30"
      employers[0].housing.areaM2: expected a number > 0, at most 10,000,000, got -3
      employers[1].employment: expected one of direct, dispatch, got "agency"
      employers[2].declarations.sectorCouncil: expected true or false, got "yes"
      employers[2].declarations.acceptancePlan.headcount: missing, expected an integer in 0..1,000,000
      employers[3].housing: expected housing: { "beds": n, "areaM2": m2 } or "private", got "dormitory""
    `);
  });

  it("a worker needs a date of birth or an age, and the two must agree; a former internship names an employer here", () => {
    const input = instance({
      workers: [without(worker(), "birthDate"), worker({ id: "W2", birthDate: "2000-06-01", age: 30 }), worker({ id: "W3", formerInternAt: "E9" })],
      employers: [employer()],
    });
    expect(issues(input)).toMatchInlineSnapshot(`
      "workers[0].birthDate: missing, expected a date of birth YYYY-MM-DD (or age, in whole years on the start date): SSW (i) workers must be 18
      workers[1].age: expected 25, the age on 2026-04-01 from birthDate 2000-06-01 (or leave age out), got 30
      workers[2].formerInternAt: expected the id of an employer in this instance (whose dormitory the worker lived in as a technical intern), got "E9""
    `);
  });

  it("from 2027-04-01 an employer's organisation must be declared, with officers for its employers (10 each)", () => {
    const later = { placement: { start: "2026-10-01" } };
    const named = (id: string) => employer({ id, support: "RSO-1" });
    expect(issues(lawful({ ...later, workers: [], employers: [named("E1")] }))).toBe(
      'employers[0].support: expected "self", or the id of a registered support organisation listed in supportOrganisations (from 2027-04-01 its officers limit whom it can support), got "RSO-1"',
    );
    // before that date the load is only reported: an undeclared organisation is accepted
    expect(issues(lawful({ placement: { start: "2026-03-01" }, workers: [], employers: [named("E1")] }))).toBe("");
    const many = Array.from({ length: 8 }, (_, i) => named(`E${i}`));
    expect(issues(lawful({ ...later, supportOrganisations: [{ id: "RSO-1", officers: 1, employers: 4 }], workers: [], employers: many }))).toBe(
      "supportOrganisations[0].officers: expected at least 2 officers for 12 employers (8 here, 4 elsewhere): from 2027-04-01 an officer supports at most 10 employers; or move employers to another organisation, got 1",
    );
  });

  it("the statutory caps are law: the old policy.headcountCaps is an issue that says so", () => {
    expect(issues(lawful({ workers: [], employers: [], policy: { headcountCaps: {} } }))).toBe(
      "policy.headcountCaps: expected no headcountCaps: the statutory caps (nursing care by Japanese etc. care staff, construction by full-time staff) are law and always apply, hard; remove this key, got {}",
    );
  });

  it("an expected minimum wage names a known prefecture, and an industry minimum it has", () => {
    const input = lawful({
      workers: [],
      employers: [],
      reference: {
        asOf: "2026-04-01",
        expectedMinimumWages: [
          { prefecture: "Atlantis", amount: 1100, from: "2026-10-01" },
          { prefecture: "38", industry: "shipbuilding", amount: 1200, from: "2026-12-01" },
          { prefecture: "37", industry: "machinery-manufacturing", amount: 1224, from: "2026-12-15" },
        ],
      },
    });
    expect(issues(input)).toMatchInlineSnapshot(`
      "reference.expectedMinimumWages[0].prefecture: expected a prefecture code 01..47 or name, got "Atlantis"
      reference.expectedMinimumWages[1].industry: expected none (Ehime has no industry minimum wage), got "shipbuilding""
    `);
  });

  it("a certification's job category is one of its field's", () => {
    expect(issues(lawful({ workers: [worker({ certifications: [{ field: "construction", via: "skills-test", jobCategory: "plumbing" }] })], employers: [] }))).toBe(
      'workers[0].certifications[0].jobCategory: expected a job category of construction (civil-engineering, building, lifelines-equipment), got "plumbing"',
    );
  });
});
