/**
 * The reporters, one entry each by the name `--reporter` takes: the one list behind its choices
 * and behind how a run writes them. Each is a pure function from the results of a run to the text
 * to write (the CLI writes it to standard error, or standard output for `json` and `sarif` as it
 * chooses):
 *
 *   (await loadReporter(name)).report(results: readonly FileReport[], options?: ReporterOptions): string
 *
 * - `stylish` (default): grouped by file, aligned `line:col  severity  message  code`, summary line
 * - `json`: `[{ path, valid, diagnostics, errorCount, warningCount, infoCount }]`
 * - `github`: GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`)
 * - `sarif`: SARIF 2.1.0 for GitHub code scanning
 * - `compact`: one line per diagnostic, `path:line: severity code: message` (the contract's form)
 *
 * All list files by path and, in each, diagnostics by line then code. A reporter with `perFile`
 * can write each file's lines as soon as it is read; the others are one document, written at the
 * end. A reporter's module is loaded only when a run uses it. Adding a reporter: its module, and
 * one entry here.
 */
import type { FileReport, Reporter, ReporterOptions } from './fileReport.js';

/** A reporter, loaded. */
export interface LoadedReporter {
  report: Reporter;
  /** One file's part of the report, for writing as the run goes; absent for whole documents. */
  perFile?: (result: FileReport, options: ReporterOptions) => string;
}

export interface ReporterEntry {
  name: string;
  /** Whether it writes each file's part as the run goes (its loaded form has `perFile`). */
  streams: boolean;
  load(): Promise<LoadedReporter>;
}

export const REPORTERS = [
  {
    name: 'stylish',
    streams: true,
    load: async () => {
      const { stylishFileBlock, stylishReporter } = await import('./stylish.js');
      return { report: stylishReporter, perFile: (result, options) => stylishFileBlock(result, options.chalk) };
    },
  },
  {
    name: 'compact',
    streams: true,
    load: async () => {
      const { compactReporter } = await import('./compact.js');
      return { report: compactReporter, perFile: (result, options) => compactReporter([result], options) };
    },
  },
  { name: 'json', streams: false, load: async () => ({ report: (await import('./json.js')).jsonReporter }) },
  {
    name: 'github',
    streams: true,
    load: async () => {
      const { githubReporter } = await import('./github.js');
      return { report: githubReporter, perFile: (result) => githubReporter([result]) };
    },
  },
  { name: 'sarif', streams: false, load: async () => ({ report: (await import('./sarif.js')).sarifReporter }) },
] as const satisfies readonly ReporterEntry[];

export type ReporterName = (typeof REPORTERS)[number]['name'];
export const REPORTER_NAMES: readonly ReporterName[] = REPORTERS.map((entry) => entry.name);

/** The reporter of that name, its module loaded on first use. */
export function loadReporter(name: ReporterName): Promise<LoadedReporter> {
  return REPORTERS.find((entry) => entry.name === name)!.load();
}

export { countSeverities, summaryLine, type FileReport, type Reporter, type ReporterOptions, type SeverityCounts } from './fileReport.js';
