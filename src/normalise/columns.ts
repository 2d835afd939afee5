/**
 * Which cell of a raw row holds which part of the return, found from the form's column headings
 * ("Charter point", "Where we are now (May 2015)", "Where we need to improve", "Next steps").
 */
import type { RawRow } from '../model.js';

export interface ColumnMap {
  /** Index of the row-number cell, or null where the table has none. */
  number: number | null;
  charterPoint: number;
  whereWeAreNow: number;
  whereWeNeedToImprove: number;
  nextSteps: number;
  /** Columns our own CSV adds so that one table can hold many returns. */
  metadata: { source?: number; authority?: number; period?: number };
}

export interface Heading {
  columns: ColumnMap;
  /** The month and year in "Where we are now (…)", as written. */
  period: string | null;
}

const HEADING_PATTERNS = {
  charterPoint: /^\W*charter\s*points?\b/i,
  whereWeAreNow: /^\W*where\s+we\s+are\s+now\b/i,
  whereWeNeedToImprove: /^\W*where\s+we\s+need\s+to\s+improve\b/i,
  nextSteps: /^\W*next\s+steps?\b/i,
} as const;

// `#` is itself \W: it has its own branch, so that no run of `#` can be split two ways (1 MB cells).
const NUMBER_HEADING = /^\W*(?:no|num|number|ref|point|item)\W*$|^[^\w#]*#\W*$/i;
const METADATA_HEADINGS = { source: /^source$/i, authority: /^(authority|council)$/i, period: /^period$/i } as const;

function normalise(cell: string): string {
  return cell.replace(/\s+/g, ' ').replace(/[*_`]/g, '').trim();
}

/** The heading of a return's table, if `row` is one: at least three of the four named columns. */
/** A heading cell is a few words; longer cells are answers and are not looked at (most rows, and 1 MB cells). */
const LONGEST_HEADING = 120;
const HEADING_WORDS = /charter|where|next/i;

export function readHeading(row: RawRow): Heading | null {
  const found: Partial<Record<keyof typeof HEADING_PATTERNS, number>> = {};
  let period: string | null = null;
  row.cells.forEach((raw, index) => {
    if (raw.length > LONGEST_HEADING || !HEADING_WORDS.test(raw)) return;
    const cell = normalise(raw);
    for (const [key, pattern] of Object.entries(HEADING_PATTERNS) as [keyof typeof HEADING_PATTERNS, RegExp][]) {
      if (found[key] === undefined && pattern.test(cell)) {
        found[key] = index;
        if (key === 'whereWeAreNow') period = periodIn(cell);
      }
    }
  });
  const count = Object.keys(found).length;
  if (count < 3) return null;
  const charterPoint = found.charterPoint ?? (found.whereWeAreNow ?? 1) - 1;
  const whereWeAreNow = found.whereWeAreNow ?? charterPoint + 1;
  const whereWeNeedToImprove = found.whereWeNeedToImprove ?? whereWeAreNow + 1;
  const nextSteps = found.nextSteps ?? whereWeNeedToImprove + 1;
  let number: number | null = null;
  const explicit = row.cells.findIndex((cell) => NUMBER_HEADING.test(normalise(cell)));
  if (explicit >= 0 && explicit !== charterPoint) number = explicit;
  else if (charterPoint > 0 && normalise(row.cells[charterPoint - 1] ?? '') === '') number = charterPoint - 1;
  const metadata: ColumnMap['metadata'] = {};
  row.cells.forEach((raw, index) => {
    const cell = normalise(raw);
    for (const [key, pattern] of Object.entries(METADATA_HEADINGS) as [keyof typeof METADATA_HEADINGS, RegExp][]) {
      if (metadata[key] === undefined && pattern.test(cell)) metadata[key] = index;
    }
  });
  return { columns: { number, charterPoint, whereWeAreNow, whereWeNeedToImprove, nextSteps, metadata }, period };
}

/** Each heading as the form words it, from the start of its cell; what follows it is not a heading. */
// Matched on cells whose white space is already single spaces (normalise): each space is ` ?` or
// ` `, never a free run, so that no two quantifiers can share a long run between them.
const TITLE_PREFIXES: Record<keyof typeof HEADING_PATTERNS, RegExp> = {
  charterPoint: /^\W*charter ?points?\b[ .:]*/i,
  whereWeAreNow: /^\W*where we are now\b(?: ?\([^()]*\))?[ .:]*/i,
  whereWeNeedToImprove: /^\W*where we need to improve\b[ .:]*/i,
  nextSteps: /^\W*next steps?\b(?: ?\(? ?(?:with|and|incl\.?|including)? ?timescales? ?\)?)?[ .:]*/i,
};
const METADATA_TITLES = /^\W*(?:source|authority|council|period)\W*$/i;

/**
 * What a heading row holds beyond the form's own headings: a column the form does not have, or
 * words after a heading ("Next steps (with timescales) – see note"). Each as its column and text.
 */
export function headingRemainder(row: RawRow, columns: ColumnMap): { column: number; text: string }[] {
  const roles = new Map<number, keyof typeof HEADING_PATTERNS>([
    [columns.charterPoint, 'charterPoint'],
    [columns.whereWeAreNow, 'whereWeAreNow'],
    [columns.whereWeNeedToImprove, 'whereWeNeedToImprove'],
    [columns.nextSteps, 'nextSteps'],
  ]);
  const found: { column: number; text: string }[] = [];
  row.cells.forEach((raw, column) => {
    const cell = normalise(raw);
    if (cell === '') return;
    const role = roles.get(column);
    let rest: string;
    if (role) rest = cell.replace(TITLE_PREFIXES[role], '');
    else if (column === columns.number) rest = NUMBER_HEADING.test(cell) ? '' : cell;
    else rest = METADATA_TITLES.test(cell) ? '' : cell;
    if (/[\p{L}\p{N}]/u.test(rest)) found.push({ column, text: rest.trim() });
  });
  return found;
}

function periodIn(cell: string): string | null {
  const inside = /\(([^()]*)\)/.exec(cell)?.[1]?.trim();
  if (!inside || /^<.*>$/.test(inside)) return null;
  return inside;
}

/** The layout of the form itself, for a table that comes without a heading row. */
export function defaultColumns(width: number): ColumnMap {
  if (width === 4) return { number: null, charterPoint: 0, whereWeAreNow: 1, whereWeNeedToImprove: 2, nextSteps: 3, metadata: {} };
  return { number: 0, charterPoint: 1, whereWeAreNow: 2, whereWeNeedToImprove: 3, nextSteps: 4, metadata: {} };
}

export function mappedIndexes(columns: ColumnMap): number[] {
  const indexes = [columns.charterPoint, columns.whereWeAreNow, columns.whereWeNeedToImprove, columns.nextSteps];
  if (columns.number !== null) indexes.unshift(columns.number);
  indexes.push(...Object.values(columns.metadata));
  return indexes;
}
