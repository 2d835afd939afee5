/** The options commander hands the commands, as types: the commands import these, not the program that parses them. */
import type { GroupBy } from '../compare/columnGroups.js';
import type { FromName } from '../read/readers.js';
import type { ReporterName } from '../report/reporters.js';
import type { ReportFormat } from '../write/report/writeReport.js';
import type { OutputFormat } from '../write/writers.js';
export interface ReadCliOptions {
  from?: FromName;
  delimiter?: string;
  period?: string;
  authority?: string;
  password?: string;
  pages?: string;
  quiet?: boolean;
  debug?: boolean;
  maxSize?: string;
  maxPerCode?: string;
  maxDiagnostics?: string;
  reporter?: ReporterName;
  strict?: boolean;
  maxWarnings?: string;
  rule?: string[];
  /** import only: draw how the (one) PDF input was read into this HTML file. */
  inspect?: string;
}

export interface ImportCliOptions extends ReadCliOptions {
  format: OutputFormat;
  out?: string;
  outDir?: string;
  csvRaw?: boolean;
}

export interface ReportCliOptions extends ReadCliOptions {
  format: ReportFormat;
  out?: string;
  groupBy: GroupBy;
  title?: string;
}
