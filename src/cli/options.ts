/** The options commander hands the commands, as types: the commands import these, not the program that parses them. */
import type { FromName } from '../read/readers.js';
import type { ReporterName } from '../report/reporters.js';
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
}

export interface ImportCliOptions extends ReadCliOptions {
  format: OutputFormat;
  out?: string;
  outDir?: string;
  csvRaw?: boolean;
}
