/**
 * Finding the returns among a document's tables: by their headings, or, for a table that lost its
 * heading, by rows in the charter's wording. The pieces a page break cut a return into are
 * stitched back together; the lines between them (page numbers, footers) are dropped and
 * reported. A document may hold several returns (last year's and this year's): a heading with
 * another period, or a heading after which the points start again at 1, begins the next one.
 */
import { identifyPoint } from '../charter/wording.js';
import type { Diagnostic, Place, RawBlock, RawDocument, RawRow, RawTable } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { joinCellText } from '../text/cellText.js';
import { defaultColumns, headingRemainder, mappedIndexes, readHeading, type ColumnMap } from './columns.js';
import { isPageFurniture } from '../text/pageFurniture.js';
import { largest, smallest } from '../text/extremes.js';

export interface ReturnPiece {
  table: RawTable;
  columns: ColumnMap;
  /** Rows of the piece that belong to the return (heading rows removed). */
  rows: RawRow[];
}

export interface FoundReturn {
  pieces: ReturnPiece[];
  period: string | null;
  /** Text before the return's table (titles) and rows above its heading, for metadata. */
  before: { text: string; place: Place }[];
  diagnostics: Diagnostic[];
  /** The blocks of the document the return's table spans, first and last (indexes). */
  blocks: { first: number; last: number };
}

export interface FoundReturns {
  returns: FoundReturn[];
}

export interface NotFound {
  tablesSeen: number;
  reason: string;
}

function charterRowCount(rows: readonly RawRow[], columns: ColumnMap): number {
  let count = 0;
  for (const row of rows) {
    const text = row.cells[columns.charterPoint] ?? '';
    if (text.trim() !== '' && identifyPoint(text) !== null) count++;
  }
  return count;
}

