/**
 * `json`: for scripts. An array with one object per input, in report order:
 * `{ path, valid, diagnostics, errorCount, warningCount, infoCount }`.
 */
import { countSeverities, inReportOrder, type FileReport } from './fileReport.js';

export function jsonReporter(results: readonly FileReport[]): string {
  const entries = inReportOrder(results).map((result) => ({
    path: result.path,
    valid: result.valid,
    diagnostics: result.diagnostics,
    ...countSeverities(result.diagnostics),
  }));
  return `${JSON.stringify(entries, null, 2)}\n`;
}
