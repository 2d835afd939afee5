/**
 * CSV output (RFC 4180, UTF-8): a header row, then one row per point. Every row carries its
 * return's source, authority and period, so one table can hold many returns.
 */
import { stringify } from 'csv-stringify/sync';
import { ANSWER_HEADINGS, type CharterReturn } from '../model.js';
import { guardFormula } from '../text/csvFormulaGuard.js';
import type { ReturnWriter, WriteOptions } from './writer.js';

export const CSV_HEADER = [
  'Source',
  'Authority',
  'Period',
  'No.',
  'Charter point',
  ANSWER_HEADINGS.whereWeAreNow,
  ANSWER_HEADINGS.whereWeNeedToImprove,
  ANSWER_HEADINGS.nextSteps,
] as const;

export interface CsvOptions {
  /** Write cells exactly as they are, without the formula guard. */
  raw?: boolean;
}

export function csvHeaderRow(): string {
  return stringify([[...CSV_HEADER]], { record_delimiter: 'unix' });
}

export function csvRows(charterReturn: CharterReturn, raw = false): string {
  const cell = raw ? (text: string) => text : guardFormula;
  const rows = charterReturn.points.map((point) =>
    [
      charterReturn.source.path ?? '',
      charterReturn.authority ?? '',
      charterReturn.period ?? '',
      String(point.number),
      point.charterPoint,
      point.whereWeAreNow,
      point.whereWeNeedToImprove,
      point.nextSteps,
    ].map(cell),
  );
  return rows.length === 0 ? '' : stringify(rows, { record_delimiter: 'unix', quoted_match: /^\s|\s$/ });
}

export function writeCsv(returns: readonly CharterReturn[], options: CsvOptions = {}): string {
  return csvHeaderRow() + returns.map((charterReturn) => csvRows(charterReturn, options.raw ?? false)).join('');
}

export function csvWriter(options: WriteOptions): ReturnWriter {
  const raw = options.csvRaw ?? false;
  return { head: () => csvHeaderRow(), separator: () => '', item: (charterReturn) => csvRows(charterReturn, raw), tail: () => '' };
}
