/**
 * Rule counts over items one by one, the way the result's reasons are
 * defined: per rule, how many items it excludes and the first one's detail,
 * in RULES order. No classes, no merging: the oracle for reasons counted
 * per class or per key.
 */
import { RULES, type RuleId } from "../../src/rules/eligibility.js";
import type { RuleCount } from "../../src/result/types.js";

export const countOneByOne = <T>(items: readonly T[], excluded: (item: T) => readonly { readonly rule: RuleId; readonly detail: string }[]): RuleCount[] => {
  const counts = new Map<RuleId, { count: number; example: string }>();
  for (const item of items) {
    for (const x of excluded(item)) {
      const had = counts.get(x.rule);
      counts.set(x.rule, { count: (had?.count ?? 0) + 1, example: had?.example ?? x.detail });
    }
  }
  return RULES.flatMap((rule) => {
    const c = counts.get(rule);
    return c === undefined ? [] : [{ rule, count: c.count, example: c.example }];
  });
};
