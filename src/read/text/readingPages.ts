/**
 * Text extracted from a PDF in reading order (plain `pdftotext`, pdf-parse's getText(), text
 * copied from a PDF viewer), page by page: its lines, the page furniture among them (a browser's
 * print stamp and page URL, page numbers, a running header repeated on every page), and the
 * return's heading row wherever a page shows it, read word by word against the form's titles
 * (wrapped: "Where we are now" / "(May 2015)"; run together: "No. Charter point Where we are now").
 */
import { isPageFurniture } from '../../text/pageFurniture.js';
import type { TextPage } from './textPages.js';

/** One line of a page, as the text gives it. */
export interface ReadingLine {
  text: string;
  page: number;
  /** The line's number in the file (1-based). */
  line: number;
  /** A blank line came before it on its page (pdftotext sets cells apart so). */
  blankBefore: boolean;
}

export interface ReadingPage {
  page: number;
  lines: ReadingLine[];
  /** Lines that are page furniture, by index in `lines`. */
  furniture: Set<number>;
  /** The heading row the page shows: its lines (indexes) and its cells, by column. */
  heading: { lines: number[]; cells: string[] } | null;
}

/** A browser's print stamp: "12/1/26, 9:32 PM", "01/12/2026 21:32". */
const PRINT_STAMP = /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?\b/i;
const URL = /(?:^|\s)(?:file|https?):\/\/\S+|^www\.\S+\.\S+/i;
/** A row number alone: it may be one, and is decided with the rows. */
const LONE_NUMBER = /^\(?\d{1,2}[.)]?$/;
/** How many lines from each end of a page a running header or footer may sit. */
const TOP_REACH = 6;
const BOTTOM_REACH = 4;
/** A line repeated near the ends of pages is a running header or footer only if it has this many words. */
const MIN_HEADER_WORDS = 3;

/** The number a page-number line gives ("3", "3/9", "3 of 9", "Page 3", "- 3 -"), if it is one. */
function pageNumberOf(text: string): number | null {
  const match = /^(?:-\s*)?(?:page\s+)?(\d{1,4})(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*-)?$/i.exec(text.trim());
  return match ? Number(match[1]) : null;
}

