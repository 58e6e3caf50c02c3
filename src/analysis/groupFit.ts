/**
 * Why a group was left out whole, and which member kept it out: a group
 * (family, couple, village) is placed all in one place (one prefecture, or
 * one employer when `policy.groups.together` is "employer") or not at all.
 * A pure function of the decoded instance and the result of `match` on it;
 * no solver, never throws.
 *
 * The answer is the first of these that holds:
 * 1. `member-eligible-nowhere`: some members are eligible at no employer with
 *    slots, so the group cannot go anywhere; each with the rule that excludes
 *    them most often.
 * 2. `no-common-place`: every member is eligible somewhere, but no place
 *    accepts all of them (a place accepts a member when the member is
 *    eligible at one of its employers with slots); the place that accepts the
 *    most, and why it does not accept the others.
 * 3. `no-room`: places accept every member, but none has room for the whole
 *    group in the slots the result left free. Room is a matching of members
 *    to distinct free slots at employers of the place where each is eligible
 *    (for one employer: its free slots, as it accepts all).
 * 4. `fits`: some place has room; then something else left the group out (a
 *    policy limit, a soft penalty, or a solve not proved optimal), and one
 *    concrete seating there lets the caller check what placing it would break.
 * A group that was not left out whole (an unknown id, one worker, a member
 * placed) is `not-left-out`, with why. On a result without a solution every
 * slot counts as free.
 *
 * Tie rules, so the answer does not depend on row order: members in id order;
 * places in key order (prefecture code, or employer id; code-unit order);
 * the closest place is the one accepting most members, ties by key; the rule
 * that excludes a member most often is the one excluding them at most
 * employers, ties in RULES order, its example at the first such employer by
 * id; the seating takes members in id order, each trying employers by their
 * best score then id, with augmenting paths; `fits` names the first place by
 * key with room. Texts name at most three items of a list, the roomiest first
 * in `no-room` (ties by key).
 *
 * @example
 * const fit = groupFit(ctx, "family-1");
 * fit.text; // "the group family-1 of 4 from training centre Semarang fits no Kagawa employer with 4 free slots: E12 accepts all 4 but has 2 free"
 */
import { findPrefecture } from "../domain/prefectures.js";
import { compareStrings, type Employer, type Reference, type Worker } from "../input/instance.js";
import type { Together } from "../policy/codecs.js";
import { exclusions, isEligible, RULES, type RuleId } from "../rules/eligibility.js";
import { freeSlots, scoreOf, type AnalysisContext } from "./context.js";
import { count, employerLabel, exclusionWords, RULE_WORDS, someOf } from "./words.js";

/** How often one rule excludes a member across the employers of a place (or all employers with slots). */
export interface RuleAt {
  readonly rule: RuleId;
  /** "below the employer's language requirement". */
  readonly words: string;
  /** Employers it excludes the member from. */
  readonly employers: number;
  /** The first of them by id, and the exclusion there in words: "below the employer's language requirement (asks N3, has N4)". */
  readonly exampleEmployerId: string;
  readonly example: string;
}

/** Why a member is eligible at none of some employers (each excludes them by at least one rule). */
export interface MemberOutside {
  readonly workerId: string;
  /** The employers considered: all with slots, or those of one place. */
  readonly employers: number;
  /** Every rule that excludes the member somewhere, in RULES order. */
  readonly rules: readonly RuleAt[];
  /** The rule excluding them at most employers (ties in RULES order); null when there is no employer. */
  readonly mostOften: RuleAt | null;
}

/** A place and the members it accepts. */
export interface PlaceAcceptance {
  /** Prefecture code, or employer id. */
  readonly key: string;
  /** "Kagawa", or "E012 Sanuki Care (Kagawa, Nursing care)". */
  readonly label: string;
  readonly accepts: readonly string[];
  /** The members it does not accept, and why. */
  readonly outside: readonly MemberOutside[];
}

/** A place that accepts every member, and how much of the group its free slots take. */
export interface PlaceRoom {
  readonly key: string;
  readonly label: string;
  /** Free slots at the place's employers that accept at least one member. */
  readonly freeSlots: number;
  /** The most members seated in distinct free slots where each is eligible. */
  readonly room: number;
}

