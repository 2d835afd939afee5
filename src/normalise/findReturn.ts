/**
 * Finding the return among a document's tables: by its headings, or, for a table that lost its
 * heading, by rows in the charter's wording. The pieces a page break cut it into are stitched back
 * together; the lines between them (page numbers, footers) are dropped and reported.
 */
import { identifyPoint } from '../charter/wording.js';
import type { Diagnostic, Place, RawBlock, RawDocument, RawRow, RawTable } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { joinCellText } from '../text/cellText.js';
import { defaultColumns, mappedIndexes, readHeading, type ColumnMap } from './columns.js';
import { isPageFurniture } from '../text/pageFurniture.js';
import { largest } from '../text/extremes.js';

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
      return { blockIndex, headingRow: r, columns: heading.columns, period: heading.period, charterRows: charterRowCount(rest, heading.columns), headed: true };
    }
  }
  const width = largest(table.rows.map((row) => row.cells.length), 0);
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

export function findReturn(doc: RawDocument): FoundReturn | NotFound {
  const starts: Start[] = [];
  let tablesSeen = 0;
  doc.blocks.forEach((block, index) => {
    if (block.kind !== 'table') return;
    tablesSeen++;
    const start = startIn(block.table, index);
    if (start) starts.push(start);
  });
  const best = starts
    .filter((start) => start.headed || start.charterRows >= 3)
    .sort((a, b) => Number(b.headed) * 100 + b.charterRows - (Number(a.headed) * 100 + a.charterRows) || a.blockIndex - b.blockIndex)[0];
  if (!best) {
    const reason =
      tablesSeen === 0
        ? 'the input holds no table'
        : `looked at ${tablesSeen} table${tablesSeen === 1 ? '' : 's'}: none has the return's headings (Charter point, Where we are now, Where we need to improve, Next steps) or rows in the charter's wording`;
    return { tablesSeen, reason };
  }
  return stitch(doc.blocks, firstPieceOf(doc.blocks, starts, best));
}

/**
 * A table broken over pages with its heading repeated on every page gives a start on each page;
 * the return begins at the first of them that the stitching carries on to the best one.
 */
function firstPieceOf(blocks: readonly RawBlock[], starts: readonly Start[], best: Start): Start {
  const bestTable = (blocks[best.blockIndex] as { kind: 'table'; table: RawTable }).table;
  for (const start of starts) {
    if (start.blockIndex >= best.blockIndex) break;
    if (!start.headed) continue;
    if (stitch(blocks, start).pieces.some((piece) => piece.table === bestTable)) return start;
  }
  return best;
}

function stitch(blocks: readonly RawBlock[], start: Start): FoundReturn {
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
  const pieces: ReturnPiece[] = [{ table: first, columns: start.columns, rows: dropRepeatedHeadings(first.rows.slice(start.headingRow + 1), diagnostics) }];
  let columns = start.columns;
  let between: { text: string; place: Place }[] = [];
  for (const block of blocks.slice(start.blockIndex + 1)) {
    if (block.kind === 'text') {
      between.push({ text: block.text, place: block.place });
      continue;
    }
    const heading = block.table.rows.map((row, index) => ({ index, heading: readHeading(row) })).find((entry) => entry.heading);
    const firstFilled = block.table.rows.findIndex((row) => !isEmptyRow(row));
    let rows: RawRow[];
    if (heading && heading.index === firstFilled && differentPeriod(start.period, heading.heading!.period)) {
      // Another return (another year's) follows this one.
      break;
    } else if (heading && heading.index === firstFilled) {
      // The heading row repeated at the top of the next page.
      columns = heading.heading!.columns;
      diagnostics.push(diagnostic('heading-repeated', { afterPageBreak: true }, { ...block.table.rows[heading.index]!.place }));
      rows = block.table.rows.slice(heading.index + 1);
    } else if (heading) {
      break;
    } else {
      const width = largest(block.table.rows.map((row) => row.cells.length), 0);
      const inherited = width > largest(mappedIndexes(columns)) ? columns : defaultColumns(width);
      if (!continues(block.table, inherited)) {
        reportLeftOut(block.table, between, diagnostics);
        break;
      }
      // Prose between the return and a table without the charter's wording (an action plan in the
      // next appendix) means that table is not the rest of the return.
      if (charterRowCount(block.table.rows, inherited) === 0 && between.some((line) => !isPageFurniture(line.text))) {
        reportLeftOut(block.table, between, diagnostics);
        break;
      }
      columns = inherited;
      rows = block.table.rows;
    }
    for (const line of between) reportBetween(line, diagnostics);
    between = [];
    pieces.push({ table: block.table, columns, rows: dropRepeatedHeadings(rows, diagnostics) });
  }
  return { pieces, period: start.period, before, diagnostics };
}

function differentPeriod(first: string | null, next: string | null): boolean {
  return first !== null && next !== null && first.replace(/\s+/g, ' ').toLowerCase() !== next.replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A table after the return that is not taken as the rest of it, yet holds the charter's wording
 * (its columns do not line up, say): its rows and the lines before it are reported, not lost.
 */
function reportLeftOut(table: RawTable, between: readonly { text: string; place: Place }[], diagnostics: Diagnostic[]): void {
  if (!table.rows.some((row) => row.cells.some((cell) => cell.trim() !== '' && identifyPoint(cell) !== null))) return;
  for (const line of between) reportBetween(line, diagnostics);
  for (const row of table.rows) {
    const text = row.cells.map((cell) => joinCellText([cell])).filter((cell) => cell !== '').join(' | ');
    if (text === '') continue;
    diagnostics.push(diagnostic('unassigned-text', { kind: 'after-table', text }, { ...row.place, text }));
  }
}

function reportBetween(line: { text: string; place: Place }, diagnostics: Diagnostic[]): void {
  if (isPageFurniture(line.text)) {
    diagnostics.push(diagnostic('page-footer-dropped', { text: line.text }, { ...line.place }));
  } else {
    diagnostics.push(diagnostic('unassigned-text', { kind: 'between-rows', text: line.text }, { ...line.place, text: joinCellText([line.text]) }));
  }
}

function dropRepeatedHeadings(rows: RawRow[], diagnostics: Diagnostic[]): RawRow[] {
  return rows.filter((row) => {
    if (isEmptyRow(row)) return false;
    if (readHeading(row)) {
      diagnostics.push(diagnostic('heading-repeated', { afterPageBreak: false }, { ...row.place }));
      return false;
    }
    if (row.cells.length === 1 && isPageFurniture(row.cells[0]!)) {
      diagnostics.push(diagnostic('page-footer-dropped', { text: row.cells[0]! }, { ...row.place }));
      return false;
    }
    return true;
  });
}
