/**
 * What the stable mechanisms cannot honour yet: slots that start on
 * different dates at one employer (`slotGroups`, ../rules/starts.ts). The
 * optimiser holds them (a worker available only for a later group takes at
 * most the later groups' slots); deferred acceptance and the audit count an
 * employer's slots as one pool, so a stable plan could hold a late worker in
 * an early slot, and the audit could count a free early slot as an offer to
 * a worker who cannot start by then. Rather than give such answers, the
 * stable plan and the audit of an instance with staggered starts are
 * refused, with the employers named; `match` leaves its `stability`
 * summary out (null) and explanations cite no better offers.
 */
import type { Instance } from "../input/instance.js";
import { at, issue, type InputIssue } from "../input/issues.js";

/** The input index of each employer id, where the raw input lists them (for located issues). */
const inputIndex = (input: unknown): ReadonlyMap<string, number> => {
  const list = typeof input === "object" && input !== null && "employers" in input ? (input as { employers?: unknown }).employers : undefined;
  const out = new Map<string, number>();
  if (Array.isArray(list)) list.forEach((e, i) => typeof e === "object" && e !== null && typeof (e as { id?: unknown }).id === "string" && out.set((e as { id: string }).id, i));
  return out;
};

/** One issue per employer whose slots start on more than one date; none when every employer's slots start together. */
export const staggeredStarts = (instance: Instance, input?: unknown): InputIssue[] => {
  const staggered = instance.employers.filter((e) => e.slotGroups.length > 1);
  if (staggered.length === 0) return [];
  const index = inputIndex(input);
  return staggered.map((e) =>
    issue(
      "inconsistent",
      at(index.has(e.id) ? at("employers", index.get(e.id) as number) : `employers (${e.id})`, "slotGroups"),
      "slots that start on one date, for a stable plan or its audit (deferred acceptance does not yet hold slot groups with different starts; the optimal plan of match and jobmatch solve does)",
      e.slotGroups.map((g) => `${g.slots} from ${g.start}`).join(", "),
    ),
  );
};

/** Whether the stable mechanisms and the audit can read this instance (./starts.ts module comment). */
export const stableCanRead = (instance: Instance): boolean => instance.employers.every((e) => e.slotGroups.length <= 1);
