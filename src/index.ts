/**
 * jobmatch: places migrant workers into employer job slots as an integer
 * program, explains the answer, and supports expansion scenarios.
 * Every public export is named here.
 */

// The few fp-ts helpers a caller needs to read an answer, re-exported so
// that "jobmatch" alone is enough (fp-ts is a dependency, but a linked
// install such as pnpm's does not let a user's code import it unless they
// install it too). Every answer is an fp-ts Either: Left (issues) or Right.
export { isLeft, isRight, left, right, fold as foldEither } from "fp-ts/lib/Either.js";
export type { Either, Left, Right } from "fp-ts/lib/Either.js";

// Matching
export { match, matchDecoded } from "./match.js";
export type { DecodeTiming, MatchOptions } from "./match.js";
export type {
  MatchResult,
  Placement,
  Unplaced,
  UnplacedReason,
  UnfilledReason,
  EmployerOutcome,
  RuleCount,
  Summary,
  GroupSummary,
  Timings,
  LawReport,
  WageRaise,
  WageReliance,
  SupportLoad,
  PlanStatus,
  PlanMaker,
} from "./result/types.js";

// Input
export { decodeInstance } from "./input/decode.js";
/** Freezing an instance input so that decoding it again (after re-planning events) reuses every unchanged row: ./input/freeze.ts. */
export { freezeInput, deepFreeze, isDeepFrozen } from "./input/freeze.js";
export { formatIssue, formatIssues, MAX_ISSUES } from "./input/issues.js";
export { LIMITS } from "./input/limits.js";
export { estimateMemory, estimateRuns } from "./memory/estimate.js";
export type { InputSize, MemoryNeed } from "./memory/estimate.js";
export type { InputIssue, IssueCode } from "./input/issues.js";
export type { InstanceInput, WorkerInput, EmployerInput, WeightsInput, SkillInput, CertificationInput, CertificationRoute } from "./input/codecs.js";
export type {
  Instance,
  Worker,
  Employer,
  Skill,
  SkillRequirement,
  Certification,
  Reference,
  WageFloor,
  PlacementPeriod,
  SlotGroup,
  SupportOrganisation,
  WageSchedule,
  WageStep,
  UnpublishedRevision,
} from "./input/instance.js";
export type {
  PlacementInput,
  SupportOrganisationInput,
  ExpectedMinimumWageInput,
  DeclarationsInput,
  HousingInput,
  Employment,
  LodgingLicence,
  WageHandling,
  SlotGroupInput,
} from "./input/lawCodecs.js";

// Rules
export { exclusions, isEligible, requiredLevel, slotLevel, RULES } from "./rules/eligibility.js";
export type { RuleId, Exclusion } from "./rules/eligibility.js";
export { RULE_WORDS, RULE_REASON, EMPLOYER_RULES } from "./rules/ruleIds.js";
export { workerBarriers } from "./rules/worker.js";
export { employerBarriers, prerequisiteMet } from "./rules/employer.js";
export { wageSchedule, minimumWageFloor, revisionsDue } from "./rules/wages.js";
export { employerLimits, compileLimits, legalCapacities, lawLimits, lawOutcomes } from "./rules/limits.js";
export type { EmployerLimit, LawLimit, LawOutcome } from "./rules/limits.js";
/** Time: whether a worker is available for a slot's start, the availability exclusion, and the model's slot-group limits. */
export { availableFor, availabilityExclusion } from "./rules/availability.js";
export { startLimits } from "./rules/starts.js";
/** Which slot group (start date) each placed worker fills. */
export { slotStarts } from "./result/starts.js";
export { score, maxScore, DEFAULT_WEIGHTS, CRITERIA, MAX_POINTS, WAGE_STEP_YEN } from "./rules/scoring.js";
export type { Weights, Criterion, ScoreBreakdown } from "./rules/scoring.js";

