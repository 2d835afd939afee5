/**
 * The rows of a return in text that kept no columns (reading order: plain `pdftotext`,
 * pdf-parse's getText()). The table's lines run from its heading on, page after page (furniture
 * and repeated headings left out), and each row starts at its number: a number is a row number
 * where it fits the sequence and the charter wording of that point follows it; all rows are
 * decided at once, so that a number alone at a page's foot that fits no row stays a page number.
 * Each row's charter-point cell is then read off by the charter's wording (which also says where
 * it ends, even on a line it shares with the next cell), and the rest of the row's lines are its
 * answers, cut into cells by readingCells.ts.
 */
import { charterPoint, POINT_COUNT } from '../../charter/points.js';
import type { ReadingLine } from './readingPages.js';

/** A line of a table's flow: where it came from, and what set it apart from the line before. */
export interface FlowLine extends ReadingLine {
  /** A page break comes before it (the line before is on another page). */
  pageBreakBefore: boolean;
}

/** A line, or the part of one, in a row. */
export interface RowLine {
  text: string;
  page: number;
  line: number;
  /** What comes before it: a line break, a blank line (pdftotext sets cells apart so), a page break. */
  before: 'line' | 'blank' | 'page';
  /** It is the rest of a line whose start belongs to the cell before (the extractor ran them together). */
  sharesLine: boolean;
}

export interface FlowRow {
  number: number;
  /** The number as written, and where. */
  numberText: string;
  place: { page: number; line: number };
  /** The charter-point cell's lines, and whether they read as the whole of the point's wording. */
  charter: RowLine[];
  charterWhole: boolean;
  /** The charter's lines were found among the answers' (the extractor interleaved the columns). */
  interleaved: boolean;
  /** The answer lines in order. */
  answers: RowLine[];
}

const LONE_NUMBER = /^\(?(\d{1,2})[.)]?$/;
const NUMBERED_LINE = /^\(?(\d{1,2})[.)]?[ \t]+(\S.*)$/;
/** How many lines after a number alone its charter wording may start (columns interleaved). */
const WORDING_REACH = 30;

/** Letters and digits only, lower case: text as compared with the charter's wording. */
function lettersOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^a-z0-9]+/g, '');
}

const WORDING_LETTERS = Array.from({ length: POINT_COUNT + 1 }, (_, number) => (number === 0 ? '' : lettersOf(charterPoint(number)!.wording)));

/**
 * How many letters of `wording` from `from` the letters of `text` stand for, if they carry the
 * wording on (a small slip allowed in a long line); null if they do not.
 */
