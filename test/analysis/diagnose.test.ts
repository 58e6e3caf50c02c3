/**
 * The reason a diagnosis gives for a relaxed fairness floor, checked against
 * the policy oracle (test/support/policyOracle.ts) on tiny instances: its
 * counts (eligible workers, slots, employers) against a count from the input
 * with oracleEligible; the limits and minimums it names against the hard
 * constraints written out again from their documented meaning; and the whole
 * picture against brute force: some assignment that keeps the hard groups and
 * breaks no more units than the diagnosis says fills the slots as described,
 * reaches (meets or exceeds) exactly the limits it names or counts among
 * those that count the centre's workers, gives the minimums it names the
 * stated number of other workers there, and leaves the stated number of the
 * centre's workers out with their groups. Hand-built examples pin the wording.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { InstanceInput } from "../../src/input/codecs.js";
import type { PolicyInput } from "../../src/policy/codecs.js";
import type { Relaxation } from "../../src/result/types.js";
import { assignments, hardUnits, policyCase, SECTOR, solve, violations, type Assignment } from "../support/policyOracle.js";
import { fcOptions } from "../support/seed.js";
import { oracleEligible, type TinyEmployer, type TinyWorker } from "../support/tiny.js";
import type { InstanceDraft, WorkerDraft } from "../support/lawful.js";

const worker = (id: string, centre: string, fields: readonly string[], opts: { skills?: { name: string }[]; group?: string } = {}): WorkerDraft => ({
  id,
  language: ["N4"],
  careJapaneseTest: false,
  certifications: fields.map((field) => ({ field, via: "skills-test" as const })),
  skills: opts.skills ?? [],
  trainingCentre: centre,
  homeProvince: "Central Java",
  ...(opts.group === undefined ? {} : { group: opts.group }),
});

/** The texts of the diagnosis of an infeasible plan. */
const relaxationTexts = (input: InstanceDraft, policy: PolicyInput): string[] => {
  const result = solve(input, policy);
  expect(result.status).toBe("infeasible");
  return result.diagnosis?.kind === "relaxation" ? result.diagnosis.relaxations.map((r) => r.text) : [];
};

