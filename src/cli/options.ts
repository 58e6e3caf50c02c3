/**
 * Options several commands share, and the parsers that turn bad option values
 * into usage errors (exit 2) before any work starts.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import type { EngineChoice } from "../engine/types.js";
import type { MatchOptions } from "../match.js";

/** A positive integer, for commander. */
export const positiveInteger = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive whole number, got "${value}".`);
  return n;
};

/** A whole number >= 0, for commander. */
export const count = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`${name} must be a whole number >= 0, got "${value}".`);
  return n;
};

/** A finite number > 0, for commander. */
export const positiveNumber = (name: string) => (value: string): number => {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive number, got "${value}".`);
  return n;
};

/** --engine and --time-limit. */
export const addSolveOptions = (cmd: Command): Command =>
  cmd
    .addOption(new Option("--engine <engine>", "solver engine").choices(["auto", "flow", "side", "lp-solver"]).default("auto"))
    .option("--time-limit <ms>", "wall-clock budget for each solve, in milliseconds", positiveInteger("--time-limit"));

/** --workers, --employers, the other sheets, --as-of, --field-catalogue and --policy. */
export const addInstanceOptions = (cmd: Command): Command =>
  cmd
    .option("--workers <file>", "workers as CSV (UTF-8 or Shift-JIS; comma, semicolon or tab) or Excel, with --employers, instead of an instance file")
    .option("--employers <file>", "employers as CSV or Excel (with --workers)")
    .option("--support-organisations <file>", "with --workers: registered support organisations as CSV or Excel (id,name,officers,workers,employers)")
    .option("--expected-wages <file>", "with --workers: minimum wage revisions not yet published, as expected (prefecture,industry,amount,from,note)")
    .option("--settings <file>", "with --workers: settings, one a row (setting,value: placement.start, placement.months, placement.wages, reference.asOf, ...)")
    .option("--as-of <date>", "with spreadsheet input: the date minimum wages are read at (YYYY-MM-DD)")
    .option("--field-catalogue <version>", "with spreadsheet input: the SSW field catalogue version (2024-09 or 2026-01)")
    .option("--policy <file>", "the policy from a file: JSON (the policy section), or quotas as CSV (scope,key,min,max,penalty); replaces the instance's own");

/** The match options from parsed command options. */
export const matchOptions = (o: { readonly engine?: string; readonly timeLimit?: number }): MatchOptions => ({
  ...(o.engine === undefined ? {} : { engine: o.engine as EngineChoice }),
  ...(o.timeLimit === undefined ? {} : { timeLimitMs: o.timeLimit }),
});
