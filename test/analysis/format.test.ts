/**
 * The explanations as a programme officer reads them, pinned on a small
 * hand-made Kagawa/Ehime instance: a worker placed below a full, better-scoring
 * employer; a worker eligible where every slot went to others; a worker
 * eligible nowhere, with the change that would place them; an employer no
 * worker qualifies for; and the note when the result was not proved optimal.
 */
import * as E from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { explainEmployer, explainWorker } from "../../src/analysis/explain.js";
import { formatEmployerExplanation, formatWorkerExplanation } from "../../src/analysis/format.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import { match } from "../../src/match.js";
import type { MatchResult } from "../../src/result/types.js";
import { lawful } from "../support/lawful.js";

const care = { field: "nursing-care", via: "skills-test" } as const;
const INPUT: InstanceInput = lawful({
  reference: { asOf: "2026-04-01" },
  workers: [
    { id: "W01", language: ["N4"], careJapaneseTest: true, certifications: [care], preferences: { fields: ["caregiving"], prefectures: ["37"] }, trainingCentre: "Semarang", homeProvince: "Central Java" },
    { id: "W02", language: ["N3"], careJapaneseTest: true, certifications: [care], preferences: { fields: ["caregiving", "hospitality"], prefectures: ["38", "37"] }, trainingCentre: "Bandung", homeProvince: "West Java" },
    { id: "W03", language: ["JFT-Basic A2"], careJapaneseTest: true, certifications: [care], preferences: { fields: ["caregiving"] }, trainingCentre: "Semarang", homeProvince: "Central Java" },
    { id: "W04", language: ["N4"], certifications: [{ field: "construction", via: "skills-test" }], skills: [{ name: "welding", level: 1 }], preferences: { fields: ["construction"] }, trainingCentre: "Surabaya", homeProvince: "East Java" },
    { id: "W05", language: ["N5"], certifications: [{ field: "food-service", via: "skills-test" }], preferences: { fields: ["hospitality"], prefectures: ["38"] }, trainingCentre: "Jakarta", homeProvince: "Lampung" },
  ],
  employers: [
    { id: "E01", name: "Sanuki Care", prefecture: "37", field: "nursing-care", slots: 1, hourlyWage: 1186, minLanguage: "N4" },
    { id: "E02", name: "Takamatsu Kaigo", prefecture: "Kagawa", field: "nursing-care", slots: 1, hourlyWage: 1036 },
    { id: "E03", name: "Marugame Steel", prefecture: "37", field: "construction", slots: 2, hourlyWage: 1250, minLanguage: "N3", requiredSkills: [{ name: "welding", level: 2 }] },
    { id: "E04", name: "Matsuyama Udon", prefecture: "38", field: "food-service", slots: 1, hourlyWage: 1100 },
  ],
});

const decoded = decodeInstance(INPUT);
const solved = match(INPUT);
if (E.isLeft(decoded) || E.isLeft(solved)) throw new Error("the fixture is invalid");
const instance = decoded.right;
const result = solved.right;

const worker = (id: string, r: MatchResult = result): string => {
  const x = explainWorker(instance, r, id);
  return E.isLeft(x) ? x.left : formatWorkerExplanation(x.right);
};
const employer = (id: string): string => {
  const x = explainEmployer(instance, result, id);
  return E.isLeft(x) ? x.left : formatEmployerExplanation(x.right);
};

