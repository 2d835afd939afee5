/**
 * From an input's result to what reporters and the exit status need, with `--rule`, `--strict`
 * and `--max-warnings` applied. Pure; the CLI maps `failed` to exit 1.
 *
 *   fileReport(result, overrides?): FileReport    rule levels applied; valid = a return was read
 *                                                 and no diagnostic is (now) an error
 *   runOutcome(reports, { strict?, maxWarnings? }): { failed, reason? }   (runVerdict: the same from counts)
 *       failed where an input is invalid; with `strict`, also where any warning is left; with
 *       `maxWarnings` N, also where there are more than N warnings in all (ESLint's rule)
 */
import type { CharterReturn, Diagnostic } from '../model.js';
import { applyRuleLevels, type RuleLevel } from '../diagnostics/ruleLevels.js';
import { countSeverities, type FileReport } from './fileReport.js';
import { plural } from '../text/plural.js';

export interface ResultForReport {
  path: string | null;
  charterReturn: CharterReturn | null;
  diagnostics: Diagnostic[];
}

export function fileReport(result: ResultForReport, overrides: ReadonlyMap<string, RuleLevel> = new Map()): FileReport {
  const diagnostics = applyRuleLevels(result.diagnostics, overrides);
  const valid = result.charterReturn !== null && !diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  return { path: result.path, valid, diagnostics };
}

export interface OutcomeOptions {
  strict?: boolean;
  maxWarnings?: number;
}

export interface RunOutcome {
  failed: boolean;
  /** Why a run with every input valid still failed, for the summary: "5 warnings, more than --max-warnings 3". */
  reason?: string;
}

export function runOutcome(reports: readonly FileReport[], options: OutcomeOptions = {}): RunOutcome {
  const invalid = reports.filter((report) => !report.valid).length;
  const { warningCount } = countSeverities(reports.flatMap((report) => report.diagnostics));
  return runVerdict({ invalid, warnings: warningCount }, options);
}

/** The same decision from counts, for a run that keeps counts rather than every report. */
export function runVerdict(counts: { invalid: number; warnings: number }, options: OutcomeOptions = {}): RunOutcome {
  if (counts.invalid > 0) return { failed: true };
  const warningCount = counts.warnings;
  const warnings = plural(warningCount, 'warning');
  if (options.strict && warningCount > 0) return { failed: true, reason: `${warnings}, and --strict makes warnings fail` };
  if (options.maxWarnings !== undefined && warningCount > options.maxWarnings) {
    return { failed: true, reason: `${warnings}, more than --max-warnings ${options.maxWarnings}` };
  }
  return { failed: false };
}
