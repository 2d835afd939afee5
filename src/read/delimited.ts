/**
 * Tab-separated and comma- or semicolon-separated text to raw blocks. Quoting follows RFC 4180 as Excel writes
 * it (cells holding line breaks, delimiters and doubled quotes). Lines holding a single cell are
 * text between tables: a title above the return, a page footer, notes below it.
 */
import { parse } from 'csv-parse/sync';
import type { Diagnostic, RawBlock, RawDocument, RawRow } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { unguardFormula } from '../text/csvFormulaGuard.js';
import { sniffDelimiter } from './delimiterSniff.js';

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

/** Text with no quote character needs no quote handling: one line, one row (and much faster). */
function splitUnquoted(text: string, delimiter: string): RawRow[] {
  return text.split('\n').map((line, index) => ({ cells: line.split(delimiter), place: { line: index + 1 } }));
}

function parseRecords(text: string, delimiter: string, diagnostics: Diagnostic[]): RawRow[] {
  if (!text.includes('"')) return splitUnquoted(text, delimiter);
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

/**
 * The delimiter: the one forced (`--delimiter`), a tab for tab-separated text, or for CSV the one
 * its content shows (comma where it shows none), with an info where that is not a comma.
 */
function delimiterFor(text: string, format: 'tsv' | 'csv', forced: string | undefined, diagnostics: Diagnostic[]): string {
  if (forced !== undefined) return forced;
  if (format === 'tsv') return '\t';
  const sniffed = sniffDelimiter(text)?.delimiter ?? ',';
  if (sniffed !== ',') diagnostics.push(diagnostic('delimiter-guessed', { delimiter: sniffed }));
  return sniffed;
}

export function readDelimited(text: string, format: 'tsv' | 'csv', diagnostics: Diagnostic[], forcedDelimiter?: string): RawDocument {
  const rows = parseRecords(text, delimiterFor(text, format, forcedDelimiter, diagnostics), diagnostics);
  if (format === 'csv') for (const row of rows) row.cells = row.cells.map(unguardFormula);
  const blocks: RawBlock[] = [];
  let tableRows: RawRow[] = [];
  let pendingBlank: RawRow[] = [];
  const closeTable = () => {
    if (tableRows.length > 0) {
      const first = tableRows[0]!;
      blocks.push({ kind: 'table', table: { rows: tableRows, place: first.place } });
    }
    tableRows = [];
  };
  for (const row of rows) {
    const filled = row.cells.filter((cell) => cell.trim() !== '');
    if (filled.length === 0) {
      if (tableRows.length > 0) pendingBlank.push(row);
      continue;
    }
    if (row.cells.length >= 2) {
      for (const blank of pendingBlank) tableRows.push(blank);
      tableRows.push(row);
      pendingBlank = [];
      continue;
    }
    pendingBlank = [];
    closeTable();
    blocks.push({ kind: 'text', text: filled[0]!, place: row.place });
  }
  closeTable();
  return { format, blocks, diagnostics };
}

/** `--delimiter`, where given, is the character between cells. */
interface DelimitedOptions {
  delimiter?: string | undefined;
}

export function readTsv(text: string, diagnostics: Diagnostic[], options: DelimitedOptions = {}): RawDocument {
  return readDelimited(text, 'tsv', diagnostics, options.delimiter);
}

export function readCsv(text: string, diagnostics: Diagnostic[], options: DelimitedOptions = {}): RawDocument {
  return readDelimited(text, 'csv', diagnostics, options.delimiter);
}
