/**
 * Rankings, decoded: the `rankings` section (./codecs.ts) checked against the
 * instance's workers and employers.
 *
 * Errors (located issues; the instance does not decode):
 * - an id that is no worker or employer of the instance (`unknown-id`);
 * - two rankings for the same worker or employer (`duplicate-id`);
 * - an id listed twice in one ranking, or in both interview lists
 *   (`inconsistent`): its rank would be ambiguous;
 * - an employer's ranking that lists a worker its interviews rejected
 *   (`inconsistent`).
 * Warnings (listed with the result; the entry is dropped and the rest stands):
 * - a worker ranking an employer that does not accept her (eligibility,
 *   ../rules/eligibility.ts), or an employer ranking (or accepting) a worker
 *   not eligible there: such a pair can never be placed, so its rank says
 *   nothing.
 *
 * Every check is a map lookup per entry, and eligibility is tested once per
 * kind of employer (or worker) a ranking names, so a ranking of 10,000
 * entries decodes in time linear in its size (bench/rankings.ts).
 */
import type { Employer, Reference, Worker } from "../input/instance.js";
import { at, issue, type InputIssue } from "../input/issues.js";
import { exclusions } from "../rules/eligibility.js";
import type { EmployerRankingInput, Others, RankEntry, RankingsInput, WorkerRankingInput } from "./codecs.js";

/** A worker's stated ranking of employers. */
export interface WorkerRanking {
  /** Employer ids, best first; each tier is a tie. Only employers that accept the worker. */
  readonly tiers: readonly (readonly string[])[];
  readonly others: Others;
  /** Where it is in the input: "rankings.workers[3]". */
  readonly source: string;
}

/** An employer's stated ranking of workers and its interview outcomes. */
export interface EmployerRanking {
  /** Worker ids, best first; each tier is a tie. Only workers eligible there. */
  readonly tiers: readonly (readonly string[])[];
  /** Workers accepted at interview (eligible ones). */
  readonly accepted: readonly string[];
  /** Workers rejected at interview: never acceptable. */
  readonly rejected: readonly string[];
  readonly others: Others;
  readonly source: string;
}

/** The rankings of an instance, by id; empty maps when the section is absent. */
export interface Rankings {
  readonly workers: ReadonlyMap<string, WorkerRanking>;
  readonly employers: ReadonlyMap<string, EmployerRanking>;
  /** Entries dropped because they can never be placed; the instance still decodes. */
  readonly warnings: readonly InputIssue[];
}

export const NO_RANKINGS: Rankings = { workers: new Map(), employers: new Map(), warnings: [] };

/** The ids of one entry. */
const idsOf = (entry: RankEntry): readonly string[] => (typeof entry === "string" ? [entry] : entry);

/** The path of the k-th id of the i-th entry: `list[i]`, or `list[i][k]` inside a tie. */
const entryPath = (list: string, entry: RankEntry, i: number, k: number): string => (typeof entry === "string" ? at(list, i) : at(at(list, i), k));

/** Positions in a tie are below this (a tie of a million ids is not a ranking). */
const SPAN = 2 ** 20;

/** What to do with a known id met for the first time: keep it, drop it with a warning, or report an issue (texts are the expected-texts). */
type Verdict = { readonly kind: "keep" } | { readonly kind: "warn"; readonly expected: string } | { readonly kind: "issue"; readonly expected: string };

const KEEP: Verdict = { kind: "keep" };

/**
 * The tiers of a ranking, every id checked: unknown ids and repeats are
 * issues; then `judge` keeps the id, drops it with a warning, or reports it
 * as an issue; empty tiers vanish.
 */
const decodeTiers = (
  entries: readonly RankEntry[],
  path: string,
  known: ReadonlyMap<string, number>,
  what: string,
  judge: (id: string) => Verdict,
  issues: InputIssue[],
  warnings: InputIssue[],
): string[][] => {
  // Where each id was first seen, as (entry, position); paths are written only for issues.
  const seen = new Map<string, number>();
  const tiers: string[][] = [];
  entries.forEach((entry, i) => {
    const tier: string[] = [];
    idsOf(entry).forEach((id, k) => {
      const first = seen.get(id);
      if (!known.has(id)) return void issues.push(issue("unknown-id", entryPath(path, entry, i, k), `the id of ${what} in this instance`, id));
      if (first !== undefined) {
        const where = entryPath(path, entries[Math.floor(first / SPAN)] as RankEntry, Math.floor(first / SPAN), first % SPAN);
        return void issues.push(issue("inconsistent", entryPath(path, entry, i, k), `each id once in this list (also at ${where})`, id));
      }
      seen.set(id, i * SPAN + k);
      const verdict = judge(id);
      if (verdict.kind === "keep") tier.push(id);
      else (verdict.kind === "warn" ? warnings : issues).push(issue("inconsistent", entryPath(path, entry, i, k), verdict.expected, id));
    });
    if (tier.length > 0) tiers.push(tier);
  });
  return tiers;
};

/** A warning that the pair is not eligible (the entry is ignored), or KEEP. */
const eligibility = (worker: Worker, employer: Employer, reference: Reference, side: "worker" | "employer"): Verdict => {
  const why = exclusions(worker, employer, reference);
  if (why.length === 0) return KEEP;
  const what = side === "worker" ? `an employer that accepts ${worker.id}` : `a worker eligible at ${employer.id}`;
  return { kind: "warn", expected: `${what} (${worker.id} is not eligible at ${employer.id}: ${why.map((x) => x.detail).join("; ")}); the entry is ignored` };
};

/**
 * Eligibility reads only some attributes of each side, so a long ranking
 * tests it once per distinct kind of employer (or worker), not per entry:
 * the keys below hold exactly what ../rules/eligibility.ts reads.
 */
