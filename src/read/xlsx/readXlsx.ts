/**
 * Excel (.xlsx) reader. The return may be on any sheet: the sheet holding the form's heading (or,
 * failing that, most rows in the charter's wording) is read, and the others are named in an info.
 * The sheet's rows from the first with two cells filled to the last become one raw table; rows
 * holding a single cell above and below it (a title, notes) are text. Places are the sheet's own
 * row numbers, so `line` 5 is row 5 of that sheet. A cell holding a date is read as the date it
 * shows, with an info.
 */
import { identifyPoint } from '../../charter/wording.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { largest } from '../../text/extremes.js';
import type { Diagnostic, RawBlock, RawRow } from '../../model.js';
import type { ReadOptions, ReadResult } from '../reader.js';
import { noMainPartDiagnostic, notOfficeDiagnostic, zipProblemDiagnostic } from '../office/officeDiagnostics.js';
import { mainPartOf } from '../office/packageParts.js';
import { DEFAULT_ZIP_LIMITS, isZipProblem, ZipArchive, type ZipLimits } from '../office/zipArchive.js';
import { TITLES } from '../text/titles.js';
import { readSheetCells, type SheetCells, type SheetRow } from './sheetCells.js';
import { dateStylesOf } from './dateCells.js';
import { sharedStringsOf, sheetsOf, stylesOf } from './workbookParts.js';

const KIND = 'Excel workbook';

interface ReadSheet {
  name: string;
  cells: SheetCells;
}

const LONGEST_TITLE = 48;
/** Charter-point cells are a sentence or two; longer cells are answers and are not matched. */
const LONGEST_CHARTER_CELL = 400;

/** The return's heading and rows lie near the top of its sheet; a huge data sheet is not read through. */
const SCORED_ROWS = 2000;

/** How strongly a sheet looks like the return: a heading row, then rows in the charter's wording. */
function returnScore(rows: readonly SheetRow[]): number {
  let headed = false;
  let charterRows = 0;
  for (const row of rows.slice(0, SCORED_ROWS)) {
    const titles = new Set<number>();
    for (const cell of row.cells) {
      const text = cell.trim();
      if (text.length <= LONGEST_TITLE) TITLES.forEach((pattern, index) => pattern.test(text) && titles.add(index));
    }
    if (titles.size >= 3) headed = true;
    if (row.cells.some((cell) => cell.length <= LONGEST_CHARTER_CELL && cell.trim() !== '' && identifyPoint(cell) !== null)) charterRows++;
  }
  return (headed ? 1000 : 0) + charterRows;
}

function filledCount(row: SheetRow): number {
  return row.cells.filter((cell) => cell.trim() !== '').length;
}

function sheetBlocks(rows: readonly SheetRow[]): RawBlock[] {
  const tableRows = rows.map((row, index) => (filledCount(row) >= 2 ? index : -1)).filter((index) => index >= 0);
  const first = tableRows[0];
  const last = tableRows.at(-1);
  const width = largest(
    rows.map((row) => row.cells.length),
    0,
  );
  const textOf = (row: SheetRow): RawBlock[] =>
    row.cells.filter((cell) => cell.trim() !== '').map((cell) => ({ kind: 'text' as const, text: cell.trim(), place: { line: row.number } }));
  if (first === undefined || last === undefined) return rows.flatMap(textOf);
  const table: RawRow[] = rows.slice(first, last + 1).map((row) => ({
    cells: [...row.cells, ...Array<string>(width - row.cells.length).fill('')],
    place: { line: row.number },
  }));
  return [
    ...rows.slice(0, first).flatMap(textOf),
    { kind: 'table', table: { rows: table, place: table[0]!.place } },
    ...rows.slice(last + 1).flatMap(textOf),
  ];
}

export async function readXlsx(bytes: Uint8Array, _options: ReadOptions, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ReadResult> {
  const fail = (diagnostic: Diagnostic): ReadResult => ({ ok: false, diagnostics: [diagnostic] });
  const archive = ZipArchive.open(bytes, limits);
  if (isZipProblem(archive)) return fail(zipProblemDiagnostic(archive, KIND));
  const workbook = mainPartOf(archive, 'xl/workbook.xml');
  if (isZipProblem(workbook)) return fail(zipProblemDiagnostic(workbook, KIND));
  if (workbook === null) return fail(noMainPartDiagnostic(KIND, 'xl/workbook.xml'));
  const book = sheetsOf(archive, workbook);
  if (isZipProblem(book)) return fail(zipProblemDiagnostic(book, KIND));
  const parts = book.sheets;
  if (parts.length === 0) return fail(notOfficeDiagnostic(KIND, 'no-sheets'));
  const strings = sharedStringsOf(archive, workbook);
  if (isZipProblem(strings)) return fail(zipProblemDiagnostic(strings, KIND));
  const styles = stylesOf(archive, workbook);
  if (isZipProblem(styles)) return fail(zipProblemDiagnostic(styles, KIND));
  const context = { sharedStrings: strings, dateStyles: dateStylesOf(styles), date1904: book.date1904 };

  const sheets: ReadSheet[] = [];
  for (const part of parts) {
    const xml = archive.readText(part.part);
    if (xml === null || isZipProblem(xml)) return fail(zipProblemDiagnostic(xml ?? { kind: 'damaged', detail: `${part.part} is missing` }, KIND));
    const cells = readSheetCells(xml, context);
    if ('problem' in cells)
      return fail(diagnostic('office-unreadable', { kind: 'bad-sheet', container: KIND, sheet: part.name, problem: cells.problem }));
    sheets.push({ name: part.name, cells });
  }

  const diagnostics: Diagnostic[] = [];
  const scored = sheets.map((sheet) => ({ sheet, score: returnScore(sheet.cells.rows) }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  // No sheet looks like the return: every sheet is read, so that the finder can say what it saw.
  const chosen = best.score > 0 ? [best.sheet] : sheets;
  const ignored = sheets.filter((sheet) => !chosen.includes(sheet) && sheet.cells.rows.some((row) => filledCount(row) > 0));
  if (ignored.length > 0) diagnostics.push(diagnostic('sheets-ignored', { read: best.sheet.name, ignored: ignored.map((sheet) => sheet.name) }));
  const blocks: RawBlock[] = [];
  for (const sheet of chosen) {
    if (sheet.cells.merges.length > 0)
      diagnostics.push(diagnostic('cell-span-expanded', { table: 'excel', sheet: sheet.name, merges: sheet.cells.merges.length }));
    if (sheet.cells.dates.length > 0) diagnostics.push(diagnostic('date-cell-read', { sheet: sheet.name, dates: sheet.cells.dates }));
    if (chosen.length > 1) blocks.push({ kind: 'text', text: sheet.name, place: {} });
    for (const block of sheetBlocks(sheet.cells.rows)) blocks.push(block);
  }
  return { ok: true, document: { format: 'xlsx', blocks, diagnostics } };
}
