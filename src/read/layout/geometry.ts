/**
 * Text on a page as boxes: the shared input of the PDF reader (points, from pdf.js) and of the
 * reader of `pdftotext -layout` text (character cells). x grows to the right, y downwards.
 */

/** A piece of text as the source gives it: a pdf.js text item, or a run of a text line. */
export interface TextRun {
  text: string;
  x: number;
  /** Top of the text. */
  y: number;
  width: number;
  height: number;
  /** Set in a font whose characters are all one width (Courier). */
  monospaced?: boolean;
}

/** A ruling line drawn on the page (a table border), in the page's coordinates. */
export interface HorizontalRule {
  y: number;
  x0: number;
  x1: number;
}

export interface VerticalRule {
  x: number;
  y0: number;
  y1: number;
}

/** A rectangle the page's drawing is clipped to (a box whose overflow is hidden), in the page's coordinates. */
export interface ClipBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The ruling lines of a page: strokes, thin filled rectangles, the edges of shaded boxes; and the
 * rectangles its drawing is clipped to.
 */
export interface PageRules {
  horizontal: HorizontalRule[];
  vertical: VerticalRule[];
  clips?: ClipBox[];
}

export interface Word {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** True where a gap wider than a space comes before the word: it starts a new piece of text. */
  startsPiece: boolean;
  /** The run the word came from, and how many spaces separate it from the word before in that run. */
  run?: TextRun;
  spacesBefore?: number;
  /** The character width of a run in a monospaced font: a space is as wide. */
  charWidth?: number;
  /**
   * The runs joined into this word where they touched, left to right (see makeLine): where a
   * table's column edge falls between two of them they are two cells' words (splitAtEdges).
   */
  parts?: Word[];
}

/** A visual line: words sharing a baseline, left to right. */
export interface Line {
  words: Word[];
  top: number;
  bottom: number;
  /** The line's number as reported in diagnostics: on its page (PDF) or in the file (text). */
  number: number;
}

export interface PageText {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  lines: Line[];
  /** A normal line height on the page (points, or 1 for text). */
  lineHeight: number;
  /** How far apart two x positions may be and still be the same column edge. */
  edgeTolerance: number;
  /** How far left of its column's edge a cell's text may start (text layouts shift it). */
  columnSlack: number;
  /** True where positions are the page's own (a PDF), not characters of a text layout. */
  exactPositions?: boolean;
  /** Text the layout cannot place (not written left to right): kept after the page's lines. */
  aside?: string[];
}

const SPACE = /\s+/;

