/**
 * Cutting a row's answer lines, in reading order, into the form's three answer cells. Nothing in
 * the text says where a cell ends, but the text keeps evidence of it:
 * - each column wraps at its own width (wrap.ts): no line of a cell is wider than its column, and
 *   a line after which the cell's next word would have fitted ends a paragraph or the cell;
 * - a new cell starts a new sentence; a blank line (pdftotext) or a tab (pdf-parse, a gap on one
 *   line) sets two cells apart; the answer columns come in order, and an empty cell leaves no line;
 * - an extractor may run two cells together on one line (the last line of one cell and the first
 *   of the next sat on one baseline): such a line is wider than a column, and is cut inside.
 * Every way of cutting the lines is weighed (they are few: two cuts at most), a row over a page
 * end part by part, and the best is taken only where it is clearly better than the next best and
 * breaks no rule outright; otherwise the row is undecided and says so.
 */
import type { ColumnWrap } from '../layout/wrap.js';
import { joinedWithNext, WIDTH_TOLERANCE } from '../layout/wrap.js';
import type { RowLine } from './readingRows.js';

export const ANSWER_COLUMNS = 3;

type Break = 'start' | 'space' | 'tab' | 'line' | 'blank' | 'page';

interface Word {
  text: string;
  brk: Break;
  /** The row line it is on. */
  from: RowLine;
}

// Costs, as counts of rule-breaking roughly.
const TOO_WIDE = 8;
const TOO_WIDE_PER_SHARE = 40;
/** A line after which the next word of its cell would have fitted, no sentence ending or starting there. */
const WOULD_HAVE_FITTED = 4;
/** The same where a sentence ends or starts: a paragraph inside the cell. */
const PARAGRAPH = 1;
const BLANK_INSIDE = 1;
const TAB_INSIDE = 3;
/** A cell that starts inside a line (two cells run together). */
const RUN_TOGETHER = 0.6;
const TAB_BOUNDARY = -0.3;
const BLANK_BOUNDARY = -0.8;
/** A cell that starts in lower case (a whole cell of "ongoing" does). */
const LOWER_START = 1.5;
/** A cell whose line before ended early, where its next word would have fitted. */
const ENDED_EARLY = -0.4;
/** A cell that starts only on the next page, after a cell to its right started on this one. */
const LATE_START = 1;
/**
 * A line too wide for its column that is two of its lines run together where poppler dropped a
 * hyphen ending the first ("multi-" / "disciplinary units": "multidisciplinary units"): its
 * text is the cell's, only the line break is lost.
 */
const HYPHEN_JOINED = 0.5;
/** A line of a cell that starts in lower case after a line that ends a sentence: rare inside a cell. */
const LOWER_AFTER_END = 1.5;
/** A cell that ends on a word that cannot end a sentence ("and", "of", "the"): its text goes on. */
const DANGLING_END = 2;
/** How much better than the next best reading the best must be to be taken. */
export const MARGIN = 1.5;
/** Places a cell may start in one part of a row, at most, for the part to be weighed. */
const MAX_CUTS = 80;
/** Readings of each part of a row kept for combining with the other parts. */
const KEPT = 40;