export interface Seat {
  readonly workerId: string;
  readonly employerId: string;
}

interface GroupCommon {
  readonly groupId: string;
  /** Members, all of them. */
  readonly size: number;
  readonly members: readonly string[];
  readonly together: Together;
  /** The members' training centres, distinct, sorted. */
  readonly trainingCentres: readonly string[];
  /** One sentence in domain words. */
  readonly text: string;
}

export type GroupFit = GroupCommon &
  (
    | {
        readonly kind: "not-left-out";
        readonly why: "unknown-group" | "single-worker" | "member-placed";
        /** The members the result placed. */
        readonly placed: readonly Seat[];
      }
    | {
        readonly kind: "member-eligible-nowhere";
        /** Employers with slots. */
        readonly employers: number;
        /** The members eligible at none of them. */
        readonly eligibleNowhere: readonly MemberOutside[];
      }
    | {
        readonly kind: "no-common-place";
        /** The place accepting the most members. */
        readonly closest: PlaceAcceptance;
        /** Per member, the places that accept them. */
        readonly acceptedAt: readonly { readonly workerId: string; readonly places: readonly string[] }[];
      }
    | {
        readonly kind: "no-room";
        /** Every place that accepts all members, in key order. */
        readonly places: readonly PlaceRoom[];
      }
    | {
        readonly kind: "fits";
        readonly place: { readonly key: string; readonly label: string };
        /** One member per seat, in member order: distinct free slots, each eligible, all in the place. */
        readonly seating: readonly Seat[];
        /** Every place with room, in key order. */
        readonly placesWithRoom: readonly string[];
      }
  );

const SHOWN = 3;

const prefectureName = (code: string): string => findPrefecture(code)?.name ?? code;

/** Why each of `employers` (none of which accepts the worker) excludes them. */
const outsideOf = (worker: Worker, employers: readonly Employer[], reference: Reference): MemberOutside => {
  const rows = employers.map((e) => ({ e, excluded: exclusions(worker, e, reference) }));
  const rules = RULES.flatMap((rule): RuleAt[] => {
    const hit = rows.filter((r) => r.excluded.some((x) => x.rule === rule));
    const first = hit[0];
    const x = first?.excluded.find((y) => y.rule === rule);
    if (first === undefined || x === undefined) return [];
    return [{ rule, words: RULE_WORDS[rule], employers: hit.length, exampleEmployerId: first.e.id, example: exclusionWords(x, worker, first.e, reference) }];
  });
  const mostOften = rules.reduce<RuleAt | null>((best, r) => (best === null || r.employers > best.employers ? r : best), null);
  return { workerId: worker.id, employers: employers.length, rules, mostOften };
};

/** "w2 is not eligible at E1, below ... (...)", or "w2 is eligible at no Kagawa employer (below ... at 2 of 3)". */
const outsideWords = (m: MemberOutside, where: string): string => {
  const top = m.mostOften;
  if (top === null) return `${m.workerId} has no ${where}employer with slots`;
  if (m.employers === 1) return `${m.workerId} is not eligible at ${top.exampleEmployerId}, ${m.rules.map((r) => r.example).join(" and ")}`;
  return `${m.workerId} is eligible at no ${where}employer (${top.words} at ${top.employers} of ${m.employers})`;
};

/** The first `SHOWN` phrases joined, and how many more. */
const listed = (phrases: readonly string[], more: (n: number) => string): string =>
  phrases.slice(0, SHOWN).join("; ") + (phrases.length > SHOWN ? `; and ${more(phrases.length - SHOWN)}` : "");

/**
 * The most members seated in distinct free slots: augmenting paths over
 * employers with room, members in order, each trying its `options` in order.
 */
