/**
 * Rebuilding the return's rows from physical rows. A row-number cell starts a row and an empty one
 * continues it, but real returns break that rule: numbers split by a space ("1 0"), numbers that
 * lost a digit ("2" after 11), numbers split over two lines ("1" then "4"), rows with no number.
 * Each decision weighs the digits, the sequence and the row's wording at once, and every repair
 * becomes an `info` diagnostic.
 */
import { POINT_COUNT } from '../charter/points.js';
import { fitToPoint, identifyPoint, type PointMatch } from '../charter/wording.js';
import type { Diagnostic, Place } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticArguments } from '../diagnostics/codes.js';
import { joinCellText } from '../text/cellText.js';

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
  /** The digits of the number cell, or null where it holds no number. */
  digits: string | null;
}

// The white space after the number is one run that an optional `.`, `)` or `:` may end: two free
// runs (`\s*[.):]?\s*`) could split a long run of spaces in every way, in quadratic time.
const NUMBER_CELL = /^\s*(?:no\.?\s*)?(\d(?:\s?\d){0,2})\s*(?:[.):]\s*)?$/i;

function digitsOf(numberText: string): string | null {
  const match = NUMBER_CELL.exec(numberText);
  return match ? match[1]!.replace(/\s/g, '') : null;
}

function pointText(rows: readonly PhysicalRow[]): string {
  return joinCellText(rows.map((row) => row.cells[0]));
}

