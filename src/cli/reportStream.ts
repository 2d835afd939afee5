/**
 * Writing diagnostics as a run goes: `stylish`, `compact` and `github` write each file's lines as
 * soon as it is read (so a long run shows its problems early and holds nothing); `json` and
 * `sarif` are one document, written at the end.
 */
import type { ChalkInstance } from 'chalk';
import { compactLine } from '../report/compact.js';
import { inReportOrder } from '../report/fileReport.js';
import { reporters, type FileReport, type ReporterName } from '../report/reporters.js';
import { stylishFileBlock } from '../report/stylish.js';

export interface ReportStream {
  file(report: FileReport): string;
  end(): string;
}

export function createReportStream(name: ReporterName, chalk: ChalkInstance, version: string): ReportStream {
  if (name === 'json' || name === 'sarif') {
    const all: FileReport[] = [];
    return {
      file(report) {
        all.push(report);
        return '';
      },
      end: () => reporters[name](all, { version, informationUri: 'https://www.npmjs.com/package/charter' }),
    };
  }
  return {
    file(report) {
      const sorted = inReportOrder([report])[0]!;
      if (name === 'stylish') return stylishFileBlock(sorted, chalk);
      if (name === 'compact') return sorted.diagnostics.map((diagnostic) => `${compactLine(sorted.path, diagnostic, chalk)}\n`).join('');
      return reporters.github([sorted]);
    },
    end: () => '',
  };
}
