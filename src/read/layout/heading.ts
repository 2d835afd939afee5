/**
 * Finding the return's heading row on a page by the form's column titles ("No.", "Charter point",
 * "Where we are now (…)", "Where we need to improve", "Next steps …"). A title may wrap over
 * several lines and the titles of one row may sit on different lines (cells centred vertically),
 * so the titles are looked for within a few lines of each other.
 */
import type { Line, Word } from './geometry.js';

/** The return's five columns, left to right. */
export const COLUMN_COUNT = 5;
export const NUMBER_COLUMN = 0;

export interface HeadingFound {
  /** Index of the first and last line of the heading row. */
  firstLine: number;
  lastLine: number;
  /** x where each column's title starts; null where the title was not found (the number column). */
  anchors: (number | null)[];
  /** x where the piece of text holding each title ends on its line (no further than the next title). */
  titleEnds: (number | null)[];
}

type Title = 'charter' | 'now' | 'improve' | 'next';
const TITLES: readonly Title[] = ['charter', 'now', 'improve', 'next'];

const KEPT = /[a-z0-9#]/;

/** The word in lower case without the punctuation around it ("(May" → "may"). */
function bare(word: Word | undefined): string {
  if (!word) return '';
  const text = word.text.toLowerCase();
  let start = 0;
  let end = text.length;
  while (start < end && !KEPT.test(text[start]!)) start++;
  while (end > start && !KEPT.test(text[end - 1]!)) end--;
  return text.slice(start, end);
}

function titleAt(words: readonly Word[], index: number): Title | null {
  const word = bare(words[index]);
  if (word === 'charter') return 'charter';
  if (word === 'where' && bare(words[index + 1]) === 'we') {
    const third = bare(words[index + 2]);
    if (third === 'are') return 'now';
    if (third === 'need') return 'improve';
  }
  if (word === 'next' && /^steps?$/.test(bare(words[index + 1]))) return 'next';
  return null;
}

const NUMBER_TITLE = /^(?:no\.?|number|num\.?|#|ref\.?|item)$/i;

interface Anchor {
  title: Title;
  x: number;
  end: number;
  line: number;
  startsPiece: boolean;
}

/** Where the piece of text holding word `index` ends. */
function pieceEnd(words: readonly Word[], index: number): number {
  let end = index;
  while (end + 1 < words.length && !words[end + 1]!.startsPiece) end++;
  return words[end]!.x1;
}

/** The whole title, for a title that follows other text after a single space ("No. Charter point"). */
function wholeTitleAt(words: readonly Word[], index: number, title: Title): boolean {
  const next = (offset: number) => bare(words[index + offset]);
  switch (title) {
    case 'charter':
      return /^points?$/.test(next(1));
    case 'now':
      return next(3) === 'now';
    case 'improve':
      return next(3) === 'to' && next(4) === 'improve';
    case 'next':
      return true;
  }
}

/**
 * "Charter" is the charter-point title only where "point" follows it or it ends its piece of text
 * (the title wrapped): a document's own title above the table ("… Care Charter return") is not.
 */
function charterTitleEnds(words: readonly Word[], index: number): boolean {
  const next = words[index + 1];
  return next === undefined || next.startsPiece || /^points?$/.test(bare(next));
}

function anchorsOn(line: Line, index: number): Anchor[] {
  const anchors: Anchor[] = [];
  line.words.forEach((word, w) => {
    const title = titleAt(line.words, w);
    if (title === 'charter' && !charterTitleEnds(line.words, w)) return;
    if (title && (word.startsPiece || wholeTitleAt(line.words, w, title))) {
      anchors.push({ title, x: word.x0, end: pieceEnd(line.words, w), line: index, startsPiece: word.startsPiece });
    }
  });
  return anchors;
}

/** The words that tell a title wrapped after its first words ("Where we" / "are now …"). */
const WRAPPING_TITLES: readonly { title: Title; words: readonly string[] }[] = [
  { title: 'now', words: ['where', 'we', 'are'] },
  { title: 'improve', words: ['where', 'we', 'need'] },
  { title: 'next', words: ['next', 'steps'] },
];

/** The pieces of a line, as ranges of word indexes [start, end). */
function piecesOf(words: readonly Word[]): [number, number][] {
  const pieces: [number, number][] = [];
  words.forEach((word, index) => {
    if (index === 0 || word.startsPiece) pieces.push([index, index + 1]);
    else pieces[pieces.length - 1]![1] = index + 1;
  });
  return pieces;
}

/**
 * Titles that wrap in a narrow column before the words that tell them apart: a piece of text that
 * is the start of a title ("Where we"), over a piece on the next line that goes on with it ("are
 * now") and overlaps it across the page.
 */
function wrappedAnchorsOn(lines: readonly Line[], index: number): Anchor[] {
  const line = lines[index]!;
  const below = lines[index + 1];
  if (!below) return [];
  const anchors: Anchor[] = [];
  for (const [start, end] of piecesOf(line.words)) {
    const head = line.words.slice(start, end).map(bare);
    for (const { title, words } of WRAPPING_TITLES) {
      if (head.length >= words.length || head.some((word, k) => word !== words[k])) continue;
      const x0 = line.words[start]!.x0;
      const x1 = line.words[end - 1]!.x1;
      const goesOn = piecesOf(below.words).some(([from, to]) => {
        const piece = below.words.slice(from, to);
        const overlaps = piece[0]!.x0 < x1 && piece[piece.length - 1]!.x1 > x0;
        return overlaps && words.slice(head.length).every((word, k) => bare(piece[k]) === word);
      });
      if (goesOn) anchors.push({ title, x: x0, end: pieceEnd(line.words, start), line: index, startsPiece: true });
    }
  }
  return anchors;
}

function anchorsAt(lines: readonly Line[], index: number): Anchor[] {
  return [...anchorsOn(lines[index]!, index), ...wrappedAnchorsOn(lines, index)];
}

/**
 * The first heading row on the page: titles of at least three of the four answer columns, left to
 * right, each starting a piece of text, within `window` of the topmost one.
 */
export function findHeading(lines: readonly Line[], window: number, from = 0): HeadingFound | null {
  for (let first = from; first < lines.length; first++) {
    const own = anchorsAt(lines, first);
    if (own.length === 0) continue;
    const chosen = new Map<Title, Anchor>();
    let last = first;
    for (let index = first; index < lines.length && lines[index]!.top <= lines[first]!.top + window; index++) {
      for (const anchor of index === first ? own : anchorsAt(lines, index)) {
        if (!chosen.has(anchor.title)) {
          chosen.set(anchor.title, anchor);
          last = Math.max(last, index);
        }
      }
    }
    const present = TITLES.filter((title) => chosen.has(title));
    // Titles in a sentence follow each other after single spaces; a heading row sets them apart.
    if (present.length < 3 || present.filter((title) => chosen.get(title)!.startsPiece).length < 2) continue;
    const xs = present.map((title) => chosen.get(title)!.x);
    if (xs.some((x, i) => i > 0 && x <= xs[i - 1]!)) continue;
    const anchors: (number | null)[] = [null, ...TITLES.map((title) => chosen.get(title)?.x ?? null)];
    const ends: (number | null)[] = [null, ...TITLES.map((title) => chosen.get(title)?.end ?? null)];
    // Titles centred beside taller ones sit on lines of their own, above and below those that
    // hold the others: a title not found on the heading's lines, and "No.", are looked for on the
    // lines around (only then: a row's text right under the heading is no title).
    const [above, below] = around(lines, first, last, window);
    fillMissingTitle(lines, first, last, anchors);
    fillMissingTitle(lines, above, below, anchors);
    if (anchors.slice(1).some((x) => x === null)) continue;
    const number = numberTitle(lines, first, last, anchors[1]!) ?? numberTitle(lines, above, below, anchors[1]!);
    anchors[NUMBER_COLUMN] = number?.x ?? null;
    ends[NUMBER_COLUMN] = number?.end ?? null;
    const titleEnds = ends.map((end, column) => (end === null ? null : Math.min(end, anchors[column + 1] ?? Infinity)));
    return { firstLine: first, lastLine: last, anchors, titleEnds };
  }
  return null;
}

/**
 * The lines that run on from the heading lines [first, last] without a gap (under half a line, a
 * title's leading), above and below, within `window` of its first.
 */
function around(lines: readonly Line[], first: number, last: number, window: number): [number, number] {
  const gap = window / 8;
  let above = first;
  while (above > 0 && lines[first]!.top - lines[above - 1]!.top <= window && lines[above]!.top - lines[above - 1]!.bottom <= gap) above--;
  let below = last;
  while (below + 1 < lines.length && lines[below + 1]!.top - lines[first]!.top <= window && lines[below + 1]!.top - lines[below]!.bottom <= gap)
    below++;
  return [above, below];
}

/** A column whose title is not the form's: the first piece of heading text between its neighbours. */
function fillMissingTitle(lines: readonly Line[], first: number, last: number, anchors: (number | null)[]): void {
  for (let column = 1; column < anchors.length; column++) {
    if (anchors[column] !== null) continue;
    const left = anchors[column - 1] ?? -Infinity;
    const right = anchors.slice(column + 1).find((x) => x !== null) ?? Infinity;
    let best: number | null = null;
    for (let index = first; index <= last; index++) {
      for (const word of lines[index]!.words) {
        if (word.startsPiece && word.x0 > left && word.x0 < right && (best === null || word.x0 < best)) best = word.x0;
      }
    }
    anchors[column] = best;
  }
}

function numberTitle(lines: readonly Line[], first: number, last: number, charterX: number): { x: number; end: number } | null {
  for (let index = first; index <= last; index++) {
    const words = lines[index]!.words;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      if (word.x0 < charterX && word.startsPiece && NUMBER_TITLE.test(word.text)) return { x: word.x0, end: pieceEnd(words, w) };
    }
  }
  return null;
}
