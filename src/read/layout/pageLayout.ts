/**
 * One page: where the return's table is (from its heading row, or from the top of the page where
 * the table runs on from the page before), which column each word is in, and the text around it.
 */
import { isPageFurniture } from '../../text/pageFurniture.js';
import { columnsOfLine, columnsOfLines, type Grid } from './assign.js';
import { characterColumns, guessedRunTogether, MAX_PULL, PIECE_GAP, type LineCut, type TableWrap } from './characterColumns.js';
import { columnBounds } from './columns.js';
import { lineText, splitAtEdges, type Line, type PageText, type Word } from './geometry.js';
import { COLUMN_COUNT, findHeading, NUMBER_COLUMN } from './heading.js';
import { HeadingTitles, opensFormBracket } from './titles.js';
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
  /** Lines laid out in characters where two cells run together and nothing says which holds a word. */
  guessedCuts: GuessedCut[];
}

/** A line of a table laid out in characters whose cut between two cells run together is a guess. */
export interface GuessedCut {
  page: number;
  line: number;
  text: string;
  /** The words either side of the cut, and the columns it parts. */
  words: [string, string];
  columns: [number, number];
}

export interface PageLayout {
  page: number;
  before: TextLine[];
  part: TablePart | null;
  after: TextLine[];
  /** The columns to carry to the next page where the table runs to the bottom of this one. */
  openGrid: Grid | null;
}

/** Two lines of a heading row are at most this far apart (in line heights). */
const HEADING_GAP = 0.8;
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
    extents[column] = extent
      ? { top: Math.min(extent.top, word.top), bottom: Math.max(extent.bottom, word.bottom) }
      : { top: word.top, bottom: word.bottom };
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

const ROW_NUMBER = /^\(?\d{1,2}[.):]?$/;

/**
 * A line of text laid out in characters that is a paragraph across the page, not a line of the
 * table: text running over three columns as one piece where the gutters around it do not run
 * through it (its cells would start far from their columns' edges), or starting in the number
 * column with words that are no row number.
 */
function runsAcross(line: Line, cut: LineCut, grid: Grid): boolean {
  if (!spansColumns(line, grid)) return false;
  if (cut.worstPull > MAX_PULL) return true;
  const numberText = line.words.filter((_, index) => cut.columns[index] === NUMBER_COLUMN).map((word) => word.text);
  return numberText.length > 0 && !ROW_NUMBER.test(numberText.join(' '));
}

/**
 * A line of text laid out in characters whose words are a single space apart all along, over
 * three columns or more: a paragraph (its words always come near some column's edge). A table's
 * cells may all touch on a line, but its lines around stand apart; this is for where there are none.
 */
