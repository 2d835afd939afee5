/**
 * Rebuilding the return's rows from physical rows. A row-number cell starts a row and an empty one
 * continues it, but real returns break that rule: numbers split by a space ("1 0"), numbers that
 * lost a digit ("2" after 11), numbers split over two lines ("1" then "4"), rows with no number.
 * Each decision weighs the digits, the sequence and the row's wording at once, and every repair
 * becomes an `info` diagnostic.
 */
import { POINT_COUNT } from '../charter/points.js';
import { fitToPoint, identifyPoint } from '../charter/wording.js';
import type { Diagnostic, Place } from '../model.js';
import { joinCellText, quote } from './cellText.js';

/** A physical row reduced to the form's five parts. */
export interface PhysicalRow {
  numberText: string;
  /** Charter point, where we are now, where we need to improve, next steps. */
  cells: [string, string, string, string];
  place: Place;
}

export interface AssembledRow {
  /** The charter point number decided for the row, or null where nothing identifies it. */
  number: number | null;
  numberText: string;
  /** Pieces of text per part, in reading order. */
  pieces: [string[], string[], string[], string[]];
  place: Place;
}

interface Segment {
  numberText: string;
  rows: PhysicalRow[];
  /** True where the row had no number and was split off by its wording. */
  unnumbered: boolean;
}

const NUMBER_CELL = /^\s*(?:no\.?\s*)?(\d(?:\s?\d){0,2})\s*[.):]?\s*$/i;

function digitsOf(numberText: string): string | null {
  const match = NUMBER_CELL.exec(numberText);
  return match ? match[1]!.replace(/\s/g, '') : null;
}

function pointText(rows: readonly PhysicalRow[]): string {
  return joinCellText(rows.map((row) => row.cells[0]));
}

function describePlace(place: Place): string {
  if (place.line !== undefined) return `line ${place.line}`;
  if (place.page !== undefined) return `page ${place.page}`;
  return 'the table';
}

/** Group physical rows into segments, each opened by a row-number cell. */
function segment(rows: readonly PhysicalRow[], orphans: PhysicalRow[]): Segment[] {
  const segments: Segment[] = [];
  for (const row of rows) {
    const current = segments[segments.length - 1];
    if (row.numberText.trim() !== '') {
      segments.push({ numberText: row.numberText.trim(), rows: [row], unnumbered: false });
    } else if (!current) {
      orphans.push(row);
    } else if (startsUnnumberedRow(current, row)) {
      segments.push({ numberText: '', rows: [row], unnumbered: true });
    } else {
      current.rows.push(row);
    }
  }
  return segments;
}

/**
 * A continuation row whose charter-point cell holds a whole other point's wording, while the row
 * above already reads as a whole point, is a new row whose number was lost.
 */
function startsUnnumberedRow(current: Segment, row: PhysicalRow): boolean {
  if (row.cells[0].trim() === '') return false;
  const own = identifyPoint(row.cells[0]);
  if (!own || own.score < 0.9) return false;
  const above = identifyPoint(pointText(current.rows));
  return above !== null && above.number !== own.number && above.score >= 0.8;
}

interface Candidate {
  number: number;
  /** Also take the next segment, whose number cell held the rest of this one's digits. */
  takesNext: boolean;
  reason: 'as-written' | 'space-split' | 'lost-digit' | 'line-split' | 'sequence' | 'wording';
}

function candidatesFor(seg: Segment, next: Segment | undefined, expected: number): Candidate[] {
  const digits = digitsOf(seg.numberText);
  const candidates: Candidate[] = [];
  if (digits === null) {
    candidates.push({ number: expected, takesNext: false, reason: 'sequence' });
    const byWording = identifyPoint(pointText(seg.rows));
    if (byWording && byWording.number !== expected) {
      candidates.push({ number: byWording.number, takesNext: false, reason: 'wording' });
    }
    return candidates;
  }
  const literal = Number.parseInt(digits, 10);
  candidates.push({ number: literal, takesNext: false, reason: /\s/.test(seg.numberText.replace(/^\D+|\D+$/g, '')) ? 'space-split' : 'as-written' });
  const expectedDigits = String(expected);
  if (literal !== expected && expectedDigits.length > digits.length && expectedDigits.endsWith(digits)) {
    candidates.push({ number: expected, takesNext: false, reason: 'lost-digit' });
  }
  const nextDigits = next && !next.unnumbered ? digitsOf(next.numberText) : null;
  if (nextDigits !== null && digits.length + nextDigits.length <= 2) {
    const joined = Number.parseInt(digits + nextDigits, 10);
    if (joined >= 1 && joined <= POINT_COUNT && joined !== literal) {
      candidates.push({ number: joined, takesNext: true, reason: 'line-split' });
    }
  }
  return candidates;
}

