/**
 * Page furniture found the way a reader finds it: the lines at the very top and bottom of a page
 * that are no part of its content. A line is furniture when it sits at a page edge, set apart
 * from the content by more than a line's gap, and either repeats on other pages at about the same
 * place (a running header, "Page 3 of 9", a browser's date and title line, with its numbers
 * varying) or is a page number, a URL or a browser's print stamp on its own. Decided for the
 * whole document at once, before any table is looked for, so that furniture never becomes a row.
 */
import { lineText, type Line, type PageText } from './geometry.js';

export type FurnitureEdge = 'header' | 'footer';

export interface FurnitureMark {
  edge: FurnitureEdge;
  /** The line's text with its numbers replaced, the same for every page it repeats on. */
  shape: string;
}

/** The share of the page height at the top and at the bottom where furniture may sit. */
const EDGE_ZONE = 0.2;
/** Furniture takes a few lines at each edge at most. */
const MAX_EDGE_LINES = 3;
/** How far apart (in line heights) a repeated line may sit on two pages and still be the same. */
const SAME_PLACE = 0.8;
/** How much wider than a normal line gap the gap between furniture and content is, at least. */
const SET_APART = 0.6;

const PAGE_NUMBER = [/^(?:-\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*-)?$/i, /^page\s+[ivxlc]+$/i, /^\d{1,4}\s*\|\s*p\s*a\s*g\s*e$/i];
const URL = /^(?:file|https?):\/\/\S+|^www\.\S+\.\S+/i;
/** A browser's print stamp: "12/1/26, 9:32 PM", "01/12/2026 21:32". */
const PRINT_STAMP = /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?\b/i;
/** Words of the form's own heading: a heading row repeated on every page is no furniture. */
const HEADING_TITLES = /\bcharter\s+points?\b|\bwhere\s+we\s+(?:are|need)\b|\bnext\s+steps?\b/gi;

function shapeOf(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.some((pattern) => pattern.test(text.trim()));
}

/**
 * Is the text of a piece of a line furniture on its own? A URL or a print stamp is; a page number
 * only beside one of those or alone on a one-page document: elsewhere a lone number ("15/16",
 * "2016") may end a cell carried over from the page before, and is furniture only if it repeats.
 */
function isFurnitureText(text: string, alone: boolean): boolean {
  const flat = text.trim();
  return URL.test(flat) || PRINT_STAMP.test(flat) || (alone && isPageNumber(flat));
}

/** The pieces of a line (words a space apart), as texts. */
function piecesOf(line: Line): string[] {
  const pieces: string[][] = [];
  line.words.forEach((word, index) => {
    if (index === 0 || word.startsPiece) pieces.push([word.text]);
    else pieces[pieces.length - 1]!.push(word.text);
  });
  return pieces.map((piece) => piece.join(' '));
}

/** A line every piece of which is furniture: "file:///…/return.html    2/4". */
function isFurnitureLine(line: Line, onePage: boolean): boolean {
  const pieces = piecesOf(line);
  const marked = pieces.filter((piece) => isFurnitureText(piece, onePage));
  return marked.length > 0 && pieces.every((piece) => isFurnitureText(piece, onePage) || (marked.length > 0 && isPageNumber(piece)));
}

function isHeadingLine(text: string): boolean {
  return (text.match(HEADING_TITLES) ?? []).length >= 2;
}

interface EdgeCandidate {
  page: number;
  index: number;
  edge: FurnitureEdge;
  /** Distance from the page edge (top of the line from the top, bottom of the line from the bottom). */
  offset: number;
  shape: string;
  patterned: boolean;
  /** The number a page-number line shows ("3" of "- 3 -", "Page 3 of 9"), or null. */
  pageNumber: number | null;
}

/** Lines at one edge of a page, outermost first, that could be furniture by their place. */
function edgeLines(page: PageText, edge: FurnitureEdge, onePage: boolean): EdgeCandidate[] {
  const { lines, height } = page;
  const found: EdgeCandidate[] = [];
  for (let k = 0; k < Math.min(MAX_EDGE_LINES, lines.length); k++) {
    const index = edge === 'header' ? k : lines.length - 1 - k;
    const line = lines[index]!;
    const offset = edge === 'header' ? line.top : height - line.bottom;
    if (offset > EDGE_ZONE * height) break;
    const text = lineText(line.words);
    if (isHeadingLine(text)) break;
    const pageNumber = isPageNumber(text) ? Number.parseInt(/\d+/.exec(text)![0], 10) : null;
    found.push({ page: page.page, index, edge, offset, shape: shapeOf(text), patterned: isFurnitureLine(line, onePage), pageNumber });
  }
  return found;
}