describe("the reason for a relaxed fairness floor, by hand", () => {
  it("names the limits reached at the centre's slots and the minimums that hold other workers under them", () => {
    // Bandung's b1 and b2 qualify only for E1 (2 slots); E2 (1 slot) asks for a forklift, which only Semarang's s1 has.
    // Construction may take at most 2 (twice over, as sector and field); E2 must take 1, so s1 goes there and one of
    // Bandung's two fits at E1. Breaking a maximum would cost 2 units (both quotas), so the floor gives by 1.
    const input = {
      workers: [worker("b1", "Bandung", ["construction"]), worker("b2", "Bandung", ["construction"]), worker("s1", "Semarang", ["construction"], { skills: [{ name: "forklift" }] })],
      employers: [
        { id: "E1", prefecture: "37", field: "construction", slots: 2, hourlyWage: 1100 },
        { id: "E2", prefecture: "38", field: "construction", slots: 1, hourlyWage: 1100, requiredSkills: [{ name: "forklift" }] },
        { id: "E3", prefecture: "37", field: "construction", slots: 0, hourlyWage: 1100 },
      ],
    };
    const policy: PolicyInput = {
      quotas: [
        { scope: "sector", key: "construction", max: 2 },
        { scope: "field", key: "construction", max: 2 },
        { scope: "employer", key: "E2", min: 1 },
      ],
      fairness: [{ by: "trainingCentre", minShare: 1 }],
    };
    expect(relaxationTexts(input, policy)).toEqual([
      "training centre Bandung: at least 2 of its 2 workers placed cannot be met with the rest of the plan: at most 1 (lower the minimum by 1, to 1): " +
        "its 2 eligible workers qualify for 2 slots at 1 employer; " +
        "the relaxed plan fills 1 of them with its workers, 0 with workers from other centres and leaves 1 empty; " +
        "limits reached there: field construction: at most 2 placed, sector construction: at most 2 placed; " +
        "workers from other centres there count towards minimums with none to spare: 1 towards employer E2: at least 1 placed, 1 towards training centre Semarang: at least 1 of its 1 workers placed",
    ]);
  });

  it("counts the centre's eligible workers held back by a group that cannot be placed whole", () => {
    // b1 could work at E1, but shares group g1 with s1, whom no employer accepts; Semarang has no eligible worker, so no floor.
    const input = {
      workers: [worker("b1", "Bandung", ["construction"], { group: "g1" }), worker("s1", "Semarang", ["food-service"], { group: "g1" })],
      employers: [{ id: "E1", prefecture: "37", field: "construction", slots: 2, hourlyWage: 1100 }],
    };
    expect(relaxationTexts(input, { fairness: [{ by: "trainingCentre", minShare: 1 }] })).toEqual([
      "training centre Bandung: at least 1 of its 1 workers placed cannot be met with the rest of the plan: at most 0 (lower the minimum by 1, to 0): " +
        "its 1 eligible worker qualifies for 2 slots at 1 employer; " +
        "the relaxed plan fills 0 of them with its workers, 0 with workers from other centres and leaves 2 empty; " +
        "1 of its eligible workers is in groups left unplaced, which go whole or not at all",
    ]);
  });
  it("counts a limit the relaxation had to raise as reached", () => {
    // E1 must take someone (twice over: as employer and as prefecture 37), and only Semarang's s1 has its forklift,
    // so construction's maximum of 0 gives by 1. Bandung's b1 qualifies only for E2, where the legal cap is 0: placing
    // b1 would break the sector maximum once more and the cap too, 2 units, so Bandung's floor gives by 1 instead.
    const input = {
      workers: [worker("b1", "Bandung", ["construction"]), worker("s1", "Semarang", ["construction"], { skills: [{ name: "forklift" }] })],
      employers: [
        { id: "E1", prefecture: "37", field: "construction", slots: 1, hourlyWage: 1100, fullTimeStaff: 5, requiredSkills: [{ name: "forklift" }] },
        { id: "E2", prefecture: "38", field: "construction", slots: 1, hourlyWage: 1100, fullTimeStaff: 0 },
      ],
    };
    const policy: PolicyInput = {
      quotas: [
        { scope: "sector", key: "construction", max: 0 },
        { scope: "employer", key: "E1", min: 1 },
        { scope: "prefecture", key: "37", min: 1 },
      ],
      fairness: [{ by: "trainingCentre", minShare: 1 }],
    };
    expect(relaxationTexts(input, policy)).toEqual([
      "sector construction: at most 0 placed must give: the other constraints need 1 here (raise the maximum by 1, to 1)",
      "training centre Bandung: at least 1 of its 1 workers placed cannot be met with the rest of the plan: at most 0 (lower the minimum by 1, to 0): " +
        "its 1 eligible worker qualifies for 1 slot at 1 employer; " +
        "the relaxed plan fills 0 of them with its workers, 0 with workers from other centres and leaves 1 empty; " +
        "limits reached there: legal cap at E2: at most 0 SSW workers (full-time staff 0), sector construction: at most 0 placed; " +
        "workers from other centres there count towards minimums with none to spare: " +
        "1 towards employer E1: at least 1 placed, 1 towards prefecture 37: at least 1 placed, 1 towards training centre Semarang: at least 1 of its 1 workers placed",
    ]);
  });

  it("names at most three limits, then how many more", () => {
    // b1 qualifies at three employers, each with a legal cap of 0, and construction may take none: placing b1 anywhere
    // would break two maximums, so the floor gives.
    const employer = (id: string) => ({ id, prefecture: "37", field: "construction", slots: 1, hourlyWage: 1100, fullTimeStaff: 0 });
    const input = { workers: [worker("b1", "Bandung", ["construction"])], employers: [employer("E1"), employer("E2"), employer("E3")] };
    const policy: PolicyInput = { quotas: [{ scope: "sector", key: "construction", max: 0 }], fairness: [{ by: "trainingCentre", minShare: 1 }] };
    expect(relaxationTexts(input, policy)).toEqual([
      "training centre Bandung: at least 1 of its 1 workers placed cannot be met with the rest of the plan: at most 0 (lower the minimum by 1, to 0): " +
        "its 1 eligible worker qualifies for 3 slots at 3 employers; " +
        "the relaxed plan fills 0 of them with its workers, 0 with workers from other centres and leaves 3 empty; " +
        "limits reached there: legal cap at E1: at most 0 SSW workers (full-time staff 0), legal cap at E2: at most 0 SSW workers (full-time staff 0), legal cap at E3: at most 0 SSW workers (full-time staff 0) and 1 more",
    ]);
  });

  it("speaks of provinces for a floor by home province", () => {
    // One slot, one worker from each province; both floors are 1, so one gives. Placements tie, and the slot goes
    // to the better score: c1, who asks for construction.
    const input = {
      workers: [
        { ...worker("w1", "Bandung", ["construction"]), homeProvince: "West Java" },
        { ...worker("c1", "Bandung", ["construction"]), preferences: { fields: ["construction"] } },
      ],
      employers: [{ id: "E1", prefecture: "37", field: "construction", slots: 1, hourlyWage: 1100 }],
    };
    expect(relaxationTexts(input, { fairness: [{ by: "homeProvince", minShare: 1 }] })).toEqual([
      "home province West Java: at least 1 of its 1 workers placed cannot be met with the rest of the plan: at most 0 (lower the minimum by 1, to 0): " +
        "its 1 eligible worker qualifies for 1 slot at 1 employer; " +
        "the relaxed plan fills 0 of them with its workers, 1 with workers from other provinces and leaves 0 empty; " +
        "workers from other provinces there count towards minimums with none to spare: 1 towards home province Central Java: at least 1 of its 1 workers placed",
    ]);
  });
});

