/**
 * Writing diagnostics as a run goes, as the reporters registry says: a reporter with a per-file
 * part (`stylish`, `compact`, `github`) writes each file's lines as soon as it is read (so a long
 * run shows its problems early and holds nothing); the others (`json`, `sarif`) are one document,
 * written at the end.
 */
import type { ChalkInstance } from 'chalk';
import { inReportOrder } from '../report/fileReport.js';
import { loadReporter, type FileReport, type ReporterName } from '../report/reporters.js';

export interface ReportStream {
  file(report: FileReport): string;
  end(): string;
}

export async function createReportStream(name: ReporterName, chalk: ChalkInstance, version: string): Promise<ReportStream> {
  const entry = await loadReporter(name);
  const perFile = entry.perFile;
  if (perFile) {
    return { file: (report) => perFile(inReportOrder([report])[0]!, { chalk }), end: () => '' };
  }
  const all: FileReport[] = [];
  return {
    file(report) {
      all.push(report);
      return '';
    },
    end: () => entry.report(all, { version, informationUri: 'https://www.npmjs.com/package/charter' }),
  };
}