/** Group physical rows into segments, each opened by a row-number cell. */
function segment(rows: readonly PhysicalRow[], orphans: PhysicalRow[]): Segment[] {
  const segments: Segment[] = [];
  for (const row of rows) {
    const current = segments[segments.length - 1];
    if (row.numberText.trim() !== '') {
      segments.push({ numberText: row.numberText.trim(), rows: [row], unnumbered: false, digits: digitsOf(row.numberText) });
    } else if (!current) {
      orphans.push(row);
    } else if (startsUnnumberedRow(current, row)) {
      segments.push({ numberText: '', rows: [row], unnumbered: true, digits: null });
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
  // The row above and this one together read as the point its number says: the wording runs on
  // (a row broken over a page end after its first line).
  const written = current.digits;
  if (written !== null && fitToPoint(pointText([...current.rows, row]), Number.parseInt(written, 10)) >= 0.9) return false;
  const above = identifyPoint(pointText(current.rows));
  return above !== null && above.number !== own.number && above.score >= 0.8;
}

interface Candidate {
  /** The point number, or null where nothing identifies the row. */
  number: number | null;
  /** Also take the next segment, whose number cell held the rest of this one's digits. */
  takesNext: boolean;
  reason: 'as-written' | 'space-split' | 'lost-digit' | 'line-split' | 'sequence' | 'wording' | 'unidentified';
}

function candidatesFor(seg: Segment, next: Segment | undefined, expected: number, wording: () => PointMatch | null): Candidate[] {
  const digits = seg.digits;
  const candidates: Candidate[] = [];
  if (digits === null) {
    const byWording = wording();
    if (seg.unnumbered || byWording) candidates.push({ number: expected, takesNext: false, reason: 'sequence' });
    if (byWording && byWording.number !== expected) candidates.push({ number: byWording.number, takesNext: false, reason: 'wording' });
    if (candidates.length === 0) candidates.push({ number: null, takesNext: false, reason: 'unidentified' });
    return candidates;
  }
  const literal = Number.parseInt(digits, 10);
  candidates.push({ number: literal, takesNext: false, reason: /\d\s+\d/.test(seg.numberText) ? 'space-split' : 'as-written' });
  const expectedDigits = String(expected);
  if (literal !== expected && expectedDigits.length > digits.length && expectedDigits.endsWith(digits)) {
    candidates.push({ number: expected, takesNext: false, reason: 'lost-digit' });
  }
  const nextDigits = next && !next.unnumbered ? next.digits : null;
  if (nextDigits !== null && digits.length + nextDigits.length <= 2) {
    const joined = Number.parseInt(digits + nextDigits, 10);
    if (joined >= 1 && joined <= POINT_COUNT && joined !== literal) {
      candidates.push({ number: joined, takesNext: true, reason: 'line-split' });
    }
  }
  return candidates;
}

function inRange(number: number | null): number is number {
  return number !== null && number >= 1 && number <= POINT_COUNT;
}

/**
 * Chooses every row's reading at once (dynamic programming over the segments, the state being the
 * last point number placed), so that a choice that looks best for one row cannot strand the next:
 * "1" / "1" / "2" is 11 split over two lines then 12 with a lost digit, not 11 then "1 2".
 */
class RowReadings {
  private readonly fits = new Map<string, number>();
  private readonly identified = new Map<number, PointMatch | null>();

  /** The point a segment's wording alone identifies (asked once per segment, not once per state). */
  wording(index: number): PointMatch | null {
    let match = this.identified.get(index);
    if (match === undefined) {
      match = identifyPoint(pointText(this.segments[index]!.rows));
      this.identified.set(index, match);
    }
    return match;
  }

  constructor(private readonly segments: readonly Segment[]) {}

  rows(index: number, withNext: boolean): PhysicalRow[] {
    const seg = this.segments[index]!;
    const next = this.segments[index + 1];
    return withNext && next ? [...seg.rows, ...next.rows] : seg.rows;
  }

  fit(index: number, candidate: Candidate): number {
    if (!inRange(candidate.number)) return 0;
    const key = `${index}:${candidate.takesNext ? 1 : 0}:${candidate.number}`;
    let value = this.fits.get(key);
    if (value === undefined) {
      value = fitToPoint(this.text(index, candidate.takesNext), candidate.number);
      this.fits.set(key, value);
    }
    return value;
  }

  private readonly texts = new Map<number, string>();

  /** The charter-point text of a segment (and of the next one with it), joined once. */
  private text(index: number, withNext: boolean): string {
    const key = index * 2 + (withNext ? 1 : 0);
    let text = this.texts.get(key);
    if (text === undefined) {
      text = pointText(this.rows(index, withNext));
      this.texts.set(key, text);
    }
    return text;
  }

  score(index: number, candidate: Candidate, last: number): number {
    if (candidate.reason === 'unidentified') return 0;
    const fit = this.fit(index, candidate);
    const writtenBonus = candidate.reason === 'as-written' || candidate.reason === 'space-split' ? 0.6 : 0;
    if (!inRange(candidate.number)) return writtenBonus - 4;
    // A point placed again (or out of order) earns nothing for its wording: it cannot be kept.
    if (candidate.number <= last) return writtenBonus - 2.5;
    let value = 2 * fit + writtenBonus;
    if (candidate.number === last + 1) value += 1;
    // Joining two numbered rows needs the joined wording to read as that point.
    if (candidate.takesNext && fit < 0.6) value -= 3;
    // Cells are top-aligned: a row whose first line has no charter-point text, though a later line
    // has some, more likely began a line earlier.
    const rows = this.rows(index, candidate.takesNext);
    if (rows[0]!.cells[0].trim() === '' && rows.some((row) => row.cells[0].trim() !== '')) value -= 0.5;
    return value;
  }

  /** The best candidate for each segment, in order, with the segments a line split consumed skipped. */
  choose(): { index: number; candidate: Candidate }[] {
    const n = this.segments.length;
    const states = POINT_COUNT + 1;
    // best[i * states + last]: the best total score of segments i… given the last point placed.
    const best = new Float64Array((n + 2) * states);
    const choice: (Candidate | undefined)[] = new Array((n + 2) * states);
    for (let i = n - 1; i >= 0; i--) {
      for (let last = 0; last < states; last++) {
        let top = -Infinity;
        let picked: Candidate | undefined;
        for (const candidate of candidatesFor(this.segments[i]!, this.segments[i + 1], last + 1, () => this.wording(i))) {
          const after = inRange(candidate.number) ? candidate.number : last;
          const total = this.score(i, candidate, last) + best[(i + (candidate.takesNext ? 2 : 1)) * states + after]!;
          if (total > top) {
            top = total;
            picked = candidate;
          }
        }
        best[i * states + last] = top;
        choice[i * states + last] = picked;
      }
    }
    const chosen: { index: number; candidate: Candidate }[] = [];
    let last = 0;
    for (let i = 0; i < n;) {
      const candidate = choice[i * states + last]!;
      chosen.push({ index: i, candidate });
      if (inRange(candidate.number)) last = candidate.number;
      i += candidate.takesNext ? 2 : 1;
    }
    return chosen;
  }
}

/** What the repair of a row's number was, for its diagnostic; null where the number stands as written. */
function repairOf(candidate: Candidate, seg: Segment, next: Segment | undefined): DiagnosticArguments<'row-number-repaired'> | null {
  if (candidate.reason === 'as-written' || candidate.reason === 'unidentified') return null;
  const repair: DiagnosticArguments<'row-number-repaired'> = { written: seg.numberText, number: candidate.number ?? 0, how: candidate.reason };
  if (candidate.reason === 'line-split') repair.next = next?.numberText ?? '';
  if (seg.unnumbered) repair.unnumbered = true;
  return repair;
}

export interface AssembleResult {
  rows: AssembledRow[];
  /** Rows before the first numbered row that could not be attached to anything. */
  orphans: PhysicalRow[];
  diagnostics: Diagnostic[];
}

/** Assemble the physical rows of a return's table (all its pieces, in order) into its rows. */
export function assembleRows(rows: readonly PhysicalRow[]): AssembleResult {
  const diagnostics: Diagnostic[] = [];
  const orphans: PhysicalRow[] = [];
  const segments = segment(rows, orphans);
  const readings = new RowReadings(segments);
  const assembled: AssembledRow[] = [];
  for (const { index, candidate } of readings.choose()) {
    const seg = segments[index]!;
    const next = segments[index + 1];
    const members = readings.rows(index, candidate.takesNext);
    const first = members[0]!;
    const repair = repairOf(candidate, seg, next);
    if (repair && inRange(candidate.number)) {
      // The number as written is replaced: the diagnostic keeps it, so that no text is lost.
      const written = [seg.numberText, candidate.takesNext ? (next?.numberText ?? '') : ''].filter((text) => text !== '').join(' ');
      diagnostics.push(diagnostic('row-number-repaired', repair, { ...first.place, point: candidate.number, ...(written ? { text: written } : {}) }));
    }
    if (candidate.number === null) {
      const text = pointText(members) || joinCellText(members.flatMap((row) => row.cells));
      diagnostics.push(
        diagnostic(
          'unknown-point',
          { kind: 'unmatched', at: first.place, numberText: seg.numberText, text },
          {
            ...first.place,
            // The row is left out of the return: all of it, number cell and answers, is kept here.
            text: [seg.numberText, ...[0, 1, 2, 3].map((part) => joinCellText(members.map((row) => row.cells[part as 0])))]
              .filter((cell) => cell !== '')
              .join(' | '),
          },
        ),
      );
    }
    assembled.push({
      number: candidate.number,
      numberText: seg.numberText,
      pieces: [0, 1, 2, 3].map((part) => members.map((row) => row.cells[part as 0]).filter((text) => text.trim() !== '')) as AssembledRow['pieces'],
      place: first.place,
    });
  }
  return { rows: assembled, orphans, diagnostics };
}
