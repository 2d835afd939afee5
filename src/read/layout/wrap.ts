/**
 * What the way lines wrap says about where cells end, for text whose positions are lost or rough
 * (`pdftotext`, pdf-parse's getText(), `pdftotext -layout`). A word processor or browser fills
 * each line of a cell until the next word does not fit: so a line followed, in the same cell, by a
 * word that would have fitted on it ends a paragraph or the cell, and no line of a cell is wider
 * than its column. The font is found from the charter-point column, whose cells the charter's
 * wording delimits: it is the one of the usual fonts under which those cells wrap as they do.
 */
import { FONTS, type FontMetrics } from '../../text/textWidth.js';

/** Widths within this share of each other cannot be told apart (kerning, rounding). */
export const WIDTH_TOLERANCE = 0.01;

/**
 * The text a line and the start of the next would make on one line: with a space, or without
 * one after a hyphen or dash ending a word (lines break after them).
 */
export function joinedWithNext(line: string, next: string): string {
  const first = next.trimStart().split(/\s+/, 1)[0] ?? '';
  return /[\p{L}\p{N}][-\u2010\u2011\u2013\u2014]$/u.test(line) ? `${line}${first}` : `${line} ${first}`;
}

/** How a column wraps under a font: the widest line seen, and the narrowest wrap (line and next word). */
export interface WrapBounds {
  widest: number;
  narrowestWrap: number;
}

/** The bounds of cells' lines (each cell its lines in order) under a font. */
export function wrapBounds(cells: readonly (readonly string[])[], font: FontMetrics): WrapBounds {
  let widest = 0;
  let narrowestWrap = Infinity;
  for (const lines of cells) {
    lines.forEach((line, index) => {
      widest = Math.max(widest, font.width(line));
      const next = lines[index + 1];
      if (next !== undefined) narrowestWrap = Math.min(narrowestWrap, font.width(joinedWithNext(line, next)));
    });
  }
  return { widest, narrowestWrap };
}

/** The least wraps a column must show before its font is trusted. */
const MIN_WRAPS = 4;

/**
 * The font under which every one of these cells (of one column, each its lines in order) wraps
 * consistently: no line wider than another line and the next word it left out (within half the
 * tolerance: kerning). Null where no font explains them, or they wrap too seldom to tell.
 */
export function fontOfCells(cells: readonly (readonly string[])[]): FontMetrics | null {
  const wraps = cells.reduce((count, lines) => count + Math.max(0, lines.length - 1), 0);
  if (wraps < MIN_WRAPS) return null;
  let best: { font: FontMetrics; margin: number } | null = null;
  for (const font of FONTS) {
    const { widest, narrowestWrap } = wrapBounds(cells, font);
    const margin = (narrowestWrap - widest) / widest;
    if (margin > -WIDTH_TOLERANCE / 2 && (!best || margin > best.margin)) best = { font, margin };
  }
  return best?.font ?? null;
}

/** A column's width under a font, and how many of its lines and wraps that width contradicts. */
export interface ColumnFit {
  width: number;
  errors: number;
}

/**
 * The width of a column that best explains how its lines wrap: lines (each one line of a cell)
 * are no wider than it, and a line and the next word of its cell (`wraps`, joined) wider. Where
 * some lines contradict the rest (a cut in the wrong place) the width that fewest contradict is
 * taken, in the middle of the range that does. Infinity where nothing is known.
 */
export function columnWidth(lines: readonly string[], wraps: readonly string[], font: FontMetrics): ColumnFit {
  const widths = lines.map((line) => font.width(line)).sort((a, b) => a - b);
  const wrapWidths = wraps.map((line) => font.width(line)).sort((a, b) => a - b);
  if (widths.length === 0) return { width: Infinity, errors: 0 };
  let best = { errors: Infinity, low: widths.at(-1)!, high: Infinity };
  const candidates = [...new Set([...widths, ...wrapWidths])].sort((a, b) => a - b);
  let lineIndex = 0;
  let wrapIndex = 0;
  for (const candidate of candidates) {
    // With the column `candidate` wide: lines wider are errors, wraps no wider are errors.
    while (lineIndex < widths.length && widths[lineIndex]! <= candidate) lineIndex++;
    while (wrapIndex < wrapWidths.length && wrapWidths[wrapIndex]! <= candidate) wrapIndex++;
    const errors = widths.length - lineIndex + wrapIndex;
    if (errors < best.errors) best = { errors, low: candidate, high: wrapWidths[wrapIndex] ?? Infinity };
  }
  const width = best.high === Infinity ? best.low * (1 + WIDTH_TOLERANCE) : (best.low + best.high) / 2;
  return { width, errors: best.errors };
}

/** How one column wraps: the font its lines are set in, and its width under that font. */
export interface ColumnWrap {
  font: FontMetrics;
  width: number;
}

/** Share of a column's lines and wraps that may contradict its width before its wrapping is no evidence. */
const MAX_ERRORS = 0.1;

/**
 * The font and width that best explain a column's lines and wraps: the font under which fewest
 * contradict a width (the table's `preferred` font where it does as well), or null where even the
 * best leaves too many contradictions (the column is set in a font not known here).
 */
export function fitColumn(lines: readonly string[], wraps: readonly string[], preferred: FontMetrics): ColumnWrap | null {
  let best: { font: FontMetrics; fit: ColumnFit } | null = null;
  for (const font of [preferred, ...FONTS.filter((font) => font !== preferred)]) {
    const fit = columnWidth(lines, wraps, font);
    if (!best || fit.errors < best.fit.errors) best = { font, fit };
  }
  if (!best || best.fit.width === Infinity || best.fit.errors > MAX_ERRORS * (lines.length + wraps.length)) return null;
  return { font: best.font, width: best.fit.width };
}
