/**
 * The law's eligibility rules, one by one, each on a hand-made instance with
 * the reason an officer reads: the worker rules (age, five-year limit,
 * departure checklist), the pair rules (job category, home-visit care) and
 * the employer rules (a field not yet open, dispatch, each prerequisite).
 * Expected values are written out from the sources, not read from src.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { exclusionWords } from "../../src/analysis/words.js";
import { decodeInstance } from "../../src/input/decode.js";
import type { Instance } from "../../src/input/instance.js";
import { formatIssues } from "../../src/input/issues.js";
import { match } from "../../src/match.js";
import { exclusions, RULES } from "../../src/rules/eligibility.js";
import { RULE_REASON, RULE_WORDS } from "../../src/rules/ruleIds.js";
import { lawful, type EmployerDraft, type WorkerDraft } from "../support/lawful.js";

const worker = (extra: Partial<WorkerDraft> = {}): WorkerDraft => ({
  id: "W1",
  language: ["N4"],
  careJapaneseTest: true,
  certifications: [
    { field: "construction", via: "skills-test", jobCategory: "building" },
    { field: "nursing-care", via: "skills-test" },
    { field: "food-service", via: "skills-test" },
    { field: "accommodation", via: "skills-test" },
    { field: "agriculture", via: "skills-test", jobCategory: "crop-farming" },
  ],
  trainingCentre: "Semarang",
  homeProvince: "Central Java",
  ...extra,
});

const employer = (extra: Partial<EmployerDraft> = {}): EmployerDraft => ({ id: "E1", prefecture: "37", field: "food-service", slots: 1, hourlyWage: 1100, ...extra });

const decode = (w: WorkerDraft, e: EmployerDraft, extra: object = {}): Instance => {
  const d = decodeInstance(lawful({ placement: { start: "2026-10-01" }, workers: [w], employers: [e], ...extra }));
  if (E.isLeft(d)) throw new Error(formatIssues(d.left));
  return d.right;
};

/** The exclusions of the one pair, as [rule, detail]. */
const why = (w: WorkerDraft, e: EmployerDraft, extra: object = {}): [string, string][] => {
  const d = decode(w, e, extra);
  return exclusions(d.workers[0]!, d.employers[0]!, d.reference).map((x) => [x.rule, x.detail]);
};

describe("the rule table", () => {
  it("names every rule once, with its words and its reason", () => {
    expect(new Set(RULES).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(RULE_WORDS[rule], rule).not.toBe("");
      expect(RULE_REASON[rule], rule).not.toBe("");
    }
  });
});

describe("worker rules", () => {
  it("age: 18 on the start date, from the date of birth or the age given", () => {
    expect(why(worker({ birthDate: "2008-10-02" }), employer())).toEqual([["age", "is 17 on 2026-10-01; SSW (i) needs 18"]]);
    expect(why(worker({ birthDate: "2008-10-01" }), employer())).toEqual([]);
    expect(why(worker({ age: 17 }), employer())).toEqual([["age", "is 17 on 2026-10-01; SSW (i) needs 18"]]);
  });

  it("the five-year SSW (i) limit: months already spent plus the placement", () => {
    expect(why(worker({ sswMonths: 48 }), employer())).toEqual([]);
    expect(why(worker({ sswMonths: 52 }), employer())).toEqual([["ssw-period", "has 52 months in SSW (i); with a 12-month placement that is 64 of the 60 allowed"]]);
    expect(why(worker({ sswMonths: 52 }), employer(), { placement: { start: "2026-10-01", months: 8 } })).toEqual([]);
  });

  it("the departure checklist names what is missing", () => {
    expect(why(worker({ departure: ["health-check", "job-order"] }), employer())).toEqual([
      ["departure-readiness", "departure checklist missing: BPJS Ketenagakerjaan (social security) membership; pre-departure orientation (OPP)"],
    ]);
  });
});

