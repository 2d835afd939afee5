/**
 * Text accounting, "no text lost": every word inside the return's table in the source must come
 * out somewhere — in a cell of the return, or in the full `text` a diagnostic carries (text left
 * out, page furniture dropped). Run on every return of every input, so that a reader or
 * normalisation bug can never silently drop a sentence: what is missing is an error.
 *
 * The table is the one findReturn chose: the blocks from its first piece to its last, that is the
 * rows under its heading and any lines between the pieces of a table broken over pages; and the
 * next table after them, with the lines before it, if it has no heading of its own and holds the
 * charter's wording (the rest of the return, should the stitching stop too soon). Heading rows are
 * the form's own and are not answers.
 *
 * Words are runs of letters and digits, so that markup, JSON quoting in messages and joined white
 * space do not matter. Words are counted: each occurrence in the source needs an occurrence of its
 * own in the output, so a sentence dropped whose words all occur elsewhere is still caught (it is
 * then reported at whichever occurrence was left over). Answers are matched first. The
 * charter-point column may also differ from the output by small slips, since the return carries
 * the charter's own wording there; row numbers and our CSV's metadata repeat, so only need to be
 * there.
 */
import { CHARTER_POINTS } from '../charter/points.js';
import { identifyPoint } from '../charter/wording.js';
import type { CharterReturn, Diagnostic, Place, RawDocument, RawRow, RawTable } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { joinCellText } from '../text/cellText.js';
import { headingRemainder, readHeading, type ColumnMap } from '../normalise/columns.js';
import { findReturns, type FoundReturn } from '../normalise/findReturn.js';

/** What a return came out as: its cells, and the diagnostics that carry text left out of them. */
export interface AccountedOutput {
  charterReturn: CharterReturn | null;
  diagnostics: readonly Diagnostic[];
}

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
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const ASCII_WORD = new Uint8Array(128).map((_, code) => (/[A-Za-z0-9]/.test(String.fromCharCode(code)) ? 1 : 0));

