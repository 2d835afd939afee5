/**
 * Column bounds from the heading's title positions and the text below them. A title may be
 * centred over its column, so the left edge of a column is taken where its body text starts:
 * the place between two titles that no word straddles and where most lines begin.
 */
import type { Word } from './geometry.js';
import { COLUMN_COUNT } from './heading.js';

/** Left edge of each column; column 0 starts at minus infinity. */
export type ColumnBounds = number[];

/**
 * @param anchors x where each title starts (null: unknown, the number column without a title).
 * @param titleEnds x where each title's text ends on its line.
 * @param tolerance how far apart two x positions may be and still count as the same edge.
 */
export function columnBounds(
  anchors: readonly (number | null)[],
  titleEnds: readonly (number | null)[],
  body: readonly Word[],
  tolerance: number,
): ColumnBounds {
  const bounds: number[] = [-Infinity];
  for (let column = 1; column < COLUMN_COUNT; column++) {
    const hi = anchors[column]!;
    // A column's edge lies right of the title of the column before it.
    const titleEnd = titleEnds[column - 1] ?? anchors[column - 1];
    const lo = titleEnd ?? (column === 1 ? leftmostNumber(body, hi) : bounds[column - 1]!);
    bounds.push(leftEdge(Math.max(lo, bounds[column - 1]!), hi, body, tolerance));
  }
  return bounds;
}

const ROW_NUMBER = /^\d{1,3}[.):]?$/;

/** Without a title over the number column, its left edge is where the row numbers start. */
function leftmostNumber(body: readonly Word[], charterX: number): number {
  let left = Infinity;
  for (const word of body) if (word.startsPiece && word.x0 < charterX && ROW_NUMBER.test(word.text)) left = Math.min(left, word.x0);
  return left === Infinity ? -Infinity : left;
}

/**
 * The edge is where many pieces of text start and few words straddle. Text laid out in characters
 * is not exact: a cell's text may run up to the next column's text with a single space, so a few
 * straddling words are allowed where many lines start.
 */
function leftEdge(lo: number, hi: number, body: readonly Word[], tolerance: number): number {
  // A cell's text starts a piece of text (after a gap wider than a space): only those count.
  const candidates = new Set<number>([hi]);
  for (const word of body) {
    if (word.startsPiece && word.x0 > lo + tolerance && word.x0 < hi) candidates.add(word.x0);
  }
  let best = hi;
  let bestScore = -Infinity;
  for (const x of [...candidates].sort((a, b) => a - b)) {
    const edge = x - tolerance;
    let crossings = 0;
    let starts = 0;
    for (const word of body) {
      if (word.x0 < edge && word.x1 > edge + tolerance) crossings++;
      if (word.startsPiece && Math.abs(word.x0 - x) <= tolerance) starts++;
    }
    // The title's own start counts for it, so that with few rows below the title wins a tie.
    const score = starts - 2 * crossings + (x === hi ? 0.5 : 0);
    if (score >= bestScore) {
      best = x;
      bestScore = score;
    }
  }
  return best - tolerance;
}

export function columnOf(x: number, bounds: ColumnBounds): number {
  let column = 0;
  for (let k = 1; k < bounds.length; k++) if (x >= bounds[k]!) column = k;
  return column;
}
