/**
 * Text the page's producer cut off. A browser printing a table wider than its box hides the
 * overflow: the glyphs past the box's edge are not in the PDF at all, and a word stops short
 * ("improvement tea" for "improvement team"). The only trace is a word that runs across the edge
 * of a clipping rectangle; a table line holding one is not whole, whatever its cells say.
 */
import type { ClipBox, PageText } from './geometry.js';
import { lineText } from './geometry.js';

/** A word must run this far (in points) past a clip's edge to be cut by it, not merely touch it. */
const CROSSING = 0.5;

export interface ClippedText {
  page: number;
  line: number;
  /** The line's text, as far as the PDF holds it. */
  text: string;
  /** Where the clip's edge runs across the page. */
  edge: number;
}

/** The table lines (by number) of a page that have a word cut by a clip's left or right edge. */
export function clippedLines(page: PageText, tableLines: ReadonlySet<number>, clips: readonly ClipBox[]): ClippedText[] {
  const found: ClippedText[] = [];
  if (clips.length === 0) return found;
  for (const line of page.lines) {
    if (!tableLines.has(line.number)) continue;
    const middle = (line.top + line.bottom) / 2;
    let edge: number | null = null;
    for (const clip of clips) {
      if (middle < clip.y0 || middle > clip.y1) continue;
      for (const word of line.words) {
        if (word.x0 < clip.x1 - CROSSING && word.x1 > clip.x1 + CROSSING) edge = clip.x1;
        else if (word.x0 < clip.x0 - CROSSING && word.x1 > clip.x0 + CROSSING) edge = clip.x0;
        if (edge !== null) break;
      }
      if (edge !== null) break;
    }
    if (edge !== null) found.push({ page: page.page, line: line.number, text: lineText(line.words), edge });
  }
  return found;
}
