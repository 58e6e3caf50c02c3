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
 *   minimum wage (on the instance's reference date) is above her hourly wage
 *   by at least `outsideGap` (default 10%): any job there pays at least
 *   that. SSW (i) allows a change of employer within the field in every
 *   field, so the option is open to everyone placed.
 *
 * Levels per placement: "high" with at least one option inside the plan;
 * "medium" with none inside but one outside; "low" otherwise. An employer's
 * level is its placements' highest level held by at least a quarter of them
 * (at least one for "high": a single better offer in the plan is a concrete
 * risk). For an employer at risk inside the plan, `retainingWage` is the
 * hourly wage at which none of its workers would prefer their blocking
 * options any more (from the derived preferences: one weighted point of
 * score is worth 50 yen an hour); null where a worker's stated ranking, or a
 * wage weight of 0, means no wage would do. It answers today's better offers
 * only: a higher wage can draw new workers' wishes to the employer.
 */
import { findPrefecture, minimumWageOn, PREFECTURES, type Prefecture } from "../domain/prefectures.js";
import type { Employer, Worker } from "../input/instance.js";
import { compareStrings } from "../input/instance.js";
import type { AuditDetail } from "./audit.js";
import { placeValue } from "./preferences.js";

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
  readonly hourlyWage: number;
  /** The wage that would answer every in-plan better offer its workers have; null when none would, or when it has none. */
  readonly retainingWage: number | null;
  /** Why no wage would do, when `inPlan > 0` and `retainingWage` is null. */
  readonly note: string | null;
}

export interface Retention {
  readonly outsideGap: number;
  readonly asOf: string | null;
  readonly placements: readonly PlacementRisk[];
  readonly employers: readonly EmployerRisk[];
  readonly counts: { readonly high: number; readonly medium: number; readonly low: number };
  readonly employersAtRisk: { readonly high: number; readonly medium: number };
}

const LEVELS: readonly RiskLevel[] = ["high", "medium", "low"];

/** The retention risk of the audited plan; see the module comment. */
export const retentionRisk = (audit: AuditDetail, options: RetentionOptions = {}): Retention => {
  const { market, placedAt } = audit;
  const { instance } = market;
  const { workers, employers, weights } = instance;
  const gap = options.outsideGap ?? DEFAULT_OUTSIDE_GAP;
  const asOf = instance.reference.asOf;
  // Regional minimum wages, highest first (overrides in the instance count).
  const wages = PREFECTURES.map((p: Prefecture) => ({ code: p.code, amount: minimumWageOn(p, asOf ?? undefined).amount }))
    .sort((a, b) => b.amount - a.amount || compareStrings(a.code, b.code));

  const placements: PlacementRisk[] = [];
  const byEmployer = new Map<number, { high: number; medium: number; placed: number; inPlan: number; needed: number; stuck: string | null }>();
  placedAt.forEach((e, w) => {
    if (e < 0) return;
    const worker = workers[w] as Worker;
    const employer = employers[e] as Employer;
    const wage = employer.hourlyWage;
    const threshold = wage * (1 + gap);
    const outsideList = wages.filter((x) => x.code !== employer.prefecture && x.amount >= threshold);
    const inPlan = audit.options[w] as number;
    const best = inPlan > 0 ? (audit.bestOf[w] as number) : -1;
    const level: RiskLevel = inPlan > 0 ? "high" : outsideList.length > 0 ? "medium" : "low";
    const top = outsideList[0];
    placements.push({
      workerId: worker.id,
      employerId: employer.id,
      level,
      inPlan,
      bestInPlan: best < 0 ? null : (employers[best] as Employer).id,
      outside: outsideList.length,
      bestOutside: top === undefined ? null : { prefecture: `${top.code} ${findPrefecture(top.code)?.name ?? ""}`.trim(), minimumWage: top.amount, gap: top.amount - wage },
    });
    const agg = byEmployer.get(e) ?? { high: 0, medium: 0, placed: 0, inPlan: 0, needed: 0, stuck: null };
    agg.placed++;
    if (level === "high") agg.high++;
    if (level === "medium") agg.medium++;
    agg.inPlan += inPlan;
    if (best >= 0) {
      // The wage at which she values this employer as much as her best in-plan option (equal value: no longer blocking).
      const k = market.classOf[w] as number;
      const ranked = market.classes[k]?.stated !== undefined;
      if (ranked || weights.wageAboveMinimum === 0) {
        agg.stuck ??= ranked ? `${worker.id} ranks employers herself; no wage here changes her ranking` : "the wage weight is 0, so no wage changes a worker's derived preferences";
      } else {
        const target = market.valueOfEmployer(k, best);
        const needed = (target - placeValue(worker, employer, instance)) / weights.wageAboveMinimum;
        agg.needed = Math.max(agg.needed, Math.ceil(needed));
      }
    }
    byEmployer.set(e, agg);
  });

  const employerRisks: EmployerRisk[] = [...byEmployer.entries()]
    .sort(([a], [b]) => a - b)
    .map(([e, agg]) => {
      const employer = employers[e] as Employer;
      const level: RiskLevel = agg.high > 0 ? "high" : agg.medium * 4 >= agg.placed ? "medium" : "low";
      const retainingWage = agg.inPlan === 0 || agg.stuck !== null ? null : Math.max(employer.hourlyWage, agg.needed);
      return {
        employerId: employer.id,
        level,
        placed: agg.placed,
        high: agg.high,
        medium: agg.medium,
        inPlan: agg.inPlan,
        hourlyWage: employer.hourlyWage,
        retainingWage,
        note: agg.inPlan > 0 && agg.stuck !== null ? agg.stuck : null,
      };
    });
  const counts = { high: 0, medium: 0, low: 0 };
  for (const p of placements) counts[p.level]++;
  return {
    outsideGap: gap,
    asOf,
    placements,
    employers: employerRisks,
    counts,
    employersAtRisk: { high: employerRisks.filter((e) => e.level === "high").length, medium: employerRisks.filter((e) => e.level === "medium").length },
  };
};

export { LEVELS as RISK_LEVELS };
