/**
 * Why a group was left out whole: hand-built cases, one per answer, with
 * texts checked by hand; and on tiny instances with groups and policies, every
 * answer checked against brute force written out here from the documented
 * meaning, with the eligibility oracle of test/support/tiny.ts.
 */
import * as E from "fp-ts/lib/Either.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analysisContext } from "../../src/analysis/context.js";
import { groupFit, type GroupFit } from "../../src/analysis/groupFit.js";
import type { InstanceInput } from "../../src/input/codecs.js";
import { decodeInstance } from "../../src/input/decode.js";
import { match } from "../../src/match.js";
import type { PolicyInput } from "../../src/policy/codecs.js";
import type { MatchResult } from "../../src/result/types.js";
import { policyArb, policyCase } from "../support/policyOracle.js";
import { fcOptions } from "../support/seed.js";
import { lawful, type EmployerDraft, type InstanceDraft, type WorkerDraft } from "../support/lawful.js";
import { oracleEligible, type TinyEmployer, type TinyWorker } from "../support/tiny.js";

const solved = (input: InstanceDraft, policy: PolicyInput = {}): { fit: (groupId: string) => GroupFit; result: MatchResult } => {
  const full = { ...lawful(input), policy };
  const instance = decodeInstance(full);
  const result = match(full);
  if (E.isLeft(instance) || E.isLeft(result)) throw new Error(`rejected: ${JSON.stringify(full)}`);
  const ctx = analysisContext(instance.right, result.right);
  if (E.isLeft(ctx)) throw new Error(ctx.left);
  return { fit: (groupId) => groupFit(ctx.right, groupId), result: result.right };
};

type Lang = "N5" | "N4" | "N3";
const worker = (id: string, field: string, language: Lang, group: string | null, trainingCentre = "Semarang"): WorkerDraft => ({
  id,
  language: [language],
  certifications: [{ field, via: "skills-test" as const }],
  trainingCentre,
  homeProvince: "Central Java",
  ...(group === null ? {} : { group }),
});
const employer = (id: string, prefecture: string, field: string, slots: number, extra: Partial<EmployerDraft> = {}): EmployerDraft => ({
  id,
  prefecture,
  field,
  slots,
  hourlyWage: prefecture === "37" ? 1036 : 1033,
  ...extra,
});