const seat = (members: readonly Worker[], options: ReadonlyMap<string, readonly Employer[]>, free: (e: Employer) => number): Seat[] => {
  const at = new Map<string, string>(); // member id -> employer id
  const seatedAt = (employerId: string): Worker[] => members.filter((m) => at.get(m.id) === employerId);
  const tryPlace = (w: Worker, visited: Set<string>): boolean => {
    for (const e of options.get(w.id) ?? []) {
      if (visited.has(e.id)) continue;
      visited.add(e.id);
      const holders = seatedAt(e.id);
      if (holders.length < free(e) || holders.some((h) => tryPlace(h, visited))) {
        at.set(w.id, e.id);
        return true;
      }
    }
    return false;
  };
  for (const w of members) tryPlace(w, new Set());
  return members.flatMap((m) => {
    const employerId = at.get(m.id);
    return employerId === undefined ? [] : [{ workerId: m.id, employerId }];
  });
};

/** Why the group `groupId` was left out whole; see the module comment for the order and the tie rules. */
export const groupFit = (ctx: AnalysisContext, groupId: string): GroupFit => {
  const { instance } = ctx;
  const { reference } = instance;
  const together = instance.policy.groups.together;
  const members = instance.workers.filter((w) => w.group === groupId);
  const n = members.length;
  const centres = [...new Set(members.map((w) => w.trainingCentre))].sort(compareStrings);
  const common = { groupId, size: n, members: members.map((w) => w.id), together, trainingCentres: centres };
  const who = `the group ${groupId} of ${n} from training centre${centres.length === 1 ? "" : "s"} ${someOf(centres, centres.length)}`;

  const placed = members.flatMap((w) => {
    const p = ctx.placementOf.get(w.id);
    return p === undefined ? [] : [{ workerId: w.id, employerId: p.employerId }];
  });
  if (n === 0) return { ...common, kind: "not-left-out", why: "unknown-group", placed, text: `no worker is in a group ${JSON.stringify(groupId)}` };
  if (placed.length > 0) {
    const were = placed.length === 1 ? "was" : "were";
    return { ...common, kind: "not-left-out", why: "member-placed", placed, text: `the group ${groupId} of ${n} was not left out whole: ${someOf(placed.map((s) => `${s.workerId} at ${s.employerId}`))} ${were} placed` };
  }
  if (n === 1) return { ...common, kind: "not-left-out", why: "single-worker", placed, text: `the group ${groupId} has one worker, ${members[0]?.id ?? ""}: nobody goes with them` };

  // 1. Members eligible at no employer with slots.
  const open = instance.employers.filter((e) => e.slots > 0);
  const eligibleAt = new Map(members.map((w) => [w.id, open.filter((e) => isEligible(w, e, reference))]));
  const eligible = (w: Worker): readonly Employer[] => eligibleAt.get(w.id) ?? [];
  const nowhere = members.filter((w) => eligible(w).length === 0).map((w) => outsideOf(w, open, reference));
  if (nowhere.length > 0) {
    const why = open.length === 0 ? "there is no employer with slots" : listed(nowhere.map((m) => outsideWords(m, "")), (k) => `${k} more eligible nowhere`);
    return { ...common, kind: "member-eligible-nowhere", employers: open.length, eligibleNowhere: nowhere, text: `${who} can go nowhere: ${why}` };
  }

  // 2. No place accepts every member.
  const byEmployer = together === "employer";
  const keyOf = (e: Employer): string => (byEmployer ? e.id : e.prefecture);
  const keys = [...new Set(open.map(keyOf))].sort(compareStrings);
  const employersIn = (key: string): Employer[] => open.filter((e) => keyOf(e) === key);
  const labelOf = (key: string): string => {
    const e = byEmployer ? open.find((x) => x.id === key) : undefined;
    return e === undefined ? prefectureName(key) : employerLabel(e, reference);
  };
  const nameOf = (key: string): string => (byEmployer ? key : prefectureName(key));
  const accepts = (w: Worker, key: string): boolean => eligible(w).some((e) => keyOf(e) === key);
  const acceptAll = keys.filter((key) => members.every((w) => accepts(w, key)));
  if (acceptAll.length === 0) {
    const acceptedBy = (key: string): Worker[] => members.filter((w) => accepts(w, key));
    const key = keys.reduce((best, k) => (acceptedBy(k).length > acceptedBy(best).length ? k : best), keys[0] as string);
    const outside = members.filter((w) => !accepts(w, key)).map((w) => outsideOf(w, employersIn(key), reference));
    const closest = { key, label: labelOf(key), accepts: acceptedBy(key).map((w) => w.id), outside };
    const why = listed(outside.map((m) => outsideWords(m, byEmployer ? "" : `${nameOf(key)} `)), (k) => `${k} more`);
    return {
      ...common,
      kind: "no-common-place",
      closest,
      acceptedAt: members.map((w) => ({ workerId: w.id, places: keys.filter((k) => accepts(w, k)) })),
      text: `${who} has no ${byEmployer ? "employer" : "prefecture"} that accepts all ${n}: ${nameOf(key)} accepts ${someOf(closest.accepts)}, but ${why}`,
    };
  }

  // 3 and 4. Room in the free slots of a place that accepts every member.
  const free = (e: Employer): number => freeSlots(ctx, e);
  const seatingIn = (key: string): Seat[] => {
    const options = members.map((w) => {
      const here = eligible(w)
        .filter((e) => keyOf(e) === key && free(e) > 0)
        .map((e) => ({ e, score: scoreOf(ctx, w, e) }))
        .sort((a, b) => b.score - a.score || compareStrings(a.e.id, b.e.id));
      return [w.id, here.map((x) => x.e)] as const;
    });
    return seat(members, new Map(options), free);
  };
  const rooms = acceptAll.map((key) => {
    const seating = seatingIn(key);
    const openToThem = employersIn(key).filter((e) => members.some((w) => isEligible(w, e, reference)));
    return { key, label: labelOf(key), freeSlots: openToThem.reduce((s, e) => s + free(e), 0), room: seating.length, seating };
  });
  const withRoom = rooms.filter((r) => r.room === n);
  const first = withRoom[0];
  if (first === undefined) {
    const places = rooms.map(({ key, label, freeSlots: f, room }) => ({ key, label, freeSlots: f, room }));
    const shown = [...places].sort((a, b) => b.room - a.room || compareStrings(a.key, b.key)).slice(0, SHOWN);
    const rest = places.length - shown.length;
    let text: string;
    if (byEmployer) {
      const prefectures = new Set(open.filter((e) => acceptAll.includes(e.id)).map((e) => e.prefecture));
      const where = prefectures.size === 1 ? `${prefectureName([...prefectures][0] as string)} ` : "";
      const ids = someOf(shown.map((p) => p.key), SHOWN);
      const frees = someOf(shown.map((p) => `${p.freeSlots}`), SHOWN);
      const verb = shown.length === 1 ? `accepts all ${n} but has ${frees} free` : `accept all ${n} but have ${frees} free`;
      text = `${who} fits no ${where}employer with ${n} free slots: ${ids} ${verb}${rest > 0 ? `, and ${rest} more with at most ${shown[shown.length - 1]?.freeSlots ?? 0} free` : ""}`;
    } else {
      const parts = shown.map((p) => `${p.label} accepts all ${n} but has room for ${p.room === 0 ? "none" : `only ${p.room}`} (${count(p.freeSlots, "free slot")} open to them)`);
      text = `${who} fits in no prefecture's free slots: ${parts.join("; ")}${rest > 0 ? `; ${rest} more have room for at most ${shown[shown.length - 1]?.room ?? 0}` : ""}`;
    }
    return { ...common, kind: "no-room", places, text };
  }
  const where = byEmployer ? `the ${count(first.freeSlots, "free slot")} at ${first.key}` : `the free slots in ${first.label} (${someOf(first.seating.map((s) => `${s.workerId} at ${s.employerId}`))})`;
  const others =
    ctx.result.status === "optimal" ? "a legal or policy limit, or a penalty" : "a legal or policy limit, a penalty or the solve stopping short of optimal";
  return {
    ...common,
    kind: "fits",
    place: { key: first.key, label: first.label },
    seating: first.seating,
    placesWithRoom: withRoom.map((r) => r.key),
    text: `${who} fits ${where}, so ${others}, not eligibility or slots, left it out`,
  };
};