function score(candidate: Candidate, seg: Segment, next: Segment | undefined, expected: number, used: ReadonlySet<number>): number {
  const rows = candidate.takesNext && next ? [...seg.rows, ...next.rows] : seg.rows;
  let value = 2 * fitToPoint(pointText(rows), candidate.number);
  if (candidate.number === expected) value += 1;
  if (candidate.reason === 'as-written' || candidate.reason === 'space-split') value += 0.6;
  if (used.has(candidate.number)) value -= 2;
  if (candidate.number < 1 || candidate.number > POINT_COUNT) value -= 4;
  // Joining two numbered rows needs the joined wording to read as that point.
  if (candidate.takesNext && fitToPoint(pointText(rows), candidate.number) < 0.6) value -= 3;
  return value;
}

function repairMessage(candidate: Candidate, seg: Segment, next: Segment | undefined): string | null {
  const written = JSON.stringify(seg.numberText);
  switch (candidate.reason) {
    case 'as-written':
      return null;
    case 'space-split':
      return `row number ${written} read as ${candidate.number}`;
    case 'lost-digit':
      return `row number ${written} read as ${candidate.number}: a digit was lost (it follows ${candidate.number - 1} and its wording is point ${candidate.number}'s)`;
    case 'line-split':
      return `row number split over two lines (${written} then ${JSON.stringify(next?.numberText ?? '')}) read as ${candidate.number}`;
    case 'sequence':
      return seg.unnumbered
        ? `row with no number read as ${candidate.number} from its wording and its place after ${candidate.number - 1}`
        : `row number ${written} is not a number; read as ${candidate.number} from its place`;
    case 'wording':
      return `row ${seg.unnumbered ? 'with no number' : `numbered ${written}`} read as ${candidate.number} from its wording`;
  }
}

export interface AssembleResult {
  rows: AssembledRow[];
  /** Rows before the first numbered row that could not be attached to anything. */
  orphans: PhysicalRow[];
  diagnostics: Diagnostic[];
}

/**
 * Assemble physical rows into the return's rows. `carry` is the row left open by the previous
 * piece of a table broken over pages: continuation rows at the top of this piece extend it.
 */
export function assembleRows(rows: readonly PhysicalRow[], lastNumber: number, used: Set<number>): AssembleResult {
  const diagnostics: Diagnostic[] = [];
  const orphans: PhysicalRow[] = [];
  const segments = segment(rows, orphans);
  const assembled: AssembledRow[] = [];
  let last = lastNumber;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    const next = segments[i + 1];
    const expected = last + 1;
    const candidates = candidatesFor(seg, next, expected);
    let best = candidates[0]!;
    let bestScore = score(best, seg, next, expected, used);
    for (const candidate of candidates.slice(1)) {
      const value = score(candidate, seg, next, expected, used);
      if (value > bestScore) {
        best = candidate;
        bestScore = value;
      }
    }
    const members = best.takesNext && next ? [...seg.rows, ...next.rows] : seg.rows;
    if (best.takesNext) i++;
    const first = members[0]!;
    const identified = best.reason !== 'sequence' || identifyPoint(pointText(members)) !== null || seg.unnumbered;
    const number = identified || digitsOf(seg.numberText) !== null ? best.number : null;
    const message = repairMessage(best, seg, next);
    if (message && number !== null && number >= 1 && number <= POINT_COUNT) {
      diagnostics.push({ severity: 'info', code: 'row-number-repaired', message, ...first.place, point: number });
    }
    if (number === null) {
      diagnostics.push({
        severity: 'error',
        code: 'unknown-point',
        message: `row at ${describePlace(first.place)} (number cell ${quote(seg.numberText)}, text ${quote(pointText(members) || members.map((r) => r.cells.join(' ')).join(' '))}) matches no charter point`,
        ...first.place,
      });
    }
    assembled.push({
      number,
      numberText: seg.numberText,
      pieces: [0, 1, 2, 3].map((part) => members.map((row) => row.cells[part as 0]).filter((text) => text.trim() !== '')) as AssembledRow['pieces'],
      place: first.place,
    });
    if (number !== null && number >= 1 && number <= POINT_COUNT) {
      used.add(number);
      last = number;
    }
  }
  return { rows: assembled, orphans, diagnostics };
}
