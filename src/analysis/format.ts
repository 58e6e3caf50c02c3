/**
 * Explanations for people: a few lines of plain text in the programme's
 * words, for an official or a support organisation.
 *
 * @example
 * formatWorkerExplanation(x)
 * // W02 is placed at E02 Takamatsu Kaigo (Kagawa, Nursing care), score 29: field 1st choice 20, prefecture 2nd choice 8, ...
 * //   E01 Sanuki Care (Kagawa, Nursing care) would score 32, but its slot went to W01; moving W02 to E01 would push out ...
 */
import type { Diagnosis } from "../result/types.js";
import type { Exchange } from "./exchange.js";
import type { Alternative, EmployerExplanation, EmptySlots, GroupLeftOut, RuleTally, WorkerExplanation } from "./types.js";
import type { WhatIf } from "./whatIf.js";
import type { BetterOffers } from "../stable/offers.js";
import { andList, count, someOf } from "./words.js";

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The first `shown` items joined by ", ", then "and N more". */
const firstOf = (items: readonly string[], shown: number, separator = ", "): string =>
  `${items.slice(0, shown).join(separator)}${items.length > shown ? `${separator}and ${items.length - shown} more` : ""}`;

const freeWords = (a: Alternative): string => (a.freeSlots <= 0 ? "full" : count(a.freeSlots, "free slot"));

/** "its 3 slots went to W1, W2 and W3", "1 of its 3 slots went to W1", "no slot filled". */
const slotsWords = (a: Alternative): string => {
  if (a.placedWorkers.length === 0) return "no slot filled";
  const of = a.freeSlots <= 0 ? (a.slots === 1 ? "its slot" : `its ${a.slots} slots`) : `${a.filled} of its ${a.slots} slots`;
  return `${of} went to ${someOf(a.placedWorkers)}`;
};

/** The exchange and its consequence, in two sentences, the first in lower case. */
const exchangeWords = (workerId: string, x: Exchange, placed: boolean): string => {
  const d = x.displaced;
  const move = placed ? `moving ${workerId} to ${x.employerId}` : `placing ${workerId} at ${x.employerId}`;
  const what =
    d === null
      ? `${x.employerId} still had a free slot for ${workerId}`
      : `${move} would push out ${d.workerId} (score ${d.score} there), who ${
          d.movesTo === null ? "qualifies for no other free slot" : `could move to ${d.movesTo.employerId} (score ${d.movesTo.score})`
        }`;
  return `${what}. ${verdictWords(x)}`;
};

/** Whose hard constraints these are: "the law" (legal limits), "the policy", or both. */
const whose = (breaches: readonly { readonly source: string }[]): string => {
  const law = breaches.filter((b) => b.source.startsWith("law.")).length;
  return law === breaches.length ? "the law" : law === 0 ? "the policy" : "the law and the policy";
};

/** What an exchange would do to placements and score, to the law and the policy, and whether the plan would be better. */
const verdictWords = (x: Exchange): string => {
  const hard = x.breaches.filter((b) => b.hard);
  if (hard.length > 0) {
    const by = whose(hard);
    return `That would break ${andList(hard.map((b) => b.text))}, which ${by} ${by.includes(" and ") ? "do" : "does"} not allow.`;
  }
  const soft = x.breaches.filter((b) => !b.hard);
  const change =
    x.placements < 0
      ? "place one worker fewer"
      : x.placements > 0
        ? "place one more worker"
        : x.scoreChange === 0
          ? "place as many workers with the same total score"
          : `place as many workers with a total score ${Math.abs(x.scoreChange)} ${x.scoreChange < 0 ? "lower" : "higher"}`;
  if (soft.length > 0) {
    const net = x.objectiveChange < 0 ? "the plan is better without it" : x.objectiveChange > 0 ? "the result can be improved" : "a tie, which the plan settles by its fixed tie rule";
    return `That would ${change} and break ${andList(soft.map((b) => b.text))}; with the penalties counted, ${net}.`;
  }
  if (x.placements < 0) return "That would place one worker fewer, and the plan places as many workers as it can first.";
  if (x.placements > 0) return "That would place one more worker: the result can be improved.";
  if (x.scoreChange < 0) return `That would ${change}, and the plan takes the highest total score.`;
  if (x.scoreChange === 0) return `That would ${change}: a tie, which the plan settles by its fixed tie rule.`;
  return `That would ${change}: the result can be improved.`;
};

