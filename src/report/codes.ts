/**
 * Every diagnostic code charter reports, with its default severity and a one-line description:
 * the one list behind `--rule` (which codes exist), the SARIF reporter's rules, and the README's
 * table. A test keeps it equal to the codes the source uses.
 *
 *   DIAGNOSTIC_CODES: readonly DiagnosticCodeInfo[]       in README order: errors, warnings, infos
 *   diagnosticCode(code): DiagnosticCodeInfo | undefined
 *   diagnosticCodesTable(): string                          the README's markdown table of codes
 */
import type { Severity } from '../model.js';

export interface DiagnosticCodeInfo {
  code: string;
  /** The severity it is reported at unless `--rule` changes it. */
  severity: Severity;
  /** One line, lower case, no full stop: "a charter point has no row in the return". */
  description: string;
  /**
   * True where `--rule` may not change it: the input could not be read or holds no return, so
   * there is nothing to call valid (the contract's exit 1).
   */
  fixed?: true;
}

export const DIAGNOSTIC_CODES: readonly DiagnosticCodeInfo[] = [
  { code: 'no-return-found', severity: 'error', fixed: true, description: 'the input holds no End of Life Care Charter return' },
  { code: 'empty-input', severity: 'error', fixed: true, description: 'the input is empty or holds only white space' },
  { code: 'binary-input', severity: 'error', fixed: true, description: 'the input is binary data, not text, PDF, Word or Excel' },
  { code: 'input-too-large', severity: 'error', fixed: true, description: 'the input is larger than --max-size; it was not read' },
  { code: 'input-unreadable', severity: 'error', fixed: true, description: 'the file could not be read (permissions, a folder, gone)' },
  { code: 'pdf-unreadable', severity: 'error', fixed: true, description: 'the PDF could not be read: truncated, damaged, or not a PDF' },
  { code: 'pdf-encrypted', severity: 'error', fixed: true, description: 'the PDF is encrypted and no password (or a wrong one) was given with --password' },
  { code: 'pdf-no-text', severity: 'error', fixed: true, description: 'the PDF holds no text, probably a scan: run OCR on it first' },
  { code: 'pdf-too-complex', severity: 'error', fixed: true, description: 'the PDF has too many pages or took too long or too much memory to read: choose pages with --pages' },
  { code: 'pages-out-of-range', severity: 'error', fixed: true, description: 'the pages asked for with --pages are not in the PDF' },
  { code: 'markdown-too-deep', severity: 'error', fixed: true, description: 'the markdown nests quotes, lists or HTML elements too deeply to be read' },
  { code: 'unsupported-format', severity: 'error', fixed: true, description: 'the input is a Word 97–2003 .doc, Excel 97–2003 .xls, OpenDocument or password-protected Office file: save it as .docx, .xlsx or PDF' },
  { code: 'office-unreadable', severity: 'error', fixed: true, description: 'the Word or Excel file could not be read: truncated, damaged, not a .docx or .xlsx, or not the format --from names' },
  { code: 'office-too-large', severity: 'error', fixed: true, description: 'the Word or Excel file unpacks to more than charter reads (entries, or bytes per part or in all): damaged or hostile' },
  { code: 'json-unreadable', severity: 'error', fixed: true, description: 'the input is not JSON or NDJSON' },
  { code: 'json-not-a-return', severity: 'error', fixed: true, description: "the JSON does not match the return's JSON Schema (charter's own output reads back; a return made by hand must match it)" },
  { code: 'schema-invalid', severity: 'error', fixed: true, description: 'the return does not match its JSON Schema (a bug in charter: please report it)' },
  { code: 'missing-point', severity: 'error', description: 'a charter point has no row in the return' },
  { code: 'duplicate-point', severity: 'error', description: 'two rows carry the same point; the second is left out' },
  { code: 'unknown-point', severity: 'error', description: 'a row inside the table matches no charter point' },
  { code: 'text-cells-guessed', severity: 'error', description: "text from a PDF runs the table's cells together (pdf-parse): where each answer ends was guessed" },
  { code: 'empty-answer', severity: 'warning', description: 'a point has no answer in one or more of its three columns' },
  { code: 'charter-wording-differs', severity: 'warning', description: "the row's charter-point text differs materially from the charter's wording" },
  { code: 'unassigned-text', severity: 'warning', description: 'text inside the table belongs to no cell; it is quoted in the message' },
  { code: 'html-too-deep', severity: 'warning', description: 'the HTML inside markdown nests elements too deeply to parse; it was kept as text, tags and all' },
  { code: 'text-columns-guessed', severity: 'warning', description: 'text from a PDF keeps no columns and a row has fewer cells than the form: its answers were put in the first columns' },
  { code: 'several-returns', severity: 'warning', description: 'the JSON holds several returns; one input gives one return, so only one of them was read' },
  { code: 'no-timescale', severity: 'warning', description: 'a point has next steps but no timescale' },
  { code: 'timescale-before-period', severity: 'warning', description: "a timescale ends before the return's own period begins" },
  { code: 'timescale-unclear', severity: 'info', description: 'a phrase looks like a timescale but names no date that can be read, such as "next quarter"' },
  { code: 'row-number-repaired', severity: 'info', description: 'a row number was rebuilt (split by a space, a lost digit, split over two lines, or missing)' },
  { code: 'heading-repeated', severity: 'info', description: 'a repeated heading row was dropped' },
  { code: 'page-footer-dropped', severity: 'info', description: 'a page number or footer between rows was dropped' },
  { code: 'table-recovered', severity: 'info', description: 'a pipe table that the markdown parser read as text was read as a table' },
  { code: 'markup-defused', severity: 'info', description: 'thousands of markdown markers in one paragraph, or lists nested dozens deep on one line, were read as plain text' },
  { code: 'cell-span-expanded', severity: 'info', description: 'a table cell spanning several columns or rows (HTML, Word, Excel) was followed by empty cells to keep the columns in line' },
  { code: 'tracked-changes-accepted', severity: 'info', description: 'the Word document has tracked changes: it was read as it prints with every change accepted' },
  { code: 'notes-left-out', severity: 'info', description: "page headers, footers, footnotes or comments (Word), or footnote marks in pandoc's tables, were not read as table content; the message says what they held" },
  { code: 'sheets-ignored', severity: 'info', description: 'the workbook has other sheets than the one holding the return; they were not read' },
  { code: 'word-break-guessed', severity: 'info', description: 'pandoc broke a word longer than its column over lines in a grid or multiline table: the pieces were joined, or kept apart, as the message says' },
  { code: 'date-cell-read', severity: 'info', description: 'an Excel cell holding a date (a serial number shown through a date format) was read as the date it shows' },
  { code: 'delimiter-guessed', severity: 'info', description: 'the CSV is separated by semicolons or tabs, found from its content' },
  { code: 'encoding-guessed', severity: 'info', description: 'the text was read as UTF-16 or Windows-1252 rather than UTF-8' },
  { code: 'quote-unbalanced', severity: 'info', description: 'a quoted cell was never closed; quotes were read as ordinary characters' },
  { code: 'authority-inferred', severity: 'info', description: 'the council was found in the document' },
  { code: 'period-overridden', severity: 'info', description: '--period replaced the period the heading gives' },
];

const BY_CODE: ReadonlyMap<string, DiagnosticCodeInfo> = new Map(DIAGNOSTIC_CODES.map((info) => [info.code, info]));

export function diagnosticCode(code: string): DiagnosticCodeInfo | undefined {
  return BY_CODE.get(code);
}

/** The README's table of codes: `| code | severity | meaning |`, one row per code, registry order. */
export function diagnosticCodesTable(): string {
  const rows = DIAGNOSTIC_CODES.map((info) => `| \`${info.code}\` | ${info.severity} | ${info.description.replace(/\|/g, '\\|')} |`);
  return ['| code | severity | meaning |', '|---|---|---|', ...rows].join('\n');
}