describe("formatWorkerExplanation", () => {
  it("shows the points, and what a better-scoring full employer would have cost", () => {
    expect(worker("W02")).toMatchInlineSnapshot(`
      "W02 is placed at E02 Takamatsu Kaigo (Kagawa, Nursing care), score 29: field 1st choice 20, prefecture 2nd choice 8, Japanese 1 level above the requirement 1.
        E01 Sanuki Care (Kagawa, Nursing care) would score 32, but its slot went to W01; moving W02 to E01 would push out W01 (score 33 there), who could move to E02 (score 30). That would place as many workers with the same total score: a tie, which the plan settles by its fixed tie rule.
        Better offers in the plan (W02 prefers them, and they would take W02 now): E01 (would take W02 over W01).
      "
    `);
  });

  it("shows why an eligible worker was left out, with one exchange worked through", () => {
    expect(worker("W03")).toMatchInlineSnapshot(`
      "W03 is not placed: 2 employers accept them, and all their slots went to others.
        E01 (score 23; its slot went to W01), E02 (score 20; its slot went to W02).
        Placing W03 at E02 would push out W02 (score 29 there), who qualifies for no other free slot. That would place as many workers with a total score 9 lower, and the plan takes the highest total score.
        Smallest change: placed at E04 with the skills test in Food service.
      "
    `);
  });

  it("counts the rules that excluded, names the nearest miss and the smallest change", () => {
    expect(worker("W05")).toMatchInlineSnapshot(`
      "W05 is not placed: none of the 4 employers with slots accepts them.
        - below the legal Japanese minimum: 4 of 4 employers (e.g. E01: needs N4 for Nursing care, has N5)
        - not certified in the employer's field: 3 of 4 employers (e.g. E01: no skills test or TITP No. 2 in Nursing care)
        - below the employer's language requirement: 2 of 4 employers (e.g. E01: asks N4, has N5)
        - without the nursing-care Japanese test: 2 of 4 employers (e.g. E01: no pass recorded, and no care TITP No. 2, care school or EPA)
        - missing a required skill: 1 of 4 employers (e.g. E03: lacks welding level 2)
        Nearest, one rule short:
          E04 Matsuyama Udon (Ehime, Food service), 1 free slot: below the legal Japanese minimum (needs N4 for Food service, has N5)
        Smallest change: placed at E04 with JLPT N4.
      "
    `);
  });

  it("adds a note when the result was not proved optimal, and names the policy constraint that decided it", () => {
    expect(worker("W01", { ...result, status: "time-limit" })).toContain("Note: the solve was not proved optimal (status time-limit)");
    const grouped: InstanceInput = { ...INPUT, workers: INPUT.workers.map((w) => (w.id === "W04" || w.id === "W05" ? { ...w, group: "Lampung family" } : w)) };
    const i = decodeInstance(grouped);
    const r = match(grouped);
    if (E.isLeft(i) || E.isLeft(r)) throw new Error("the fixture is invalid");
    const x = explainWorker(i.right, r.right, "W05");
    // W04 fits no employer, so W05 cannot go without breaking the family.
    expect(E.isRight(x) && formatWorkerExplanation(x.right)).toContain(
      "Smallest change: eligible at E04 with JLPT N4, but placing them there would break group Lampung family (2 workers, together in one prefecture): 1 of its 2 would be placed.",
    );
  });
});

describe("formatEmployerExplanation", () => {
  it("says which requirement binds when no worker qualifies", () => {
    expect(employer("E04")).toMatchInlineSnapshot(`
      "E04 Matsuyama Udon (Ehime, Food service): 1 slot, 0 filled.
        1 empty slot: no worker of the 5 qualifies.
        - not certified in the employer's field: 4 of 5 workers (e.g. W01: no skills test or TITP No. 2 in Food service)
        - below the legal Japanese minimum: 1 of 5 workers (e.g. W05: needs N4 for Food service, has N5)
        The requirement that binds most: certification in Food service (4 workers fail only this one).
      "
    `);
  });

  it("says when no single requirement alone is in the way", () => {
    expect(employer("E03")).toMatchInlineSnapshot(`
      "E03 Marugame Steel (Kagawa, Construction): 2 slots, 0 filled.
        2 empty slots: no worker of the 5 qualifies.
        - missing a required skill: 5 of 5 workers (e.g. W01: lacks welding level 2)
        - not certified in the employer's field: 4 of 5 workers (e.g. W01: no skills test or TITP No. 2 in Construction)
        - below the employer's language requirement: 4 of 5 workers (e.g. W01: asks N3, has N4)
        - below the legal Japanese minimum: 1 of 5 workers (e.g. W05: needs N4 for Construction, has N5)
        No single requirement stands alone in the way: each worker fails two or more.
      "
    `);
  });

  it("names where the qualifying workers went", () => {
    const one: InstanceInput = { ...INPUT, workers: INPUT.workers.slice(0, 1) };
    const i = decodeInstance(one);
    const r = match(one);
    if (E.isLeft(i) || E.isLeft(r)) throw new Error("the fixture is invalid");
    const x = explainEmployer(i.right, r.right, "E02");
    expect(E.isRight(x) ? formatEmployerExplanation(x.right) : x.left).toMatchInlineSnapshot(`
      "E02 Takamatsu Kaigo (Kagawa, Nursing care): 1 slot, 0 filled.
        1 empty slot: 1 worker qualifies, placed elsewhere: W01 at E01 (score 33 there, 30 here).
      "
    `);
  });

  it("lists who filled a full employer", () => {
    expect(employer("E01")).toMatchInlineSnapshot(`
      "E01 Sanuki Care (Kagawa, Nursing care): 1 slot, 1 filled, by W01 (score 33).
      "
    `);
  });
});