// ---------------------------------------------------------------------------
// The hard constraints, written out again from their documented meaning (labels included).

interface HardConstraint {
  readonly label: string;
  readonly min: number | null;
  readonly max: number | null;
  /** Whether placing worker i at employer j counts towards it. */
  readonly counts: (i: number, j: number) => boolean;
}

const CENTRES = ["Bandung", "Semarang"] as const;

const eligibleAnywhere = (input: InstanceInput, w: TinyWorker): boolean => input.employers.some((e) => e.slots > 0 && oracleEligible(w, e));

const hardConstraints = (input: InstanceInput, policy: PolicyInput): HardConstraint[] => {
  const { workers, employers } = input;
  const centreOf = (i: number): string => (workers[i] as TinyWorker).trainingCentre ?? "";
  const out: HardConstraint[] = [];
  // The statutory caps: law, so always hard, whatever the policy.
  employers.forEach((e, j) => {
    const cap = e.field === "nursing-care" ? e.japaneseCareStaff : e.field === "construction" ? e.fullTimeStaff : undefined;
    if (cap === undefined || cap >= e.slots) return; // a cap at or above the slots is no limit, and is not stated
    const staff = e.field === "nursing-care" ? "Japanese etc. full-time care staff" : "full-time staff";
    out.push({ label: `legal cap at ${e.id}: at most ${cap} SSW worker${cap === 1 ? "" : "s"} (${staff} ${cap})`, min: null, max: cap, counts: (_, k) => k === j });
  });
  for (const q of policy.quotas ?? []) {
    if (q.penalty !== undefined) continue;
    const bound = q.min !== undefined && q.max !== undefined ? `between ${q.min} and ${q.max}` : q.min !== undefined ? `at least ${q.min}` : `at most ${q.max}`;
    const matches = (e: TinyEmployer): boolean =>
      q.scope === "sector" ? SECTOR[e.field] === q.key : q.scope === "field" ? e.field === q.key : q.scope === "prefecture" ? e.prefecture === q.key : e.id === q.key;
    out.push({ label: `${q.scope} ${q.key}: ${bound} placed`, min: q.min ?? null, max: q.max ?? null, counts: (_, j) => matches(employers[j] as TinyEmployer) });
  }
  const diversity = policy.diversity;
  if (diversity?.maxCount !== undefined && diversity.penalty === undefined) {
    const cap = diversity.maxCount;
    employers.forEach((e, j) => {
      for (const centre of CENTRES) {
        const here = workers.filter((w) => w.trainingCentre === centre && oracleEligible(w, e)).length;
        if (cap >= Math.min(here, e.slots)) continue; // a limit the centre cannot reach is not stated
        out.push({ label: `at most ${cap} of ${e.id}'s workers from training centre ${centre}`, min: null, max: cap, counts: (i, k) => k === j && centreOf(i) === centre });
      }
    });
  }
  for (const f of policy.fairness ?? []) {
    if (f.penalty !== undefined) continue;
    for (const centre of CENTRES) {
      const mine = workers.filter((w) => w.trainingCentre === centre);
      const floor = Math.min(Math.ceil(f.minShare * mine.length), mine.filter((w) => eligibleAnywhere(input, w)).length);
      if (floor > 0) out.push({ label: `training centre ${centre}: at least ${floor} of its ${mine.length} workers placed`, min: floor, max: null, counts: (i) => centreOf(i) === centre });
    }
  }
  return out;
};