// Model and engines
export { buildModel } from "./model/build.js";
export type { BuiltModel } from "./model/build.js";
export type { AssignmentModel, ModelArc, ModelArcs, ArcColumnsBuilder, ModelWorkerClass, ModelEmployerClass, ModelSolution, Flows, SideConstraint } from "./model/types.js";
/** A model's arcs are columns (`ModelArcs`): `arcAt` reads one arc out, `arcList` all of them, `arcColumns` makes columns from a list, `arcColumnsBuilder` grows them one arc at a time. */
export { isPureNetwork, arcAt, arcList, arcColumns, arcColumnsBuilder, noArcs } from "./model/types.js";
export { checkFlows } from "./model/check.js";
export { objectiveOf, placementWeightFor } from "./model/objective.js";
export { solveModel, chooseEngine, ENGINES } from "./engine/select.js";
export { lpSolverEngine } from "./engine/lpSolver.js";
/** The exact engine for networks with side constraints (crossing quotas, two fairness families, groups kept with one employer). */
export { sideEngine } from "./engine/side/engine.js";
/** `deadlineIn(ms)`: the deadline engines take (`EngineOptions.deadline`), ms from now. */
export { deadlineIn } from "./engine/types.js";
export type { Engine, EngineName, EngineChoice, EngineOptions, EngineOutcome, Termination } from "./engine/types.js";

// Domain reference data
export { PREFECTURES, findPrefecture, minimumWageOn, recordOn, findIndustryMinimum, industryMinimumOn, NATIONAL_AVERAGE_MINIMUM_WAGE_FY2025 } from "./domain/prefectures.js";
export type { Prefecture, PrefectureCode, Region, MinimumWageRecord, IndustryMinimumWage } from "./domain/prefectures.js";
export { FIELD_CATALOGUES, DEFAULT_FIELD_CATALOGUE_VERSION, SECTORS, findCatalogue, findField } from "./domain/fields.js";
export type { FieldCatalogue, SswField, FieldId, Sector, JobCategory, HeadcountCapRule, HomeVisitRule } from "./domain/fields.js";
export { PREREQUISITES } from "./domain/prerequisites.js";
export type { Prerequisite, PrerequisiteId } from "./domain/prerequisites.js";
export {
  MINIMUM_AGE,
  SSW1_TOTAL_MONTHS,
  HOUSING_AREA_PER_PERSON_M2,
  HOUSING_AREA_FORMER_INTERN_M2,
  SUPPORT_LIMITS,
  supportLimitsApply,
  ESD_START,
  ESD_RULES,
  DEPARTURE_ITEMS,
  DEPARTURE_WORDS,
  DEPARTURE_CHECKLIST,
} from "./domain/law.js";
export type { LegalFact, EsdRules, DepartureItem } from "./domain/law.js";
export { addMonths, ageOn, fiscalYearOf } from "./domain/dates.js";
export { LANGUAGE_EVIDENCE, LANGUAGE_REQUIREMENTS, languageLevel, requirementLevel, bestLevel } from "./domain/language.js";
export type { LanguageEvidence, LanguageRequirement, LanguageLevel } from "./domain/language.js";

// Scenarios (the public way to draw synthetic cohorts: scenarios are checked
// and return located issues; the generator itself stays internal)
export { decodeScenario } from "./scenario/decode.js";
export { scenarioInstance } from "./scenario/instance.js";
export type { ScenarioInstance } from "./scenario/instance.js";
export { runScenario, runScenarios, withVariations } from "./scenario/run.js";
export type { ScenarioRun, RunStep, RunOptions } from "./scenario/run.js";
export { applyVariation, applyChange } from "./scenario/variations.js";
export { parseVariation } from "./scenario/shorthand.js";
export { compareResults, compareRuns, UNPLACED_KINDS } from "./scenario/compare.js";
export type { Comparison, ComparisonRow, LabelledResult, UnplacedKind } from "./scenario/compare.js";
export { scenarioNotes } from "./scenario/notes.js";
export type { ReportNote } from "./scenario/notes.js";
export { BUNDLED_SCENARIOS, findBundledScenario, KAGAWA_PILOT_SCENARIO, SHIKOKU_SCENARIO, NATIONWIDE_SCENARIO } from "./scenario/bundled.js";
export { ScenarioCodec, CHANGE_KINDS } from "./scenario/types.js";
export type { Scenario, CohortInput, OriginInput, FieldDemand, PrefectureDemand, Variation, Change, ChangeKind } from "./scenario/types.js";

