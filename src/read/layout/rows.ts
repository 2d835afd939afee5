/**
 * Cutting the lines of a table into rows. Every text in the number column marks a row; between two
 * marks exactly one cut is made, where the lines look most like a row boundary:
 * - a gap across the whole table wider than the gap between the lines of a cell (cell padding,
 *   borders);
 * - few columns whose text runs on across the cut (the lines of a cell follow each other closely);
 * - the cells below starting together on the cut's line (cells are aligned to the top).
 * Lines above the first mark on a page continue the row of the page before, if a row boundary
 * shows above that mark; where numbers are centred in their rows, the first row is the one centred
 * on its number.
 */
import { NUMBER_COLUMN } from './heading.js';

export interface BodyLine {
  top: number;
  bottom: number;
  /** Text of the line in each column ('' where the column is empty on this line). */
  cells: string[];
  /** Top and bottom of the line's text in each column (null where empty): fonts differ by column. */
  extents: ({ top: number; bottom: number } | null)[];
}

/** A row: lines [start, end), and whether a number marks it (or it continues the row before). */
export interface Band {
  start: number;
  end: number;
  numbered: boolean;
}

export type Alignment = 'top' | 'middle';

/** Lines a row can carry over to the top of the next page, at most (a page's worth). */
const MAX_CARRIED_LINES = 400;

interface Metrics {
  lineHeight: number;
  inCellGap: number;
  /** Bottom of the lowest line above each line: the gap above line j is lines[j].top - this. */
  bottomAbove: number[];
  /** For each column, the indexes of the lines holding text in it. */
  filled: number[][];
}

function isNumberOnly(line: BodyLine): boolean {
  return line.cells.every((cell, column) => (column === NUMBER_COLUMN) === (cell !== ''));
}

/**
 * The room between two lines of one column. A line holding only a row number and sitting in that
 * room takes none of it: in `pdftotext -layout` text a number centred beside its row gets a line
 * of its own, between two lines of the same cells.
 */
function cellGap(lines: readonly BodyLine[], column: number, above: number, below: number): number {
  const top = lines[above]!.extents[column]?.bottom ?? lines[above]!.bottom;
  const bottom = lines[below]!.extents[column]?.top ?? lines[below]!.top;
  let gap = bottom - top;
  for (let i = above + 1; i < below; i++) {
    const line = lines[i]!;
    if (isNumberOnly(line) && line.top >= top - 1e-6 && line.bottom <= bottom + 1e-6) gap -= line.bottom - line.top;
  }
  return gap;
}

function measure(lines: readonly BodyLine[], lineHeight: number): Metrics {
  const columns = lines[0]?.cells.length ?? 0;
  const filled: number[][] = Array.from({ length: columns }, () => []);
  lines.forEach((line, index) => line.cells.forEach((cell, column) => cell !== '' && filled[column]!.push(index)));
  const gaps: number[] = [];
  filled.forEach((indexes, column) => {
    if (column === NUMBER_COLUMN) return;
    for (let i = 1; i < indexes.length; i++) gaps.push(cellGap(lines, column, indexes[i - 1]!, indexes[i]!));
  });
  const bottomAbove: number[] = [];
  let lowest = -Infinity;
  for (const line of lines) {
    bottomAbove.push(lowest);
    lowest = Math.max(lowest, line.bottom);
  }
  // Gaps inside cells are the small common ones; the gaps between rows (often most of them where
  // cells hold one line) are larger, so a low quantile is taken rather than the median.
  const usable = gaps.filter((gap) => gap > -0.5 * lineHeight).sort((a, b) => a - b);
  const inCellGap = Math.max(0, usable[Math.floor(usable.length / 5)] ?? 0);
  return { lineHeight, inCellGap, bottomAbove, filled };
}

export function markersOf(lines: readonly BodyLine[]): number[] {
  const markers: number[] = [];
  lines.forEach((line, index) => line.cells[NUMBER_COLUMN] !== '' && markers.push(index));
  return markers;
}