/** Split runs into words, estimating each word's x from its share of the run's characters. */
export function wordsOfRun(run: TextRun): Word[] {
  const words: Word[] = [];
  const length = run.text.length;
  if (length === 0) return words;
  const perChar = run.width / length;
  let index = 0;
  for (const part of run.text.split(SPACE)) {
    const start = run.text.indexOf(part, index);
    const spacesBefore = start - index;
    index = start + part.length;
    if (part === '') continue;
    words.push({
      text: part,
      x0: run.x + start * perChar,
      x1: run.x + index * perChar,
      top: run.y,
      bottom: run.y + run.height,
      startsPiece: false,
      run,
      spacesBefore,
      ...(run.monospaced ? { charWidth: perChar } : {}),
    });
  }
  return words;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Group words into lines: words whose boxes overlap vertically by more than half the smaller
 * height share a line (different fonts and sizes in one line, cells of different font sizes
 * aligned to the top), while a number centred between two lines of its row stays apart.
 */
export function linesOfWords(words: Word[], spaceGap: (height: number) => number): Line[] {
  const centre = (word: Word) => (word.top + word.bottom) / 2;
  const sorted = [...words].sort((a, b) => centre(a) - centre(b) || a.x0 - b.x0);
  const lines: Line[] = [];
  let current: Word[] = [];
  let reference: Word | null = null;
  const flush = () => {
    if (current.length > 0) lines.push(makeLine(current, spaceGap));
    current = [];
  };
  for (const word of sorted) {
    if (reference) {
      const overlap = Math.min(reference.bottom, word.bottom) - Math.max(reference.top, word.top);
      if (overlap <= 0.5 * Math.min(reference.bottom - reference.top, word.bottom - word.top)) flush();
    }
    if (current.length === 0) reference = word;
    current.push(word);
  }
  flush();
  return lines;
}

function makeLine(unsorted: Word[], spaceGap: (height: number) => number): Line {
  unsorted.sort((a, b) => a.x0 - b.x0);
  const words: Word[] = [];
  let top = Infinity;
  let bottom = -Infinity;
  for (const word of unsorted) {
    top = Math.min(top, word.top);
    bottom = Math.max(bottom, word.bottom);
    const previous = words[words.length - 1];
    const height = word.bottom - word.top;
    // Text drawn twice a hair apart (bold faked by over-printing) is one text.
    if (previous && previous.text.endsWith(word.text) && Math.abs(word.x1 - previous.x1) < 0.2 * height) continue;
    // Two runs that touch are one word set in two fonts ("EOLC" then a bold "August").
    if (previous && word.x0 - previous.x1 < 0.12 * height && word.x0 >= previous.x0) {
      previous.parts = [...(previous.parts ?? [{ ...previous }]), word];
      previous.text += word.text;
      previous.x1 = Math.max(previous.x1, word.x1);
      continue;
    }
    // Inside one run the spaces are written out: only a wide run of them parts two pieces.
    const sameRun = previous !== undefined && previous.run !== undefined && previous.run === word.run;
    // Between runs, a gap exactly one character wide is a space of a monospaced font (pdf.js
    // splits such runs at their spaces): where the text goes on in that font. Beside text in
    // another font it is the room between two cells.
    const gap = previous ? word.x0 - previous.x1 : 0;
    const width = previous?.charWidth;
    const monospacedSpace =
      width !== undefined && word.charWidth !== undefined && Math.abs(word.charWidth - width) < 0.05 * width && Math.abs(gap - width) < 0.15 * width;
    word.startsPiece = !previous || (sameRun ? (word.spacesBefore ?? 1) >= 3 : gap > spaceGap(height) && !monospacedSpace);
    words.push(word);
  }
  return { words, top, bottom, number: 0 };
}

/**
 * A line cut into cells' pieces where a column edge falls between two runs. In a table whose
 * cells have no margins, the last word of one cell ends a hair before the next cell's text, or
 * touches it: a run starting at a column edge after another run (or after one of the runs joined
 * into a word, see makeLine) starts a piece of text there ("multi-agency" "We"). A cell's text
 * never runs over its column's edge, so only the next cell starts there. `atEdge(x)` says
 * whether text starting at x starts at a column's edge.
 */
export function splitAtEdges(line: Line, atEdge: (x: number) => boolean): Line {
  const words: Word[] = [];
  let changed = false;
  let lastRun: TextRun | undefined;
  const startsCell = (part: Word) => part.run !== undefined && lastRun !== undefined && part.run !== lastRun && atEdge(part.x0);
  for (const word of line.words) {
    const parts = word.parts ?? [word];
    let group: Word[] = [];
    let startsPiece = word.startsPiece;
    const flush = () => {
      const whole = group.length === parts.length;
      if (whole && startsPiece === word.startsPiece) words.push(word);
      else {
        changed = true;
        const first = group[0]!;
        words.push({
          ...first,
          text: group.map((part) => part.text).join(''),
          x1: Math.max(...group.map((part) => part.x1)),
          top: word.top,
          bottom: word.bottom,
          startsPiece,
          parts: group.length > 1 ? group : undefined,
        });
      }
    };
    for (const part of parts) {
      if (startsCell(part)) {
        if (group.length > 0) flush();
        group = [];
        startsPiece = true;
      }
      group.push(part);
      lastRun = part.run;
    }
    flush();
  }
  return changed ? { ...line, words } : line;
}

/** The typical height of a line of text on the page. */
export function typicalHeight(lines: readonly Line[]): number {
  return median(lines.flatMap((line) => line.words.map((word) => word.bottom - word.top))) || 1;
}

export function lineText(words: readonly Word[]): string {
  return words.map((word) => word.text).join(' ');
}