/** The move and who it would push where: "moving W1 to E2 would push out W3 (score 20 there), who could move to E5 (score 18)". */
const chainWords = (workerId: string, x: Exchange, placed: boolean): string => {
  const d = x.displaced;
  const move = placed ? `moving ${workerId} to ${x.employerId}` : `placing ${workerId} at ${x.employerId}`;
  return d === null
    ? `${move} (it has a free slot)`
    : `${move} would push out ${d.workerId} (score ${d.score} there), who ${d.movesTo === null ? "qualifies for no other free slot" : `could move to ${d.movesTo.employerId} (score ${d.movesTo.score})`}`;
};

/**
 * The employers a hard constraint (the law's or the policy's) rules out,
 * each with the whole chain (who would be pushed where) and what it would
 * break: `shown` of them, then a count.
 */
const blockedLines = (workerId: string, placed: boolean, blocked: readonly Exchange[], alternatives: readonly Alternative[], shown = Infinity): string[] => {
  if (blocked.length === 0) return [];
  const by = whose(blocked.flatMap((x) => x.breaches.filter((b) => b.hard)));
  const lines = blocked.slice(0, shown).map((x) => {
    const a = alternatives.find((v) => v.employerId === x.employerId);
    const hard = x.breaches.filter((b) => b.hard).map((b) => b.text);
    return `    ${x.employerId} (score ${x.score}${a === undefined ? "" : `, ${freeWords(a)}`}): ${chainWords(workerId, x, placed)}; that would break ${andList(hard)}.`;
  });
  const more = blocked.length > shown ? [`    and ${count(blocked.length - shown, "more employer")} ruled out the same way.`] : [];
  return [`  Ruled out by ${by}:`, ...lines, ...more];
};

/** Why each other higher-scoring employer was not taken: the exchange there and its verdict. */
const otherLines = (workerId: string, others: readonly Exchange[], alternatives: readonly Alternative[]): string[] => {
  if (others.length === 0) return [];
  return [
    "  Other employers that would score higher, and why not:",
    ...others.map((x) => {
      const a = alternatives.find((v) => v.employerId === x.employerId);
      return `    ${x.employerId} (score ${x.score}${a === undefined ? "" : `, ${freeWords(a)}`}): ${chainWords(workerId, x, true)}. ${verdictWords(x)}`;
    }),
  ];
};

/** Why the worker's group was left out whole, and what placing it where it fits would break. */
const groupLines = (workerId: string, g: GroupLeftOut | null): string[] => {
  if (g === null) return [];
  const head = `  ${workerId}'s group ${g.id} (${g.size} workers) goes together or not at all, and none of it was placed: ${g.fit.text}.`;
  return g.breaches.length === 0 ? [head] : [head, `  Placing it there would break ${andList(g.breaches.map((b) => b.text))}.`];
};

/** Most frequent first; RULES order among equals. */
const rulesLines = (tallies: readonly RuleTally[], of: number, noun: string): string[] =>
  [...tallies].sort((a, b) => b.count - a.count).map((t) => `  - ${t.words}: ${t.count} of ${of} ${noun} (e.g. ${t.exampleId}: ${t.example})`);

const whatIfLine = (w: WhatIf | null): string =>
  w === null
    ? "  No single change (Japanese up to two levels, the care Japanese test, one required skill, one skills test) would place them in a free slot."
    : `  Smallest change: ${w.text}.`;

const caveatLines = (caveat: string | null): string[] => (caveat === null ? [] : [`  Note: ${caveat}.`]);

/** Her better offers in the plan (blocking pairs): each employer she prefers that would take her now, and why it would. */
const offerLines = (workerId: string, o: BetterOffers | null): string[] => {
  if (o === null || o.count === 0) return [];
  const each = o.shown.map((p) => `${p.employerId} (${p.kind === "free-slot" ? "a free slot" : `would take ${workerId} over ${p.displaces ?? "a worker it values less"}`})`);
  const more = o.count > o.shown.length ? `, and ${o.count - o.shown.length} more` : "";
  return [`  Better offers in the plan (${workerId} prefers them, and they would take ${workerId} now): ${each.join(", ")}${more}.`];
};

