/**
 * The range of every number and the length of every list the input formats
 * accept (instances, `match` options, scenarios and their variations),
 * checked when they are decoded, so that nothing reaching the model builder
 * or an engine can overflow it: with these limits every count fits a 32-bit
 * integer and every objective stays an exact integer.
 *
 * The README's "Ranges" table lists the same figures (a test reads it and
 * checks each range at its boundaries).
 */
export const LIMITS = {
  /** Workers in one instance. */
  workers: 1_000_000,
  /** Employers in one instance. */
  employers: 1_000_000,
  /** Slots of one employer. */
  slots: 100_000,
  /** Slots of all employers of one instance together. */
  totalSlots: 100_000_000,
  /** Yen per hour: an employer's wage, a minimum wage override. */
  wage: 100_000,
  /** An employer's declared staff (full-time, Japanese care staff). */
  staff: 1_000_000,
  /** A skill's level (1..10) and years of experience. */
  skillLevel: 10,
  skillYears: 80,
  /** Items in a worker's or employer's lists. */
  languageResults: 20,
  certifications: 50,
  skills: 100,
  preferences: 50,
  /**
   * The law. Months a worker has spent in SSW (i), or in care work (50
   * years); a worker's age on the start date; items of the departure
   * checklist (each item once is 4; repeats are read as one).
   */
  months: 600,
  age: 120,
  departureItems: 20,
  /** Slot groups of one employer (each with its own start date). */
  slotGroups: 100,
  /** Days a worker may become available after a slot's start and still fill it. */
  startToleranceDays: 366,
  /** Months a placement lasts (the whole of SSW (i) is 60). */
  placementMonths: 60,
  /** Beds an employer's housing has free, and its living space in m2 (10 km2). */
  beds: 1_000_000,
  areaM2: 10_000_000,
  /** Registered support organisations of one instance, and the officers of one. */
  supportOrganisations: 100_000,
  officers: 100_000,
  /** Expected minimum wage revisions not yet published (47 prefectures, their industry minimums, several years). */
  expectedMinimumWages: 10_000,
  /**
   * Stable matching's rankings: workers and employers that state one, the
   * entries of one ranking (ids, or ties of ids), the ids of one tie, and an
   * employer's interview outcomes (each list).
   */
  rankings: 1_000_000,
  rankingEntries: 1_000_000,
  interviews: 1_000_000,
  /** Re-planning: events in one events file. */
  events: 1_000_000,
  /** Policy: quotas, their bounds, fairness floors, penalties, a diversity count. */
  quotas: 10_000,
  quotaBound: 10_000_000,
  fairnessFloors: 100,
  penalty: 1_000,
  diversityCount: 1_000_000,
  /** `match`'s timeLimitMs and the command line's --time-limit: one day. */
  timeLimitMs: 86_400_000,
  /** Scenarios: cohort size, and employers and slots of one field's demand in one prefecture. */
  cohort: 1_000_000,
  demandEmployers: 100_000,
  demandSlots: 10_000_000,
  /** Scenarios: employers and slots over all prefectures and fields (after every variation). */
  scenarioEmployers: 1_000_000,
  scenarioSlots: 100_000_000,
  /** Scenarios: a relative weight (field mix, origin), and the lists of origins, training centres, prefectures, demands. */
  relativeWeight: 1_000_000_000,
  origins: 1_000,
  trainingCentres: 1_000,
  scenarioPrefectures: 47,
  demands: 50,
  /** Scenarios: notes on assumptions. */
  notes: 1_000,
  /** Scenarios: variations, changes in one variation, a scaling factor, a field cap. */
  variations: 100,
  changes: 100,
  factor: 1_000,
  fieldCap: 100_000_000,
} as const;

/** A count with thousands separators, the same in every locale: 1000000 -> "1,000,000". */
export const thousands = (n: number): string => {
  const [whole = "", fraction] = String(Math.abs(n)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
};
