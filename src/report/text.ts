/**
 * A plain-text report of a match result, for a person at a terminal.
 */
import { findPrefecture } from "../domain/prefectures.js";
import type { GroupSummary, MatchResult } from "../result/types.js";
import { RULES, type RuleId } from "../rules/eligibility.js";
import { RULE_WORDS } from "../rules/ruleIds.js";
import { lawLines } from "./law.js";
import { brokenWords, policyDigest } from "./policy.js";
import { stabilityLines } from "./stability.js";
import { waveRows } from "./waves.js";

const pct = (part: number, whole: number): string => (whole === 0 ? "-" : `${((100 * part) / whole).toFixed(1)}%`);

const table = (title: string, groups: Readonly<Record<string, GroupSummary>>, label: (key: string) => string = (k) => k): string[] => {
  const rows = Object.entries(groups).map(([k, g]) => [label(k), String(g.slots), String(g.placed), String(g.unfilledSlots), pct(g.placed, g.slots)]);
  const header = [title, "slots", "placed", "unfilled", "fill"];
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, (r[i] ?? "").length), h.length));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), ...rows.map(line)];
};


/** The policy (or the legal limits), one line per source with how many of its constraints are met, and the first few not met. */
const policyLines = (result: MatchResult, which: "policy" | "law"): string[] => {
  const rows = policyDigest(result, which);
  if (rows.length === 0) return [];
  const lines = ["", which === "law" ? "Legal limits (constraints met):" : "Policy (constraints met):"];
  for (const r of rows) {
    lines.push(`  ${`${r.met}/${r.constraints}`.padStart(9)}  ${r.what} [${r.source}]`);
    for (const p of r.broken.slice(0, 5)) lines.push(`             not met: ${brokenWords(p)}`);
    if (r.broken.length > 5) lines.push(`             and ${r.broken.length - 5} more not met`);
  }
  return lines;
};

/** A multi-line report: status, totals, tables by sector, field and prefecture, unplaced by reason. */
export const formatReport = (result: MatchResult): string => {
  const s = result.summary;
  const lines: string[] = [];
  lines.push(`Status: ${result.status}${result.message === null ? "" : ` (${result.message})`}; engine ${result.engine}`);
  lines.push(
    `Model: ${result.model.workerClasses} worker classes x ${result.model.employerClasses} employer classes, ${result.model.arcs} eligible class pairs`,
  );
  if (result.diagnosis !== null) {
    if (result.diagnosis.kind === "relaxation") {
      lines.push(`Why infeasible: the smallest relaxation of the hard policy changes ${result.diagnosis.totalUnits} unit(s):`);
      for (const r of result.diagnosis.relaxations) lines.push(`  - ${r.text} [${r.source}]`);
    } else lines.push(`Why infeasible: no diagnosis (${result.diagnosis.message})`);
  }
  lines.push(`Workers: ${s.workers}; placed ${s.placed} (${pct(s.placed, s.workers)}); unplaced ${s.unplaced}`);
  lines.push(`Slots: ${s.slots}; filled ${s.placed} (${pct(s.placed, s.slots)}); unfilled ${s.unfilledSlots}`);
  lines.push(`Score: total ${s.totalScore}, mean ${s.meanScore.toFixed(2)} per placement`);
  for (const item of stabilityLines(result.stability)) lines.push(item);
  lines.push("");
  for (const item of table("sector", s.bySector)) lines.push(item);
  lines.push("");
  for (const item of table("field", s.byField)) lines.push(item);
  lines.push("");
  for (const item of table("prefecture", s.byPrefecture, (code) => `${code} ${findPrefecture(code)?.name ?? ""}`.trim())) lines.push(item);
  if (waveRows(s) !== null) {
    lines.push("", "Arrival waves (placements by the month their slots start):");
    for (const item of table("start month", s.byStartMonth)) lines.push(item);
  }
  for (const item of policyLines(result, "law")) lines.push(item);
  for (const item of lawLines(result)) lines.push(item);
  for (const item of policyLines(result, "policy")) lines.push(item);
  lines.push("");
  lines.push("Unplaced workers by reason:");
  lines.push(`  no eligible slot anywhere:          ${s.unplacedByReason["no-eligible-slot"]}`);
  lines.push(`  eligible, but those slots were full: ${s.unplacedByReason["eligible-slots-taken"]}`);
  const withGroup = result.unplaced.filter((u) => u.reason.kind === "eligible-slots-taken" && u.reason.group !== undefined).length;
  if (withGroup > 0) lines.push(`    of them left out with their group (it goes whole or not at all): ${withGroup}`);
  if (s.unplacedByReason["no-solution"] > 0) lines.push(`  no solution from the solver:        ${s.unplacedByReason["no-solution"]}`);
  const ruleTotals = new Map<RuleId, number>();
  for (const u of result.unplaced) {
    if (u.reason.kind !== "no-eligible-slot") continue;
    for (const r of u.reason.excludedBy) ruleTotals.set(r.rule, (ruleTotals.get(r.rule) ?? 0) + 1);
  }
  if (ruleTotals.size > 0) {
    lines.push("  Of those with no eligible slot, how many each rule stood in the way of:");
    for (const rule of RULES) {
      const n = ruleTotals.get(rule);
      if (n !== undefined) lines.push(`    ${RULE_WORDS[rule]}: ${n}`);
    }
  }
  lines.push("");
  lines.push(
    `Time: decode ${result.timings.decodeMs.toFixed(0)} ms, build ${result.timings.buildMs.toFixed(0)} ms, solve ${result.timings.solveMs.toFixed(0)} ms, total ${result.timings.totalMs.toFixed(0)} ms`,
  );
  return lines.join("\n");
};
