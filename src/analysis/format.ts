/**
 * Explanations for people: a few lines of plain text in the programme's
 * words, for an official or a support organisation.
 *
 * @example
 * formatWorkerExplanation(x)
 * // W02 is placed at E02 Takamatsu Kaigo (Kagawa, Nursing care), score 29: field 1st choice 20, prefecture 2nd choice 8, ...
 * //   E01 Sanuki Care (Kagawa, Nursing care) would score 32, but its slot went to W01; moving W02 to E01 would push out ...
 */
import type { Exchange } from "./exchange.js";
import type { Alternative, EmployerExplanation, EmptySlots, RuleTally, WorkerExplanation } from "./types.js";
import type { WhatIf } from "./whatIf.js";
import { count, someOf } from "./words.js";

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
  const verdict =
    x.placements < 0
      ? "That would place one worker fewer, and the plan places as many workers as it can first."
      : x.placements > 0
        ? "That would place one more worker: the result can be improved."
        : x.scoreChange < 0
          ? `That would place as many workers with a total score ${-x.scoreChange} lower, and the plan takes the highest total score.`
          : x.scoreChange === 0
            ? "That would place as many workers with the same total score: a tie, which the plan settles by its fixed tie rule."
            : `That would place as many workers with a total score ${x.scoreChange} higher: the result can be improved.`;
  return `${what}. ${verdict}`;
};

/** Most frequent first; RULES order among equals. */
const rulesLines = (tallies: readonly RuleTally[], of: number, noun: string): string[] =>
  [...tallies].sort((a, b) => b.count - a.count).map((t) => `  - ${t.words}: ${t.count} of ${of} ${noun} (e.g. ${t.exampleId}: ${t.example})`);

const whatIfLine = (w: WhatIf | null): string =>
  w === null
    ? "  No single change (Japanese up to two levels, the care Japanese test, one required skill, one skills test) would place them in a free slot."
    : `  Smallest change: ${w.text}.`;

const caveatLines = (caveat: string | null): string[] => (caveat === null ? [] : [`  Note: ${caveat}.`]);

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
      const rest = x.alternatives.filter((a) => a.employerId !== x.exchange?.employerId);
      if (rest.length > 0) lines.push(`  Also accept them: ${firstOf(rest.map((a) => `${a.employerId} (score ${a.score}, ${freeWords(a)})`), 4)}.`);
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
      lines.push(whatIfLine(x.smallestChange));
      break;
    }
    case "eligible-slots-taken": {
      const all = x.eligible.every((a) => a.freeSlots <= 0);
      lines.push(`${x.workerId} is not placed: ${count(x.eligible.length, "employer")} accept${x.eligible.length === 1 ? "s" : ""} them, and ${all ? "all their slots went to others" : "some still had free slots"}.`);
      lines.push(`  ${firstOf(x.eligible.map((a) => `${a.employerId} (score ${a.score}; ${slotsWords(a)})`), 3)}.`);
      if (x.group !== null) {
        lines.push(`  ${x.workerId}'s group ${x.group.id} (${x.group.size} workers) goes together or not at all, and none of it was placed: some member fits no slot where the others could go, or placing them all would have cost more.`);
      }
      if (x.exchange !== null) lines.push(`  ${capitalise(exchangeWords(x.workerId, x.exchange, false))}`);
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
      return [`  ${capitalise(slots)}: ${count(e.eligible.length, "worker")} ${verb}, ${fate}: ${firstOf(where, 4)}.`];
    }
    case "no-solution":
      return [`  ${capitalise(slots)}: the solve returned no placement (status ${e.status}).`];
  }
};

/** An employer's explanation as a few lines of text. */
export const formatEmployerExplanation = (x: EmployerExplanation): string => {
  const who = x.placed.length === 0 ? "" : `, by ${someOf(x.placed.map((p) => `${p.workerId} (score ${p.score})`), 5)}`;
  const lines = [`${x.label}: ${count(x.slots, "slot")}, ${x.filled} filled${who}.`];
  if (x.empty !== null) lines.push(...emptyLines(x.empty, x.slots - x.filled, x.filled));
  return `${[...lines, ...caveatLines(x.caveat)].join("\n")}\n`;
};
