/**
 * The notes a scenario report ends with: each scenario's assumptions (once,
 * however many of its variations ran) and what each variation changed.
 *
 * @example
 * renderHtmlReport(compareRuns(runs), { title: "Shikoku", notes: scenarioNotes(runs) });
 */
import type { ScenarioRun } from "./run.js";

/** A section at the end of a report: a heading and a list. */
export interface ReportNote {
  readonly heading: string;
  readonly items: readonly string[];
}

/** Assumptions per distinct scenario, then the variations' descriptions. */
export const scenarioNotes = (runs: readonly ScenarioRun[]): ReportNote[] => {
  const notes: ReportNote[] = [];
  const seen = new Set<string>();
  const variations: string[] = [];
  for (const run of runs) {
    const base = run.name.split("/")[0] ?? run.name;
    const s = run.scenario;
    if (!seen.has(base)) {
      seen.add(base);
      const items = [...(s.description === undefined ? [] : [s.description]), ...(s.assumptions ?? [])];
      notes.push({ heading: `Assumptions: ${base}`, items });
      for (const v of s.variations ?? []) variations.push(`${base}/${v.name}: ${v.description ?? v.changes.map((c) => c.kind).join(", ")}`);
    }
  }
  const ran = new Set(runs.map((r) => r.name));
  const shown = variations.filter((v) => ran.has(v.slice(0, v.indexOf(": "))));
  if (shown.length > 0) notes.push({ heading: "Variations", items: shown });
  return notes;
};