describe("groupFit, by hand", () => {
  it("member-eligible-nowhere: one member is eligible at no employer", () => {
    const { fit, result } = solved({
      workers: [worker("w1", "construction", "N4", "family-1"), worker("w2", "construction", "N5", "family-1")],
      employers: [employer("E1", "37", "construction", 2)],
    });
    expect(result.placements).toEqual([]);
    const f = fit("family-1");
    expect(f).toMatchObject({ kind: "member-eligible-nowhere", groupId: "family-1", size: 2, members: ["w1", "w2"], together: "prefecture", trainingCentres: ["Semarang"], employers: 1 });
    if (f.kind !== "member-eligible-nowhere") return;
    expect(f.eligibleNowhere.map((m) => [m.workerId, m.mostOften?.rule])).toEqual([["w2", "statutory-language"]]);
    expect(f.text).toBe("the group family-1 of 2 from training centre Semarang can go nowhere: w2 is not eligible at E1, below the legal Japanese minimum (needs N4 for Construction, has N5)");
  });

  it("member-eligible-nowhere over several employers names the rule that excludes most often", () => {
    const { fit } = solved({
      workers: [worker("w1", "construction", "N3", "family-1"), worker("w2", "construction", "N5", "family-1")],
      employers: [employer("E1", "37", "construction", 2), employer("E2", "38", "construction", 1, { minLanguage: "N3" })],
    });
    const f = fit("family-1");
    expect(f.kind).toBe("member-eligible-nowhere");
    if (f.kind !== "member-eligible-nowhere") return;
    // w2: statutory at E1 and E2, the employer's own N3 at E2 only
    expect(f.eligibleNowhere[0]?.rules.map((r) => [r.rule, r.employers])).toEqual([
      ["statutory-language", 2],
      ["employer-language", 1],
    ]);
    expect(f.text).toBe("the group family-1 of 2 from training centre Semarang can go nowhere: w2 is eligible at no employer (below the legal Japanese minimum at 2 of 2)");
  });

  it("no-common-place by prefecture: the prefecture accepting most, and why not the rest", () => {
    const { fit } = solved({
      workers: [worker("w1", "construction", "N4", "couple-1"), worker("w2", "food-service", "N4", "couple-1", "Bandung")],
      employers: [
        employer("E1", "37", "construction", 2),
        employer("E2", "38", "food-service", 2),
        employer("E3", "37", "construction", 1, { minLanguage: "N3" }),
      ],
    });
    const f = fit("couple-1");
    expect(f).toMatchObject({ kind: "no-common-place", trainingCentres: ["Bandung", "Semarang"] });
    if (f.kind !== "no-common-place") return;
    // Kagawa (37) and Ehime (38) each accept one member: the tie goes to the first code
    expect(f.closest).toMatchObject({ key: "37", label: "Kagawa", accepts: ["w1"] });
    expect(f.closest.outside.map((m) => [m.workerId, m.employers, m.mostOften?.rule])).toEqual([["w2", 2, "field-certification"]]);
    expect(f.acceptedAt).toEqual([
      { workerId: "w1", places: ["37"] },
      { workerId: "w2", places: ["38"] },
    ]);
    expect(f.text).toBe(
      "the group couple-1 of 2 from training centres Bandung and Semarang has no prefecture that accepts all 2: Kagawa accepts w1, but w2 is eligible at no Kagawa employer (not certified in the employer's field at 2 of 2)",
    );
  });

  const splitCouple: InstanceDraft = {
    workers: [worker("w1", "construction", "N4", "couple-1"), worker("w2", "food-service", "N4", "couple-1", "Bandung")],
    employers: [employer("E2", "37", "food-service", 2), employer("E1", "37", "construction", 2)],
  };

  it("no-common-place by employer: one employer each, and the same couple is placed when a prefecture is enough", () => {
    const { fit } = solved(splitCouple, { groups: { together: "employer" } });
    const f = fit("couple-1");
    expect(f).toMatchObject({ kind: "no-common-place", together: "employer", closest: { key: "E1", label: "E1 (Kagawa, Construction)", accepts: ["w1"] } });
    expect(f.text).toBe(
      "the group couple-1 of 2 from training centres Bandung and Semarang has no employer that accepts all 2: E1 accepts w1, but w2 is not eligible at E1, not certified in the employer's field (no skills test or TITP No. 2 in Construction)",
    );
    const together = solved(splitCouple).fit("couple-1");
    expect(together).toMatchObject({ kind: "not-left-out", why: "member-placed", placed: [{ workerId: "w1", employerId: "E1" }, { workerId: "w2", employerId: "E2" }] });
    expect(together.text).toBe("the group couple-1 of 2 was not left out whole: w1 at E1 and w2 at E2 were placed");
  });

  it("no-room by employer: the employers that accept all have too few free slots, others having taken some", () => {
    const family = ["w1", "w2", "w3", "w4", "w5"].map((id) => worker(id, "construction", "N4", "family-1"));
    const { fit, result } = solved(
      {
        workers: [...family, worker("w6", "construction", "N4", null), worker("w7", "construction", "N4", null)],
        employers: [employer("E12", "37", "construction", 4, { hourlyWage: 1100 }), employer("E13", "37", "construction", 3)],
      },
      { groups: { together: "employer" } },
    );
    // the singles take the better-paid E12
    expect(result.placements.map((p) => [p.workerId, p.employerId])).toEqual([
      ["w6", "E12"],
      ["w7", "E12"],
    ]);
    const f = fit("family-1");
    expect(f.kind).toBe("no-room");
    if (f.kind !== "no-room") return;
    expect(f.places.map((p) => [p.key, p.freeSlots, p.room])).toEqual([
      ["E12", 2, 2],
      ["E13", 3, 3],
    ]);
    expect(f.text).toBe("the group family-1 of 5 from training centre Semarang fits no Kagawa employer with 5 free slots: E13 and E12 accept all 5 but have 3 and 2 free");
  });

  it("no-room by prefecture: enough free slots, but not where each member is eligible", () => {
    const { fit } = solved({
      workers: [worker("w1", "construction", "N3", "village-1"), worker("w2", "construction", "N4", "village-1"), worker("w3", "construction", "N4", "village-1")],
      // E1 takes only w1 (N3); E2 takes anyone but has one slot: w2 and w3 cannot both be seated
      employers: [employer("E1", "37", "construction", 5, { minLanguage: "N3" }), employer("E2", "37", "construction", 1)],
    });
    const f = fit("village-1");
    expect(f).toMatchObject({ kind: "no-room", places: [{ key: "37", label: "Kagawa", freeSlots: 6, room: 2 }] });
    expect(f.text).toBe("the group village-1 of 3 from training centre Semarang fits in no prefecture's free slots: Kagawa accepts all 3 but has room for only 2 (6 free slots open to them)");
  });

  const capped: InstanceDraft = {
    workers: [worker("w1", "construction", "N4", "family-1"), worker("w2", "construction", "N4", "family-1"), worker("w3", "construction", "N4", null)],
    employers: [employer("E1", "37", "construction", 3)],
  };
  const kagawaAtMostOne: PolicyInput = { quotas: [{ scope: "prefecture", key: "37", max: 1 }] };

  it("fits: a policy, not eligibility or slots, kept the group out; the seating is concrete", () => {
    const { fit, result } = solved(capped, kagawaAtMostOne);
    expect(result.status).toBe("optimal");
    expect(result.placements.map((p) => [p.workerId, p.employerId])).toEqual([["w3", "E1"]]);
    const f = fit("family-1");
    expect(f).toMatchObject({ kind: "fits", place: { key: "37", label: "Kagawa" }, placesWithRoom: ["37"] });
    if (f.kind !== "fits") return;
    expect(f.seating).toEqual([
      { workerId: "w1", employerId: "E1" },
      { workerId: "w2", employerId: "E1" },
    ]);
    expect(f.text).toBe("the group family-1 of 2 from training centre Semarang fits the free slots in Kagawa (w1 at E1 and w2 at E1), so a legal or policy limit, or a penalty, not eligibility or slots, left it out");
  });

  it("fits by employer names the employer's free slots", () => {
    const { fit } = solved(capped, { ...kagawaAtMostOne, groups: { together: "employer" } });
    const f = fit("family-1");
    expect(f).toMatchObject({ kind: "fits", place: { key: "E1" }, seating: [{ workerId: "w1", employerId: "E1" }, { workerId: "w2", employerId: "E1" }] });
    expect(f.text).toBe("the group family-1 of 2 from training centre Semarang fits the 2 free slots at E1, so a legal or policy limit, or a penalty, not eligibility or slots, left it out");
  });

  it("the seating prefers each member's best-scoring employer, then moves members along augmenting paths", () => {
    // w1 scores best at E2 (wage), but only w1 fits E1 (N3): w2 takes E2's single slot and w1 moves to E1
    const { fit } = solved(
      {
        workers: [worker("w1", "construction", "N3", "g"), worker("w2", "construction", "N4", "g")],
        employers: [employer("E1", "37", "construction", 1, { minLanguage: "N3" }), employer("E2", "37", "construction", 1, { hourlyWage: 1300 })],
      },
      { quotas: [{ scope: "prefecture", key: "37", max: 1 }] },
    );
    const f = fit("g");
    expect(f.kind).toBe("fits");
    if (f.kind !== "fits") return;
    expect(f.seating).toEqual([
      { workerId: "w1", employerId: "E1" },
      { workerId: "w2", employerId: "E2" },
    ]);
  });

  it("not-left-out: an unknown group, and a group of one", () => {
    const { fit } = solved({
      workers: [worker("w1", "construction", "N5", "solo"), worker("w2", "construction", "N4", null)],
      employers: [employer("E1", "37", "construction", 1)],
    });
    expect(fit("nobody")).toMatchObject({ kind: "not-left-out", why: "unknown-group", size: 0, placed: [], text: 'no worker is in a group "nobody"' });
    expect(fit("solo")).toMatchObject({ kind: "not-left-out", why: "single-worker", size: 1, text: "the group solo has one worker, w1: nobody goes with them" });
  });

  it("gives the same answer whatever the order of the input rows", () => {
    const input: InstanceDraft = {
      workers: [worker("w3", "construction", "N4", "g"), worker("w1", "construction", "N3", "g", "Bandung"), worker("w2", "food-service", "N4", "g")],
      employers: [employer("E3", "38", "food-service", 2), employer("E1", "37", "construction", 2), employer("E2", "37", "food-service", 1)],
    };
    const reversed = { ...input, workers: [...input.workers].reverse(), employers: [...input.employers].reverse() };
    for (const policy of [{}, { groups: { together: "employer" as const } }]) {
      expect(solved(reversed, policy).fit("g")).toEqual(solved(input, policy).fit("g"));
    }
  });
});

