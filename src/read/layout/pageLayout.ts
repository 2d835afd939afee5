/**
 * One page: where the return's table is (from its heading row, or from the top of the page where
 * the table runs on from the page before), which column each word is in, and the text around it.
 */
import { isPageFurniture } from '../../text/pageFurniture.js';
import { columnsOfLine, columnsOfLines, type Grid } from './assign.js';
import { columnBounds } from './columns.js';
import { lineText, type Line, type PageText, type Word } from './geometry.js';
import { COLUMN_COUNT, findHeading, NUMBER_COLUMN } from './heading.js';
import { HeadingTitles } from './titles.js';
import type { BodyLine } from './rows.js';

export type { Grid } from './assign.js';

export interface TextLine {
  text: string;
  /** Line number reported in diagnostics. */
  line: number;
}

export interface TablePart {
  page: number;
  heading: { cells: string[]; line: number } | null;
  lines: BodyLine[];
  lineNumbers: number[];
  lineHeight: number;
  grid: Grid;
  /** The column of each word of each body line (for drawing how the page was read). */
  wordColumns: number[][];
  /** The page's line numbers of the heading row's lines. */
  headingLines: number[];
  /** Where the table's text starts and ends across the page. */
  left: number;
  right: number;
}

export interface PageLayout {
  page: number;
  before: TextLine[];
  part: TablePart | null;
  after: TextLine[];
  /** The columns to carry to the next page where the table runs to the bottom of this one. */
  openGrid: Grid | null;
}

/** Lines further below the table than this many line heights are not part of it. */
const FAR = 2.5;
/** A title wraps over a few lines at most. */
const MAX_TITLE_LINES = 4;
/** Enough text under the heading to find the column edges in. */
const SAMPLE_WORDS = 4000;
/** A piece of text spanning this many columns is a paragraph across the page, not a cell. */
const SPANNED_COLUMNS = 3;

function textLines(lines: readonly Line[]): TextLine[] {
  return lines.map((line) => ({ text: lineText(line.words), line: line.number }));
}

/** The text of a line in each column (see assign.ts for which word goes where). */
function cellsOf(words: readonly Word[], grid: Grid, columns = columnsOfLine(words, grid)): string[] {
  const cells: string[][] = Array.from({ length: COLUMN_COUNT }, () => []);
  words.forEach((word, index) => cells[columns[index]!]!.push(word.text));
  return cells.map((cell) => cell.join(' '));
}

function bodyLine(line: Line, grid: Grid, columns: number[]): BodyLine {
  const extents: BodyLine['extents'] = Array.from({ length: COLUMN_COUNT }, () => null);
  line.words.forEach((word, index) => {
    const column = columns[index]!;
    const extent = extents[column];
    extents[column] = extent ? { top: Math.min(extent.top, word.top), bottom: Math.max(extent.bottom, word.bottom) } : { top: word.top, bottom: word.bottom };
  });
  return { top: line.top, bottom: line.bottom, cells: cellsOf(line.words, grid, columns), extents };
}

function spansColumns(line: Line, grid: Grid): boolean {
  const columns = columnsOfLine(line.words, grid);
  let spanned = new Set<number>();
  return line.words.some((word, index) => {
    if (word.startsPiece) spanned = new Set();
    spanned.add(columns[index]!);
    return spanned.size >= SPANNED_COLUMNS;
  });
}

/**
 * Where positions are exact (a PDF, not text laid out in characters), a cell's text never runs
 * over the next column's edge: a piece of text that does is a paragraph across the page.
 */
function crossesGutter(line: Line, grid: Grid, page: PageText): boolean {
  if (!page.exactPositions) return false;
  const slack = page.lineHeight;
  let start = 0;
  for (let index = 1; index <= line.words.length; index++) {
    if (index < line.words.length && !line.words[index]!.startsPiece) continue;
    const x0 = line.words[start]!.x0;
    const x1 = line.words[index - 1]!.x1;
    const piece = line.words.slice(start + 1, index);
    // In a table without cell margins two cells' text touches, one word ending where the next
    // column's first word starts at its edge: that piece is two cells, not a line across them.
    const splitAt = (edge: number) => piece.some((word) => Math.abs(word.x0 - (edge + page.edgeTolerance)) <= page.edgeTolerance);
    if (grid.bounds.some((edge, column) => column > 0 && x0 < edge - slack && x1 > edge + slack && !splitAt(edge))) return true;
    start = index;
  }
  return false;
}

function onlyInNumberColumn(line: Line, grid: Grid): boolean {
  return columnsOfLine(line.words, grid).every((column) => column === NUMBER_COLUMN);
}

/** Does the line start where a column's cells start (a cell's text), rather than centred or aside? */
function startsAtColumnEdge(line: Line, grid: Grid, tolerance: number): boolean {
  const x = line.words[0]!.x0;
  return grid.bounds.some((edge) => Math.abs(x - (edge + tolerance)) <= tolerance + 1e-6);
}

/** Where the page's closing run of page numbers and footers starts (lines.length if none). */
function footerStart(lines: readonly Line[], grid: Grid): number {
  let start = lines.length;
  while (start > 0 && isPageFurniture(lineText(lines[start - 1]!.words)) && !onlyInNumberColumn(lines[start - 1]!, grid)) start--;
  return start;
}

