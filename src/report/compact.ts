/**
 * `compact`: one line per diagnostic, `path:line: severity code: message`, exactly the form the
 * public contract shows, for scripts that read standard error line by line (and for grep).
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Diagnostic } from '../model.js';
import { displayPath, inReportOrder, oneLine, type FileReport, type ReporterOptions } from './fileReport.js';

const NO_COLOUR = new Chalk({ level: 0 });

export function compactLine(path: string | null, diagnostic: Diagnostic, chalk: ChalkInstance = NO_COLOUR): string {
  let where = displayPath(path);
  if (diagnostic.page !== undefined) where += `:page ${diagnostic.page}`;
  if (diagnostic.line !== undefined) where += `:${diagnostic.line}`;
  const severity =
    diagnostic.severity === 'error' ? chalk.red('error') : diagnostic.severity === 'warning' ? chalk.yellow('warning') : chalk.blue('info');
  return `${where}: ${severity} ${chalk.dim(diagnostic.code)}: ${oneLine(diagnostic.message)}`;
}

export function compactReporter(results: readonly FileReport[], options: ReporterOptions = {}): string {
  return inReportOrder(results)
    .flatMap((result) => result.diagnostics.map((diagnostic) => `${compactLine(result.path, diagnostic, options.chalk)}\n`))
    .join('');
}
