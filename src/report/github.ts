/**
 * `github`: GitHub Actions workflow commands, which the runner turns into annotations on the
 * file: `::error file=returns/x.tsv,line=12,title=missing-point::point 7 … is missing`.
 * Severity error → `::error`, warning → `::warning`, info → `::notice`. A diagnostic without a
 * line annotates the whole file; one from standard input names no file.
 *
 * Escaping follows the Actions toolkit: in the message `%`, CR and LF become `%25`, `%0D`, `%0A`;
 * in a property value `:` and `,` also become `%3A` and `%2C`.
 */
import type { Diagnostic } from '../model.js';
import { inReportOrder, type FileReport } from './fileReport.js';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const;

function command(path: string | null, diagnostic: Diagnostic): string {
  const properties: string[] = [];
  if (path !== null) properties.push(`file=${escapeProperty(path)}`);
  if (diagnostic.line !== undefined) properties.push(`line=${diagnostic.line}`);
  properties.push(`title=${escapeProperty(diagnostic.code)}`);
  const page = diagnostic.page !== undefined ? `page ${diagnostic.page}: ` : '';
  return `::${COMMANDS[diagnostic.severity]} ${properties.join(',')}::${escapeData(page + diagnostic.message)}`;
}

export function githubReporter(results: readonly FileReport[]): string {
  const lines = inReportOrder(results).flatMap((result) => result.diagnostics.map((diagnostic) => command(result.path, diagnostic)));
  return lines.map((line) => `${line}\n`).join('');
}
