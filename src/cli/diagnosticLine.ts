/** One diagnostic as one line: `path:line: severity code: message`, as the contract shows. */
import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../model.js';

export function displayPath(path: string | null): string {
  return path ?? '<stdin>';
}

export function diagnosticLine(path: string | null, diagnostic: Diagnostic, chalk: ChalkInstance): string {
  let where = displayPath(path);
  if (diagnostic.page !== undefined) where += `:page ${diagnostic.page}`;
  if (diagnostic.line !== undefined) where += `:${diagnostic.line}`;
  const severity =
    diagnostic.severity === 'error' ? chalk.red('error') : diagnostic.severity === 'warning' ? chalk.yellow('warning') : chalk.blue('info');
  const message = diagnostic.message.replace(/[\r\n]+/g, ' ');
  return `${where}: ${severity} ${chalk.dim(diagnostic.code)}: ${message}`;
}