// ---------------------------------------------------------------------------
// Brute force, from the documented meaning

/** The most members seated in distinct free slots of the given employers, each eligible where seated, over every assignment. */
const mostSeated = (members: readonly TinyWorker[], employers: readonly TinyEmployer[], free: Map<string, number>): number => {
  const left = employers.map((e) => free.get(e.id) ?? 0);
  let best = 0;
  const go = (i: number, seated: number): void => {
    if (i === members.length) {
      best = Math.max(best, seated);
      return;
    }
    go(i + 1, seated);
    employers.forEach((e, j) => {
      if ((left[j] as number) > 0 && oracleEligible(members[i] as TinyWorker, e)) {
        left[j] = (left[j] as number) - 1;
        go(i + 1, seated + 1);
        left[j] = (left[j] as number) + 1;
      }
    });
  };
  go(0, 0);
  return best;
};

/**
 * Tiny instances where most workers are in a group and most are eligible
 * somewhere, with few slots, and a random policy: every answer is common.
 */
const groupCase: fc.Arbitrary<{ input: InstanceInput; policy: PolicyInput }> = fc
  .record({
    workers: fc.array(
      fc.record({
        fields: fc.constantFrom(["construction"], ["construction"], ["food-service"], ["food-service"], ["construction", "food-service"], ["nursing-care", "food-service"]),
        // N5 is rare here: policyCase brings plenty of members eligible nowhere
        language: fc.constantFrom("N4" as const, "N4" as const, "N3" as const, "N3" as const, "N3" as const, "N3" as const, "N3" as const, "N3" as const, "N5" as const),
        careJapaneseTest: fc.constantFrom(true, true, true, false),
        forklift: fc.constantFrom(true, true, false),
        group: fc.constantFrom("g1", "g1", "g1", "g2", null),
        centre: fc.constantFrom("Bandung", "Semarang"),
      }),
      { minLength: 2, maxLength: 6 },
    ),
    employers: fc.array(
      fc.record({
        // construction leans to Kagawa, food service to Ehime: members certified in one each often share no prefecture
        at: fc.constantFrom<[string, string]>(
          ["37", "construction"],
          ["37", "construction"],
          ["38", "food-service"],
          ["38", "food-service"],
          ["37", "food-service"],
          ["38", "construction"],
          ["37", "nursing-care"],
        ),
        slots: fc.integer({ min: 0, max: 3 }),
        n3: fc.constantFrom(true, false, false),
        forklift: fc.constantFrom(true, false, false),
        premium: fc.constantFrom(0, 100, 300),
        staff: fc.integer({ min: 0, max: 4 }),
      }),
      { minLength: 2, maxLength: 4 },
    ),
  })
  .map(({ workers, employers }) =>
    lawful({
    // ids sort differently from creation order
    workers: workers.map((w, i): WorkerDraft => ({
      id: `w${(workers.length - i) % workers.length}${i}`,
      language: [w.language],
      careJapaneseTest: w.careJapaneseTest,
      certifications: w.fields.map((field) => ({ field, via: "skills-test" as const })),
      skills: w.forklift ? [{ name: "forklift" }] : [],
      trainingCentre: w.centre,
      homeProvince: "Central Java",
      ...(w.group === null ? {} : { group: w.group }),
    })),
    employers: employers.map(({ at: [prefecture, field], ...e }, i): EmployerDraft => ({
      id: `e${(employers.length - i) % employers.length}${i}`,
      prefecture,
      field,
      slots: e.slots,
      hourlyWage: (prefecture === "37" ? 1036 : 1033) + e.premium,
      ...(e.n3 ? { minLanguage: "N3" as const } : {}),
      ...(e.forklift ? { requiredSkills: [{ name: "forklift" }] } : {}),
      // the staff counts the legal caps read (always on: the law)
      ...(field === "nursing-care" ? { japaneseCareStaff: e.staff } : field === "construction" ? { fullTimeStaff: e.staff } : {}),
    })),
    reference: { asOf: "2026-04-01" },
    }),
  )
  .chain((input) =>
    fc
      .tuple(
        policyArb(input),
        // often a hard limit that can keep a group out of free slots it fits
        fc.constantFrom<PolicyInput>({}, { diversity: { maxCount: 1 } }, { quotas: [{ scope: "prefecture", key: "37", max: 1 }] }),
      )
      .map(([policy, limit]) => ({ input, policy: { ...policy, ...limit } })),
  );

