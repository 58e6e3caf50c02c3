/**
 * Retention risk: an indicator of which placements may not hold, not a
 * prediction of who will leave.
 *
 * Specified Skilled Workers, unlike technical intern trainees, may change
 * employer within their field (and job category) with a change of status
 * application and no new skills test; the public record of recent years is
 * that many move from rural prefectures to the higher wages of the big
 * cities (docs/SOURCES.md, "Stability and retention"). So for each
 * placement jobmatch looks at two kinds of better option:
 *
 * - inside the plan: her blocking pairs (./audit.ts): employers she prefers
 *   that would take her now;
 * - outside the plan: the same field in another prefecture whose regional
 *   minimum wage (on the first day of the placement period) is above her
 *   starting wage (./preferences.ts `startingWage`: the declared wage, with
 *   the raises due from the first day) by at least `outsideGap` (default
 *   10%): any job there pays at least
 *   that. SSW (i) allows a change of employer within the field in every
 *   field, so the option is open to everyone placed.
 *
 * Levels per placement: "high" with at least one option inside the plan;
 * "medium" with none inside but one outside; "low" otherwise. An employer is
 * "high" when any of its placements is, "medium" when at least a quarter of
 * them are medium, "low" otherwise. For an employer with in-plan options
 * against it, `retainingWage` is the hourly wage at which none of its
 * workers would prefer their best blocking option any more (from the derived
 * preferences: one weighted point of score is worth 50 yen an hour); null
 * where a worker's stated ranking, or a wage weight of 0, means no wage
 * would do. It answers today's better offers only: a higher wage can draw
 * new workers' wishes to the employer.
 */
import { findPrefecture, minimumWageOn, PREFECTURES } from "../domain/prefectures.js";
import type { Employer, Worker } from "../input/instance.js";
import { compareStrings } from "../input/instance.js";
import type { AuditDetail } from "./audit.js";

export type RiskLevel = "high" | "medium" | "low";

export interface RetentionOptions {
  /** Share by which another prefecture's minimum wage must exceed her wage to count as an outside option (default 0.10). */
  readonly outsideGap?: number;
}

export const DEFAULT_OUTSIDE_GAP = 0.1;

export interface PlacementRisk {
  readonly workerId: string;
  readonly employerId: string;
  readonly level: RiskLevel;
  /** Employers in the plan she prefers that would take her now. */
  readonly inPlan: number;
  /** Her best such option, or null. */
  readonly bestInPlan: string | null;
  /** Prefectures whose minimum wage is at least `outsideGap` above her hourly wage. */
  readonly outside: number;
  /** The highest of those minimum wages, where it is, and the gap to her wage (yen an hour); null without an outside option. */
  readonly bestOutside: { readonly prefecture: string; readonly minimumWage: number; readonly gap: number } | null;
}

export interface EmployerRisk {
  readonly employerId: string;
  readonly level: RiskLevel;
  readonly placed: number;
  readonly high: number;
  readonly medium: number;
  /** Its workers' blocking pairs inside the plan. */
  readonly inPlan: number;
  /** Its starting wage (./preferences.ts `startingWage`): the declared hourly wage, with the raises due from the first day. */
  readonly hourlyWage: number;
  /** The wage that would answer every in-plan better offer its workers have; null when none would, or when it has none. */
  readonly retainingWage: number | null;
  /** Why no wage would do, when `inPlan > 0` and `retainingWage` is null. */
  readonly note: string | null;
}

/** Retention risk of every placement and employer, as data. */
export interface Retention {
  readonly outsideGap: number;
  /** The date the outside minimum wages are read on: the first day of the placement period. */
  readonly asOf: string | null;
  readonly placements: readonly PlacementRisk[];
  readonly employers: readonly EmployerRisk[];
  readonly counts: { readonly high: number; readonly medium: number; readonly low: number };
  readonly employersAtRisk: { readonly high: number; readonly medium: number };
}

/** The same, computed without building a record per placement (the summary reads only the counts). */
export interface RetentionDetail {
  readonly audit: AuditDetail;
  readonly outsideGap: number;
  /** Per worker index: 0 unplaced, 1 low, 2 medium, 3 high. */
  readonly level: Uint8Array;
  /**
   * Per employer index (one with placements; they depend only on its wage and prefecture): its workers'
   * outside options, and the best one's index into `wages` (-1 none).
   */
  readonly outsideAt: Int32Array;
  readonly bestOutsideAt: Int32Array;
  /** Regional minimum wages on the reference date, highest first. */
  readonly wages: readonly { readonly code: string; readonly amount: number }[];
  readonly employers: readonly EmployerRisk[];
  readonly counts: { readonly high: number; readonly medium: number; readonly low: number };
}

const LEVEL_NAMES: readonly RiskLevel[] = ["low", "low", "medium", "high"];

