/**
 * Text extracted from a PDF without its layout (`pdftotext` without -layout, pdf-parse's
 * getText()): the table comes out cell by cell, each cell's lines together, the cells of a row in
 * order, but nothing says where a cell ends or which column it was in, and the row numbers may
 * come out of order. The rows are rebuilt from what is left:
 * - a cell that holds charter wording starts a row (it is the charter-point column);
 * - the cells after it are the row's answers, left to right;
 * - cells at the top of a page, before its first row, continue the row left open on the page
 *   before, in the columns whose text had not ended;
 * - numbers alone in a cell are the page's row numbers, given to its rows in order.
 * Where the count of cells does not fit the form, the guess is reported.
 */
import { charterPoint } from '../../charter/points.js';
import { compareWording, identifyPoint } from '../../charter/wording.js';
import type { Diagnostic, RawBlock, RawRow } from '../../model.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { isPageFurniture } from '../../text/pageFurniture.js';
import { joinCellLines } from '../layout/cellLines.js';
import { splitDenseRun, textWidth } from './denseCells.js';
import { splitIntoCells } from './streamCells.js';
import { titlesIn } from './titles.js';
import type { Chunk, TextPage } from './textPages.js';

const ANSWER_COLUMNS = 3;
const ROW_NUMBER = /^\(?(\d{1,2})[.)]?$/;

function textOf(chunk: Chunk): string {
  return joinCellLines(chunk.lines).replace(/\n/g, ' ');
}

/** Does a page show the return's heading: titles of at least three of the four named columns? */
function showsHeading(chunks: readonly Chunk[]): boolean {
  const columns = new Set<number>();
  for (const chunk of chunks) for (const column of titlesIn(textOf(chunk))?.keys() ?? []) if (column > 0) columns.add(column);
  return columns.size >= 3;
}

interface OpenRow {
  row: RawRow;
  /** Columns filled so far, 1 (charter point) to 4. */
  filled: number;
}

/** Has the text of this cell come to an end (a full stop, the whole charter wording)? */
function ended(cell: string, column: number): boolean {
  const text = cell.replace(/\s+/g, ' ').trim();
  if (text === '') return true;
  if (column === 1) {
    const point = identifyPoint(text);
    return point !== null && compareWording(text, charterPoint(point.number)!.wording).recall >= 0.9;
  }
  return /[.!?)]$/.test(text);
}

function appendTo(row: RawRow, column: number, chunk: Chunk): void {
  const lines = [row.cells[column] ?? '', ...chunk.lines].filter((line) => line !== '');
  row.cells[column] = joinCellLines(lines);
}

/**
 * Does the text run cells together with no blank line between them (pdf-parse), rather than
 * setting each cell apart (pdftotext)? Then the cells are cut apart by how their lines wrap, at a
 * width read from the text itself.
 */
function denseWidth(pages: readonly TextPage[]): number | null {
  let blank = 0;
  const widths: number[] = [];
  for (const page of pages) {
    for (const line of page.lines) {
      if (line.trim() === '') blank++;
      else widths.push(textWidth(line.trim()));
    }
  }
  if (widths.length === 0 || blank > 0.1 * widths.length) return null;
  widths.sort((a, b) => a - b);
  return widths[Math.floor(widths.length * 0.9)]!;
}