function continuesWording(wording: string, from: number, text: string): number | null {
  if (text === '') return null;
  if (wording.startsWith(text, from)) return text.length;
  const slips = Math.floor(text.length / 15);
  if (slips === 0) return null;
  // Edit distance between `text` and a prefix of the rest of the wording, the best prefix taken.
  const rest = wording.slice(from, from + text.length + slips);
  let previous = Array.from({ length: rest.length + 1 }, (_, j) => j);
  for (let i = 1; i <= text.length; i++) {
    const current = [i];
    for (let j = 1; j <= rest.length; j++) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (text[i - 1] === rest[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  let best: { distance: number; length: number } | null = null;
  previous.forEach((distance, length) => {
    if (length >= text.length - slips && (!best || distance < best.distance)) best = { distance, length };
  });
  const found = best as { distance: number; length: number } | null;
  return found && found.distance <= slips ? found.length : null;
}

/** The words of `text` from its start that carry `number`'s wording on from `from`: how many, and the letters they stand for. */
function wordingPrefix(number: number, from: number, text: string): { words: number; letters: number } {
  const wording = WORDING_LETTERS[number]!;
  const words = text.split(/[ \t]+/).filter((word) => word !== '');
  let best = { words: 0, letters: 0 };
  let letters = '';
  for (let count = 1; count <= words.length; count++) {
    letters += lettersOf(words[count - 1]!);
    const taken = continuesWording(wording, from, letters);
    if (taken !== null) best = { words: count, letters: taken };
    else if (!wording.startsWith(letters.slice(0, Math.max(0, letters.length - 3)), from)) break;
  }
  return best;
}

/** Does the text start `number`'s charter wording (two words of it at least, or all of a short line)? */
function startsWording(number: number, text: string): boolean {
  const prefix = wordingPrefix(number, 0, text);
  return prefix.words >= 2 || (prefix.words === 1 && text.trim().split(/\s+/).length === 1 && prefix.letters >= 6);
}

/**
 * Does a point's wording start with `text`, the start of line `index` (or the line itself)? A
 * short first word ("Use") is too little alone; with the next line it is enough where both carry
 * the wording on ("Use" / "commissioning").
 */
function startsWordingOver(number: number, text: string, lines: readonly FlowLine[], index: number): boolean {
  if (startsWording(number, text)) return true;
  const next = lines[index + 1];
  if (!next) return false;
  const words = text.trim().split(/\s+/).length;
  const joined = wordingPrefix(number, 0, `${text} ${next.text}`);
  return joined.words > words && joined.words >= 2;
}

interface Candidate {
  index: number;
  number: number;
  /** The number as written; null where the row starts at its wording, its number written elsewhere. */
  numberText: string | null;
  /** The rest of the line after the number, where the line holds more. */
  rest: string | null;
  /** Where the point's wording starts: the index of its line (the candidate's own where `rest` starts it). */
  wordingAt: number | null;
}

function candidatesOf(lines: readonly FlowLine[]): Candidate[] {
  const found: Candidate[] = [];
  lines.forEach((line, index) => {
    const text = line.text.trim();
    const lone = LONE_NUMBER.exec(text.replace(/\t/g, ' ').trim());
    if (lone) {
      const number = Number(lone[1]);
      if (number < 1 || number > POINT_COUNT) return;
      let wordingAt: number | null = null;
      for (let next = index + 1; next < lines.length && next <= index + WORDING_REACH; next++) {
        if (startsWordingOver(number, lines[next]!.text, lines, next)) {
          wordingAt = next;
          break;
        }
      }
      found.push({ index, number, numberText: lone[1]!, rest: null, wordingAt });
      return;
    }
    const numbered = NUMBERED_LINE.exec(text);
    if (!numbered) {
      // The charter wording with no number before it: the extractor wrote the row numbers
      // elsewhere (Croydon's, after the page's rows), to be matched to the rows once chosen.
      for (let number = 1; number <= POINT_COUNT; number++) {
        if (startsWording(number, text) && wordingPrefix(number, 0, text).words >= 3) {
          found.push({ index, number, numberText: null, rest: text, wordingAt: index });
          break;
        }
      }
      return;
    }
    const number = Number(numbered[1]);
    if (number < 1 || number > POINT_COUNT || !startsWordingOver(number, numbered[2]!, lines, index)) return;
    found.push({ index, number, numberText: numbered[1]!, rest: numbered[2]!, wordingAt: index });
  });
  return found;
}

/**
 * The row starts among the candidates, chosen at once: numbers in increasing order, each worth
 * most where its wording follows it and it is the next in the sequence.
 */
function chooseRows(candidates: readonly Candidate[]): Candidate[] {
  // A row that starts at its wording alone is worth less than one its number starts.
  const worth = (candidate: Candidate, last: number) =>
    (candidate.wordingAt === null ? -1 : candidate.numberText === null ? 2 : 3) + (candidate.number === last + 1 ? 1 : 0);
  // best[i]: the best total of a chosen sequence ending with candidate i.
  const best: { total: number; from: number }[] = [];
  candidates.forEach((candidate, i) => {
    let top = { total: worth(candidate, 0), from: -1 };
    for (let j = 0; j < i; j++) {
      const before = candidates[j]!;
      if (before.number >= candidate.number) continue;
      // A row's wording must start before the next row's number.
      if (before.wordingAt !== null && before.wordingAt >= candidate.index) continue;
      const total = best[j]!.total + worth(candidate, before.number);
      if (total > top.total) top = { total, from: j };
    }
    best.push(top);
  });
  let end = -1;
  best.forEach((entry, i) => {
    if (entry.total > 0 && (end < 0 || entry.total > best[end]!.total)) end = i;
  });
  const chosen: Candidate[] = [];
  for (let i = end; i >= 0; i = best[i]!.from) chosen.unshift(candidates[i]!);
  return chosen.filter((candidate) => candidate.wordingAt !== null);
}

function rowLine(line: FlowLine, text: string, sharesLine: boolean): RowLine {
  return { text, page: line.page, line: line.line, before: line.pageBreakBefore ? 'page' : line.blankBefore ? 'blank' : 'line', sharesLine };
}

/**
 * The charter-point cell of a row: its lines, read off by the point's wording from the row's
 * lines after its number; the rest are the answers. A line that starts with the end of the
 * wording and goes on is cut there. Where the wording's lines are not all together (the
 * extractor interleaved two columns' lines), they are looked for further on.
 */
function readCharter(
  number: number,
  lines: readonly { line: FlowLine; text: string }[],
): Pick<FlowRow, 'charter' | 'charterWhole' | 'interleaved' | 'answers'> {
  const wording = WORDING_LETTERS[number]!;
  const charter: RowLine[] = [];
  const answers: RowLine[] = [];
  let matched = 0;
  let interleaved = false;
  let together = true;
  const whole = () => matched >= wording.length - 1;
  for (const { line, text } of lines) {
    if (whole()) {
      answers.push(rowLine(line, text, false));
      continue;
    }
    const prefix = wordingPrefix(number, matched, text);
    const words = text.split(/[ \t]+/).filter((word) => word !== '');
    if (prefix.words === 0) {
      // Not the wording: an answer line; the wording may go on further down (interleaved).
      answers.push(rowLine(line, text, false));
      if (charter.length > 0) together = false;
      continue;
    }
    if (!together) interleaved = true;
    matched += prefix.letters;
    if (prefix.words === words.length) {
      charter.push(rowLine(line, text, false));
    } else {
      // The line holds the end of the charter cell and the start of the next one.
      const cut = cutAfterWords(text, prefix.words);
      charter.push(rowLine(line, cut.head, false));
      answers.push(rowLine(line, cut.tail, true));
      if (!whole()) together = false;
    }
  }
  return { charter, charterWhole: whole(), interleaved, answers };
}

/** A line cut after its first `count` words: the words before, and the rest as written (tabs kept). */
function cutAfterWords(text: string, count: number): { head: string; tail: string } {
  const pattern = /\S+/g;
  let match: RegExpExecArray | null;
  let seen = 0;
  while ((match = pattern.exec(text)) !== null) {
    seen++;
    if (seen === count) {
      const end = match.index + match[0].length;
      return { head: text.slice(0, end).trim(), tail: text.slice(end).trim() };
    }
  }
  return { head: text.trim(), tail: '' };
}

export interface FlowRows {
  /** Lines before the first row (nothing of any row: reported, not lost). */
  before: FlowLine[];
  rows: FlowRow[];
  /** Numbers alone that start no row, by index in the flow: page numbers, or text of the row they fall in. */
  strayNumbers: Set<number>;
}

/** The rows of a table's flow of lines. */
export function flowRows(lines: readonly FlowLine[]): FlowRows {
  const chosen = chooseRows(candidatesOf(lines));
  const starts = new Set(chosen.map((candidate) => candidate.index));
  const strayNumbers = new Set<number>();
  lines.forEach((line, index) => {
    if (!starts.has(index) && LONE_NUMBER.test(line.text.replace(/\t/g, ' ').trim())) strayNumbers.add(index);
  });
  // A row that starts at its wording takes its number from a number alone that starts no row,
  // the one nearest it (the extractor wrote the page's numbers together, before or after its rows).
  const claimed = new Map<number, number>();
  for (const candidate of chosen) {
    if (candidate.numberText !== null) continue;
    const own = [...strayNumbers].filter(
      (index) => !claimed.has(index) && Number(LONE_NUMBER.exec(lines[index]!.text.replace(/\t/g, ' ').trim())![1]) === candidate.number,
    );
    own.sort((a, b) => Math.abs(a - candidate.index) - Math.abs(b - candidate.index));
    if (own.length > 0) claimed.set(own[0]!, candidate.index);
  }
  for (const index of claimed.keys()) strayNumbers.delete(index);
  const numberOf = new Map([...claimed].map(([index, start]) => [start, index]));
  const rows: FlowRow[] = chosen.map((candidate, i) => {
    const end = chosen[i + 1]?.index ?? lines.length;
    const line = lines[candidate.index]!;
    const rest = lines
      .slice(candidate.index + 1, end)
      .filter((_, offset) => !claimed.has(candidate.index + 1 + offset))
      .map((entry) => ({ line: entry, text: entry.text }));
    if (candidate.rest !== null) rest.unshift({ line, text: candidate.rest });
    const numberLine = numberOf.get(candidate.index);
    return {
      number: candidate.number,
      numberText: candidate.numberText ?? (numberLine === undefined ? '' : LONE_NUMBER.exec(lines[numberLine]!.text.replace(/\t/g, ' ').trim())![1]!),
      place: { page: line.page, line: line.line },
      ...readCharter(candidate.number, rest),
    };
  });
  const first = chosen[0]?.index ?? lines.length;
  return { before: lines.slice(0, first).filter((_, index) => !claimed.has(index)), rows, strayNumbers };
}