function isEmptyRow(row: RawRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

interface Start {
  blockIndex: number;
  headingRow: number;
  columns: ColumnMap;
  period: string | null;
  charterRows: number;
  headed: boolean;
}

function startIn(table: RawTable, blockIndex: number): Start | null {
  for (let r = 0; r < table.rows.length; r++) {
    const heading = readHeading(table.rows[r]!);
    if (heading) {
      const rest = table.rows.slice(r + 1);
      return {
        blockIndex,
        headingRow: r,
        columns: heading.columns,
        period: heading.period,
        charterRows: charterRowCount(rest, heading.columns),
        headed: true,
      };
    }
  }
  const width = largest(
    table.rows.map((row) => row.cells.length),
    0,
  );
  if (width < 4) return null;
  const columns = defaultColumns(width);
  const charterRows = charterRowCount(table.rows, columns);
  if (charterRows < 3) return null;
  return { blockIndex, headingRow: -1, columns, period: null, charterRows, headed: false };
}

/** Does a headingless table carry on the return (rather than being some other table)? */
function continues(table: RawTable, columns: ColumnMap): boolean {
  const rows = table.rows.filter((row) => !isEmptyRow(row));
  if (rows.length === 0) return true;
  // Rows in the charter's wording carry the return on, even where a row lost its empty trailing
  // cells (a tab-separated line cut short); otherwise a narrow row marks some other table.
  if (charterRowCount(rows, columns) > 0) return true;
  if (rows.some((row) => row.cells.filter((cell) => cell.trim() !== '').length > 0 && row.cells.length < 3)) return false;
  // A piece holding only the tail of a row: no number in its first row.
  const first = rows[0]!;
  return columns.number !== null && (first.cells[columns.number] ?? '').trim() === '';
}

export function findReturns(doc: RawDocument): FoundReturns | NotFound {
  const starts: Start[] = [];
  let tablesSeen = 0;
  doc.blocks.forEach((block, index) => {
    if (block.kind !== 'table') return;
    tablesSeen++;
    const start = startIn(block.table, index);
    if (start) starts.push(start);
  });
  // Every heading of the form begins a return (unless the one before carried on through it); a
  // document without one holds at most one return, the table most in the charter's wording.
  const headed = starts.filter((start) => start.headed);
  const best = starts.filter((start) => start.charterRows >= 3).sort((a, b) => b.charterRows - a.charterRows || a.blockIndex - b.blockIndex)[0];
  const chosen = headed.length > 0 ? headed : best ? [best] : [];
  if (chosen.length === 0) {
    const reason =
      tablesSeen === 0
        ? 'the input holds no table'
        : `looked at ${tablesSeen} table${tablesSeen === 1 ? '' : 's'}: none has the return's headings (Charter point, Where we are now, Where we need to improve, Next steps) or rows in the charter's wording`;
    return { tablesSeen, reason };
  }
  const returns: FoundReturn[] = [];
  let consumed = -1;
  for (const start of chosen) {
    if (start.blockIndex <= consumed) continue;
    const found = stitch(doc.blocks, start, isLaidOut(doc));
    consumed = found.blocks.last;
    returns.push(found);
  }
  // A heading with nothing under it that carries on to nothing (a form's title row on a page of
  // its own, say) is no return where the document holds a real one.
  const filled = returns.filter((found) => found.pieces.some((piece) => piece.rows.length > 0));
  return { returns: filled.length > 0 ? filled : returns.slice(0, 1) };
}

function stitch(blocks: readonly RawBlock[], start: Start, laidOut: boolean): FoundReturn {
  const diagnostics: Diagnostic[] = [];
  const before: { text: string; place: Place }[] = [];
  for (const block of blocks.slice(0, start.blockIndex)) {
    if (block.kind === 'text') before.push({ text: block.text, place: block.place });
  }
  const first = (blocks[start.blockIndex] as { kind: 'table'; table: RawTable }).table;
  for (const row of first.rows.slice(0, Math.max(0, start.headingRow))) {
    const text = row.cells.filter((cell) => cell.trim() !== '').join(' ');
    if (text !== '') before.push({ text, place: row.place });
  }
  if (start.headingRow >= 0) reportHeadingRemainder(first.rows[start.headingRow]!, start.columns, diagnostics);
  const pieces: ReturnPiece[] = [
    { table: first, columns: start.columns, rows: dropRepeatedHeadings(first.rows.slice(start.headingRow + 1), start.columns, diagnostics) },
  ];
  let columns = start.columns;
  let between: { text: string; place: Place }[] = [];
  let last = start.blockIndex;
  // A table that declares its return (charter's own JSON) is a whole return: nothing carries on
  // from it or into it.
  const whole = first.declared !== undefined;
  for (let index = start.blockIndex + 1; index < blocks.length && !whole; index++) {
    const block = blocks[index]!;
    if (block.kind === 'furniture' || block.kind === 'aside') continue;
    if (block.kind === 'text') {
      between.push({ text: block.text, place: block.place });
      continue;
    }
    if (block.table.declared !== undefined) break;
    const heading = block.table.rows.map((row, at) => ({ index: at, heading: readHeading(row) })).find((entry) => entry.heading);
    const firstFilled = block.table.rows.findIndex((row) => !isEmptyRow(row));
    let rows: RawRow[];
    if (heading && heading.index === firstFilled && differentPeriod(start.period, heading.heading!.period)) {
      // Another return (another year's) follows this one.
      break;
    } else if (heading && heading.index === firstFilled) {
      const headingRow = block.table.rows[heading.index]!;
      rows = block.table.rows.slice(heading.index + 1);
      // The same heading, and the points start again: another return of the same period.
      if (startsAgain(pieces, rows, heading.heading!.columns)) break;
      // The heading row repeated at the top of the next page.
      columns = heading.heading!.columns;
      diagnostics.push(diagnostic('heading-repeated', { afterPageBreak: true, heading: headingText(headingRow) }, { ...headingRow.place }));
      reportHeadingRemainder(headingRow, columns, diagnostics);
    } else if (heading) {
      break;
    } else {
      const width = largest(
        block.table.rows.map((row) => row.cells.length),
        0,
      );
      const inherited = width > largest(mappedIndexes(columns)) ? columns : defaultColumns(width);
      if (!continues(block.table, inherited)) {
        reportLeftOut(block.table, between, diagnostics, laidOut);
        break;
      }
      // Prose between the return and a table without the charter's wording (an action plan in the
      // next appendix) means that table is not the rest of the return.
      if (charterRowCount(block.table.rows, inherited) === 0 && between.some((line) => !isPageFurniture(line.text))) {
        reportLeftOut(block.table, between, diagnostics, laidOut);
        break;
      }
      columns = inherited;
      rows = block.table.rows;
    }
    for (const line of between) reportBetween(line, diagnostics, laidOut);
    between = [];
    pieces.push({ table: block.table, columns, rows: dropRepeatedHeadings(rows, columns, diagnostics) });
    last = index;
  }
  for (const one of [...furnitureOnPages(blocks, pieces), ...asideOnPages(blocks, pieces)]) diagnostics.push(one);
  return { pieces, period: start.period, before, diagnostics, blocks: { first: start.blockIndex, last } };
}

/** Does a piece after a repeated heading start the points again at 1, when the return already has a 1? */
function startsAgain(pieces: readonly ReturnPiece[], rows: readonly RawRow[], columns: ColumnMap): boolean {
  if (columns.number === null) return false;
  const firstNumbered = rows.find((row) => (row.cells[columns.number!] ?? '').trim() !== '');
  if (!firstNumbered || !isPointOne(firstNumbered.cells[columns.number] ?? '')) return false;
  return pieces.some((piece) => piece.columns.number !== null && piece.rows.some((row) => isPointOne(row.cells[piece.columns.number!] ?? '')));
}

function isPointOne(cell: string): boolean {
  return /^1[.):]?$/.test(cell.trim());
}