function shapeOf(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

function isStampOrUrl(text: string): boolean {
  return PRINT_STAMP.test(text.trim()) || URL.test(text.trim());
}

/** The non-blank lines of a page, each knowing whether a blank line came before it. */
function linesOf(page: TextPage): ReadingLine[] {
  const lines: ReadingLine[] = [];
  let blank = false;
  page.lines.forEach((raw, index) => {
    const text = raw.replace(/\u00a0/g, ' ').trimEnd();
    if (text.trim() === '') {
      blank = true;
      return;
    }
    lines.push({ text, page: page.page, line: page.firstLine + index, blankBefore: blank && lines.length > 0 });
    blank = false;
  });
  return lines;
}

/** Indexes of the lines near the page's ends, where furniture may sit. */
function edgeIndexes(lines: readonly ReadingLine[]): number[] {
  const indexes = new Set<number>();
  for (let i = 0; i < Math.min(TOP_REACH, lines.length); i++) indexes.add(i);
  for (let i = Math.max(0, lines.length - BOTTOM_REACH); i < lines.length; i++) indexes.add(i);
  return [...indexes];
}

// ---- The heading row, word by word ----------------------------------------------------------

type Title = 'number' | 'charter' | 'now' | 'improve' | 'next';
const TITLE_COLUMN: Record<Title, number> = { number: 0, charter: 1, now: 2, improve: 3, next: 4 };

/** The form's titles as words, in order; `(` opens a bracketed part that takes any words up to `)`. */
const SEQUENCE: readonly { title: Title; word: RegExp; optional?: true; bracket?: true }[] = [
  { title: 'number', word: /^(?:no\.?|number|num\.?|#)$/, optional: true },
  { title: 'charter', word: /^charter$/ },
  { title: 'charter', word: /^points?$/ },
  { title: 'now', word: /^where$/ },
  { title: 'now', word: /^we$/ },
  { title: 'now', word: /^are$/ },
  { title: 'now', word: /^now$/ },
  { title: 'now', word: /^\(/, optional: true, bracket: true },
  { title: 'improve', word: /^where$/ },
  { title: 'improve', word: /^we$/ },
  { title: 'improve', word: /^need$/ },
  { title: 'improve', word: /^to$/ },
  { title: 'improve', word: /^improve$/ },
  { title: 'next', word: /^next$/ },
  { title: 'next', word: /^steps?$/ },
  { title: 'next', word: /^\(/, optional: true, bracket: true },
];

/** A word without the punctuation around it (an opening bracket and a closing bracket or full stop kept). */
function trimPunctuation(word: string): string {
  const chars = [...word];
  let start = 0;
  let end = chars.length;
  while (start < end && !/[\p{L}\p{N}#(]/u.test(chars[start]!)) start++;
  while (end > start && !/[\p{L}\p{N}#).]/u.test(chars[end - 1]!)) end--;
  return chars.slice(start, end).join('');
}

/** Reads words against the titles; where it has got to. */
class TitleReader {
  constructor(public position = 0) {}

  inBracket = false;
  cells: string[][] = [[], [], [], [], []];
  private current: Title = 'number';

  clone(): TitleReader {
    const copy = new TitleReader(this.position);
    copy.inBracket = this.inBracket;
    copy.cells = this.cells.map((cell) => [...cell]);
    copy.current = this.current;
    return copy;
  }

  /** Read a word; false (and nothing read) where it carries on no title. */
  take(raw: string): boolean {
    const word = trimPunctuation(raw.toLowerCase());
    if (word === '' && raw.trim() !== '') {
      // Punctuation alone (the "." of a "No." that wrapped) carries on the title it follows.
      this.cells[TITLE_COLUMN[this.current]]!.push(raw);
      return true;
    }
    if (this.inBracket) {
      this.cells[TITLE_COLUMN[this.current]]!.push(raw);
      if (/\)$/.test(raw)) this.inBracket = false;
      return true;
    }
    for (let at = this.position; at < SEQUENCE.length; at++) {
      const step = SEQUENCE[at]!;
      if (step.word.test(word)) {
        this.current = step.title;
        this.cells[TITLE_COLUMN[step.title]]!.push(raw);
        this.position = at + 1;
        if (step.bracket && !/\)$/.test(raw)) this.inBracket = true;
        return true;
      }
      if (!step.optional) return false;
    }
    return false;
  }

  /** How many of the four named titles have been read whole. */
  titlesRead(): number {
    // The position just after each title's last word in SEQUENCE.
    return [3, 7, 13, 15].filter((end) => this.position >= end).length;
  }
}

/** The reader after every word of `text`, or null where some word carries on no title. */
function takeLine(reader: TitleReader, text: string): TitleReader | null {
  const copy = reader.clone();
  return text
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => copy.take(word))
    ? copy
    : null;
}

/** The heading row on a page, if it shows one: lines that read as the form's titles (furniture skipped). */
function findHeading(lines: readonly ReadingLine[], skip: ReadonlySet<number>): ReadingPage['heading'] {
  for (let first = 0; first < lines.length; first++) {
    if (skip.has(first)) continue;
    let reader = new TitleReader();
    const taken: number[] = [];
    for (let index = first; index < lines.length; index++) {
      if (skip.has(index)) continue;
      // Row numbers the extractor wrote among the titles ("No.", "8", "9", "Charter point") are
      // left to the rows, once a title has been read.
      if (taken.length > 0 && LONE_NUMBER.test(lines[index]!.text.trim())) continue;
      const next = takeLine(reader, lines[index]!.text.replace(/\t/g, ' '));
      if (!next) break;
      reader = next;
      taken.push(index);
    }
    if (taken.length > 0 && reader.titlesRead() >= 3) {
      return { lines: taken, cells: reader.cells.map((cell) => cell.join(' ')) };
    }
  }
  return null;
}

/** Where each title starts in SEQUENCE. */
const TITLE_STARTS = [0, 1, 3, 8, 13];

/** Is this line (part of) a title of the form's heading, or a bracketed part of one ("(May 2015)")? */
function isTitleLine(text: string): boolean {
  const flat = text.replace(/\t/g, ' ').trim();
  if (/^\([^()]*\)$/.test(flat)) return true;
  return TITLE_STARTS.some((start) => (takeLine(new TitleReader(start), flat)?.position ?? start) > start);
}

/**
 * The pages with their furniture and headings. A line is furniture where it is a print stamp or
 * a page's URL, a page number near a page's end ("Page 2 of 4", "2/3", or a number alone that
 * follows the pages), or a line near a page's top or foot whose shape (numbers aside) repeats
 * there on another page (three words at least: a cell's last line, "ongoing", may repeat too). Any other number alone is left for the rows to decide.
 */
export function readingPages(pages: readonly TextPage[]): ReadingPage[] {
  const all = pages.map((page) => ({ page: page.page, lines: linesOf(page) }));
  const shapes = new Map<string, Set<number>>();
  // A number alone near a page's end is the page's number where, on two pages or more, it is the
  // page's own number plus the same offset; otherwise it may be a row number or end a cell.
  const offsets = new Map<number, Set<number>>();
  for (const { page, lines } of all) {
    for (const index of edgeIndexes(lines)) {
      const text = lines[index]!.text.trim();
      const shape = shapeOf(text);
      if (!shapes.has(shape)) shapes.set(shape, new Set());
      shapes.get(shape)!.add(page);
      const number = pageNumberOf(text);
      if (number !== null) {
        const offset = number - page;
        if (!offsets.has(offset)) offsets.set(offset, new Set());
        offsets.get(offset)!.add(page);
      }
    }
  }
  return all.map(({ page, lines }) => {
    const furniture = new Set<number>();
    for (const index of edgeIndexes(lines)) {
      const text = lines[index]!.text.replace(/\t/g, ' ').trim();
      if (isTitleLine(text)) continue;
      const number = pageNumberOf(text);
      // "Page 3 of 9" says what it is; "3", "3/9" and "3 of 9" may end a cell ("2018/19").
      if (number !== null && !/page/i.test(text)) {
        if ((offsets.get(number - page)?.size ?? 0) >= 2) furniture.add(index);
        continue;
      }
      if (LONE_NUMBER.test(text)) continue;
      // A running header is a few words at least: a cell's last line ("ongoing") may repeat too.
      const repeated = text.split(/\s+/).length >= MIN_HEADER_WORDS && shapes.get(shapeOf(text))!.size >= 2;
      if (isStampOrUrl(text) || isPageFurniture(text) || repeated) furniture.add(index);
    }
    const heading = findHeading(lines, furniture);
    // Lines under the heading row, near the page's top, are the table's, though they may look
    // like furniture: "1" on page 1 is the page's number too, and "7 Users and carers are" starts
    // a page of each of two returns. A page's number and running header sit above its heading or
    // at its foot; only a print stamp, a URL or "Page 3 of 9" is furniture under the heading.
    if (heading) {
      for (let index = Math.max(...heading.lines) + 1; index < Math.min(TOP_REACH, lines.length - BOTTOM_REACH); index++) {
        const text = lines[index]!.text.replace(/\t/g, ' ').trim();
        if (LONE_NUMBER.test(text) || (!isStampOrUrl(text) && !isPageFurniture(text))) furniture.delete(index);
      }
    }
    return { page, lines, furniture, heading };
  });
}
