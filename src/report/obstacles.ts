/**
 * The rules that kept workers out, counted so that a chart adds up: each
 * worker eligible nowhere is counted once, under the rule that excluded
 * them from the most employers (ties: the rules' order in
 * ../rules/eligibility.ts). "Which rule, how many workers": the obstacle to
 * work on first.
 *
 * @example
 * mainObstacles(result) // [{ rule: "statutory-language", workers: 129 }, ...] in RULES order, zeros left out
 */
import type { MatchResult } from "../result/types.js";
import { RULES, type RuleId } from "../rules/eligibility.js";

/** Workers eligible nowhere, by their main obstacle, in RULES order. */
export const mainObstacles = (result: MatchResult): { readonly rule: RuleId; readonly workers: number }[] => {
  const n = new Map<RuleId, number>();
  for (const u of result.unplaced) {
    if (u.reason.kind !== "no-eligible-slot") continue;
    let best: { rule: RuleId; count: number } | null = null;
    for (const x of u.reason.excludedBy) if (best === null || x.count > best.count) best = { rule: x.rule, count: x.count };
    if (best !== null) n.set(best.rule, (n.get(best.rule) ?? 0) + 1);
  }
  return RULES.flatMap((rule) => (n.has(rule) ? [{ rule, workers: n.get(rule) as number }] : []));
};