describe("pair rules", () => {
  it("job category: the certification must cover the employer's category, where the field has several", () => {
    expect(why(worker(), employer({ field: "construction", jobCategory: "building" }))).toEqual([]);
    expect(why(worker(), employer({ field: "construction", jobCategory: "civil-engineering" }))).toEqual([["job-category", "certified in building; the job is civil-engineering"]]);
    const unstated = worker({ certifications: [{ field: "construction", via: "skills-test" }] });
    expect(why(unstated, employer({ field: "construction", jobCategory: "building" }))).toEqual([
      ["job-category", "certification in construction names no job category; the job is building (state the category of the skills test or TITP)"],
    ]);
    // an employer naming no category, or a one-category field, asks nothing more
    expect(why(unstated, employer({ field: "construction" }))).toEqual([]);
    // one certification in the field that covers the category is enough, whatever the others name
    const both = worker({
      certifications: [
        { field: "construction", via: "skills-test", jobCategory: "building" },
        { field: "construction", via: "skills-test", jobCategory: "civil-engineering" },
      ],
    });
    expect(why(both, employer({ field: "construction", jobCategory: "civil-engineering" }))).toEqual([]);
    expect(why(both, employer({ field: "construction", jobCategory: "building" }))).toEqual([]);
  });

  it("home-visit care: twelve months of care work and the initial training", () => {
    const care = employer({ field: "nursing-care", homeVisitCare: true });
    expect(why(worker(), care)).toEqual([["home-visit-care", "home-visit care needs 12 months of care work and the initial care training; has 0 months and no initial training"]]);
    expect(why(worker({ careExperienceMonths: 12 }), care)).toEqual([["home-visit-care", "home-visit care needs 12 months of care work and the initial care training; has 12 months and no initial training"]]);
    expect(why(worker({ careExperienceMonths: 12, careInitialTraining: true }), care)).toEqual([]);
    expect(why(worker(), employer({ field: "nursing-care" }))).toEqual([]);
  });
});

describe("employer rules: whoever the worker", () => {
  it("a field not yet open: the 2026 fields (date not set), home-visit care before 2025-04-21", () => {
    const recycling = employer({ field: "resource-recycling" });
    expect(why(worker({ certifications: [{ field: "resource-recycling", via: "skills-test" }] }), recycling, { reference: { fieldCatalogue: "2026-01" } })).toEqual([
      ["field-not-open", "Resource recycling accepts SSW (i) workers only from a date not yet set (expected around 2027)"],
    ]);
    const early = { placement: { start: "2025-04-01" } };
    expect(why(worker({ careExperienceMonths: 24, careInitialTraining: true }), employer({ field: "nursing-care", homeVisitCare: true }), early)).toEqual([
      ["field-not-open", "home-visit care is open to SSW (i) workers only from 2025-04-21"],
    ]);
  });

  it("dispatch: allowed in agriculture and fishery only", () => {
    expect(why(worker(), employer({ employment: "dispatch" }))).toEqual([
      ["employment-form", "employs by dispatch; Food service takes SSW workers in direct employment only (dispatch only in agriculture and fishery)"],
    ]);
    expect(why(worker(), employer({ field: "agriculture", jobCategory: "crop-farming", employment: "dispatch" }))).toEqual([]);
  });

  it("each prerequisite of the field, with what to do about it", () => {
    const construction = employer({ field: "construction", jobCategory: "building", fullTimeStaff: 5, sswEmployed: 0 });
    const failing = why(worker(), { ...construction, declarations: { sectorCouncil: true, constructionLicence: true, jac: false, ccus: true, acceptancePlan: { approved: false, headcount: 3 } } });
    expect(failing).toEqual([
      [
        "employer-prerequisite",
        "not a member of JAC (Japan Association for Construction Human Resources): join directly or through a member body; fees are per worker per month; no approved construction SSW acceptance plan (MLIT): apply to the regional development bureau; approval takes 2 to 12 months",
      ],
    ]);
    expect(why(worker(), employer({ field: "accommodation", declarations: { sectorCouncil: true, lodgingLicence: "simple-lodging", entertainmentBusiness: false } }))[0]?.[1]).toContain("holds no hotel or ryokan licence");
    expect(why(worker(), employer({ declarations: { sectorCouncil: true, entertainmentBusiness: true } }))[0]?.[1]).toContain("entertainment-business (fuzoku) workplace");
    expect(why(worker(), employer({ declarations: { sectorCouncil: false, entertainmentBusiness: false } }))[0]?.[1]).toContain("not a member of the field's SSW sector council");
  });

  it("exclude the employer for every worker, in words an officer reads, and leave it out of the model", () => {
    const input = lawful({
      placement: { start: "2026-10-01" },
      workers: [worker(), worker({ id: "W2" })],
      employers: [employer({ employment: "dispatch", slots: 2 })],
    });
    const r = match(input);
    if (E.isLeft(r)) throw new Error(formatIssues(r.left));
    expect(r.right.model.arcs).toBe(0);
    expect(r.right.employers[0]?.unfilledReason).toEqual({
      kind: "no-eligible-worker",
      excludedBy: [{ rule: "employment-form", count: 2, example: "employs by dispatch; Food service takes SSW workers in direct employment only (dispatch only in agriculture and fishery)" }],
    });
    const d = decode(worker(), employer({ employment: "dispatch" }));
    const x = exclusions(d.workers[0]!, d.employers[0]!, d.reference)[0]!;
    expect(exclusionWords(x, d.workers[0]!, d.employers[0]!, d.reference)).toBe(
      "dispatch outside agriculture and fishery (employs by dispatch; Food service takes SSW workers in direct employment only (dispatch only in agriculture and fishery))",
    );
  });
});