function onePieceAcross(line: Line, cut: LineCut): boolean {
  const onePiece = line.words.every((word, index) => index === 0 || word.x0 - line.words[index - 1]!.x1 < PIECE_GAP);
  return onePiece && new Set(cut.columns.filter((column) => column !== NUMBER_COLUMN)).size >= SPANNED_COLUMNS;
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
 * A page number or footer with nothing but more of the same below it: worded ("Page 3"), set
 * apart from the text above it, or not in line with a column. (A year closing a cell, right under
 * the cell's other lines and at its column's edge, is no page number; "Page 3" there is one,
 * however close under the table the extractor wrote it.)
 */
function isFooterFrom(lines: readonly Line[], index: number, footer: number, grid: Grid, page: PageText): boolean {
  if (index < footer || index >= lines.length) return false;
  const above = lines[index - 1];
  const line = lines[index]!;
  if (/\p{L}/u.test(lineText(line.words))) return true;
  return !(above && line.top - above.bottom < 0.8 * page.lineHeight && startsAtColumnEdge(line, grid, page.edgeTolerance));
}

/**
 * Is everything below the table's last line page numbers, far below it? A number in the number
 * column right under the table may be a row's, so is no footer there (footerStart); set apart
 * by more than a table's gap (a page with a deep bottom margin), it is the page's number, and the
 * table runs on to the next page.
 */
function onlyPageNumbersBelow(lines: readonly Line[], start: number, end: number, lineHeight: number): boolean {
  if (end <= start || end >= lines.length || lines[end]!.top - lines[end - 1]!.bottom <= FAR * lineHeight) return false;
  return lines.slice(end).every((line) => isPageFurniture(lineText(line.words)));
}

/** The words of a line, each with the column it falls in. */
function wordsInColumns(line: Line, grid: Grid): { column: number; text: string }[] {
  const columns = columnsOfLine(line.words, grid);
  return line.words.map((word, index) => ({ column: columns[index]!, text: word.text }));
}

/** Does every word of lines [from, to], read in order, carry on the title of its column? */
function readsAsTitles(lines: readonly Line[], from: number, to: number, grid: Grid): boolean {
  const titles = new HeadingTitles(COLUMN_COUNT);
  for (let index = from; index <= to; index++) {
    if (!wordsInColumns(lines[index]!, grid).every((word) => titles.take(word.column, word.text))) return false;
  }
  return true;
}

/**
 * The first line of the heading row. A title that wraps, centred beside shorter ones, may start
 * above every title found whole ("Where we" over "need to" / "improve"): a line just above the
 * heading is part of it where its words, then the heading's, read as the titles of their columns.
 */
function headingStart(lines: readonly Line[], first: number, last: number, grid: Grid, lineHeight: number): number {
  let start = first;
  while (start > 0 && first - start < MAX_TITLE_LINES) {
    const above = lines[start - 1]!;
    const top = Math.min(...lines.slice(start, last + 1).map((line) => line.top));
    if (top - above.bottom > HEADING_GAP * lineHeight || !/\p{L}/u.test(lineText(above.words))) break;
    if (!readsAsTitles(lines, start - 1, last, grid)) break;
    start--;
  }
  return start;
}

/** Top and bottom of each column's text on a line. */
function columnExtents(line: Line, grid: Grid): Map<number, { top: number; bottom: number }> {
  const extents = new Map<number, { top: number; bottom: number }>();
  columnsOfLine(line.words, grid).forEach((column, index) => {
    const word = line.words[index]!;
    const extent = extents.get(column);
    extents.set(
      column,
      extent ? { top: Math.min(extent.top, word.top), bottom: Math.max(extent.bottom, word.bottom) } : { top: word.top, bottom: word.bottom },
    );
  });
  return extents;
}

/**
 * Does `next` sit under the heading lines [first, end] as a title's own next line would: no
 * further below its column's title than the heading's leading, where a title that wraps shows
 * it? Row 1 sits a cell's padding lower. (Where no title wraps there is nothing to measure by:
 * line spacing differs too much between producers, Word's Calibri at 1.08 being loose.)
 */
function atTitleLeading(lines: readonly Line[], first: number, end: number, next: Line, grid: Grid, lineHeight: number): boolean {
  const last = new Map<number, { top: number; bottom: number }>();
  let leading: number | null = null;
  for (let index = first; index <= end; index++) {
    for (const [column, extent] of columnExtents(lines[index]!, grid)) {
      const above = last.get(column);
      if (above && extent.top >= above.bottom) leading = Math.max(leading ?? -Infinity, extent.top - above.bottom);
      last.set(column, extent);
    }
  }
  if (leading === null) return true;
  const allowed = leading + 0.15 * lineHeight;
  return [...columnExtents(next, grid)].every(([column, extent]) => {
    const above = last.get(column);
    return above !== undefined && extent.top - above.bottom <= allowed;
  });
}

/**
 * The last line of the heading row. The lines that hold its titles are the heading; a line below
 * them is too while some title is unfinished and every word of the line carries one on. A
 * finished title may still take its bracketed part ("(May 2015)") on the line below: where
 * positions are exact, at the title's own leading.
 */
function headingEnd(lines: readonly Line[], first: number, last: number, grid: Grid, page: PageText): number {
  const { lineHeight } = page;
  const titles = new HeadingTitles(COLUMN_COUNT);
  for (let index = first; index <= last; index++) {
    // Two titles that touch on a line ("Where we are now Where we need to") put the second's
    // first words left of its column's edge: a word no title of its column takes goes on the next.
    for (const word of wordsInColumns(lines[index]!, grid)) {
      if (!titles.take(word.column, word.text)) titles.take(word.column + 1, word.text);
    }
  }
  let end = last;
  while (end + 1 < lines.length && end - last < MAX_TITLE_LINES) {
    const next = lines[end + 1]!;
    const bottom = Math.max(...lines.slice(first, end + 1).map((line) => line.bottom));
    // A wrapped title's next line sits one leading down: with CSS's common line-height of 1.5 the
    // gap is half a line exactly, so half a line is no limit.
    if (next.top - bottom > HEADING_GAP * lineHeight) break;
    const words = wordsInColumns(next, grid);
    if (!titles.acceptsAll(words)) break;
    if (!titles.incomplete()) {
      if (!words.some((word) => word.text.startsWith('('))) break;
      // Only a bracket the form's title has: another ("(2015-2018)" under "Where we need to
      // improve") starts a cell, the first line of a row cut off at the page end, right under
      // the heading repeated on the next page.
      if (words.some((word) => word.text.startsWith('(') && !opensFormBracket(word.column, word.text))) break;
      if (page.exactPositions && !atTitleLeading(lines, first, end, next, grid, lineHeight)) break;
    }
    for (const word of words) titles.take(word.column, word.text);
    end++;
  }
  return end;
}

/** The page's lines with words that touch across a column edge cut there (see splitAtEdges). */
function apartAtEdges(lines: readonly Line[], grid: Grid, tolerance: number): Line[] {
  const atEdge = (x: number) => grid.bounds.some((edge, column) => column > 0 && Math.abs(x - (edge + tolerance)) <= tolerance + grid.slack);
  return lines.map((line) => splitAtEdges(line, atEdge));
}

/**
 * Lay out one page. `wrap` is how the table's lines wrap (text laid out in characters only, where
 * the document showed its font): the evidence for where two cells run together on a line part.
 */
export function layoutPage(page: PageText, carried: Grid | null, wrap: TableWrap | null = null): PageLayout {
  const { lineHeight } = page;
  let lines = page.lines;
  const empty: PageLayout = { page: page.page, before: textLines(lines), part: null, after: [], openGrid: null };
  let start: number;
  let grid: Grid;
  let heading: TablePart['heading'] = null;
  let headingFirst = 0;
  const found = findHeading(lines, 4 * lineHeight);
  if (found) {
    const below: Word[] = [];
    for (let i = found.lastLine + 1; i < lines.length && below.length < SAMPLE_WORDS; i++) {
      if (lines[i]!.top - lines[i - 1]!.bottom > FAR * lineHeight) break;
      for (const word of lines[i]!.words) below.push(word);
    }
    grid = { bounds: columnBounds(found.anchors, found.titleEnds, below, page.edgeTolerance), slack: page.columnSlack, titles: found.anchors };
    lines = apartAtEdges(lines, grid, page.edgeTolerance);
    headingFirst = headingStart(lines, found.firstLine, found.lastLine, grid, lineHeight);
    const end = headingEnd(lines, headingFirst, found.lastLine, grid, page);
    heading = { cells: headingCells(lines.slice(headingFirst, end + 1), grid), line: lines[headingFirst]!.number };
    start = end + 1;
  } else if (carried) {
    grid = carried;
    lines = apartAtEdges(lines, grid, page.edgeTolerance);
    // A page number above the table is furniture, but a year or number at a column's edge is the
    // end of a cell carried over from the page before.
    start = lines.findIndex((line) => !isPageFurniture(lineText(line.words)) || startsAtColumnEdge(line, grid, page.edgeTolerance));
    if (start < 0 || (page.exactPositions && spansColumns(lines[start]!, grid)) || crossesGutter(lines[start]!, grid, page)) return empty;
  } else {
    return empty;
  }

  const footer = footerStart(lines, grid);
  let end = start;
  while (end < lines.length) {
    const line = lines[end]!;
    // Text laid out in characters may run two cells together: whether a line crosses the columns
    // is read from its cut, below.
    if (page.exactPositions && spansColumns(line, grid)) break;
    if (crossesGutter(line, grid, page)) break;
    if (end > start && line.top - lines[end - 1]!.bottom > FAR * lineHeight) break;
    if (isFooterFrom(lines, end, footer, grid, page)) break;
    end++;
  }
  let columns: number[][];
  const guessedCuts: GuessedCut[] = [];
  if (page.exactPositions) {
    columns = columnsOfLines(lines.slice(start, end), grid);
  } else {
    const cuts = characterColumns(lines.slice(start, end), grid, page.edgeTolerance, wrap);
    const across = cuts.findIndex((cut, index) => runsAcross(lines[start + index]!, cut, grid));
    if (across === 0 && !found) return empty;
    // A page the table may run on to that opens with a paragraph: no table goes on here.
    if (!found && onePieceAcross(lines[start]!, cuts[0]!)) return empty;
    if (across >= 0) end = start + across;
    columns = cuts.slice(0, end - start).map((cut) => cut.columns);
    cuts.slice(0, end - start).forEach((cut, index) => {
      if (!guessedRunTogether(cut, wrap)) return;
      const line = lines[start + index]!;
      const at = cut.doubt!.word;
      guessedCuts.push({
        page: page.page,
        line: line.number,
        text: lineText(line.words),
        words: [line.words[at - 1]!.text, line.words[at]!.text],
        columns: cut.doubt!.columns,
      });
    });
  }
  const body = lines.slice(start, end);
  const open = end === lines.length || isFooterFrom(lines, end, footer, grid, page) || onlyPageNumbersBelow(lines, start, end, lineHeight);
  return {
    page: page.page,
    before: textLines(lines.slice(0, found ? headingFirst : start)),
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
      guessedCuts,
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