/** The retention risk of an audited plan; see the module comment. */
export const retentionDetail = (audit: AuditDetail, options: RetentionOptions = {}): RetentionDetail => {
  const { market, placedAt } = audit;
  const { instance } = market;
  const { workers, employers, weights } = instance;
  const gap = options.outsideGap ?? DEFAULT_OUTSIDE_GAP;
  const asOf = instance.reference.placement.start;
  const wages = PREFECTURES.map((p) => ({ code: p.code, amount: minimumWageOn(p, asOf).amount })).sort((a, b) => b.amount - a.amount || compareStrings(a.code, b.code));
  const level = new Uint8Array(workers.length);
  const counts = { high: 0, medium: 0, low: 0 };
  // Per employer index: its placements, of them at high and medium risk, their blocking pairs in the plan,
  // the wage that answers them and why none would (arrays, not an object per employer); and, worked out
  // at its first placement, its workers' outside options (the prefix of `wages` at or above the threshold,
  // less its own prefecture) and the best one's index. Its starting wage is the market's.
  const wageOf = market.wageOf;
  const placed = new Int32Array(employers.length);
  const high = new Int32Array(employers.length);
  const medium = new Int32Array(employers.length);
  const inPlanAt = new Float64Array(employers.length);
  const neededAt = new Float64Array(employers.length);
  const stuckAt = new Map<number, string>();
  const outsideOf = new Int32Array(employers.length);
  const bestOutsideOf = new Int32Array(employers.length);
  for (let w = 0; w < placedAt.length; w++) {
    const e = placedAt[w] as number;
    if (e < 0) continue;
    const wage = wageOf[e] as number;
    if (placed[e] === 0) {
      const prefecture = (employers[e] as Employer).prefecture;
      const threshold = wage * (1 + gap);
      let n = 0;
      let best = -1;
      for (let i = 0; i < wages.length && (wages[i] as { amount: number }).amount >= threshold; i++) {
        if ((wages[i] as { code: string }).code === prefecture) continue;
        n++;
        if (best < 0) best = i;
      }
      outsideOf[e] = n;
      bestOutsideOf[e] = best;
    }
    const inPlan = audit.options[w] as number;
    const l = inPlan > 0 ? 3 : (outsideOf[e] as number) > 0 ? 2 : 1;
    level[w] = l;
    counts[LEVEL_NAMES[l] as RiskLevel]++;
    placed[e] = (placed[e] as number) + 1;
    if (l === 3) high[e] = (high[e] as number) + 1;
    if (l === 2) medium[e] = (medium[e] as number) + 1;
    inPlanAt[e] = (inPlanAt[e] as number) + inPlan;
    const other = audit.bestOf[w] as number;
    if (other < 0) continue;
    // The wage at which she values this employer as much as her best in-plan option (equal: no longer blocking).
    const k = market.classOf[w] as number;
    const ranked = market.classes[k]?.stated !== undefined;
    if (ranked || weights.wageAboveMinimum === 0) {
      if (!stuckAt.has(e))
        stuckAt.set(e, ranked ? `${(workers[w] as Worker).id} ranks employers herself; no wage here changes her ranking` : "the wage weight is 0, so no wage changes a worker's derived preferences");
    } else {
      // Her derived value here less the wage part is the place part (./preferences.ts).
      const place = market.valueOfEmployer(k, e) - weights.wageAboveMinimum * wage;
      const needed = (market.valueOfEmployer(k, other) - place) / weights.wageAboveMinimum;
      neededAt[e] = Math.max(neededAt[e] as number, Math.ceil(needed));
    }
  }
  const employerRisks: EmployerRisk[] = [];
  for (let e = 0; e < employers.length; e++) {
    const n = placed[e] as number;
    if (n === 0) continue;
    const wage = wageOf[e] as number;
    const inPlan = inPlanAt[e] as number;
    const stuck = stuckAt.get(e) ?? null;
    employerRisks.push({
      employerId: (employers[e] as Employer).id,
      level: (high[e] as number) > 0 ? "high" : (medium[e] as number) * 4 >= n ? "medium" : "low",
      placed: n,
      high: high[e] as number,
      medium: medium[e] as number,
      inPlan,
      hourlyWage: wage,
      retainingWage: inPlan === 0 || stuck !== null ? null : Math.max(wage, neededAt[e] as number),
      note: inPlan > 0 && stuck !== null ? stuck : null,
    });
  }
  return { audit, outsideGap: gap, level, outsideAt: outsideOf, bestOutsideAt: bestOutsideOf, wages, employers: employerRisks, counts };
};

/** The retention risk as records, one per placement (in worker id order) and per employer with placements. */
export const retentionReport = (detail: RetentionDetail): Retention => {
  const { audit, wages } = detail;
  const { workers, employers } = audit.market.instance;
  const placements: PlacementRisk[] = [];
  audit.placedAt.forEach((e, w) => {
    if (e < 0) return;
    const employer = employers[e] as Employer;
    const best = audit.bestOf[w] as number;
    const top = wages[detail.bestOutsideAt[e] as number];
    placements.push({
      workerId: (workers[w] as Worker).id,
      employerId: employer.id,
      level: LEVEL_NAMES[detail.level[w] as number] as RiskLevel,
      inPlan: audit.options[w] as number,
      bestInPlan: best < 0 ? null : (employers[best] as Employer).id,
      outside: detail.outsideAt[e] as number,
      bestOutside: top === undefined ? null : { prefecture: `${top.code} ${findPrefecture(top.code)?.name ?? ""}`.trim(), minimumWage: top.amount, gap: top.amount - (audit.market.wageOf[e] as number) },
    });
  });
  return {
    outsideGap: detail.outsideGap,
    asOf: audit.market.instance.reference.placement.start,
    placements,
    employers: detail.employers,
    counts: detail.counts,
    employersAtRisk: { high: detail.employers.filter((e) => e.level === "high").length, medium: detail.employers.filter((e) => e.level === "medium").length },
  };
};