function headingText(row: RawRow): string {
  return row.cells
    .map((cell) => joinCellText([cell]))
    .filter((cell) => cell !== '')
    .join(' | ');
}

/** Words in a heading row beyond the form's own titles (a sixth heading, a note) are reported, not lost. */
function reportHeadingRemainder(row: RawRow, columns: ColumnMap, diagnostics: Diagnostic[]): void {
  for (const { column, text } of headingRemainder(row, columns)) {
    diagnostics.push(diagnostic('unassigned-text', { kind: 'in-heading', text, column: column + 1 }, { ...row.place, text }));
  }
}

/**
 * The page furniture on the return's pages (running headers and footers, page numbers, print
 * lines, set apart by the PDF reader), one `info` for each kind: its text, and the pages.
 */
function furnitureOnPages(blocks: readonly RawBlock[], pieces: readonly ReturnPiece[]): Diagnostic[] {
  const pages = pieces.flatMap((piece) => piece.table.rows.map((row) => row.place.page)).filter((page): page is number => page !== undefined);
  if (pages.length === 0) return [];
  const firstPage = smallest(pages);
  const lastPage = largest(pages);
  const kinds = new Map<string, { block: Extract<RawBlock, { kind: 'furniture' }>; pages: number[] }>();
  for (const block of blocks) {
    if (block.kind !== 'furniture' || block.place.page === undefined || block.place.page < firstPage || block.place.page > lastPage) continue;
    const key = `${block.edge}\u0000${block.shape}`;
    const kind = kinds.get(key);
    if (kind) kind.pages.push(block.place.page);
    else kinds.set(key, { block, pages: [block.place.page] });
  }
  return [...kinds.values()].map(({ block, pages: on }) =>
    diagnostic('page-footer-dropped', { text: block.text, edge: block.edge, pages: describePages(on) }, { ...block.place, text: block.text }),
  );
}

