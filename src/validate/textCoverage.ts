/**
 * "No text lost": every word inside the return's table in the source must come out somewhere — in
 * a cell of the return or in a diagnostic (its message or the full `text` it carries). A check for
 * tests of every reader, so that a normalisation bug can never silently drop a sentence.
 *
 * The table is the one findReturn chose: the blocks from its first piece to its last, that is the
 * rows under its heading and any lines between the pieces of a table broken over pages. Heading
 * rows are the form's own and are not answers.
 *
 * Words are runs of letters and digits, so that markup, JSON quoting in messages and joined white
 * space do not matter. Answers are counted (a sentence dropped whose words all occur elsewhere once
 * is still caught, up to how often they occur); the charter-point column may differ from the
 * output by small slips, since the return carries the charter's own wording there.
 */
import { CHARTER_POINTS } from '../charter/points.js';
import type { ImportResult } from '../importReturn.js';
import type { Place, RawDocument, RawRow } from '../model.js';
import { readHeading, type ColumnMap } from '../normalise/columns.js';
import { findReturn } from '../normalise/findReturn.js';

export interface LostWord {
  word: string;
  place: Place;
  /** 0-based column of the raw row the word was in; absent for a line between table pieces. */
  column?: number;
}

export interface TextCoverage {
  /** Words of the source table found neither in the return nor in any diagnostic. */
  missing: LostWord[];
  /** How many words of the source table were checked. */
  wordsChecked: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Every word the output holds, with how often: cells, numbers, metadata and diagnostics. */
function outputWords(result: ImportResult): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (text: string | null | undefined) => {
    if (!text) return;
    for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  const charterReturn = result.charterReturn;
  if (charterReturn) {
    add(charterReturn.authority);
    add(charterReturn.period);
    for (const point of charterReturn.points) {
      add(String(point.number));
      add(point.charterPoint);
      add(point.whereWeAreNow);
      add(point.whereWeNeedToImprove);
      add(point.nextSteps);
    }
  }
  for (const diagnostic of result.diagnostics) {
    add(diagnostic.message);
    add(diagnostic.text);
  }
  return counts;
}

const CHARTER_VOCABULARY = new Set(CHARTER_POINTS.flatMap((point) => wordsOf(point.wording.toLowerCase())));

/** One letter added, dropped, changed or two neighbours swapped. */
function withinOneSlip(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A word of the charter's own wording, as written or with one slip in a long word. */
function isCharterWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (CHARTER_VOCABULARY.has(lower)) return true;
  if (lower.length < 5) return false;
  for (const known of CHARTER_VOCABULARY) if (known.length >= 4 && withinOneSlip(lower, known)) return true;
  return false;
}

type ColumnRole = 'number' | 'charterPoint' | 'answer' | 'metadata' | 'source-path' | 'outside';

function roleOf(index: number, columns: ColumnMap): ColumnRole {
  if (index === columns.number) return 'number';
  if (index === columns.charterPoint) return 'charterPoint';
  if (index === columns.whereWeAreNow || index === columns.whereWeNeedToImprove || index === columns.nextSteps) return 'answer';
  // Our own CSV's Source column names the file the return was first read from; it is bookkeeping,
  // replaced by the path of the file now being read.
  if (index === columns.metadata.source) return 'source-path';
  if (index === columns.metadata.authority || index === columns.metadata.period) return 'metadata';
  return 'outside';
}

export function checkTextCoverage(doc: RawDocument, result: ImportResult): TextCoverage {
  const found = findReturn(doc);
  if (!('pieces' in found) || found.pieces.length === 0) return { missing: [], wordsChecked: 0 };

  const available = outputWords(result);
  const missing: LostWord[] = [];
  let wordsChecked = 0;

  /** Counted words use one occurrence of the output each; repeated ones (row numbers, metadata) only need to be there. */
  const check = (text: string, role: ColumnRole, place: Place, column?: number) => {
    if (role === 'source-path') return;
    for (const word of wordsOf(text)) {
      wordsChecked++;
      const count = available.get(word) ?? 0;
      let covered: boolean;
      if (role === 'number' || role === 'metadata') covered = count > 0;
      else if (role === 'charterPoint') covered = count > 0 || isCharterWord(word);
      else {
        covered = count > 0;
        if (covered) available.set(word, count - 1);
      }
      if (!covered) missing.push(column === undefined ? { word, place } : { word, place, column });
    }
  };

  const pieceOf = new Map(found.pieces.map((piece) => [piece.table, piece]));
  const blockIndexes = doc.blocks.flatMap((block, index) => (block.kind === 'table' && pieceOf.has(block.table) ? [index] : []));
  const firstBlock = Math.min(...blockIndexes);
  const lastBlock = Math.max(...blockIndexes);

  // Answers first, so that the words a cell and a message about it share are counted once each.
  const deferred: (() => void)[] = [];
  for (let index = firstBlock; index <= lastBlock; index++) {
    const block = doc.blocks[index]!;
    if (block.kind === 'text') {
      check(block.text, 'outside', block.place);
      continue;
    }
    const piece = pieceOf.get(block.table);
    if (!piece) continue;
    let rows: readonly RawRow[] = block.table.rows;
    if (index === firstBlock) {
      // Rows above the return's heading are titles, not the table.
      const heading = rows.findIndex((row) => readHeading(row) !== null);
      rows = rows.slice(heading + 1);
    }
    for (const row of rows) {
      if (readHeading(row) !== null) continue;
      row.cells.forEach((cell, column) => {
        const role = roleOf(column, piece.columns);
        if (role === 'answer') check(cell, role, row.place, column);
        else deferred.push(() => check(cell, role, row.place, column));
      });
    }
  }
  for (const run of deferred) run();
  return { missing, wordsChecked };
}

/** A short account of lost words for a test failure message. */
export function describeLostWords(missing: readonly LostWord[], max = 20): string {
  const shown = missing.slice(0, max).map((lost) => {
    const where = [lost.place.page !== undefined ? `page ${lost.place.page}` : '', lost.place.line !== undefined ? `line ${lost.place.line}` : '']
      .filter(Boolean)
      .join(' ');
    return `${JSON.stringify(lost.word)} (${where || 'no place'}${lost.column !== undefined ? `, column ${lost.column + 1}` : ''})`;
  });
  const more = missing.length > max ? `, and ${missing.length - max} more` : '';
  return `${shown.join(', ')}${more}`;
}