/** A worker's explanation as a few lines of text. */
export const formatWorkerExplanation = (x: WorkerExplanation): string => {
  const lines: string[] = [];
  switch (x.kind) {
    case "placed": {
      const points = x.breakdown.filter((b) => b.weighted > 0).map((b) => `${b.words} ${b.weighted}`);
      lines.push(`${x.workerId} is placed at ${x.employerLabel}, score ${x.score}${points.length === 0 ? "." : `: ${points.join(", ")}.`}`);
      if (x.exchange !== null) {
        const better = x.alternatives.find((a) => a.employerId === x.exchange?.employerId);
        if (better !== undefined) lines.push(`  ${better.label} would score ${better.score}, but ${slotsWords(better)}; ${exchangeWords(x.workerId, x.exchange, true)}`);
      } else if (x.alternatives.length > 0) {
        lines.push(`  No other employer that accepts them scores higher.`);
      }
      lines.push(...blockedLines(x.workerId, true, x.blocked, x.alternatives));
      lines.push(...otherLines(x.workerId, x.others ?? [], x.alternatives));
      lines.push(...offerLines(x.workerId, x.betterOffers));
      const told = new Set([x.exchange?.employerId, ...x.blocked.map((b) => b.employerId), ...(x.others ?? []).map((o) => o.employerId)]);
      const rest = x.alternatives.filter((a) => !told.has(a.employerId));
      if (rest.length > 0) lines.push(`  Also accept them, scoring no higher: ${firstOf(rest.map((a) => `${a.employerId} (score ${a.score}, ${freeWords(a)})`), 4)}.`);
      break;
    }
    case "no-eligible-slot": {
      lines.push(`${x.workerId} is not placed: ${x.employers === 0 ? "no employer has slots" : `none of the ${count(x.employers, "employer")} with slots accepts them`}.`);
      lines.push(...rulesLines(x.excludedBy, x.employers, "employers"));
      const n = x.nearestMisses[0]?.excludedBy.length ?? 0;
      const misses = x.nearestMisses.map((m) => `${m.label}, ${m.freeSlots > 0 ? count(m.freeSlots, "free slot") : "full"}: ${m.excludedBy.map((e) => e.words).join("; ")}`);
      if (misses.length > 0) {
        const more = misses.length > 2 ? ` (${misses.length} employers; the first 2)` : "";
        lines.push(`  Nearest, ${n === 1 ? "one rule" : `${n} rules`} short${more}:`, ...misses.slice(0, 2).map((m) => `    ${m}`));
      }
      lines.push(...groupLines(x.workerId, x.group));
      lines.push(whatIfLine(x.smallestChange));
      break;
    }
    case "eligible-slots-taken": {
      const all = x.eligible.every((a) => a.freeSlots <= 0);
      lines.push(`${x.workerId} is not placed: ${count(x.eligible.length, "employer")} accept${x.eligible.length === 1 ? "s" : ""} them, and ${all ? "all their slots went to others" : "some still had free slots"}.`);
      lines.push(`  ${firstOf(x.eligible.map((a) => `${a.employerId} (score ${a.score}; ${slotsWords(a)})`), 3)}.`);
      lines.push(...groupLines(x.workerId, x.group));
      if (x.exchange !== null) lines.push(`  ${capitalise(exchangeWords(x.workerId, x.exchange, false))}`);
      lines.push(...blockedLines(x.workerId, false, x.blocked, x.eligible, 3));
      lines.push(...offerLines(x.workerId, x.betterOffers));
      lines.push(whatIfLine(x.smallestChange));
      break;
    }
    case "no-solution":
      lines.push(`${x.workerId} is not placed: the solve returned no placement (status ${x.status}).`);
      break;
  }
  return `${[...lines, ...caveatLines(x.caveat)].join("\n")}\n`;
};

