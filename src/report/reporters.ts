/**
 * The reporters, one entry each by the name `--reporter` takes: the one list behind its choices
 * and behind how a run writes them. Each is a pure function from the results of a run to the text
 * to write (the CLI writes it to standard error, or standard output for `json` and `sarif` as it
 * chooses):
 *
 *   reporters[name](results: readonly FileReport[], options?: ReporterOptions): string
 *
 * - `stylish` (default): grouped by file, aligned `line:col  severity  message  code`, summary line
 * - `json`: `[{ path, valid, diagnostics, errorCount, warningCount, infoCount }]`
 * - `github`: GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`)
 * - `sarif`: SARIF 2.1.0 for GitHub code scanning
 * - `compact`: one line per diagnostic, `path:line: severity code: message` (the contract's form)
 *
 * All list files by path and, in each, diagnostics by line then code. A reporter with `perFile`
 * can write each file's lines as soon as it is read; the others are one document, written at the
 * end. Adding a reporter: its module, and one entry here.
 */
import { compactReporter } from './compact.js';
import type { FileReport, Reporter, ReporterOptions } from './fileReport.js';
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { sarifReporter } from './sarif.js';
import { stylishFileBlock, stylishReporter } from './stylish.js';

export interface ReporterEntry {
  name: string;
  report: Reporter;
  /** One file's part of the report, for writing as the run goes; absent for whole documents. */
  perFile?: (result: FileReport, options: ReporterOptions) => string;
}

export const REPORTERS = [
  { name: 'stylish', report: stylishReporter, perFile: (result, options) => stylishFileBlock(result, options.chalk) },
  { name: 'compact', report: compactReporter, perFile: (result, options) => compactReporter([result], options) },
  { name: 'json', report: jsonReporter },
  { name: 'github', report: githubReporter, perFile: (result) => githubReporter([result]) },
  { name: 'sarif', report: sarifReporter },
] as const satisfies readonly ReporterEntry[];

export type ReporterName = (typeof REPORTERS)[number]['name'];
export const REPORTER_NAMES: readonly ReporterName[] = REPORTERS.map((entry) => entry.name);

export const reporters = Object.fromEntries(REPORTERS.map((entry) => [entry.name, entry.report])) as Record<ReporterName, Reporter>;

export function reporterFor(name: ReporterName): ReporterEntry {
  return REPORTERS.find((entry) => entry.name === name)!;
}

export { countSeverities, summaryLine, type FileReport, type Reporter, type ReporterOptions, type SeverityCounts } from './fileReport.js';