const keys = new WeakMap<object, string>();
const keyed = <T extends object>(x: T, make: (x: T) => string): string => {
  let k = keys.get(x);
  if (k === undefined) keys.set(x, (k = make(x)));
  return k;
};
const employerKey = (e: Employer): string => keyed(e, (x) => JSON.stringify([x.field, x.jobCategory, x.minLanguage, x.requiredSkills]));
const workerKey = (w: Worker): string => keyed(w, (x) => JSON.stringify([x.language, x.careJapaneseTest, x.certifications, x.skills]));

/** `eligibility` memoised per (the ranking's own side, the other side's key). */
const memoised = <T>(keyOf: (x: T) => string, judge: (x: T) => Verdict): ((x: T) => Verdict) => {
  const memo = new Map<string, Verdict>();
  return (x) => {
    const key = keyOf(x);
    let v = memo.get(key);
    if (v === undefined) {
      v = judge(x);
      memo.set(key, v);
    }
    return v.kind === "warn" ? judge(x) : v;
  };
};

const decodeWorkerRanking = (
  r: WorkerRankingInput,
  path: string,
  worker: Worker,
  employers: readonly Employer[],
  employerIndex: ReadonlyMap<string, number>,
  reference: Reference,
  issues: InputIssue[],
  warnings: InputIssue[],
): WorkerRanking => {
  const judge = memoised<Employer>(employerKey, (e) => eligibility(worker, e, reference, "worker"));
  return {
    tiers: decodeTiers(r.employers, at(path, "employers"), employerIndex, "an employer", (id) => judge(employers[employerIndex.get(id) as number] as Employer), issues, warnings),
    others: r.others ?? "after",
    source: path,
  };
};

const decodeEmployerRanking = (
  r: EmployerRankingInput,
  path: string,
  employer: Employer,
  workers: readonly Worker[],
  workerIndex: ReadonlyMap<string, number>,
  reference: Reference,
  issues: InputIssue[],
  warnings: InputIssue[],
): EmployerRanking => {
  const interviews = at(path, "interviews");
  const rejectedPath = at(interviews, "rejected");
  const rejectedAt = new Map<string, string>();
  const rejected = decodeTiers(r.interviews?.rejected ?? [], rejectedPath, workerIndex, "a worker", () => KEEP, issues, warnings).flat();
  (r.interviews?.rejected ?? []).forEach((id, k) => {
    if (!rejectedAt.has(id)) rejectedAt.set(id, at(rejectedPath, k));
  });
  // A rejected worker may be neither accepted nor ranked; an ineligible one is dropped with a warning.
  const eligibleHere = memoised<Worker>(workerKey, (w) => eligibility(w, employer, reference, "employer"));
  const judge = (id: string): Verdict => {
    const where = rejectedAt.get(id);
    if (where !== undefined) return { kind: "issue", expected: `a worker not rejected at interview (${id} is rejected at ${where})` };
    return eligibleHere(workers[workerIndex.get(id) as number] as Worker);
  };
  const accepted = decodeTiers(r.interviews?.accepted ?? [], at(interviews, "accepted"), workerIndex, "a worker", judge, issues, warnings).flat();
  const tiers = decodeTiers(r.workers ?? [], at(path, "workers"), workerIndex, "a worker", judge, issues, warnings);
  return { tiers, accepted, rejected, others: r.others ?? "after", source: path };
};

/**
 * The rankings checked against the decoded workers and employers (in input
 * order, so that paths point into the input). Issues go to `issues`; the
 * rankings come back with their warnings.
 */
export const decodeRankings = (
  input: RankingsInput | undefined,
  workers: readonly Worker[],
  employers: readonly Employer[],
  reference: Reference,
  issues: InputIssue[],
): Rankings => {
  if (input === undefined) return NO_RANKINGS;
  const warnings: InputIssue[] = [];
  const workerIndex = new Map<string, number>();
  workers.forEach((w, i) => {
    if (!workerIndex.has(w.id)) workerIndex.set(w.id, i);
  });
  const employerIndex = new Map<string, number>();
  employers.forEach((e, i) => {
    if (!employerIndex.has(e.id)) employerIndex.set(e.id, i);
  });
  const byWorker = new Map<string, WorkerRanking>();
  const workerSource = new Map<string, string>();
  (input.workers ?? []).forEach((r, i) => {
    const path = at(at("rankings", "workers"), i);
    const w = workerIndex.get(r.worker);
    if (w === undefined) return void issues.push(issue("unknown-id", at(path, "worker"), "the id of a worker in this instance", r.worker));
    const first = workerSource.get(r.worker);
    if (first !== undefined) return void issues.push(issue("duplicate-id", at(path, "worker"), `one ranking per worker (also ranked at ${first})`, r.worker));
    workerSource.set(r.worker, path);
    byWorker.set(r.worker, decodeWorkerRanking(r, path, workers[w] as Worker, employers, employerIndex, reference, issues, warnings));
  });
  const byEmployer = new Map<string, EmployerRanking>();
  const employerSource = new Map<string, string>();
  (input.employers ?? []).forEach((r, i) => {
    const path = at(at("rankings", "employers"), i);
    const e = employerIndex.get(r.employer);
    if (e === undefined) return void issues.push(issue("unknown-id", at(path, "employer"), "the id of an employer in this instance", r.employer));
    const first = employerSource.get(r.employer);
    if (first !== undefined) return void issues.push(issue("duplicate-id", at(path, "employer"), `one ranking per employer (also ranked at ${first})`, r.employer));
    employerSource.set(r.employer, path);
    byEmployer.set(r.employer, decodeEmployerRanking(r, path, employers[e] as Employer, workers, workerIndex, reference, issues, warnings));
  });
  return { workers: byWorker, employers: byEmployer, warnings };
};
