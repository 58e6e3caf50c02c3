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
export type { Engine, EngineName, EngineChoice, EngineOptions, EngineOutcome, Termination } from "./engine/types.js";

// Domain reference data
export { PREFECTURES, findPrefecture, minimumWageOn, NATIONAL_AVERAGE_MINIMUM_WAGE_FY2025 } from "./domain/prefectures.js";
export type { Prefecture, PrefectureCode, Region, MinimumWageRecord, IndustryMinimumWage } from "./domain/prefectures.js";
export { FIELD_CATALOGUES, DEFAULT_FIELD_CATALOGUE_VERSION, SECTORS, findCatalogue, findField } from "./domain/fields.js";
export type { FieldCatalogue, SswField, FieldId, Sector, JobCategory, HeadcountCapRule } from "./domain/fields.js";
export { LANGUAGE_EVIDENCE, LANGUAGE_REQUIREMENTS, languageLevel, requirementLevel, bestLevel } from "./domain/language.js";
export type { LanguageEvidence, LanguageRequirement, LanguageLevel } from "./domain/language.js";
