/**
 * Text that runs the cells of a table together with no blank line between them (pdf-parse's
 * getText() writes a row as its number, then each cell's lines in turn). The cells are told apart
 * by what a word processor does when it wraps text: a line ends before the cell's edge only where
 * the next word would not fit, so a line followed by a word that would have fitted on it is the
 * last line of its cell. A full stop before a capital helps where that is not clear. The charter
 * point's cell ends where its wording is complete.
 */
import { charterPoint } from '../../charter/points.js';
import { compareWording, identifyPoint } from '../../charter/wording.js';
import type { Chunk } from './textPages.js';

/** Rough widths of characters in a proportional sans-serif font, in ems. */
function charWidth(char: string): number {
  if (/[ijl.,;:'!|]/.test(char)) return 0.25;
  if (/[ftr() \-/]/.test(char)) return 0.33;
  if (/[mwMW]/.test(char)) return 0.85;
  if (/[A-Z&]/.test(char)) return 0.68;
  return 0.53;
}

export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

const ROW_START = /^(\d{1,2})(?:[.)])?(?:\s+(\p{Lu}.*))?$/u;
const MOST_CELLS = 4;
/** A charter point's wording wraps over a dozen lines at most. */
const CHARTER_LINES = 12;

function firstWord(line: string): string {
  return line.split(/\s+/, 1)[0] ?? '';
}

/** How much a boundary after `line` (followed by `next`) looks like the end of a cell. */
function boundaryStrength(line: string, next: string, width: number): number {
  let strength = 0;
  const room = width - textWidth(line) - textWidth(` ${firstWord(next)}`);
  if (room > 0.5) strength += 3;
  else if (room > 0) strength += 1;
  else strength -= 2;
  if (/[.!?]$/.test(line)) strength += 1;
  if (/^\p{Lu}/u.test(next)) strength += 1;
  if (/^\p{Ll}/u.test(next)) strength -= 2;
  return strength;
}

/** Cut a run of answer lines into at most `most` cells, where the lines look like cell ends. */
export function splitAnswers(lines: readonly string[], width: number, most: number): string[][] {
  const strengths = lines.slice(0, -1).map((line, i) => ({ at: i + 1, strength: boundaryStrength(line, lines[i + 1]!, width) }));
  const cuts = strengths
    .filter((entry) => entry.strength > 0)
    .sort((a, b) => b.strength - a.strength || a.at - b.at)
    .slice(0, most - 1)
    .map((entry) => entry.at)
    .sort((a, b) => a - b);
  const cells: string[][] = [];
  let start = 0;
  for (const cut of [...cuts, lines.length]) {
    cells.push(lines.slice(start, cut));
    start = cut;
  }
  return cells.filter((cell) => cell.length > 0);
}

/** The lines from `start` that hold a whole charter point's wording, if they start one. */
function charterCellEnd(lines: readonly string[], start: number): number | null {
  let text = '';
  for (let end = start; end < lines.length && end < start + CHARTER_LINES; end++) {
    text = `${text} ${lines[end]}`.trim();
    const point = identifyPoint(text);
    if (!point) continue;
    if (compareWording(text, charterPoint(point.number)!.wording).recall >= 0.95) return end + 1;
  }
  return null;
}

/**
 * Split a dense run into cells: row numbers, charter points, answers. A charter point's cell
 * starts the run (after a row number set apart) or follows a line starting with a row number.
 */
export function splitDenseRun(chunk: Chunk, width: number): Chunk[] {
  const out: Chunk[] = [];
  const { lines } = chunk;
  const push = (cell: string[], at: number) => cell.length > 0 && out.push({ lines: cell, page: chunk.page, line: chunk.line + at });
  let answersFrom = 0;
  const flushAnswers = (end: number) => {
    let at = answersFrom;
    for (const cell of splitAnswers(lines.slice(answersFrom, end), width, MOST_CELLS)) {
      push(cell, at);
      at += cell.length;
    }
  };
  let index = 0;
  while (index < lines.length) {
    const start = ROW_START.exec(lines[index]!);
    if (index === 0 && !start) {
      const end = charterCellEnd(lines, 0);
      if (end !== null) {
        push(lines.slice(0, end), 0);
        index = end;
        answersFrom = end;
        continue;
      }
    }
    if (!start) {
      index++;
      continue;
    }
    // "4 Workers promote dignity," is the number and the first line of the charter point.
    const following = lines.slice(index + 1, index + 1 + CHARTER_LINES);
    const rest = start[2] !== undefined ? [start[2], ...following] : following;
    const end = charterCellEnd(rest, 0);
    if (end === null) {
      index++;
      continue;
    }
    flushAnswers(index);
    push([start[1]!], index);
    const charterAt = start[2] !== undefined ? index : index + 1;
    push(rest.slice(0, end), charterAt);
    index = charterAt + end;
    answersFrom = index;
  }
  flushAnswers(lines.length);
  return out;
}
