/**
 * `stylish`, the default reporter, for people at a terminal: diagnostics grouped under their
 * file, one per line as `line:col  severity  message  code` in aligned columns, then the summary
 * line. Files with nothing to say are left out. Colour comes from the chalk instance passed in
 * (none by default), so the caller alone decides whether colour is on (TTY, NO_COLOR).
 *
 * The column is always 1: a diagnostic is about a row or cell, not a character. A PDF diagnostic
 * shows its page (`page 3, 12:1`); one with no place (a missing point) shows `-`.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../model.js';
import { countSeverities, displayPath, inReportOrder, oneLine, summaryLine, type FileReport, type ReporterOptions } from './fileReport.js';
import { largest } from '../text/extremes.js';

const NO_COLOUR = new Chalk({ level: 0 });

function position(diagnostic: Diagnostic): string {
  const parts: string[] = [];
  if (diagnostic.page !== undefined) parts.push(`page ${diagnostic.page}`);
  if (diagnostic.line !== undefined) parts.push(`${diagnostic.line}:1`);
  return parts.length > 0 ? parts.join(', ') : '-';
}

function severityColour(chalk: ChalkInstance, severity: Diagnostic['severity']): (text: string) => string {
  return severity === 'error' ? chalk.red : severity === 'warning' ? chalk.yellow : chalk.blue;
}

function pad(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - text.length));
}

/** One file's block (its path, then a line per diagnostic), for writing as each file finishes. */
export function stylishFileBlock(result: FileReport, chalk: ChalkInstance = NO_COLOUR): string {
  return result.diagnostics.length === 0 ? '' : `${fileBlock(result, chalk).join('\n')}\n\n`;
}

function fileBlock(result: FileReport, chalk: ChalkInstance): string[] {
  const rows = result.diagnostics.map((diagnostic) => ({
    position: position(diagnostic),
    severity: diagnostic.severity,
    message: oneLine(diagnostic.message),
    code: diagnostic.code,
  }));
  const widths = {
    position: largest(
      rows.map((row) => row.position.length),
      0,
    ),
    severity: largest(
      rows.map((row) => row.severity.length),
      0,
    ),
    message: largest(
      rows.map((row) => row.message.length),
      0,
    ),
  };
  const lines = [chalk.underline(displayPath(result.path))];
  for (const row of rows) {
    lines.push(
      `  ${chalk.dim(row.position)}${pad(row.position, widths.position)}  ` +
        `${severityColour(chalk, row.severity)(row.severity)}${pad(row.severity, widths.severity)}  ` +
        `${row.message}${pad(row.message, widths.message)}  ${chalk.dim(row.code)}`,
    );
  }
  return lines;
}

export function stylishReporter(results: readonly FileReport[], options: ReporterOptions = {}): string {
  const chalk = options.chalk ?? NO_COLOUR;
  const blocks = inReportOrder(results)
    .filter((result) => result.diagnostics.length > 0)
    .map((result) => fileBlock(result, chalk).join('\n'));
  const counts = countSeverities(results.flatMap((result) => result.diagnostics));
  const invalid = results.some((result) => !result.valid);
  const colour = invalid ? chalk.red.bold : counts.warningCount > 0 ? chalk.yellow.bold : chalk.green.bold;
  const summary = colour(summaryLine(results));
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n\n${summary}\n` : `${summary}\n`;
}
