/**
 * The reporters, by the name `--reporter` takes. Each is a pure function from the results of a
 * run to the text to write (the CLI writes it to standard error, or standard output for `json`
 * and `sarif` as it chooses):
 *
 *   reporters[name](results: readonly FileReport[], options?: ReporterOptions): string
 *
 * - `stylish` (default): grouped by file, aligned `line:col  severity  message  code`, summary line
 * - `json`: `[{ path, valid, diagnostics, errorCount, warningCount, infoCount }]`
 * - `github`: GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`)
 * - `sarif`: SARIF 2.1.0 for GitHub code scanning
 * - `compact`: one line per diagnostic, `path:line: severity code: message` (the contract's form)
 *
 * All list files by path and, in each, diagnostics by line then code.
 */
import { compactReporter } from './compact.js';
import type { Reporter } from './fileReport.js';
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { sarifReporter } from './sarif.js';
import { stylishReporter } from './stylish.js';

export const REPORTER_NAMES = ['stylish', 'compact', 'json', 'github', 'sarif'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];

export const reporters: Record<ReporterName, Reporter> = {
  stylish: stylishReporter,
  compact: compactReporter,
  json: jsonReporter,
  github: githubReporter,
  sarif: sarifReporter,
};

export { countSeverities, summaryLine, type FileReport, type Reporter, type ReporterOptions, type SeverityCounts } from './fileReport.js';