/**
 * Is the block of lines from the edge to `candidate` set apart from the page's next line inwards,
 * by more than `least` (in line heights)?
 */
function setApart(page: PageText, candidate: EdgeCandidate, least: number): boolean {
  const { lines, lineHeight } = page;
  const inward = candidate.edge === 'header' ? lines[candidate.index + 1] : lines[candidate.index - 1];
  if (!inward) return true;
  const line = lines[candidate.index]!;
  const gap = candidate.edge === 'header' ? inward.top - line.bottom : line.top - inward.bottom;
  return gap > least * lineHeight;
}

/**
 * The furniture of every page: for each page, the indexes of its furniture lines.
 * `pages` are all the pages read, in order.
 */
export function findFurniture(pages: readonly PageText[]): Map<number, Map<number, FurnitureMark>> {
  const onePage = pages.length === 1;
  const candidates = pages.flatMap((page) => [...edgeLines(page, 'header', onePage), ...edgeLines(page, 'footer', onePage)]);
  // Where each shape is seen, per edge: on how many pages, and how far from the edge.
  const seen = new Map<string, EdgeCandidate[]>();
  for (const candidate of candidates) {
    const key = `${candidate.edge}\u0000${candidate.shape}`;
    const list = seen.get(key);
    if (list) list.push(candidate);
    else seen.set(key, [candidate]);
  }
  const byPage = new Map(pages.map((page) => [page.page, page]));
  const repeats = (candidate: EdgeCandidate): boolean => {
    const others = seen.get(`${candidate.edge}\u0000${candidate.shape}`)!;
    const tolerance = SAME_PLACE * byPage.get(candidate.page)!.lineHeight;
    return others.some((other) => other.page !== candidate.page && Math.abs(other.offset - candidate.offset) <= tolerance);
  };
  // A page number too short to repeat in shape ("3", "- 3 -") counts as repeating where another
  // page shows one in the same shape and place that goes up with the pages: a number closing a
  // cell at the foot of two pages is not numbered as they are.
  const numbersPages = (candidate: EdgeCandidate): boolean => {
    if (candidate.pageNumber === null) return false;
    const others = seen.get(`${candidate.edge}\u0000${candidate.shape}`)!;
    const tolerance = SAME_PLACE * byPage.get(candidate.page)!.lineHeight;
    return others.some(
      (other) =>
        other.page !== candidate.page &&
        other.pageNumber !== null &&
        other.pageNumber - other.page === candidate.pageNumber! - candidate.page &&
        Math.abs(other.offset - candidate.offset) <= tolerance,
    );
  };

  const marks = new Map<number, Map<number, FurnitureMark>>();
  for (const page of pages) {
    const pageMarks = new Map<number, FurnitureMark>();
    for (const edge of ['header', 'footer'] as const) {
      const lines = edgeLines(page, edge, onePage);
      // The furniture block runs from the edge inwards while each line qualifies; it must end
      // set apart from the content below (or above) it.
      let end = -1;
      for (let k = 0; k < lines.length; k++) {
        const candidate = lines[k]!;
        const repeated = (candidate.shape.replace(/[\s#]/g, '').length >= 3 && repeats(candidate)) || numbersPages(candidate);
        if (!repeated && !candidate.patterned) break;
        // A browser's URL footer repeated in one place on every page is furniture even where a
        // page's content runs down to just above it; anything less sure must stand apart.
        if (setApart(page, candidate, repeated && candidate.patterned ? 0 : SET_APART)) end = k;
      }
      for (let k = 0; k <= end; k++) pageMarks.set(lines[k]!.index, { edge, shape: lines[k]!.shape });
    }
    if (pageMarks.size > 0) marks.set(page.page, pageMarks);
  }
  return marks;
}
