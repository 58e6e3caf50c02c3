/**
 * Dated legal facts that are not tied to one field or prefecture: who may be
 * an SSW (i) worker, what an employer must provide, and what changes on
 * 1 April 2027. Each is a record with its source, the date it was read and
 * whether more than one source confirmed it (docs/SOURCES.md has the detail
 * and where sources disagree).
 *
 * Rules read these records (src/rules/*); nothing here decides anything.
 */

/** A legal fact with where it comes from. */
export interface LegalFact<T> {
  readonly value: T;
  /** Where it was seen (secondary sources restating the ministries' texts). */
  readonly source: string;
  /** ISO date the source was read. */
  readonly read: string;
  /** False where one source only, or sources in draft, said so. */
  readonly confirmed: boolean;
}

const READ = "2026-11-29";

/** SSW (i) workers must be 18 or older. */
export const MINIMUM_AGE: LegalFact<number> = {
  value: 18,
  source: "SSW (i) criteria for the worker, as restated by hatojapan.co.jp ?p=203 (18 or older)",
  read: READ,
  confirmed: true,
};

/** SSW (i) is limited to five years in total (60 months). */
export const SSW1_TOTAL_MONTHS: LegalFact<number> = {
  value: 60,
  source: "SSW (i): five years in total, counting only time in SSW (i) and its preparatory designated activities (sango3535.com tokuteigino post-818; yell-office.jp news 2026/02/2827; hatojapan.co.jp ?p=203)",
  read: READ,
  confirmed: true,
};

/** Housing an employer provides: living space per person, in square metres. */
export const HOUSING_AREA_PER_PERSON_M2: LegalFact<number> = {
  value: 7.5,
  source: "SSW operational guidelines (運用要領): 居室 at least 7.5 m2 per person (linkasia.jp blog ?p=1638; mintoku.com qa 682; gaikokujinginou-re.com)",
  read: READ,
  confirmed: true,
};

/** A former technical intern staying on in the same dormitory: bedroom space per person (the TITP standard). */
export const HOUSING_AREA_FORMER_INTERN_M2: LegalFact<number> = {
  value: 4.5,
  source: "SSW operational guidelines: a TITP trainee who stays in the same dormitory on becoming SSW (i) keeps the TITP standard of 4.5 m2 (mintoku.com qa 682; gms.ca-m.co.jp ?p=682)",
  read: READ,
  confirmed: true,
};

/** From this date each support officer of a registered support organisation serves at most 50 SSW workers and 10 employers. */
export const SUPPORT_LIMITS: LegalFact<{ readonly from: string; readonly workersPerOfficer: number; readonly employersPerOfficer: number }> = {
  value: { from: "2027-04-01", workersPerOfficer: 50, employersPerOfficer: 10 },
  source:
    "Revised criteria for registered support organisations, from 1 April 2027 (organisations registered before: from their renewal); visa-wing.com archives/164 from the public comment draft; reposer-solution.com",
  read: READ,
  confirmed: false,
};

/** Whether a placement period (ending before `end`) reaches the date the support limits take effect. */
export const supportLimitsApply = (placement: { readonly end: string }): boolean => placement.end > SUPPORT_LIMITS.value.from;

/** Employment for Skill Development (育成就労) replaces technical intern training on this date. */
export const ESD_START: LegalFact<string> = {
  value: "2027-04-01",
  source: "Act of 2024 creating Employment for Skill Development, in force 1 April 2027 (news.livedoor.com topics 30428134; jitco.or.jp news 42896)",
  read: READ,
  confirmed: true,
};

/** What Employment for Skill Development changes, as jobmatch records it (detail still being set). */
export interface EsdRules {
  /** Japanese at entry: A1 (JFT-Basic A1 / JLPT N5), or an approved Japanese course. */
  readonly entryLanguage: "N5";
  /** Moving on to SSW (i) needs the skills test and A2 (N4): no exemption by completion, unlike TITP No. 2. */
  readonly toSsw1: { readonly language: "N4"; readonly skillsTest: true; readonly exemptByCompletion: false };
  /** Years before a trainee may change employer of their own will: 1 or 2 by field (see SswField.esdTransferYears). */
  readonly transferYears: readonly (1 | 2)[];
  /** Trainees change employer only within the same field and job category. */
  readonly transferWithinCategory: true;
  /** ESD places trainees, not SSW workers: jobmatch does not place them. */
  readonly placedByJobmatch: false;
}

export const ESD_RULES: LegalFact<EsdRules> = {
  value: {
    entryLanguage: "N5",
    toSsw1: { language: "N4", skillsTest: true, exemptByCompletion: false },
    transferYears: [1, 2],
    transferWithinCategory: true,
    placedByJobmatch: false,
  },
  source:
    "lighthouse88.com (transition to SSW (i)); uenosakuragilc.com (levels A1/A2/B1); roukijp.jp ?p=16654 and news.livedoor.com topics 29591225 (transfer periods, draft of 2025); jitco.or.jp news 42896 (table of 2025-12-23)",
  read: READ,
  confirmed: false,
};

/** The Indonesian side's departure checklist for a worker placed from Indonesia. */
export type DepartureItem = "health-check" | "bpjs" | "orientation" | "job-order";

export const DEPARTURE_ITEMS: readonly DepartureItem[] = ["health-check", "bpjs", "orientation", "job-order"];

/** Each checklist item in words, for an officer. */
export const DEPARTURE_WORDS: Readonly<Record<DepartureItem, string>> = {
  "health-check": "health check at a designated clinic",
  bpjs: "BPJS Ketenagakerjaan (social security) membership",
  orientation: "pre-departure orientation (OPP)",
  "job-order": "job order registered in the government system (SISKOP2MI / SIAPkerja)",
};

export const DEPARTURE_CHECKLIST: LegalFact<readonly DepartureItem[]> = {
  value: DEPARTURE_ITEMS,
  source:
    "Kemnaker help centre, 'Alur proses SSW/PBS yang berangkat dari Indonesia' (bantuan.kemnaker.go.id articles 43000586029); ohayojepang.kompas.com read 2932 (P3MI route); voiceindonesia.co",
  read: READ,
  confirmed: true,
};
