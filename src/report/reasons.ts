/**
 * Why a worker was not placed, in the words the explanations use
 * (../analysis/words.ts: "below the legal Japanese minimum at 150 employers
 * (e.g. needs N4 for food-manufacturing, has N5)"), for the reports and the
 * CSV result's `detail` column.
 */
import { RULE_WORDS } from "../analysis/words.js";
import type { UnplacedReason } from "../result/types.js";

/** A reason for a worker not placed, in words; `status` is the result's, for a solve with no solution. */
export const reasonWords = (r: UnplacedReason, status: string): string => {
  switch (r.kind) {
    case "no-eligible-slot":
      return `no employer accepts them: ${r.excludedBy.map((x) => `${RULE_WORDS[x.rule]} at ${x.count} employer${x.count === 1 ? "" : "s"} (e.g. ${x.example})`).join("; ")}`;
    case "eligible-slots-taken":
      return `${r.eligibleEmployers} employer${r.eligibleEmployers === 1 ? " accepts" : "s accept"} them (${r.eligibleSlots} slots), and those slots went to others${
        r.group === undefined ? "" : `; their group ${r.group} goes whole or not at all, and none of it was placed`
      }`;
    case "no-solution":
      return `the solve returned no placement (status ${status})`;
  }
};