const emptyLines = (e: EmptySlots, empty: number, filled: number): string[] => {
  const slots = count(empty, "empty slot");
  switch (e.kind) {
    case "no-eligible-worker":
      return [
        `  ${capitalise(slots)}: no ${filled > 0 ? "other " : ""}worker of the ${e.workers}${filled > 0 ? " not placed here" : ""} qualifies.`,
        ...rulesLines(e.excludedBy, e.workers, "workers"),
        e.binding === null
          ? "  No single requirement stands alone in the way: each worker fails two or more."
          : `  The requirement that binds most: ${e.binding.words} (${count(e.binding.workers, "worker")} fail${e.binding.workers === 1 ? "s" : ""} only this one).`,
      ];
    case "eligible-workers-placed-elsewhere": {
      const unplaced = e.eligible.filter((w) => w.placedAt === null);
      const where = e.eligible.map((w) =>
        w.placedAt === null ? `${w.workerId} (not placed; ${w.scoreHere} here)` : `${w.workerId} at ${w.placedAt} (score ${w.scoreThere} there, ${w.scoreHere} here)`,
      );
      const verb = e.eligible.length === 1 ? "qualifies" : "qualify";
      const fate = unplaced.length > 0 ? `${unplaced.length} of them not placed` : e.eligible.length === 1 ? "placed elsewhere" : "all placed elsewhere";
      return [`  ${capitalise(slots)}: ${count(e.eligible.length, "worker")} ${verb}, ${fate}: ${firstOf(where, 4)}.`, ...policyLines(e)];
    }
    case "no-solution":
      return [`  ${capitalise(slots)}: the solve returned no placement (status ${e.status}).`];
  }
};

/** The limits reached here, and the constraints that moving the eligible workers here would break, most often first. */
const policyLines = (e: Extract<EmptySlots, { kind: "eligible-workers-placed-elsewhere" }>): string[] => {
  const lines = e.reached.map((r) => `  Reached here: ${r.label} (${r.value} placed).`);
  const tally = new Map<string, { text: string; hard: boolean; workers: number }>();
  for (const w of e.eligible) {
    for (const b of w.breaches) {
      const had = tally.get(b.label);
      tally.set(b.label, { text: had?.text ?? b.label, hard: b.hard, workers: (had?.workers ?? 0) + 1 });
    }
  }
  const broken = [...tally.values()].sort((a, b) => b.workers - a.workers || Number(b.hard) - Number(a.hard));
  const n = e.eligible.length;
  const whom = (k: number): string => (k < n ? `${k} of them` : n === 1 ? "this worker" : `all ${n}`);
  if (broken.length > 0) lines.push(`  Moving them here would break: ${andList(broken.map((b) => `${b.text} (${whom(b.workers)})`))}.`);
  return lines;
};

/** An employer's explanation as a few lines of text. */
export const formatEmployerExplanation = (x: EmployerExplanation): string => {
  const who = x.placed.length === 0 ? "" : `, by ${someOf(x.placed.map((p) => `${p.workerId} (score ${p.score})`), 5)}`;
  const lines = [`${x.label}: ${count(x.slots, "slot")}, ${x.filled} filled${who}.`];
  if (x.empty !== null) lines.push(...emptyLines(x.empty, x.slots - x.filled, x.filled));
  return `${[...lines, ...caveatLines(x.caveat)].join("\n")}\n`;
};

/** Why an infeasible plan is infeasible, for people: the smallest relaxation of the hard policy, one line each. */
export const formatDiagnosis = (d: Diagnosis): string =>
  d.kind === "relaxation"
    ? `Why no plan meets the policy: the smallest change relaxes ${count(d.totalUnits, "unit")}:\n${d.relaxations.map((r) => `  - ${r.text} [${r.source}]`).join("\n")}\n`
    : `Why no plan meets the policy: no diagnosis (${d.message}).\n`;

/** A group's explanation as a line or two of text. */
export const formatGroupExplanation = (g: GroupLeftOut): string => {
  const lines = [`${g.fit.text.charAt(0).toUpperCase()}${g.fit.text.slice(1)}.`];
  if (g.breaches.length > 0) lines.push(`  Placing it there would break ${andList(g.breaches.map((b) => b.text))}.`);
  return `${lines.join("\n")}\n`;
};