/**
 * A page number or footer with nothing but more of the same below it: set apart from the text
 * above it, or not in line with a column. (A year closing a cell, right under the cell's other
 * lines and at its column's edge, is no page number.)
 */
function isFooterFrom(lines: readonly Line[], index: number, footer: number, grid: Grid, page: PageText): boolean {
  if (index < footer || index >= lines.length) return false;
  const above = lines[index - 1];
  const line = lines[index]!;
  return !(above && line.top - above.bottom < 0.8 * page.lineHeight && startsAtColumnEdge(line, grid, page.edgeTolerance));
}

/** The words of a line, each with the column it falls in. */
function wordsInColumns(line: Line, grid: Grid): { column: number; text: string }[] {
  const columns = columnsOfLine(line.words, grid);
  return line.words.map((word, index) => ({ column: columns[index]!, text: word.text }));
}

/**
 * The last line of the heading row. The lines that hold its titles are the heading; a line below
 * them is too while some title is unfinished and every word of the line carries one on.
 */
function headingEnd(lines: readonly Line[], first: number, last: number, grid: Grid, lineHeight: number): number {
  const titles = new HeadingTitles(COLUMN_COUNT);
  for (let index = first; index <= last; index++) {
    for (const word of wordsInColumns(lines[index]!, grid)) titles.take(word.column, word.text);
  }
  let end = last;
  while (end + 1 < lines.length && end - last < MAX_TITLE_LINES) {
    const next = lines[end + 1]!;
    const bottom = Math.max(...lines.slice(first, end + 1).map((line) => line.bottom));
    if (next.top - bottom > 0.5 * lineHeight) break;
    const words = wordsInColumns(next, grid);
    // A finished title may still take its bracketed part ("(May 2015)") on the line below.
    if (!titles.acceptsAll(words) || !(titles.incomplete() || words.some((word) => word.text.startsWith('(')))) break;
    for (const word of words) titles.take(word.column, word.text);
    end++;
  }
  return end;
}

export function layoutPage(page: PageText, carried: Grid | null): PageLayout {
  const { lines, lineHeight } = page;
  const empty: PageLayout = { page: page.page, before: textLines(lines), part: null, after: [], openGrid: null };
  let start: number;
  let grid: Grid;
  let heading: TablePart['heading'] = null;
  const found = findHeading(lines, 4 * lineHeight);
  if (found) {
    const below: Word[] = [];
    for (let i = found.lastLine + 1; i < lines.length && below.length < SAMPLE_WORDS; i++) {
      if (lines[i]!.top - lines[i - 1]!.bottom > FAR * lineHeight) break;
      for (const word of lines[i]!.words) below.push(word);
    }
    grid = { bounds: columnBounds(found.anchors, found.titleEnds, below, page.edgeTolerance), slack: page.columnSlack };
    const end = headingEnd(lines, found.firstLine, found.lastLine, grid, lineHeight);
    heading = { cells: headingCells(lines.slice(found.firstLine, end + 1), grid), line: lines[found.firstLine]!.number };
    start = end + 1;
  } else if (carried) {
    grid = carried;
    // A page number above the table is furniture, but a year or number at a column's edge is the
    // end of a cell carried over from the page before.
    start = lines.findIndex((line) => !isPageFurniture(lineText(line.words)) || startsAtColumnEdge(line, grid, page.edgeTolerance));
    if (start < 0 || spansColumns(lines[start]!, grid) || crossesGutter(lines[start]!, grid, page)) return empty;
  } else {
    return empty;
  }

  const footer = footerStart(lines, grid);
  let end = start;
  while (end < lines.length) {
    const line = lines[end]!;
    if (spansColumns(line, grid) || crossesGutter(line, grid, page)) break;
    if (end > start && line.top - lines[end - 1]!.bottom > FAR * lineHeight) break;
    if (isFooterFrom(lines, end, footer, grid, page)) break;
    end++;
  }
  const body = lines.slice(start, end);
  const columns = columnsOfLines(body, grid);
  const open = end === lines.length || isFooterFrom(lines, end, footer, grid, page);
  return {
    page: page.page,
    before: textLines(lines.slice(0, found ? found.firstLine : start)),
    part: {
      page: page.page,
      heading,
      lines: body.map((line, index) => bodyLine(line, grid, columns[index]!)),
      lineNumbers: body.map((line) => line.number),
      lineHeight,
      grid,
      wordColumns: columns,
      headingLines: found ? lines.slice(found.firstLine, start).map((line) => line.number) : [],
      ...horizontalExtent(body),
    },
    after: textLines(lines.slice(end)),
    openGrid: open ? grid : null,
  };
}

function horizontalExtent(lines: readonly Line[]): { left: number; right: number } {
  let left = Infinity;
  let right = -Infinity;
  for (const line of lines) {
    left = Math.min(left, line.words[0]!.x0);
    right = Math.max(right, line.words[line.words.length - 1]!.x1);
  }
  return { left, right };
}

function headingCells(lines: readonly Line[], grid: Grid): string[] {
  const cells: string[][] = Array.from({ length: COLUMN_COUNT }, () => []);
  for (const line of lines) {
    cellsOf(line.words, grid).forEach((cell, column) => cell !== '' && cells[column]!.push(cell));
  }
  return cells.map((cell) => cell.join(' '));
}
