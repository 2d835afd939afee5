/**
 * The ruling lines that cross a table: a table drawn with borders has a rule between every two
 * rows, drawn as one stroke or as a border per cell; the pieces are joined before they are measured.
 */
import type { HorizontalRule } from './geometry.js';

/** Two pieces of a rule this close (in points, or characters) are one rule. */
const JOIN = 3;
/** A rule crossing at least this share of the table is a row boundary. */
const ACROSS = 0.5;

/** The heights of the rules crossing the table from `left` to `right`, sorted. */
export function rulesAcross(rules: readonly HorizontalRule[], left: number, right: number): number[] {
  const width = right - left;
  if (!(width > 0)) return [];
  const sorted = [...rules].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const heights: number[] = [];
  let i = 0;
  while (i < sorted.length) {
    // The pieces at one height, joined where they touch; the longest run counts.
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]!.y - sorted[i]!.y <= 1) j++;
    const pieces = sorted.slice(i, j + 1).sort((a, b) => a.x0 - b.x0);
    let start = pieces[0]!.x0;
    let end = pieces[0]!.x1;
    let longest = 0;
    for (const piece of pieces.slice(1)) {
      if (piece.x0 <= end + JOIN) end = Math.max(end, piece.x1);
      else {
        longest = Math.max(longest, Math.min(end, right) - Math.max(start, left));
        start = piece.x0;
        end = piece.x1;
      }
    }
    longest = Math.max(longest, Math.min(end, right) - Math.max(start, left));
    if (longest >= ACROSS * width) heights.push((sorted[i]!.y + sorted[j]!.y) / 2);
    i = j + 1;
  }
  return heights;
}
