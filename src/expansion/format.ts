/**
 * The expansion report in Markdown: marginal values of slots and of
 * training, and the planner's proposal against the naive split, each saying
 * how its figures were found (exact re-solves of the optimiser).
 *
 * @example
 * console.log(formatExpansionMarkdown(report)); // "## Marginal value of slots\n..."
 */
import { int, fieldLabel, prefectureLabel } from "../report/format.js";
import { markdownTable } from "../report/markdown.js";
import type { ExpansionPlan } from "./planner.js";
import type { SlotValues } from "./slots.js";
import { upgradeName, type TrainingValues } from "./training.js";

/** Everything `expansionReport` found, with how many solves it took and whether all were proved optimal. */
export interface ExpansionReport {
  readonly placed: number;
  readonly workers: number;
  readonly slots: SlotValues;
  readonly training: TrainingValues;
  readonly plan: ExpansionPlan;
  /** Solves in all, the baseline's included. */
  readonly solves: number;
  /** Whether every solve was proved optimal: then every figure is exact. */
  readonly exact: boolean;
}

const per = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

const exactness = (r: ExpansionReport): string =>
  r.exact
    ? `Every figure below is an exact re-solve of the optimiser: the instance changed as the row says and solved again (${int(r.solves)} solves, every one proved optimal), so each difference in placements is exact.`
    : `Figures come from re-solves of the optimiser (${int(r.solves)} solves), but not every solve was proved optimal (a time limit, or an infeasible plan): a difference may be off by what the unproved solves missed.`;

const slotSection = (v: SlotValues): string[] => {
  const rows = v.groups.map((g) => [
    prefectureLabel(g.prefecture),
    fieldLabel(g.field),
    int(g.slots),
    int(g.placed),
    `+${int(g.added)}`,
    `+${int(g.gained)}`,
    g.by === "re-solve" ? "" : "(prefecture: +0)",
  ]);
  const none = v.noMarginalValue.map(prefectureLabel);
  return [
    "## Marginal value of slots",
    "",
    "One more slot at each employer of a prefecture and field, with the room the law asks to fill it (a staff member behind a statutory cap, a bed and 7.5 m2, a head in the acceptance plan; not a support organisation's officer): how many more workers would be placed.",
    "",
    markdownTable(["prefecture", "field", "slots", "placed", "slots added", "more placed", ""], rows),
    "",
    `${int(v.eligibleUnplaced)} unplaced workers were eligible for slots that went to others; the others left out are eligible only where no slot or no legal room is open, or nowhere.`,
    none.length === 0 ? "Every prefecture's extra slots would place someone." : `Slots with no marginal value (more would stay empty): ${none.join(", ")}.`,
  ];
};

const trainingSection = (t: TrainingValues): string[] => {
  const rows = t.rows.map((r) => [r.centre, upgradeName(r.upgrade), int(r.trainees), `+${int(r.gained)}`, r.trainees === 0 ? "-" : per(r.per100)]);
  const centres = t.centres.map((c) => `${c.centre} (${int(c.unplaced)} of ${int(c.workers)} left out)`).join(", ");
  return [
    "## Marginal value of training",
    "",
    `If a centre's unplaced workers who lack a test all passed it, how many more would be placed, and per 100 who pass. Centres with the most workers left out: ${centres}. Skills tests tried: those of the job categories with the most empty slots at employers open to SSW workers.`,
    "",
    markdownTable(["centre", "test", "trainees", "more placed", "per 100"], rows),
  ];
};

const planSection = (p: ExpansionPlan): string[] => {
  const rows = p.groups.map((g) => [prefectureLabel(g.prefecture), fieldLabel(g.field), int(g.slots), int(g.proposed), int(g.naive), int(g.naivePlaced)]);
  const lost = p.proposed.placed - p.naive.placed;
  return [
    "## Expansion plan",
    "",
    "Workers to plan for each prefecture and field: the proposal is the optimum's own placements (the most placed, then the best score, under the policy); the naive plan splits the cohort in proportion to slots, and is solved again with each employer's slots cut to its share.",
    "",
    markdownTable(["prefecture", "field", "slots", "proposed", "naive plan", "naive placed"], rows),
    "",
    `Proposed: ${int(p.proposed.placed)} placed, mean score ${p.proposed.meanScore.toFixed(2)}; ${int(p.unplanned)} workers no group can take under the policy are left unplanned.`,
    `Naive: ${int(p.naive.planned)} planned, ${int(p.naive.placed)} placed (${lost === 0 ? "as many" : `${int(lost)} fewer`}), mean score ${p.naive.meanScore.toFixed(2)}.`,
  ];
};

/** The report in Markdown; see the module comment. */
export const formatExpansionMarkdown = (r: ExpansionReport): string =>
  [
    `Baseline: ${int(r.placed)} of ${int(r.workers)} placed. ${exactness(r)}`,
    "",
    ...slotSection(r.slots),
    "",
    ...trainingSection(r.training),
    "",
    ...planSection(r.plan),
    "",
  ].join("\n");
