/** Which reader an input needs: found from the content first, then from the file name. */
import type { SourceFormat } from '../model.js';
import { sniffDelimiter } from './delimiterSniff.js';
import { READERS } from './readers.js';

/** The format a file name decides, where its ending is one a reader trusts (readers.ts). */
export function formatFromFileName(path: string | null): SourceFormat | null {
  if (!path) return null;
  const match = /\.([a-z0-9]+)$/i.exec(path);
  if (!match) return null;
  const extension = `.${match[1]!.toLowerCase()}`;
  const reader = READERS.find((entry) => entry.trustExtension && (entry.extensions as readonly string[]).includes(extension));
  return reader?.format ?? null;
}

/**
 * Rows split by tabs, or records split alike by commas or semicolons (into the form's headings,
 * or into as many cells each): a table, whatever its cells hold.
 */
function isDelimitedTable(sample: string, tabLines: number, delimiterLines: number): boolean {
  if (tabLines >= 2) return true;
  const sniffed = sniffDelimiter(sample);
  return sniffed !== null && (sniffed.heading || (delimiterLines >= 2 && sniffed.regularRecords >= 2));
}

/** Guess the format of decoded text. */
export function detectTextFormat(text: string, path: string | null): SourceFormat {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  // JSON starts with an object or an array; no return in any other format does.
  if (/^\s*[{[]\s*["{[\]}]/.test(sample.slice(0, 200))) return 'json';
  const lines = sample.split('\n', 5000);
  let tabLines = 0;
  let delimiterLines = 0;
  let pipeRows = 0;
  let delimiterRows = 0;
  let markdownMarks = 0;
  for (const line of lines) {
    if (line.includes('\t')) tabLines++;
    if (/^\s*\|.*\|\s*$/.test(line)) pipeRows++;
    // Each optional pipe carries the white space after it, so that no run of spaces can be split two ways.
    if (/^\s*(?:\|\s*)?:?-{2,}:?\s*(?:\|\s*:?-+:?\s*)+(?:\|\s*)?$/.test(line)) delimiterRows++;
    // An HTML table is markdown's structure only where it opens a line; inside a cell it is text.
    if (/^#{1,6}\s|^[ \t]*<table[\s>]/i.test(line)) markdownMarks++;
    if ((line.match(/,/g)?.length ?? 0) >= 4 || (line.match(/;/g)?.length ?? 0) >= 4) delimiterLines++;
  }
  if (delimiterRows > 0 && pipeRows > 1) return 'markdown';
  // pandoc's grid tables (`+---+---+` borders) and multiline tables (`---- ----` under the heading).
  if (/^[ \t]*\+(?:[-=:]+\+){2,}[ \t]*$/m.test(sample) || (/^[ \t]*-{3,}[ \t]*$/m.test(sample) && /^[ \t]*-{2,}(?: +-{2,}){2,}[ \t]*$/m.test(sample)))
    return 'markdown';
  const byName = formatFromFileName(path);
  // Headings and HTML tables opening a line are markdown's structure, unless the text is a
  // delimited table whose cells hold them (charter's own CSV of such a return).
  const delimited =
    byName !== 'markdown' && (markdownMarks > 0 || /^[ \t]*<table[\s>]/im.test(sample)) && isDelimitedTable(sample, tabLines, delimiterLines);
  if (/^[ \t]*<table[\s>]/im.test(sample) && !delimited) return 'markdown';
  // Text extracted from a PDF: pdftotext ends each page with a form feed, pdf-parse with "-- 2 of 9 --".
  if (byName === null && (sample.includes('\f') || /^-- \d{1,6} of \d{1,6} --$/m.test(sample))) return 'text';
  if (tabLines >= 2) return byName === 'markdown' && markdownMarks > 0 ? 'markdown' : 'tsv';
  if (markdownMarks > 0 && !delimited) return 'markdown';
  if (byName && byName !== 'pdf') return byName;
  // Comma- or semicolon-separated: a row splits into the form's headings, or many into the same cells.
  const sniffed = sniffDelimiter(sample);
  if (sniffed === null || sniffed.delimiter === '\t') return 'text';
  if (sniffed.heading) return 'csv';
  // Without the headings, the first line holds the delimiter. (`[^,\n]*"?[^\n]*,` said the same in quadratic time.)
  const firstLine = sample.slice(0, Math.max(0, sample.indexOf('\n')) || sample.length);
  if (delimiterLines >= 2 && sniffed.regularRecords >= 2 && firstLine.includes(sniffed.delimiter)) return 'csv';
  return 'text';
}
