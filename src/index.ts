/**
 * jobmatch: places migrant workers into employer job slots as an integer
 * program, explains the answer, and supports expansion scenarios.
 * Every public export is named here.
 */

// Matching
export { match } from "./match.js";
export type { MatchOptions } from "./match.js";
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
} from "./result/types.js";

// Input
export { decodeInstance } from "./input/decode.js";
export { formatIssue, formatIssues } from "./input/issues.js";
export type { InputIssue, IssueCode } from "./input/issues.js";
export type { InstanceInput, WorkerInput, EmployerInput, WeightsInput, SkillInput, CertificationInput, CertificationRoute } from "./input/codecs.js";
export type { Instance, Worker, Employer, Skill, SkillRequirement, Certification, Reference, WageFloor } from "./input/instance.js";

// Rules
export { exclusions, isEligible, requiredLevel, RULES } from "./rules/eligibility.js";
export type { RuleId, Exclusion } from "./rules/eligibility.js";
export { score, maxScore, DEFAULT_WEIGHTS, CRITERIA, MAX_POINTS, WAGE_STEP_YEN } from "./rules/scoring.js";
export type { Weights, Criterion, ScoreBreakdown } from "./rules/scoring.js";

// Model and engines
export { buildModel } from "./model/build.js";
export type { BuiltModel } from "./model/build.js";
export type { AssignmentModel, ModelArc, ModelWorkerClass, ModelEmployerClass, ModelSolution, SideConstraint } from "./model/types.js";
export { isPureNetwork } from "./model/types.js";
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
export { PREFECTURES, findPrefecture, minimumWageOn, NATIONAL_AVERAGE_MINIMUM_WAGE_FY2025 } from "./domain/prefectures.js";
export type { Prefecture, PrefectureCode, Region, MinimumWageRecord, IndustryMinimumWage } from "./domain/prefectures.js";
export { FIELD_CATALOGUES, DEFAULT_FIELD_CATALOGUE_VERSION, SECTORS, findCatalogue, findField } from "./domain/fields.js";
export type { FieldCatalogue, SswField, FieldId, Sector, JobCategory, HeadcountCapRule } from "./domain/fields.js";
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

// Reports
export { formatReport } from "./report/text.js";
export { formatComparisonMarkdown, formatResultMarkdown } from "./report/markdown.js";
export type { MarkdownOptions } from "./report/markdown.js";
export { renderHtmlReport, CHART_IDS } from "./report/html.js";
export type { HtmlReportOptions } from "./report/html.js";

// CSV
export { instanceFromCsv, instanceToCsv, locateInCsv, resultToCsv, RESULT_COLUMNS } from "./io/csv.js";
export type { CsvInstance, CsvOptions } from "./io/csv.js";
export { WORKER_COLUMNS, EMPLOYER_COLUMNS } from "./io/rows.js";
export type { Columns } from "./io/rows.js";

// LP export and the flow engine
export { toLP } from "./engine/lpFormat.js";
export { flowEngine } from "./engine/flow.js";

// Explanations and what-if
export { explainWorker, explainEmployer, explainGroup } from "./analysis/explain.js";
export { formatWorkerExplanation, formatEmployerExplanation, formatGroupExplanation } from "./analysis/format.js";
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

// Policy
export type { PolicyInput, QuotaInput, QuotaScope, FairnessBy, Together } from "./policy/codecs.js";
export type { Policy, Quota, Diversity, Fairness } from "./policy/types.js";
export type { PolicyOutcome } from "./result/types.js";
export type { PolicyConstraint, PolicyScope, GroupConstraint } from "./model/types.js";