// ---------------------------------------------------------------------------
// Reading a reason back.

interface Reason {
  readonly eligible: number;
  readonly slots: number;
  readonly employers: number;
  readonly own: number;
  readonly others: number;
  readonly empty: number;
  readonly limits: readonly string[];
  readonly moreLimits: number;
  readonly needs: readonly { readonly n: number; readonly label: string }[];
  readonly moreNeeds: number;
  readonly inGroups: number;
}

/** "a, b, c and 2 more" back into its items and how many more. */
const readList = (text: string): { items: string[]; more: number } => {
  const m = /^(.*) and (\d+) more$/.exec(text);
  return m === null ? { items: text.split(", "), more: 0 } : { items: (m[1] as string).split(", "), more: Number(m[2]) };
};

/** The reason's parts, or a string saying what did not read. */
const readReason = (r: Relaxation): Reason | string => {
  const prefix = `${r.label} cannot be met with the rest of the plan: at most ${r.to} (lower the minimum by ${r.by}, to ${r.to}): `;
  if (!r.text.startsWith(prefix)) return `unexpected start: ${r.text}`;
  const [first = "", second = "", ...rest] = r.text.slice(prefix.length).split("; ");
  const a = /^its (\d+) eligible workers? qualif(?:y|ies) for (\d+) slots? at (\d+) employers?$/.exec(first);
  const b = /^the relaxed plan fills (\d+) of them with its workers, (\d+) with workers from other centres and leaves (\d+) empty$/.exec(second);
  if (a === null || b === null) return `unexpected counts: ${first}; ${second}`;
  let limits = { items: [] as string[], more: 0 };
  let needs = { items: [] as string[], more: 0 };
  let inGroups = 0;
  for (const clause of rest) {
    const limitList = /^limits reached there: (.+)$/.exec(clause);
    const needList = /^workers from other centres there count towards minimums with none to spare: (.+)$/.exec(clause);
    const grouped = /^(\d+) of its eligible workers (?:is|are) in groups left unplaced, which go whole or not at all$/.exec(clause);
    if (limitList !== null) limits = readList(limitList[1] as string);
    else if (needList !== null) needs = readList(needList[1] as string);
    else if (grouped !== null) inGroups = Number(grouped[1]);
    else return `unexpected clause: ${clause}`;
  }
  const [eligible, slots, employers, own, others, empty] = [a[1], a[2], a[3], b[1], b[2], b[3]].map(Number) as [number, number, number, number, number, number];
  const towards = needs.items.map((item) => /^(\d+) towards (.+)$/.exec(item));
  if (towards.some((m) => m === null)) return `unexpected minimums: ${needs.items.join(", ")}`;
  const needed = towards.map((m) => ({ n: Number(m?.[1]), label: m?.[2] as string }));
  return { eligible, slots, employers, own, others, empty, limits: limits.items, moreLimits: limits.more, needs: needed, moreNeeds: needs.more, inGroups };
};

