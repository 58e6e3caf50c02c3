/**
 * The law in the stability room: no stable plan (nor the optimal plan with
 * no blocking pair at a top choice) places a worker against a legal limit,
 * and the audit never counts as a better offer a move the law forbids. The limits are written out again from the sources (./oracle.ts
 * `legalMost`, `legalRegions`: staff caps less SSW workers already employed,
 * the construction acceptance plan, housing's beds and 7.5 m2 a person, a
 * support organisation's 50 workers per officer once the period reaches
 * 2027-04-01), not read from src.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EmployerInput, InstanceInput } from "../../src/input/codecs.js";
import { match } from "../../src/match.js";
import { priceOfStability } from "../../src/stable/price.js";
import { stableMatch, type StableOptions } from "../../src/stable/stable.js";
import { auditMatch } from "../../src/stable/stabilityReport.js";
import { fcOptions } from "../support/seed.js";
import { capsArb, marketArb, planArb } from "./arbitraries.js";
import { employer, instance, worker } from "./builders.js";
import { eligible, legalMost, legalRegions } from "./oracle.js";

type Plan = ReadonlyMap<string, string>;

const count = (input: InstanceInput, plan: Plan, has: (e: EmployerInput) => boolean): number => {
  const byId = new Map(input.employers.map((e) => [e.id, e]));
  return [...plan.values()].filter((id) => has(byId.get(id) as EmployerInput)).length;
};

/** Whether the plan keeps every employer within the law's most and every support organisation within its capacity. */
const lawfulPlan = (input: InstanceInput, plan: Plan): boolean =>
  input.employers.every((e) => count(input, plan, (x) => x.id === e.id) <= legalMost(e)) && legalRegions(input).every((r) => count(input, plan, r.has) <= r.max);

/** A market whose legal limits bind often: rankings, sometimes support organisations with little room, sometimes a policy's maximums. */
const lawMarket = fc
  .boolean()
  .chain((support) => marketArb({ workers: 10, employers: 5, rankings: true, support }))
  .chain((m) => fc.option(capsArb(m), { nil: undefined, freq: 3 }).map((policy) => (policy === undefined ? m : { ...m, policy })));

