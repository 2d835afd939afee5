/**
 * The markdown table `validate --reporter github` adds to a GitHub Actions job's summary page
 * (the file named by `$GITHUB_STEP_SUMMARY`), since annotations alone are easy to miss. Pure: the
 * CLI appends the text to the file.
 *
 *   stepSummaryRow(report): StepSummaryRow       one file's line: valid, counts, its commonest codes
 *   stepSummaryMarkdown(rows, summary): string   a heading, the run's summary line, the table
 *
 * Top codes are errors' then warnings' codes, each by how often it occurs: infos record repairs
 * and are left out. A run of thousands of files lists only those with errors or warnings, so the
 * summary stays well under GitHub's limit of 1 MiB a step.
 */
import type { Severity } from '../model.js';
import { countSeverities, displayPath, type FileReport } from './fileReport.js';

export interface StepSummaryRow {
  path: string | null;
  valid: boolean;
  errors: number;
  warnings: number;
  topCodes: { code: string; count: number }[];
  /** Why a file has no report of its own (an internal error). */
  failure?: string;
}

const TOP_CODES = 3;
export const STEP_SUMMARY_ROW_LIMIT = 1000;

export function stepSummaryRow(report: FileReport): StepSummaryRow {
  const counts = countSeverities(report.diagnostics);
  const byCode = new Map<string, { code: string; severity: Severity; count: number }>();
  for (const diagnostic of report.diagnostics) {
    if (diagnostic.severity === 'info') continue;
    const key = `${diagnostic.severity} ${diagnostic.code}`;
    const entry = byCode.get(key);
    if (entry) entry.count++;
    else byCode.set(key, { code: diagnostic.code, severity: diagnostic.severity, count: 1 });
  }
  const topCodes = [...byCode.values()]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || b.count - a.count || (a.code < b.code ? -1 : 1))
    .slice(0, TOP_CODES)
    .map(({ code, count }) => ({ code, count }));
  return { path: report.path, valid: report.valid, errors: counts.errorCount, warnings: counts.warningCount, topCodes };
}

/** A code span that holds `text` exactly, whatever backticks it has; pipes escaped for the table. */
function codeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded.replace(/\r\n?|\n/g, '\\n').replace(/\|/g, '\\|')}${fence}`;
}

function cells(row: StepSummaryRow): string[] {
  const codes = row.failure ?? (row.topCodes.length === 0 ? '—' : row.topCodes.map((top) => `${codeSpan(top.code)} ×${top.count}`).join(', '));
  return [
    row.path === null ? displayPath(null) : codeSpan(row.path),
    row.valid ? '✅ yes' : '❌ no',
    String(row.errors),
    String(row.warnings),
    codes,
  ];
}

export function stepSummaryMarkdown(rows: readonly StepSummaryRow[], summary: string, limit = STEP_SUMMARY_ROW_LIMIT): string {
  // Files in path order, standard input last, as every reporter lists them.
  const ordered = [...rows].sort((a, b) => (a.path === b.path ? 0 : a.path === null ? 1 : b.path === null ? -1 : a.path < b.path ? -1 : 1));
  const shown = ordered.length <= limit ? ordered : ordered.filter((row) => !row.valid || row.warnings > 0).slice(0, limit);
  const lines = [
    '### charter validate',
    '',
    summary.replace(/[|\\`*_<>[\]]/g, '\\$&'),
    '',
    '| file | valid | errors | warnings | top codes |',
    '| --- | :---: | ---: | ---: | --- |',
    ...shown.map((row) => `| ${cells(row).join(' | ')} |`),
  ];
  const left = ordered.length - shown.length;
  if (left > 0) {
    const shownSet = new Set(shown);
    const hiddenProblems = ordered.filter((row) => !shownSet.has(row) && (!row.valid || row.warnings > 0)).length;
    lines.push(
      '',
      `${left} more file${left === 1 ? '' : 's'} not listed${hiddenProblems === 0 ? ', all valid without warnings' : `, ${hiddenProblems} of them with errors or warnings`}.`,
    );
  }
  return `${lines.join('\n')}\n\n`;
}
