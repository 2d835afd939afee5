/**
 * What every reporter is given and shares: one report per input, counts, the stable order
 * (file, then line, then code) and the summary line.
 *
 *   FileReport, ReporterOptions, Reporter          the types
 *   countSeverities(diagnostics): SeverityCounts
 *   inReportOrder(results): FileReport[]           files by path (standard input last); in each,
 *                                                  diagnostics by page, line (unplaced last), code
 *   summaryLine(results): string                   "3 files: 2 valid, 1 invalid — 2 errors, 5 warnings"
 *   countsSummary(counts): string                  the same line from counts kept as a run goes
 */
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../model.js';
import { weightOf } from '../diagnostics/cap.js';
import { sortForReport } from '../diagnostics/order.js';
import { escapeControls } from '../text/controlCharacters.js';
import { plural } from '../text/plural.js';

export interface FileReport {
  /** The input path as given, or null for standard input. */
  path: string | null;
  /** The input was read, holds a return, and has no error-level diagnostic (after `--rule`). */
  valid: boolean;
  diagnostics: Diagnostic[];
}

export interface ReporterOptions {
  /** Colours for `stylish`; the caller decides whether colour is on. Default: no colour. */
  chalk?: ChalkInstance;
  /** charter's version, for SARIF's `tool.driver.version`. */
  version?: string;
  /** An absolute URI where charter is documented, for SARIF's `tool.driver.informationUri`. */
  informationUri?: string;
}

/** A pure function from results to the text to write; never prints. */
export type Reporter = (results: readonly FileReport[], options?: ReporterOptions) => string;

export interface SeverityCounts {
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

/** Every diagnostic counted, those a closing `diagnostics-capped` stands for among them. */
export function countSeverities(diagnostics: readonly Diagnostic[]): SeverityCounts {
  const counts: SeverityCounts = { errorCount: 0, warningCount: 0, infoCount: 0 };
  for (const diagnostic of diagnostics) {
    const weight = weightOf(diagnostic);
    if (diagnostic.severity === 'error') counts.errorCount += weight;
    else if (diagnostic.severity === 'warning') counts.warningCount += weight;
    else counts.infoCount += weight;
  }
  return counts;
}

/** The input's name for a person to read: control characters in it escaped. */
export function displayPath(path: string | null): string {
  return path === null ? '<stdin>' : escapeControls(path);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePaths(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return compareText(a, b);
}

export function inReportOrder(results: readonly FileReport[]): FileReport[] {
  return results
    .map((result, index) => ({ result, index }))
    .sort((a, b) => comparePaths(a.result.path, b.result.path) || a.index - b.index)
    .map(({ result }) => ({ ...result, diagnostics: sortForReport(result.diagnostics) }));
}

/** What a run's summary counts: inputs, valid ones, and errors and warnings in all. */
export interface RunCounts {
  files: number;
  valid: number;
  errors: number;
  warnings: number;
}

export function countsSummary(counts: RunCounts): string {
  const { files, valid, errors, warnings } = counts;
  return `${plural(files, 'file')}: ${valid} valid, ${files - valid} invalid — ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

export function summaryLine(results: readonly FileReport[]): string {
  const counts = countSeverities(results.flatMap((result) => result.diagnostics));
  const valid = results.filter((result) => result.valid).length;
  return countsSummary({ files: results.length, valid, errors: counts.errorCount, warnings: counts.warningCount });
}

/**
 * A message on one line: reporters that are read line by line must not be split by one (a cell's
 * line breaks become spaces), and no other control character reaches the terminal raw.
 */
export function oneLine(message: string): string {
  return escapeControls(message.replace(/[\r\n]+/g, ' '));
}