// ---------------------------------------------------------------------------
// The property.

/**
 * Instances and policies from the shared generator, made to conflict with a
 * fairness floor. Most tiny workers are eligible nowhere, so three in four
 * are given N3 and the nursing-care test, and half the employers drop their
 * required skill. The policy gets a hard floor of half or all of each
 * centre, hard legal caps half the time, its quota (if any) made hard, and a
 * hard maximum of 0 to 2 on one sector, field or prefecture.
 */
const KEYS = { sector: ["caregiving", "construction", "hospitality"], field: ["nursing-care", "construction", "food-service"], prefecture: ["37", "38"] } as const;
const fairnessConflicts = policyCase(6, 3).chain(({ input, policy }) =>
  fc
    .record({
      fluent: fc.array(fc.constantFrom(true, true, true, false), { minLength: input.workers.length, maxLength: input.workers.length }),
      plain: fc.array(fc.boolean(), { minLength: input.employers.length, maxLength: input.employers.length }),
      minShare: fc.constantFrom(0.5, 1, 1),
      scope: fc.constantFrom("sector" as const, "field" as const, "prefecture" as const),
      pick: fc.nat(),
      max: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ fluent, plain, minShare, scope, pick, max }) => ({
      input: {
        ...input,
        workers: input.workers.map((w, i) => (fluent[i] === true ? { ...w, language: ["N3" as const], careJapaneseTest: true } : w)),
        employers: input.employers.map(({ requiredSkills, ...e }, j) => (plain[j] === true || requiredSkills === undefined ? e : { ...e, requiredSkills })),
      },
      policy: {
        ...policy,
        quotas: [...(policy.quotas ?? []).map(({ penalty: _penalty, ...q }) => q), { scope, key: KEYS[scope][pick % KEYS[scope].length] as string, max }],
        fairness: [{ by: "trainingCentre" as const, minShare }],
      },
    })),
);