describe("groupFit against brute force on tiny instances with groups", () => {
  it("every group left out whole gets the answer brute force gives, and every answer occurs", () => {
    const met: Record<string, number> = {};
    fc.assert(
      fc.property(fc.oneof({ arbitrary: policyCase(6, 4), weight: 1 }, { arbitrary: groupCase, weight: 3 }),         ({ input, policy }) => {
          const { fit, result } = solved(input, policy);
          const together = policy.groups?.together ?? "prefecture";
          const open = input.employers.filter((e) => e.slots > 0);
          const taken = new Map<string, number>();
          for (const p of result.placements) taken.set(p.employerId, (taken.get(p.employerId) ?? 0) + 1);
          const free = new Map(input.employers.map((e) => [e.id, e.slots - (taken.get(e.id) ?? 0)]));
          const placeOf = (e: TinyEmployer): string => (together === "employer" ? e.id : e.prefecture);
          const places = [...new Set(open.map(placeOf))].sort();
          const inPlace = (key: string): TinyEmployer[] => open.filter((e) => placeOf(e) === key);
          const accepts = (w: TinyWorker, key: string): boolean => inPlace(key).some((e) => oracleEligible(w, e));
          const byId = (a: TinyWorker, b: TinyWorker): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

          for (const g of ["g1", "g2"]) {
            const members = input.workers.filter((w) => w.group === g).sort(byId);
            const ids = members.map((w) => w.id);
            const f = fit(g);
            met[f.kind] = (met[f.kind] ?? 0) + 1;
            expect(f.groupId).toBe(g);
            expect(f.size).toBe(members.length);
            expect(f.members).toEqual(ids);
            expect(f.together).toBe(together);
            if (members.length === 0) {
              expect(f).toMatchObject({ kind: "not-left-out", why: "unknown-group" });
              continue;
            }
            const placed = result.placements.filter((p) => ids.includes(p.workerId));
            if (placed.length > 0) {
              expect(f).toMatchObject({ kind: "not-left-out", why: "member-placed" });
              continue;
            }
            if (members.length === 1) {
              expect(f).toMatchObject({ kind: "not-left-out", why: "single-worker" });
              continue;
            }
            const centres = [...new Set(members.map((w) => w.trainingCentre))].sort();
            expect(f.trainingCentres).toEqual(centres);
            expect(f.text.startsWith(`the group ${g} of ${members.length} from training centre${centres.length > 1 ? "s" : ""} ${centres.join(" and ")}`)).toBe(true);

            // 1. someone eligible at no employer with slots
            const nowhere = members.filter((w) => !open.some((e) => oracleEligible(w, e))).map((w) => w.id);
            if (nowhere.length > 0) {
              expect(f.kind).toBe("member-eligible-nowhere");
              if (f.kind !== "member-eligible-nowhere") continue;
              expect(f.eligibleNowhere.map((m) => m.workerId)).toEqual(nowhere);
              for (const m of f.eligibleNowhere) {
                expect(m.employers).toBe(open.length);
                // every employer excludes them for some rule, so the commonest rule excludes at least a share
                if (open.length > 0) expect(m.mostOften?.employers ?? 0).toBeGreaterThanOrEqual(Math.ceil(open.length / 5));
              }
              continue;
            }
            // 2. no place accepts them all
            const acceptAll = places.filter((k) => members.every((w) => accepts(w, k)));
            if (acceptAll.length === 0) {
              expect(f.kind).toBe("no-common-place");
              if (f.kind !== "no-common-place") continue;
              const most = Math.max(...places.map((k) => members.filter((w) => accepts(w, k)).length));
              const closest = places.find((k) => members.filter((w) => accepts(w, k)).length === most) as string;
              expect(f.closest.key).toBe(closest);
              expect(f.closest.accepts).toEqual(members.filter((w) => accepts(w, closest)).map((w) => w.id));
              expect(f.closest.outside.map((m) => m.workerId)).toEqual(members.filter((w) => !accepts(w, closest)).map((w) => w.id));
              expect(f.acceptedAt).toEqual(members.map((w) => ({ workerId: w.id, places: places.filter((k) => accepts(w, k)) })));
              continue;
            }
            // 3 and 4. room in free slots
            const seatedIn = new Map(acceptAll.map((k) => [k, mostSeated(members, inPlace(k), free)]));
            const withRoom = acceptAll.filter((k) => seatedIn.get(k) === members.length);
            if (withRoom.length === 0) {
              expect(f.kind).toBe("no-room");
              if (f.kind !== "no-room") continue;
              expect(f.places.map((p) => p.key)).toEqual(acceptAll);
              for (const p of f.places) {
                expect(p.room).toBe(seatedIn.get(p.key));
                const openToThem = inPlace(p.key).filter((e) => members.some((w) => oracleEligible(w, e)));
                expect(p.freeSlots).toBe(openToThem.reduce((s, e) => s + (free.get(e.id) ?? 0), 0));
              }
              continue;
            }
            expect(f.kind).toBe("fits");
            if (f.kind !== "fits") continue;
            expect(f.place.key).toBe(withRoom[0]);
            expect(f.placesWithRoom).toEqual(withRoom);
            // the seating is valid: every member once, eligible, in the place, within the free slots
            expect(f.seating.map((s) => s.workerId)).toEqual(ids);
            const used = new Map<string, number>();
            for (const s of f.seating) {
              const e = input.employers.find((x) => x.id === s.employerId) as TinyEmployer;
              expect(oracleEligible(members.find((w) => w.id === s.workerId) as TinyWorker, e)).toBe(true);
              expect(placeOf(e)).toBe(f.place.key);
              used.set(e.id, (used.get(e.id) ?? 0) + 1);
              expect(used.get(e.id)).toBeLessThanOrEqual(free.get(e.id) ?? 0);
            }
          }
        },
      ),
      fcOptions(400),
    );
    console.log("groupFit answers met:", met);
    for (const kind of ["member-eligible-nowhere", "no-common-place", "no-room", "fits", "not-left-out"]) expect(met[kind] ?? 0).toBeGreaterThan(0);
  });
});