/** Text not written left to right on the return's pages: reported whole, never in a cell. */
function asideOnPages(blocks: readonly RawBlock[], pieces: readonly ReturnPiece[]): Diagnostic[] {
  const pages = new Set(returnPages(pieces));
  return blocks.flatMap((block) =>
    block.kind === 'aside' && block.place.page !== undefined && pages.has(block.place.page)
      ? [diagnostic('text-rotated', { text: block.text }, { ...block.place, text: block.text })]
      : [],
  );
}

/** The pages the pieces of a return are on, in order. */
export function returnPages(pieces: readonly ReturnPiece[]): number[] {
  const pages = new Set<number>();
  for (const piece of pieces) for (const row of piece.table.rows) if (row.place.page !== undefined) pages.add(row.place.page);
  return [...pages].sort((a, b) => a - b);
}

function describePages(pages: readonly number[]): string {
  const distinct = [...new Set(pages)].sort((a, b) => a - b);
  if (distinct.length === 1) return `on page ${distinct[0]}`;
  const consecutive = distinct.every((page, index) => index === 0 || page === distinct[index - 1]! + 1);
  return consecutive ? `on pages ${distinct[0]}–${distinct.at(-1)}` : `on pages ${distinct.join(', ')}`;
}

function differentPeriod(first: string | null, next: string | null): boolean {
  return first !== null && next !== null && first.replace(/\s+/g, ' ').toLowerCase() !== next.replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A table after the return that is not taken as the rest of it, yet holds the charter's wording
 * (its columns do not line up, say): its rows and the lines before it are reported, not lost.
 */
function reportLeftOut(table: RawTable, between: readonly { text: string; place: Place }[], diagnostics: Diagnostic[], laidOut: boolean): void {
  if (!table.rows.some((row) => row.cells.some((cell) => cell.trim() !== '' && identifyPoint(cell) !== null))) return;
  for (const line of between) reportBetween(line, diagnostics, laidOut);
  for (const row of table.rows) {
    const text = row.cells
      .map((cell) => joinCellText([cell]))
      .filter((cell) => cell !== '')
      .join(' | ');
    if (text === '') continue;
    diagnostics.push(diagnostic('unassigned-text', { kind: 'after-table', text }, { ...row.place, text }));
  }
}

/**
 * A line between two parts of the table. In a document laid out from positions (a PDF, or text
 * extracted from one) every line inside the table is part of some cell unless it is furniture:
 * one the layout could not place means a cell is probably short of it, so the import fails. In a
 * delimited or markdown table a line outside the table's structure is no cell by its shape; it is
 * kept in a warning.
 */
function reportBetween(line: { text: string; place: Place }, diagnostics: Diagnostic[], laidOut: boolean): void {
  const place = { ...line.place, text: joinCellText([line.text]) };
  if (isPageFurniture(line.text)) diagnostics.push(diagnostic('page-footer-dropped', { text: line.text }, place));
  else if (laidOut) diagnostics.push(diagnostic('text-between-rows', { kind: 'between-rows', text: line.text }, place));
  else diagnostics.push(diagnostic('unassigned-text', { kind: 'between-rows', text: line.text }, place));
}

/** Is the document laid out from the positions of its text, so that its table has no stray lines? */
export function isLaidOut(doc: RawDocument): boolean {
  return doc.format === 'pdf' || doc.format === 'text';
}

function dropRepeatedHeadings(rows: RawRow[], columns: ColumnMap, diagnostics: Diagnostic[]): RawRow[] {
  return rows.filter((row) => {
    if (isEmptyRow(row)) return false;
    const heading = readHeading(row);
    if (heading) {
      diagnostics.push(diagnostic('heading-repeated', { afterPageBreak: false, heading: headingText(row) }, { ...row.place }));
      reportHeadingRemainder(row, heading.columns ?? columns, diagnostics);
      return false;
    }
    if (row.cells.length === 1 && isPageFurniture(row.cells[0]!)) {
      diagnostics.push(diagnostic('page-footer-dropped', { text: row.cells[0]! }, { ...row.place, text: joinCellText([row.cells[0]!]) }));
      return false;
    }
    return true;
  });
}