describe("the reason for a relaxed fairness floor, against the oracle", () => {
  it("counts as the input does, names only hard constraints at the centre's employers, and describes some smallest relaxation", () => {
    const seen = { floors: 0, limits: 0, minimums: 0, groups: 0, otherWorkers: 0 };
    fc.assert(
      fc.property(fairnessConflicts, ({ input, policy }) => {
        const result = solve(input, policy);
        const d = result.diagnosis;
        if (result.status !== "infeasible" || d?.kind !== "relaxation") return;
        const hard = hardConstraints(input, policy);
        const { workers, employers } = input;
        for (const r of d.relaxations.filter((x) => x.source === "policy.fairness[0]")) {
          seen.floors++;
          const reason = readReason(r);
          if (typeof reason === "string") expect.fail(reason);
          const centre = /^training centre (\S+):/.exec(r.label)?.[1];
          const floor = hard.find((h) => h.label === r.label);
          expect(floor).toBeDefined();
          if (floor === undefined) return;

          // Counts from the input.
          const mine = workers.flatMap((w, i) => (w.trainingCentre === centre && eligibleAnywhere(input, w) ? [i] : []));
          const theirSlots = employers.flatMap((e, j) => (e.slots > 0 && mine.some((i) => oracleEligible(workers[i] as TinyWorker, e)) ? [j] : []));
          expect(reason.eligible).toBe(mine.length);
          expect(reason.employers).toBe(theirSlots.length);
          expect(reason.slots).toBe(theirSlots.reduce((s, j) => s + (employers[j] as TinyEmployer).slots, 0));
          expect(reason.own).toBe(r.to);
          expect(reason.own + reason.others + reason.empty).toBe(reason.slots);
          expect(reason.inGroups).toBeLessThanOrEqual(mine.length);

          // Named constraints: hard, of the right kind, and for limits, counting some placement of the centre's eligible workers.
          const touches = (h: HardConstraint): boolean => mine.some((i) => theirSlots.some((j) => oracleEligible(workers[i] as TinyWorker, employers[j] as TinyEmployer) && h.counts(i, j)));
          const limits = reason.limits.map((label) => hard.find((h) => h.label === label && h.max !== null));
          const needs = reason.needs.map(({ label }) => hard.find((h) => h.label === label && h.min !== null && h !== floor));
          for (const h of [...limits, ...needs]) expect(h).toBeDefined();
          for (const h of limits) expect(touches(h as HardConstraint)).toBe(true);
          seen.limits += limits.length;
          seen.minimums += needs.length;
          seen.groups += reason.inGroups > 0 ? 1 : 0;
          seen.otherWorkers += reason.others > 0 ? 1 : 0;

          // Some smallest relaxation looks exactly as described (at most three named to a list, in model order, then how many more).
          const candidates = hard.filter((h) => h !== floor && h.max !== null && touches(h));
          const others = (x: Assignment): number[] => x.flatMap((j, i) => (j >= 0 && workers[i]?.trainingCentre !== centre ? [i] : []));
          const described = (x: Assignment): boolean => {
            const value = (h: HardConstraint): number => x.filter((j, i) => j >= 0 && h.counts(i, j)).length;
            const reached = candidates.filter((h) => value(h) >= (h.max as number));
            const there = (i: number): boolean => theirSlots.includes(x[i] as number) || reached.some((h) => h.counts(i, x[i] as number));
            const held = hard.flatMap((h) => {
              if (h === floor || h.min === null || value(h) > h.min) return [];
              const n = others(x).filter((i) => there(i) && h.counts(i, x[i] as number)).length;
              return n > 0 ? [`${n} towards ${h.label}`] : [];
            });
            const groupsKept = policy.groups?.penalty === undefined;
            const unplacedGroup = (i: number): boolean => {
              const g = workers[i]?.group;
              const members = workers.flatMap((w, k) => (w.group === g ? [k] : []));
              return g !== undefined && members.length >= 2 && members.every((k) => x[k] === -1);
            };
            return (
              mine.filter((i) => x[i] !== -1).length === reason.own &&
              others(x).filter((i) => theirSlots.includes(x[i] as number)).length === reason.others &&
              reason.limits.every((label) => reached.some((h) => h.label === label)) &&
              reached.length === reason.limits.length + reason.moreLimits &&
              held.slice(0, 3).join(", ") === reason.needs.map(({ n, label }) => `${n} towards ${label}`).join(", ") &&
              held.length === reason.needs.length + reason.moreNeeds &&
              (groupsKept ? mine.filter(unplacedGroup).length : 0) === reason.inGroups
            );
          };
          expect(assignments(input).some((x) => hardUnits(input, policy, x) === d.totalUnits && described(x))).toBe(true);
        }
      }),
      fcOptions(400),
    );
    // The property must meet fairness floors, and reasons with every kind of clause.
    console.log("relaxed fairness floors seen, and clauses in their reasons:", seen);
    expect(seen.floors).toBeGreaterThan(20);
    for (const n of [seen.limits, seen.minimums, seen.groups, seen.otherWorkers]) expect(n).toBeGreaterThan(0);
  });
});