export function readStreamText(pages: readonly TextPage[], diagnostics: Diagnostic[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  const width = denseWidth(pages);
  const textBlock = (chunk: Chunk) => chunk.lines.forEach((text, i) => blocks.push({ kind: 'text', text, place: { page: chunk.page, line: chunk.line + i } }));
  let inTable = false;
  let open: OpenRow | null = null;
  for (const page of pages) {
    const chunks = width === null ? splitIntoCells(page) : splitIntoCells(page).flatMap((chunk) => (titlesIn(textOf(chunk)) ? [chunk] : splitDenseRun(chunk, width)));
    const heading = showsHeading(chunks);
    // A page carries the table on only where it shows the heading again or a row of its own.
    if (inTable && !heading && !chunks.some((chunk) => identifyPoint(textOf(chunk)) !== null)) {
      inTable = false;
      open = null;
    }
    if (!inTable && !heading) {
      chunks.forEach(textBlock);
      continue;
    }
    const rows: RawRow[] = [];
    const numbers: number[] = [];
    const rest: Chunk[] = [];
    let headingRow: RawRow | null = null;
    let continuation: RawRow | null = null;
    let tableEnded = false;
    let started = inTable;
    for (const chunk of chunks) {
      const text = textOf(chunk);
      if (tableEnded) {
        rest.push(chunk);
        continue;
      }
      const titles = heading ? titlesIn(text) : null;
      if (titles) {
        headingRow ??= { cells: ['', '', '', '', ''], place: { page: chunk.page, line: chunk.line } };
        for (const [column, title] of titles) headingRow.cells[column] = title;
        started = true;
        continue;
      }
      if (!started) {
        // Text above the table's heading: titles, the council's name.
        textBlock(chunk);
        continue;
      }
      const number = ROW_NUMBER.exec(text);
      if (number) {
        numbers.push(Number(number[1]));
        continue;
      }
      if (isPageFurniture(text)) {
        rest.push(chunk);
        continue;
      }
      const point = identifyPoint(text);
      // The rest of the charter wording of the row left open on the page before is no new row.
      const carriesOn = open !== null && rows.length === 0 && point !== null && !ended(open.row.cells[1] ?? '', 1) && identifyPoint(open.row.cells[1] ?? '')?.number === point.number;
      if (point && !carriesOn) {
        open = { row: { cells: ['', joinCellLines(chunk.lines), '', '', ''], place: { page: chunk.page, line: chunk.line } }, filled: 1 };
        rows.push(open.row);
        continue;
      }
      if (!open) {
        rest.push(chunk);
        continue;
      }
      if (rows.length === 0) {
        // The top of a page, before its first row: the row left open on the page before carries on.
        continuation ??= { cells: ['', '', '', '', ''], place: { page: chunk.page, line: chunk.line } };
        const unended = [1, 2, 3, 4].find((c) => continuation!.cells[c] === '' && !ended(open!.row.cells[c] ?? '', c));
        const column = unended ?? [1, 2, 3, 4].find((c) => continuation!.cells[c] === '') ?? 4;
        if (unended === undefined) {
          diagnostics.push(diagnostic('text-columns-guessed', { kind: 'page-top', text: textOf(chunk) }, { page: chunk.page, line: chunk.line }));
        }
        appendTo(continuation, column, chunk);
        continue;
      }
      if (open.filled > ANSWER_COLUMNS) {
        // More cells than the form has: text after the table, or a cell broken in two.
        tableEnded = true;
        rest.push(chunk);
        continue;
      }
      open.filled++;
      appendTo(open.row, open.filled, chunk);
    }
    const pieceRows = [...(headingRow ? [headingRow] : []), ...(continuation ? [continuation] : []), ...rows];
    numbers.sort((a, b) => a - b);
    rows.forEach((row, index) => {
      const value = numbers[index];
      if (value !== undefined) row.cells[0] = String(value);
    });
    if (pieceRows.length > 0) {
      blocks.push({ kind: 'table', table: { rows: pieceRows, place: pieceRows[0]!.place } });
      inTable = true;
    }
    for (const extra of numbers.slice(rows.length)) {
      diagnostics.push(diagnostic('unassigned-text', { kind: 'stray-row-number', number: String(extra) }, { page: page.page, text: String(extra) }));
    }
    for (const row of rows.filter((row) => row.cells.slice(2).some((cell) => cell === ''))) {
      diagnostics.push(diagnostic('text-columns-guessed', { kind: 'short-row', start: row.cells[1] ?? '' }, { ...row.place }));
    }
    rest.forEach(textBlock);
    if (tableEnded) inTable = false;
  }
  if (width !== null && blocks.some((block) => block.kind === 'table')) {
    diagnostics.push(diagnostic('text-cells-guessed', {}));
  }
  return blocks;
}
