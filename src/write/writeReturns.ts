/** The write stage: returns to text in the chosen output format. */
import type { CharterReturn } from '../model.js';
import { writeCsv } from './csv.js';
import { writeJson, writeNdjson } from './json.js';
import { writeMarkdown } from './markdown.js';

export const OUTPUT_FORMATS = ['json', 'csv', 'md', 'ndjson'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const OUTPUT_EXTENSIONS: Record<OutputFormat, string> = { json: '.json', csv: '.csv', md: '.md', ndjson: '.ndjson' };

export interface WriteOptions {
  /** JSON only: write an array even for one return (several inputs were named). */
  asArray?: boolean;
  /** CSV only: no formula guard. */
  csvRaw?: boolean;
}

export function writeReturns(returns: readonly CharterReturn[], format: OutputFormat, options: WriteOptions = {}): string {
  switch (format) {
    case 'json':
      return writeJson(returns, options.asArray ?? returns.length !== 1);
    case 'ndjson':
      return writeNdjson(returns);
    case 'csv':
      return writeCsv(returns, { raw: options.csvRaw ?? false });
    case 'md':
      return writeMarkdown(returns);
  }
}