describe("the law in stable plans and the audit", () => {
  it("no stable plan places a worker against a legal limit, whatever the mechanism (oracle from the sources)", () => {
    let bound = 0;
    let organisations = 0;
    const mechanisms: StableOptions[] = [{}, { caps: "rigid" }, { proposing: "employers" }, { tieBreak: "multiple", seed: 3 }];
    fc.assert(
      fc.property(lawMarket, (input) => {
        for (const options of mechanisms) {
          const r = stableMatch(input, options);
          if (E.isLeft(r)) throw new Error(`generated market rejected: ${JSON.stringify(r.left.slice(0, 3))}`);
          const plan = new Map(r.right.placements.map((p) => [p.workerId, p.employerId]));
          expect(lawfulPlan(input, plan)).toBe(true);
          if (options.caps === undefined && options.proposing === undefined && options.tieBreak === undefined) {
            // Somewhere a limit below the slots is reached: the law, not the slots, decided.
            bound += input.employers.filter((e) => legalMost(e) < e.slots && count(input, plan, (x) => x.id === e.id) === legalMost(e) && legalMost(e) > 0).length;
            organisations += legalRegions(input).filter((o) => count(input, plan, o.has) === o.max).length;
          }
        }
      }),
      fcOptions(150),
    );
    expect(bound).toBeGreaterThan(10);
    expect(organisations).toBeGreaterThan(3);
  });

  it("the optimal plan with no blocking pair at a top choice keeps to every legal limit too, and scores no more than the optimum", () => {
    let organisations = 0;
    fc.assert(
      fc.property(
        marketArb({ workers: 6, employers: 3, rankings: true, support: true }),
        (input) => {
          const p = priceOfStability(input, { topChoice: true, engine: "lp-solver" });
          if (E.isLeft(p)) throw new Error(JSON.stringify(p.left.slice(0, 3)));
          const top = p.right.topChoice;
          if (top === null || !top.hasSolution) throw new Error(`no top-choice plan: ${top?.status}`);
          expect(lawfulPlan(input, new Map(top.placements.map((x) => [x.workerId, x.employerId])))).toBe(true);
          expect(top.summary.placed).toBeLessThanOrEqual(p.right.optimal.summary.placed);
          if (top.summary.placed === p.right.optimal.summary.placed) expect(top.summary.totalScore).toBeLessThanOrEqual(p.right.optimal.summary.totalScore);
          organisations += legalRegions(input).filter((o) => count(input, new Map(top.placements.map((x) => [x.workerId, x.employerId])), o.has) === o.max).length;
        },
      ),
      fcOptions(60),
    );
    expect(organisations).toBeGreaterThan(3);
  });

  it("the audit reports no blocking pair the law would forbid: after the move, the employer and its organisation stay within the law", () => {
    let pairs = 0;
    const scenario = lawMarket.chain((input) => fc.tuple(fc.constant(input), planArb(input, eligible)));
    fc.assert(
      fc.property(scenario, ([input, placements]) => {
        const plan = new Map(placements.map((p) => [p.workerId, p.employerId]));
        // The question is only asked of plans within the law (as every plan jobmatch makes is).
        fc.pre(lawfulPlan(input, plan));
        const report = auditMatch(input, { placements }, { limit: Infinity });
        if (E.isLeft(report)) throw new Error(JSON.stringify(report.left.slice(0, 3)));
        for (const p of report.right.pairs) {
          const after = new Map(plan);
          if (p.kind === "preferred" && p.displaces !== null) after.delete(p.displaces);
          after.set(p.workerId, p.employerId);
          expect(lawfulPlan(input, after), `${p.workerId} to ${p.employerId} (${p.kind})`).toBe(true);
          pairs++;
        }
      }),
      fcOptions(200),
    );
    expect(pairs).toBeGreaterThan(50);
  });

  it("a worker's derived preference reads the starting wage: the declared wage with the raises due from the first day, not later ones", () => {
    // E5 declares 1,100 but pays its Japanese employee 1,200 (equal pay from the start): it starts at 1,200.
    // E3 pays 1,150. Kagawa's expected revision (1,250 from 2026-12-01) lifts both to 1,250 later in the period.
    // Read at the declared wage, or after every raise (a tie, which goes to the smaller id), she would take E3.
    const input = instance(
      [worker("w1")],
      [employer("E5", { hourlyWage: 1100, japaneseWage: 1200 }), employer("E3", { hourlyWage: 1150 })],
      { reference: { asOf: "2026-10-01", expectedMinimumWages: [{ prefecture: "37", amount: 1250, from: "2026-12-01" }] } },
    );
    const stable = stableMatch(input);
    if (E.isLeft(stable)) throw new Error(JSON.stringify(stable.left));
    expect(stable.right.placements.map((p) => p.employerId)).toEqual(["E5"]);
    // Excluding instead of raising, E5 (under equal pay) and E3 (under the revision) are out: nobody is placed.
    const strict = stableMatch({ ...input, placement: { start: "2026-10-01", wages: "exclude" } });
    if (E.isLeft(strict)) throw new Error(JSON.stringify(strict.left));
    expect(strict.right.summary.placed).toBe(0);
  });

  it("a construction employer at its staff cap and an organisation at its capacity offer no free slot; the optimiser's plan is audited alike", () => {
    const workers = ["w1", "w2", "w3", "w4"].map((id) =>
      worker(id, { certifications: [{ field: "construction", via: "skills-test" }, { field: "food-service", via: "skills-test" }], preferences: { fields: ["construction"], prefectures: [] } }),
    );
    const input = instance(
      workers,
      [
        // Four slots, but full-time staff of 3 with 1 SSW worker already employed: at most 2.
        employer("E1", { field: "construction", slots: 4, hourlyWage: 1300, fullTimeStaff: 3, sswEmployed: 1 }),
        // Support organisation RSO-1 has 1 officer and 49 workers elsewhere: at most 1 more across E2 and E3.
        employer("E2", { slots: 2, hourlyWage: 1200, support: "RSO-1" }),
        employer("E3", { slots: 2, hourlyWage: 1100, support: "RSO-1" }),
      ],
      { reference: { asOf: "2026-10-01" }, supportOrganisations: [{ id: "RSO-1", officers: 1, workers: 49 }] },
    );
    const stable = stableMatch(input);
    if (E.isLeft(stable)) throw new Error(JSON.stringify(stable.left));
    const at = (id: string): number => stable.right.placements.filter((p) => p.employerId === id).length;
    expect([at("E1"), at("E2") + at("E3")]).toEqual([2, 1]);
    expect(stable.right.summary.placed).toBe(3);
    expect(stable.right.stability?.blockingPairs).toBe(0);
    const optimal = match(input);
    if (E.isLeft(optimal)) throw new Error(JSON.stringify(optimal.left));
    expect(optimal.right.summary.placed).toBe(3);
    const audit = auditMatch(input, optimal.right, { limit: Infinity });
    if (E.isLeft(audit)) throw new Error(JSON.stringify(audit.left));
    // The unplaced worker wants E1, E2 and E3, but none may legally take one more, and each values her as it values those it holds.
    const unplaced = optimal.right.unplaced.map((u) => u.workerId);
    expect(unplaced).toHaveLength(1);
    expect(audit.right.pairs.filter((p) => unplaced.includes(p.workerId))).toEqual([]);
  });
});