const SENTENCE_END = /[.!?:;]["')\u2019\u201d]?$/u;
const SENTENCE_START = /^["'(\u2018\u201c]?[\p{Lu}\p{N}]/u;
const LOWER = /^["'(\u2018\u201c]?\p{Ll}/u;
/** Words no answer ends on: a cell's text ending so goes on in the cell after a page end or in the next line. */
const DANGLING = /(?:^|\s)(?:and|or|but|nor|the|a|an|of|to|with|for|from|into|onto|than|their|our|its|&)$/iu;

function wordsOf(lines: readonly RowLine[]): Word[] {
  const words: Word[] = [];
  lines.forEach((line, index) => {
    // Sticky: each match starts where the last ended.
    const pattern = /(\s*)(\S+)/y;
    let match: RegExpExecArray | null;
    let first = true;
    while ((match = pattern.exec(line.text)) !== null) {
      let brk: Break;
      if (first) brk = index === 0 ? 'start' : line.before;
      else brk = match[1]!.includes('\t') ? 'tab' : 'space';
      words.push({ text: match[2]!, brk, from: line });
      first = false;
    }
  });
  return words;
}

const STARTS_LINE = new Set<Break>(['start', 'line', 'blank', 'page']);

/** The lines of words [a, b), as text. */
function linesOf(words: readonly Word[], a: number, b: number): { text: string; brk: Break }[] {
  const lines: { text: string; brk: Break }[] = [];
  for (let w = a; w < b; w++) {
    const word = words[w]!;
    if (w === a || STARTS_LINE.has(word.brk)) lines.push({ text: word.text, brk: word.brk });
    else lines[lines.length - 1]!.text += ` ${word.text}`;
  }
  return lines;
}

/** How a row's answer columns wrap: each column's font and width, or null where unknown. */
export type AnswerWrap = readonly (ColumnWrap | null)[];

function fits(wrap: ColumnWrap, line: string, next: string): boolean {
  return wrap.font.width(joinedWithNext(line, next)) <= wrap.width * (1 - WIDTH_TOLERANCE);
}

/**
 * The word a line too wide for its column can be joined inside, as two of its lines poppler ran
 * together where it dropped the hyphen of a word broken over them: the words before it with a
 * piece of it and a hyphen fit, and the rest of it with the words after fit too. Null where there
 * is none.
 */
function hyphenJoinedAt(wrap: ColumnWrap, line: string): string | null {
  const words = line.split(' ');
  const limit = wrap.width * (1 + WIDTH_TOLERANCE);
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const before = words.slice(0, k).join(' ');
    const after = words.slice(k + 1).join(' ');
    for (let cut = 2; cut <= word.length - 2; cut++) {
      const first = `${before}${before ? ' ' : ''}${word.slice(0, cut)}-`;
      const second = `${word.slice(cut)}${after ? ' ' : ''}${after}`;
      if (!/^\p{Ll}/u.test(second)) continue;
      if (wrap.font.width(first) <= limit && wrap.font.width(second) <= limit) return word;
    }
  }
  return null;
}

function tooWide(wrap: ColumnWrap, line: string): boolean {
  return wrap.font.width(line) / wrap.width - 1 > WIDTH_TOLERANCE;
}

interface Score {
  cost: number;
  /** Rules broken outright: a line wider than its column, a cell line that would have held the next word. */
  broken: number;
}

/** The cost of words [a, b) as (part of) one cell of a column. */
function cellScore(words: readonly Word[], a: number, b: number, wrap: ColumnWrap | null): Score {
  const lines = linesOf(words, a, b);
  let cost = 0;
  let broken = 0;
  for (let w = a + 1; w < b; w++) if (words[w]!.brk === 'tab') cost += TAB_INSIDE;
  lines.forEach((line, index) => {
    if (wrap) {
      const over = wrap.font.width(line.text) / wrap.width - 1;
      if (over > WIDTH_TOLERANCE) {
        if (hyphenJoinedAt(wrap, line.text) !== null) cost += HYPHEN_JOINED;
        else {
          cost += TOO_WIDE + TOO_WIDE_PER_SHARE * over;
          broken++;
        }
      }
    }
    const next = lines[index + 1];
    if (!next) return;
    if (next.brk === 'blank') cost += BLANK_INSIDE;
    if (SENTENCE_END.test(line.text) && LOWER.test(next.text)) cost += LOWER_AFTER_END;
    if (wrap && fits(wrap, line.text, next.text)) {
      if (SENTENCE_END.test(line.text) || SENTENCE_START.test(next.text)) cost += PARAGRAPH;
      else {
        cost += WOULD_HAVE_FITTED;
        broken++;
      }
    }
  });
  return { cost, broken };
}

/** One way of reading a part of a row: the words of each answer column (a range, or none). */
export interface PartReading {
  cost: number;
  broken: number;
  /** For each answer column, words [from, to) of the part, or null where it has none. */
  cells: ([number, number] | null)[];
}

/** Every way of cutting words into at most three cells, in column order, best first (a few kept). */
function partReadings(words: readonly Word[], wrap: AnswerWrap): PartReading[] {
  const n = words.length;
  if (n === 0) return [{ cost: 0, broken: 0, cells: [null, null, null] }];
  // Where a cell may start: at a line, a tab, or inside a line too wide for some column.
  const narrowest = Math.min(...wrap.map((column) => column?.width ?? Infinity));
  const cuts: number[] = [];
  for (let w = 1; w < n; w++) {
    const word = words[w]!;
    if (word.brk !== 'space') {
      cuts.push(w);
      continue;
    }
    const column = wrap.find((entry) => entry !== null) ?? null;
    if (column && column.font.width(word.from.text) > narrowest * (1 + WIDTH_TOLERANCE)) cuts.push(w);
  }
  // More places a cell may start than any table row has: text that is no row of the table (a
  // paper's text after it) is not weighed, which would take time growing with its square; it is
  // left undecided.
  if (cuts.length > MAX_CUTS) return [{ cost: 0, broken: 1, cells: [[0, n], null, null] }];
  const scores = new Map<string, Score>();
  const score = (a: number, b: number, column: number): Score => {
    const key = `${a}:${b}:${column}`;
    let found = scores.get(key);
    if (!found) {
      found = cellScore(words, a, b, wrap[column] ?? null);
      scores.set(key, found);
    }
    return found;
  };
  const boundary = (start: number, end: number, column: number): number => {
    // Cell `column` (words [start, end)) ends before word `end`, where the next cell starts.
    const word = words[end]!;
    let cost = 0;
    if (word.brk === 'space') cost += RUN_TOGETHER;
    else if (word.brk === 'tab') cost += TAB_BOUNDARY;
    else if (word.brk === 'blank') cost += BLANK_BOUNDARY;
    if (LOWER.test(word.text)) cost += LOWER_START;
    const before = wrap[column];
    if (before && STARTS_LINE.has(word.brk) && fits(before, linesOf(words, start, end).at(-1)!.text, word.text)) cost += ENDED_EARLY;
    return cost;
  };
  const readings: PartReading[] = [];
  const assignments: number[][][] = [
    [],
    [[0], [1], [2]],
    [
      [0, 1],
      [0, 2],
      [1, 2],
    ],
    [[0, 1, 2]],
  ];
  const bounds: number[][] = [[]];
  // The starts of the second and third cells.
  for (const c1 of cuts) bounds.push([c1]);
  for (let i = 0; i < cuts.length; i++) for (let j = i + 1; j < cuts.length; j++) bounds.push([cuts[i]!, cuts[j]!]);
  for (const starts of bounds) {
    const edges = [0, ...starts, n];
    for (const columns of assignments[starts.length + 1]!) {
      let cost = 0;
      let broken = 0;
      const cells: PartReading['cells'] = [null, null, null];
      columns.forEach((column, k) => {
        const s = score(edges[k]!, edges[k + 1]!, column);
        cost += s.cost;
        broken += s.broken;
        cells[column] = [edges[k]!, edges[k + 1]!];
        if (k > 0) cost += boundary(edges[k - 1]!, edges[k]!, columns[k - 1]!);
      });
      readings.push({ cost, broken, cells });
    }
  }
  readings.sort((x, y) => x.cost - y.cost);
  return readings.slice(0, KEPT);
}

/** A row's answers read into cells. */
export interface RowReading {
  /** Each answer column's lines, part by part (a part: the row's lines on one page). */
  cells: string[][][];
  cost: number;
  broken: number;
  /** How much worse the next best reading (with other cells) is; Infinity where there is none. */
  margin: number;
  /** Where each cell that has a next cell ends, for the diagnostics: the column and its last words. */
  ends: { column: number; text: string; how: 'run-together' | 'line' }[];
  /** Lines read as two of a cell's lines that poppler joined where it dropped a hyphen: the column, the line and the word. */
  joined: { column: number; line: string; word: string }[];
}

/** The parts of a row's answers: its lines on each page. */
function partsOf(lines: readonly RowLine[]): RowLine[][] {
  const parts: RowLine[][] = [];
  for (const line of lines) {
    if (parts.length === 0 || line.before === 'page') parts.push([]);
    parts[parts.length - 1]!.push(line);
  }
  return parts;
}

/** The text of each column's words in a part reading, as lines. */
function cellLines(words: readonly Word[], range: [number, number] | null): string[] {
  return range ? linesOf(words, range[0], range[1]).map((line) => line.text.replace(/\t/g, ' ')) : [];
}

/** Read a row's answer lines into its three cells. */
export function readRowCells(lines: readonly RowLine[], wrap: AnswerWrap): RowReading {
  // The widths are learnt again and again from the same rows, and mostly stay as they were.
  const key = `${lines.length}|${wrap.map((column) => (column ? `${column.font.name}:${column.width}` : '-')).join('|')}`;
  let known = READ.get(lines);
  if (!known) {
    known = new Map();
    READ.set(lines, known);
  }
  let reading = known.get(key);
  if (!reading) {
    reading = readCells(lines, wrap);
    known.set(key, reading);
  }
  return reading;
}

/** Readings made, by the row's lines (their count in the key: the table's last row is cut short) and the widths. */
const READ = new WeakMap<readonly RowLine[], Map<string, RowReading>>();

function readCells(lines: readonly RowLine[], wrap: AnswerWrap): RowReading {
  const parts = partsOf(lines).map((part) => wordsOf(part));
  if (parts.length === 0) return { cells: [[], [], []], cost: 0, broken: 0, margin: Infinity, ends: [], joined: [] };
  const readings = parts.map((words) => partReadings(words, wrap));
  // The lines of a range of a part's words, made once: readings are compared many times over.
  const made = parts.map(() => new Map<string, string[]>());
  const linesIn = (p: number, range: [number, number] | null): string[] => {
    if (!range) return [];
    const key = `${range[0]}:${range[1]}`;
    let lines = made[p]!.get(key);
    if (!lines) {
      lines = cellLines(parts[p]!, range);
      made[p]!.set(key, lines);
    }
    return lines;
  };
  // Combine the parts' readings: a cell carried over a page end wraps across it too.
  interface Combined {
    cost: number;
    broken: number;
    picks: PartReading[];
  }
  let combined: Combined[] = readings[0]!.map((reading) => ({ cost: reading.cost, broken: reading.broken, picks: [reading] }));
  for (let p = 1; p < parts.length; p++) {
    const next: Combined[] = [];
    for (const entry of combined) {
      const before = entry.picks[p - 1]!;
      for (const reading of readings[p]!) {
        let cost = entry.cost + reading.cost;
        let broken = entry.broken + reading.broken;
        for (let column = 0; column < ANSWER_COLUMNS; column++) {
          const above = before.cells[column];
          const below = reading.cells[column];
          if (!below) continue;
          if (!above) {
            if (before.cells.slice(column + 1).some((cell) => cell !== null)) cost += LATE_START;
            continue;
          }
          const last = linesIn(p - 1, above).at(-1)!;
          const first = linesIn(p, below)[0]!;
          if (SENTENCE_END.test(last) && LOWER.test(first)) cost += LOWER_AFTER_END;
          const known = wrap[column];
          if (known && fits(known, last, first)) {
            if (SENTENCE_END.test(last) || SENTENCE_START.test(first)) cost += PARAGRAPH;
            else {
              cost += WOULD_HAVE_FITTED;
              broken++;
            }
          }
        }
        next.push({ cost, broken, picks: [...entry.picks, reading] });
      }
    }
    next.sort((x, y) => x.cost - y.cost);
    combined = next.slice(0, KEPT);
  }
  // A cell's last line ends the cell: where it ends on a word no sentence ends on, the reading is doubtful.
  for (const entry of combined) {
    for (let column = 0; column < ANSWER_COLUMNS; column++) {
      const p = entry.picks.findLastIndex((pick) => pick.cells[column] !== null);
      if (p < 0) continue;
      if (DANGLING.test(linesIn(p, entry.picks[p]!.cells[column]!).at(-1)!)) entry.cost += DANGLING_END;
    }
  }
  combined.sort((x, y) => x.cost - y.cost);
  const textOf = (entry: Combined) =>
    entry.picks.map((pick, p) => pick.cells.map((range) => linesIn(p, range).join('\n')).join('\u0001')).join('\u0002');
  const best = combined[0]!;
  const bestText = textOf(best);
  const second = combined.find((entry) => textOf(entry) !== bestText);
  const cells: string[][][] = Array.from({ length: ANSWER_COLUMNS }, (_, column) =>
    best.picks.map((pick, p) => cellLines(parts[p]!, pick.cells[column] ?? null)),
  );
  const ends: RowReading['ends'] = [];
  best.picks.forEach((pick, p) => {
    const present = pick.cells.map((range, column) => ({ range, column })).filter((entry) => entry.range !== null);
    present.slice(0, -1).forEach((entry, k) => {
      const start = present[k + 1]!.range![0];
      const word = parts[p]![start]!;
      ends.push({
        column: entry.column,
        text: cellLines(parts[p]!, entry.range).join(' '),
        how: word.brk === 'space' || word.brk === 'tab' ? 'run-together' : 'line',
      });
    });
  });
  const joined: RowReading['joined'] = [];
  cells.forEach((parts, column) => {
    const known = wrap[column];
    if (!known) return;
    for (const line of parts.flat()) {
      const word = tooWide(known, line) ? hyphenJoinedAt(known, line) : null;
      if (word !== null) joined.push({ column, line, word });
    }
  });
  return { cells, cost: best.cost, broken: best.broken, margin: second ? second.cost - best.cost : Infinity, ends, joined };
}

/** Each column's lines and wraps (a line and the next word of its cell) in a reading, for learning widths. */
export function wrapSamples(reading: RowReading): { lines: string[]; wraps: string[] }[] {
  return reading.cells.map((parts) => {
    const lines: string[] = [];
    const wraps: string[] = [];
    const all = parts.flat();
    all.forEach((line, index) => {
      lines.push(line);
      const next = all[index + 1];
      if (next !== undefined && !SENTENCE_END.test(line) && LOWER.test(next)) wraps.push(joinedWithNext(line, next));
    });
    return { lines, wraps };
  });
}
