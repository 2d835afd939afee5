/**
 * Tab-separated and comma- or semicolon-separated text to raw blocks. Quoting follows RFC 4180 as Excel writes
 * it (cells holding line breaks, delimiters and doubled quotes). Lines holding a single cell are
 * text between tables: a title above the return, a page footer, notes below it.
 */
import type { Diagnostic, RawBlock, RawDocument, RawRow } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { unguardFormula } from '../text/csvFormulaGuard.js';
import { sniffDelimiter } from './delimiterSniff.js';
import { textReader, type ReadFailure, type Reader, type ReaderOptions } from './reader.js';

/** Rows of quoted text: the CSV library, loaded only for text that holds a quote (quotedRows.ts). */
export type QuotedRows = (text: string, delimiter: string, diagnostics: Diagnostic[]) => RawRow[];

/** Text with no quote character needs no quote handling: one line, one row (and much faster). */
function splitUnquoted(text: string, delimiter: string): RawRow[] {
  return text.split('\n').map((line, index) => ({ cells: line.split(delimiter), place: { line: index + 1 } }));
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

/** `quoted` is needed only where the text holds a quote character. */
export function readDelimited(
  text: string,
  format: 'tsv' | 'csv',
  diagnostics: Diagnostic[],
  forcedDelimiter?: string,
  quoted?: QuotedRows,
): RawDocument {
  const delimiter = delimiterFor(text, format, forcedDelimiter, diagnostics);
  const rows = text.includes('"') ? quoted!(text, delimiter, diagnostics) : splitUnquoted(text, delimiter);
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

/** A quoted text's rows, by the CSV library: loaded by the first input that holds a quote. */
let quotedRows: QuotedRows | undefined;

/**
 * The reader of tab-separated or comma-separated text (`--delimiter` forces the character). A
 * quote in the text is a quote byte in every encoding charter decodes, so the bytes tell whether
 * the CSV library is needed before they are decoded.
 */
export function delimitedReader(format: 'tsv' | 'csv'): Reader {
  const read = textReader((text: string, diagnostics: Diagnostic[], options: ReaderOptions): RawDocument | ReadFailure =>
    readDelimited(text, format, diagnostics, options.delimiter, quotedRows),
  );
  return async (bytes, options) => {
    const mayQuote = options.decoded ? options.decoded.text.includes('"') : bytes.includes(0x22);
    if (mayQuote) quotedRows ??= (await import('./quotedRows.js')).quotedRows;
    return read(bytes, options);
  };
}