// Expansion: marginal values of slots and training, and the expansion planner,
// each an exact re-solve of the optimiser through `match` (src/expansion).
export { expansionReport } from "./expansion/run.js";
export type { ExpansionOptions } from "./expansion/run.js";
export { baseline } from "./expansion/baseline.js";
export type { Baseline } from "./expansion/baseline.js";
export { slotValues, withOneMoreSlot } from "./expansion/slots.js";
export type { SlotValue, SlotValues, PrefectureSlotValue } from "./expansion/slots.js";
export { trainingValues, upgradeName } from "./expansion/training.js";
export type { TrainingValue, TrainingValues, TrainingOptions, Upgrade } from "./expansion/training.js";
export { planExpansion } from "./expansion/planner.js";
export type { ExpansionPlan, PlanGroup, PlanTotals } from "./expansion/planner.js";
export { formatExpansionMarkdown } from "./expansion/format.js";
export type { ExpansionReport } from "./expansion/format.js";

// Reports
export { formatReport } from "./report/text.js";
export { formatComparisonMarkdown, formatResultMarkdown } from "./report/markdown.js";
export type { MarkdownOptions } from "./report/markdown.js";
export { renderHtmlReport, CHART_IDS } from "./report/html.js";
export { byRegion } from "./report/regions.js";
export type { RegionTotal } from "./report/regions.js";
export { mainObstacles } from "./report/obstacles.js";
export { reasonWords } from "./report/reasons.js";
export type { HtmlReportOptions } from "./report/html.js";

// CSV
export { instanceFromCsv, instanceToCsv, instanceCsvFiles, locateInCsv, resultToCsv, RESULT_COLUMNS, SHEET_ORDER } from "./io/csv.js";
export type { CsvInstance, CsvOptions, InstanceCsv, InstanceSheets } from "./io/csv.js";
export { WORKER_COLUMNS, EMPLOYER_COLUMNS } from "./io/rows.js";
export type { Columns } from "./io/rows.js";
export { decodeText } from "./io/text.js";
export { guardCell, unguardCell } from "./io/formula.js";
// The instance's other sheets: support organisations, expected minimum wages, settings
export { SHEET_NAMES, SUPPORT_ORGANISATION_COLUMNS, EXPECTED_WAGE_COLUMNS, SETTING_COLUMNS, SETTINGS, MINIMUM_WAGE_SETTING, settingNamed, settingKind, readSettings } from "./io/sections.js";
export type { SectionSheet, SheetKind, SettingKind, Settings } from "./io/sections.js";

// Spreadsheets: CSV (UTF-8 or Shift-JIS, any separator) and Excel, read
// forgivingly with every reading a notice, issues located in cells, policy
// files, conversions (the command line and the workbench page use these)
export { instanceFromSheets } from "./io/csv.js";
export { loadSpreadsheets, readSheetFile } from "./io/load.js";
export type { FileBytes, SpreadsheetFiles } from "./io/load.js";
export { decodeBytes } from "./io/encoding.js";
export type { DecodedText } from "./io/encoding.js";
export { parseDelimited, readSheet, detectSeparator } from "./io/table.js";
export type { Sheet, SheetRecords } from "./io/table.js";
export { readWorkbook, writeWorkbook } from "./io/xlsx.js";
export type { WorkbookSheet } from "./io/xlsx.js";
export { instanceToWorkbook, resultToWorkbook } from "./io/convert.js";
export { normaliseRecord, readLevel, readPrefecture, readField, readAmount, readDate, readNamed } from "./io/normalise.js";
export type { CellChange } from "./io/normalise.js";
export { locateIssues, locateNotices, cellOf, cellText } from "./io/locate.js";
export type { CellIssue, CellRef, SheetOrigin } from "./io/locate.js";
export { readPolicy, policyFromCsv, quotasToCsv, QUOTA_COLUMNS } from "./io/policyFile.js";
export type { PolicyFile } from "./io/policyFile.js";
export { formatNotice, formatNotices } from "./input/notices.js";
export type { InputNotice, NoticeCode } from "./input/notices.js";
export { skillNotices } from "./input/vocabulary.js";