/** Where `at` would go in `indexes` (sorted): the index of the first entry at or after it. */
function insertionPoint(indexes: readonly number[], at: number): number {
  let lo = 0;
  let hi = indexes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (indexes[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The line in `indexes` (sorted) just before / at or after `at`. */
function previousIn(indexes: readonly number[], at: number): number | undefined {
  const point = insertionPoint(indexes, at);
  return point > 0 ? indexes[point - 1] : undefined;
}

function nextIn(indexes: readonly number[], at: number): number | undefined {
  return indexes[insertionPoint(indexes, at)];
}

/** How much a cut just above line `at` looks like a row boundary; `mark` is the next row's mark. */
function boundaryScore(lines: readonly BodyLine[], metrics: Metrics, at: number, mark: number): number {
  const line = lines[at]!;
  const slack = 0.3 * metrics.lineHeight;
  const gap = line.top - metrics.bottomAbove[at]!;
  const excess = Math.max(0, gap - metrics.inCellGap) / metrics.lineHeight;
  let runsOn = 0;
  let lateStarts = 0;
  metrics.filled.forEach((indexes, column) => {
    if (column === NUMBER_COLUMN) return;
    const before = previousIn(indexes, at);
    const after = nextIn(indexes, at);
    if (before !== undefined && after !== undefined && cellGap(lines, column, before, after) - metrics.inCellGap <= slack) runsOn++;
    if (after !== undefined && after <= Math.max(mark, at) && lines[after]!.top > line.top + slack) lateStarts++;
  });
  return 4 * excess - runsOn - lateStarts;
}

/** One cut between each two marks: the index of the first line of the lower row. */
export function interiorCuts(lines: readonly BodyLine[], lineHeight: number): number[] {
  const metrics = measure(lines, lineHeight);
  const markers = markersOf(lines);
  const cuts: number[] = [];
  for (let m = 1; m < markers.length; m++) {
    const above = markers[m - 1]!;
    const mark = markers[m]!;
    let best = mark;
    let bestScore = -Infinity;
    for (let at = above + 1; at <= mark; at++) {
      const score = boundaryScore(lines, metrics, at, mark);
      if (score >= bestScore) {
        best = at;
        bestScore = score;
      }
    }
    cuts.push(best);
  }
  return cuts;
}

function textExtent(lines: readonly BodyLine[], start: number, end: number): { top: number; bottom: number } | null {
  let top = Infinity;
  let bottom = -Infinity;
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (line.cells.every((cell, column) => column === NUMBER_COLUMN || cell === '')) continue;
    top = Math.min(top, line.top);
    bottom = Math.max(bottom, line.bottom);
  }
  return top === Infinity ? null : { top, bottom };
}

/**
 * How far each row's number sits from the top and from the middle of its row, for the rows whose
 * both ends are known: those between two cuts, and the first row under the heading where the table
 * starts (nothing can run on into it from a page before).
 */
export function alignmentErrors(lines: readonly BodyLine[], cuts: readonly number[], startsTable: boolean): { top: number; middle: number } {
  const markers = markersOf(lines);
  let top = 0;
  let middle = 0;
  for (let m = startsTable ? 0 : 1; m < markers.length - 1 || (m === 0 && markers.length === 1); m++) {
    const extent = m === 0 ? textExtent(lines, 0, cuts[0] ?? lines.length) : textExtent(lines, cuts[m - 1]!, cuts[m]!);
    if (!extent) continue;
    const mark = lines[markers[m]!]!;
    top += Math.abs(mark.top - extent.top);
    middle += Math.abs((mark.top + mark.bottom) / 2 - (extent.top + extent.bottom) / 2);
  }
  return { top, middle };
}

/**
 * Where the first numbered row on the page starts; lines above it continue the page before. Each
 * possible start is weighed by how much it looks like a row boundary, and by how well the row's
 * number then sits at its top (or its middle).
 */
export function firstCut(lines: readonly BodyLine[], lineHeight: number, cuts: readonly number[], alignment: Alignment): number {
  const markers = markersOf(lines);
  const mark = markers[0];
  if (mark === undefined) return lines.length;
  const markLine = lines[mark]!;
  const metrics = measure(lines, lineHeight);
  const end = cuts[0] ?? lines.length;
  const centre = (markLine.top + markLine.bottom) / 2;
  // The text of lines at..end, grown upwards one line at a time.
  let extent = textExtent(lines, mark, end);
  let best = 0;
  let bestScore = -Infinity;
  const lowest = Math.max(1, mark - MAX_CARRIED_LINES);
  for (let at = mark; at >= 0; at--) {
    if (at < mark) {
      const grown = textExtent(lines, at, at + 1);
      if (grown) extent = extent ? { top: Math.min(extent.top, grown.top), bottom: Math.max(extent.bottom, grown.bottom) } : grown;
    }
    if (at > 0 && at < lowest) continue;
    let offAnchor: number;
    if (alignment === 'top') {
      offAnchor = Math.max(0, markLine.top - lines[at]!.top - 0.3 * lineHeight) / lineHeight;
    } else {
      offAnchor = extent ? Math.abs((extent.top + extent.bottom) / 2 - centre) / lineHeight : 0;
    }
    const score = (at === 0 ? 0 : boundaryScore(lines, metrics, at, mark)) - offAnchor;
    if (score >= bestScore) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

export function bandsOf(lines: readonly BodyLine[], first: number, cuts: readonly number[]): Band[] {
  const bands: Band[] = [];
  if (first > 0) bands.push({ start: 0, end: Math.min(first, lines.length), numbered: false });
  if (markersOf(lines).length === 0) return bands;
  const starts = [first, ...cuts];
  starts.forEach((start, index) => bands.push({ start, end: starts[index + 1] ?? lines.length, numbered: true }));
  return bands;
}
