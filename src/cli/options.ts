/** The options commander hands the commands, as types: the commands import these, not the program that parses them. */
import type { FromName } from '../read/readers.js';
export interface ReadCliOptions {
  from?: FromName;
  period?: string;
  authority?: string;
  password?: string;
  pages?: string;
  quiet?: boolean;
  debug?: boolean;
  maxSize?: string;
  reporter?: 'stylish' | 'compact' | 'json' | 'github' | 'sarif';
  strict?: boolean;
  maxWarnings?: string;
  rule?: string[];
}

export interface ImportCliOptions extends ReadCliOptions {
  format: 'json' | 'csv' | 'md' | 'ndjson';
  out?: string;
  outDir?: string;
  csvRaw?: boolean;
}
