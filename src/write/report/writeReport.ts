/**
 * The report's output formats, each loaded only when asked for: the HTML page, or the same
 * comparison as JSON, CSV or markdown for scripts.
 */
import type { GroupBy } from '../../compare/columnGroups.js';
import type { Comparison } from '../../compare/comparison.js';

export const REPORT_FORMATS = ['html', 'md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions {
  title?: string;
  groupBy?: GroupBy;
  version?: string;
}

export async function writeReport(comparison: Comparison, format: ReportFormat, options: ReportOptions = {}): Promise<string> {
  if (format === 'html') return (await import('./reportHtml.js')).writeHtmlReport(comparison, options);
  const data = await import('./reportData.js');
  if (format === 'json') return data.writeJsonReport(comparison);
  if (format === 'csv') return data.writeCsvReport(comparison);
  return data.writeMarkdownReport(comparison, options);
}
