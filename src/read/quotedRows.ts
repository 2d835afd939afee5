/**
 * Rows of delimited text that holds quotes, by the CSV library (RFC 4180 as Excel writes it:
 * cells holding line breaks, delimiters and doubled quotes). Its own module so that the library
 * is loaded only for text that needs it; text with no quote is split by delimited.ts itself.
 */
import { parse } from 'csv-parse/sync';
import type { Diagnostic, RawRow } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

export function quotedRows(text: string, delimiter: string, diagnostics: Diagnostic[]): RawRow[] {
  const options = {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    info: true,
  } as const;
  let records: ParsedRecord[];
  try {
    records = parse(text, options) as unknown as ParsedRecord[];
  } catch (error) {
    diagnostics.push(diagnostic('quote-unbalanced', error instanceof Error && 'lines' in error ? { fromLine: String(error.lines) } : {}));
    records = parse(text, { ...options, quote: false }) as unknown as ParsedRecord[];
  }
  const rows: RawRow[] = [];
  let nextLine = 1;
  for (const { record, info } of records) {
    rows.push({ cells: record, place: { line: nextLine } });
    nextLine = info.lines + 1;
  }
  return rows;
}