const WORD_WITH_QUOTES = /[\p{L}\p{N}]+(?:['‘’][\p{L}\p{N}]+)*/gu;

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

type WordCounts = Map<string, number>;

/**
 * Every word the output holds, with how often, in two pools: what the source's answers (and any
 * other text of the table) may be found in — the answers, the point numbers and the text that
 * diagnostics carry — and the charter's own wording, which stands in for the charter-point column
 * only. A message is not counted: rules quote the return's own cells in theirs, and such a
 * quotation must not stand in for a word lost from the source. Nor are the authority and period,
 * which come from titles and headings outside the table's cells (our CSV's columns aside).
 */
function outputWords(
  result: AccountedOutput,
  furniture: ReadonlySet<string>,
  withAnswers: boolean,
): { answers: WordCounts; charter: WordCounts; metadata: WordCounts } {
  const pool = () => new Map<string, number>();
  const answers = pool();
  const charter = pool();
  const metadata = pool();
  const add = (counts: WordCounts, text: string | null | undefined) => {
    if (!text) return;
    for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  const charterReturn = result.charterReturn;
  if (charterReturn) {
    add(metadata, charterReturn.authority);
    add(metadata, charterReturn.period);
    for (const point of charterReturn.points) {
      add(answers, String(point.number));
      add(charter, point.charterPoint);
      if (!withAnswers) continue;
      add(answers, point.whereWeAreNow);
      add(answers, point.whereWeNeedToImprove);
      add(answers, point.nextSteps);
    }
  }
  for (const diagnostic of result.diagnostics) {
    // Page furniture is set apart by the reader and not checked here: the text its report
    // carries must not stand in for a word of the table.
    if (diagnostic.code === 'page-footer-dropped' && diagnostic.text !== undefined && furniture.has(diagnostic.text)) continue;
    add(answers, diagnostic.text);
  }
  return { answers, charter, metadata };
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

/**
 * A word of the charter's own wording, as written or with one slip in a long word. Like the
 * wording comparison (src/charter/wording.ts), only ASCII letters and digits count: a stray
 * accented letter inside a charter word ("aÜtimely") leaves the words the charter's.
 */
function isCharterWord(word: string): boolean {
  const parts = word
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((part) => part !== '');
  return parts.every((part) => {
    if (CHARTER_VOCABULARY.has(part)) return true;
    if (part.length < 5) return false;
    for (const known of CHARTER_VOCABULARY) if (known.length >= 4 && withinOneSlip(part, known)) return true;
    return false;
  });
}

type MetadataKey = keyof ColumnMap['metadata'];
type ColumnRole = 'number' | 'charterPoint' | 'answer' | MetadataKey | 'outside';

function roleOf(index: number, columns: ColumnMap): ColumnRole {
  if (index === columns.number) return 'number';
  if (index === columns.charterPoint) return 'charterPoint';
  if (index === columns.whereWeAreNow || index === columns.whereWeNeedToImprove || index === columns.nextSteps) return 'answer';
  for (const key of ['source', 'authority', 'period'] as const) if (index === columns.metadata[key]) return key;
  return 'outside';
}

const isMetadata = (role: ColumnRole): role is MetadataKey => role === 'source' || role === 'authority' || role === 'period';

function firstMetadataValues(pieces: readonly { columns: ColumnMap; rows: readonly RawRow[] }[]): Partial<Record<MetadataKey, string>> {
  const first: Partial<Record<MetadataKey, string>> = {};
  for (const piece of pieces) {
    for (const row of piece.rows) {
      for (const key of ['source', 'authority', 'period'] as const) {
        const index = piece.columns.metadata[key];
        if (index === undefined || first[key] !== undefined) continue;
        const value = joinCellText([row.cells[index] ?? '']);
        if (value !== '') first[key] = value;
      }
    }
  }
  return first;
}

/** A table after the return's last piece, with no heading of its own, holding a row in the charter's wording. */
function carriesOnTheReturn(table: RawTable): boolean {
  if (table.rows.some((row) => readHeading(row) !== null)) return false;
  return table.rows.some((row) => row.cells.some((cell) => cell.trim() !== '' && identifyPoint(cell) !== null));
}

const ANSWER_KEYS = ['whereWeAreNow', 'whereWeNeedToImprove', 'nextSteps'] as const;

/**
 * Whether every answer column of the table, read down its rows, is the return's answers in that
 * column, point after point (white space aside): the words of those columns if so, else null.
 */
function answersComeOutWhole(found: FoundReturn, charterReturn: CharterReturn | null): number | null {
  if (!charterReturn) return null;
  let words = 0;
  for (const key of ANSWER_KEYS) {
    const source = found.pieces.flatMap((piece) => piece.rows.map((row) => row.cells[piece.columns[key]] ?? ''));
    const count = sameWords(
      source,
      charterReturn.points.map((point) => point[key]),
    );
    if (count === null) return null;
    words += count;
  }
  return words;
}

/**
 * A run of white space as text accounting has always read it (the control codes and the space,
 * NEL, no-break and the other Unicode spaces, zero-width space, line and paragraph separators, the
 * BOM) that is not one plain space: two or more, or one other character, so that the single
 * spaces between words, most of any text, are not matches at all and most texts stay as they are.
 */
const UNTIDY_SPACE =
  /[\x00-\x20\x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]{2,}|(?! )[\x00-\x20\x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/** Texts joined with spaces, every run of white space one space, the ends trimmed. */
function spacedText(texts: readonly string[]): string {
  const text = texts.join(' ').replace(UNTIDY_SPACE, ' ');
  const from = text.charCodeAt(0) === 32 ? 1 : 0;
  const to = text.length > from && text.charCodeAt(text.length - 1) === 32 ? text.length - 1 : text.length;
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

/**
 * Whether two lists of texts, each joined with spaces, are the same text once every run of white
 * space is one space and the ends are trimmed; if so, how many words it holds (runs of letters and
 * digits, a UTF-16 code unit at a time). Each side is made with the engine's own join and replace,
 * a few times quicker than reading them a character at a time (these are the whole table's answers).
 */
export function sameWords(a: readonly string[], b: readonly string[]): number | null {
  const text = spacedText(a);
  if (text !== spacedText(b)) return null;
  let words = 0;
  let inWord = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const word = code < 128 ? ASCII_WORD[code] === 1 : WORD_CHARACTER.test(String.fromCharCode(code));
    if (word && !inWord) words++;
    inWord = word;
  }
  return words;
}

/** The check on the document's first return, for tests that hold an import's output. */
export function checkTextCoverage(doc: RawDocument, result: AccountedOutput): TextCoverage {
  const found = findReturns(doc);
  if (!('returns' in found)) return { missing: [], wordsChecked: 0 };
  return accountForText(doc, found.returns[0]!, result);
}

/** The words of `found`'s table in `doc` that `output` holds nowhere. */
export function accountForText(doc: RawDocument, found: FoundReturn, result: AccountedOutput): TextCoverage {
  if (found.pieces.length === 0) return { missing: [], wordsChecked: 0 };

  const furniture = new Set(doc.blocks.flatMap((block) => (block.kind === 'furniture' ? [block.text] : [])));
  // Most returns come out as they went in: each answer column, read down the table, is the same
  // text as the return's answers in that column, point after point. Then the answers are all
  // there, and only the rest of the table is checked word by word.
  const whole = answersComeOutWhole(found, result.charterReturn);
  const pieceRows = new Set(found.pieces.flatMap((piece) => piece.rows));
  const available = outputWords(result, furniture, whole === null);
  const missing: LostWord[] = [];
  let wordsChecked = whole ?? 0;

  // Our CSV's metadata columns repeat one value on every row: the first is the return's (its Source is
  // bookkeeping, replaced by the path now read); any other must be in a diagnostic.
  const metadataValues = firstMetadataValues(found.pieces);

  /** Counted words use one occurrence of the output each; repeated ones (row numbers, metadata) only need to be there. */
  /** Take one occurrence of `word` from `counts`, if it holds one. */
  const take = (counts: WordCounts, word: string): boolean => {
    const count = counts.get(word) ?? 0;
    if (count > 0) counts.set(word, count - 1);
    return count > 0;
  };
  const check = (text: string, role: ColumnRole, place: Place, column?: number) => {
    if (isMetadata(role) && joinCellText([text]) === metadataValues[role]) return;
    // A charter point's words are forgiven as the wording match forgives them, which reads a quote
    // mark inside a word as no break ("compas‘sionate" is a slip of "compassionate").
    const spans = role === 'charterPoint' ? (text.match(WORD_WITH_QUOTES) ?? []) : [text];
    for (const span of spans) {
      const whole = role === 'charterPoint' ? span.replace(/['‘’]/g, '') : '';
      for (const word of wordsOf(span)) {
        wordsChecked++;
        let covered: boolean;
        if (role === 'number') covered = (available.answers.get(word) ?? 0) > 0;
        else if (isMetadata(role)) covered = (available.metadata.get(word) ?? 0) > 0 || (available.answers.get(word) ?? 0) > 0;
        else if (role === 'charterPoint')
          covered = take(available.charter, word) || take(available.answers, word) || isCharterWord(word) || isCharterWord(whole);
        else covered = take(available.answers, word);
        if (!covered) missing.push(column === undefined ? { word, place } : { word, place, column });
      }
    }
  };

  const pieceOf = new Map(found.pieces.map((piece) => [piece.table, piece.columns]));
  const firstBlock = found.blocks.first;
  let lastBlock = found.blocks.last;
  let columns = found.pieces[found.pieces.length - 1]!.columns;
  const next = doc.blocks.findIndex((block, index) => index > lastBlock && block.kind === 'table');
  const nextBlock = doc.blocks[next];
  if (nextBlock?.kind === 'table' && carriesOnTheReturn(nextBlock.table)) {
    pieceOf.set(nextBlock.table, columns);
    lastBlock = next;
  }

  // Answers first, so that a word that an answer and a message share is not spent on the message;
  // the charter-point column last, since slips in it are forgiven.
  const deferred: (() => void)[] = [];
  const charterColumn: (() => void)[] = [];
  for (let index = firstBlock; index <= lastBlock; index++) {
    const block = doc.blocks[index]!;
    // Page furniture and text not written left to right are reported whole by the normaliser.
    if (block.kind === 'furniture' || block.kind === 'aside') continue;
    if (block.kind === 'text') {
      deferred.push(() => check(block.text, 'outside', block.place));
      continue;
    }
    columns = pieceOf.get(block.table) ?? columns;
    const tableColumns = columns;
    let rows: readonly RawRow[] = block.table.rows;
    if (index === firstBlock) {
      // Rows above the return's heading are titles, not the table.
      const heading = rows.findIndex((row) => readHeading(row) !== null);
      rows = rows.slice(heading);
    }
    for (const row of rows) {
      const heading = readHeading(row);
      if (heading !== null) {
        // A heading row's own titles are the form's; anything more in it must come out somewhere.
        for (const { column, text } of headingRemainder(row, heading.columns)) deferred.push(() => check(text, 'outside', row.place, column));
        continue;
      }
      row.cells.forEach((cell, column) => {
        const role = roleOf(column, tableColumns);
        if (role === 'answer') {
          if (whole === null || !pieceRows.has(row)) check(cell, role, row.place, column);
        } else (role === 'charterPoint' ? charterColumn : deferred).push(() => check(cell, role, row.place, column));
      });
    }
  }
  for (const run of [...deferred, ...charterColumn]) run();
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

/**
 * The words no output holds, as errors: runs of lost words from one place (a cell, a line) are
 * quoted together, in the order of the source.
 */
export function unaccountedDiagnostics(missing: readonly LostWord[]): Diagnostic[] {
  const runs: { place: Place; column?: number; words: string[] }[] = [];
  for (const lost of missing) {
    const last = runs.at(-1);
    if (last && last.place.page === lost.place.page && last.place.line === lost.place.line && last.column === lost.column) last.words.push(lost.word);
    else runs.push({ place: lost.place, ...(lost.column === undefined ? {} : { column: lost.column }), words: [lost.word] });
  }
  return runs.map((run) => {
    const text = run.words.join(' ');
    return diagnostic('text-unaccounted', { text, column: run.column === undefined ? undefined : run.column + 1 }, { ...run.place, text });
  });
}