// LP export and the flow engine
export { toLP } from "./engine/lpFormat.js";
export { flowEngine } from "./engine/flow.js";

// Explanations and what-if
export { explainWorker, explainEmployer, explainGroup } from "./analysis/explain.js";
export { formatWorkerExplanation, formatEmployerExplanation, formatGroupExplanation, formatDiagnosis } from "./analysis/format.js";
export type { GroupFit } from "./analysis/groupFit.js";
export type { Breach } from "./analysis/ledger.js";
export { smallestChange, applyChange as applyWorkerChange, candidateChanges, CHANGE_COSTS } from "./analysis/whatIf.js";
export type { Change as WorkerChange, WhatIf } from "./analysis/whatIf.js";
export type { Exchange } from "./analysis/exchange.js";
export type {
  WorkerExplanation,
  EmployerExplanation,
  EmptySlots,
  EligibleElsewhere,
  GroupLeftOut,
  Alternative,
  CriterionPoints,
  RuleTally,
  NearMiss,
} from "./analysis/types.js";

// Saved plans (a result with its instance, options and the instance's content hash) and re-planning
export { savePlan, loadPlan, planToJson, isPlanFile, checkPlanInstance, PLAN_FORMAT, PLAN_VERSION } from "./plan/file.js";
export type { SavedPlan, LoadedPlan, PlanResult } from "./plan/file.js";
export { instanceHash, legacyInstanceHash, instanceHashLike, canonicalJson } from "./plan/canonical.js";
export { sha256 } from "./plan/sha256.js";
export { replan } from "./plan/replan.js";
export type { ReplanOptions, ReplanResult } from "./plan/replan.js";
export type { MovePolicy } from "./plan/model.js";
export { decodeEvents, decodeEventShapes, eventWords, EVENT_TYPES } from "./plan/events.js";
export type { PlanEvent, EventType, LeaveReason, EventContext } from "./plan/events.js";
export type { PlanDiff, Why } from "./plan/diff.js";
export { formatDiff, diffSections, diffSummary } from "./plan/format.js";

// Policy
export type { PolicyInput, QuotaInput, QuotaScope, FairnessBy, Together } from "./policy/codecs.js";
export type { Policy, Quota, Diversity, Fairness } from "./policy/types.js";
export type { PolicyOutcome } from "./result/types.js";
export type { PolicyConstraint, PolicyScope, GroupConstraint } from "./model/types.js";

// Stability: two-sided preferences, stable plans, blocking pairs, retention risk
export { stableMatch } from "./stable/stable.js";
export type { StableOptions, StableResult, Mechanism } from "./stable/stable.js";
export { auditMatch, stabilityReport } from "./stable/stabilityReport.js";
export type { StabilityReport, StabilityReportOptions } from "./stable/stabilityReport.js";
export { priceOfStability } from "./stable/price.js";
export type { PriceOfStability, PriceOptions } from "./stable/price.js";
export { formatPriceOfStability } from "./report/markdown.js";
export type { StabilitySummary } from "./stable/types.js";
export type { BlockingPair, BlockingKind } from "./stable/audit.js";
export type { Retention, RetentionOptions, PlacementRisk, EmployerRisk, RiskLevel } from "./stable/retention.js";
export type { CapHandling } from "./stable/caps.js";
export type { TieBreak } from "./stable/tieBreak.js";
export type { BetterOffers } from "./stable/offers.js";
export { derivedWorkerValue, derivedEmployerValue, startingWage, YEN_PER_POINT } from "./stable/preferences.js";
export type { RankingsInput, WorkerRankingInput, EmployerRankingInput, Others, RankEntry } from "./stable/codecs.js";
export type { Rankings, WorkerRanking, EmployerRanking } from "./stable/rankings.js";
export { rankingsFromCsv, locateRankings, planFromCsv, RANKING_COLUMNS } from "./io/rankings.js";
export type { CsvRankings } from "./io/rankings.js";
