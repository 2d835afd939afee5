/**
 * Reader for charter's own JSON: one return as an object, several as an array, or one a line
 * (NDJSON). Each return is checked against the return's JSON Schema (the check is handed in by
 * the pipeline, which owns validation) and becomes a raw table in the form's own layout, declaring
 * the authority and period it states, so that it is normalised and validated like any other input
 * and reads back as the same return: the same points, answers, authority and period. What charter
 * derives (timescales, diagnostics, the source) is worked out afresh.
 */
import type { Diagnostic, RawBlock, RawDocument, RawRow, RawTable } from '../../model.js';
import { ANSWER_HEADINGS } from '../../model.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { ReadFailure, ReturnShapeCheck } from '../reader.js';

export interface JsonReadOptions {
  checkReturn?: ReturnShapeCheck | undefined;
}

export type JsonReadResult = { ok: true; blocks: RawBlock[]; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

interface Offered {
  value: unknown;
  /** The line it starts on, for NDJSON (a pretty-printed return spans many). */
  line?: number;
}

function unreadable(detail: string, line?: number): Diagnostic {
  return line === undefined ? diagnostic('json-unreadable', { detail }) : diagnostic('json-unreadable', { detail, line }, { line });
}

function parseErrorDetail(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\s+/g, ' ').trim() : String(error);
}

/** The returns the text offers: one JSON value (an object or an array of them), or one a line. */
function offeredValues(text: string): Offered[] | Diagnostic {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map((entry) => ({ value: entry })) : [{ value }];
  } catch (whole) {
    const lines = text.split('\n');
    const offered: Offered[] = [];
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!.trim();
      if (line === '') continue;
      try {
        offered.push({ value: JSON.parse(line) as unknown, line: index + 1 });
      } catch (error) {
        // One line that does not parse: if it is the first, the text was never NDJSON.
        return offered.length === 0 ? unreadable(parseErrorDetail(whole)) : unreadable(parseErrorDetail(error), index + 1);
      }
    }
    return offered;
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * The problems the table below cannot be built with. The schema says all this and more; this is
 * what keeps the reader safe where no check is handed in (tests reading documents directly).
 */
function shapeProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['it is not an object'];
  const problems: string[] = [];
  for (const key of ['authority', 'period'] as const) {
    const entry = field(value, key);
    if (entry !== null && typeof entry !== 'string') problems.push(`${key}: must be text or null`);
  }
  const points = field(value, 'points');
  if (!Array.isArray(points)) return [...problems, 'points: must be an array'];
  points.forEach((point, index) => {
    const number = field(point, 'number');
    if (typeof number !== 'number' || !Number.isInteger(number)) problems.push(`point ${index + 1}: its number must be a whole number`);
    for (const key of ['charterPoint', 'whereWeAreNow', 'whereWeNeedToImprove', 'nextSteps']) {
      if (text(field(point, key)) === null) problems.push(`point ${index + 1}, ${key}: must be text`);
    }
  });
  return problems;
}

const HEADING = ['No.', 'Charter point', ANSWER_HEADINGS.whereWeAreNow, ANSWER_HEADINGS.whereWeNeedToImprove, ANSWER_HEADINGS.nextSteps];

function returnTable(value: unknown, line: number | undefined): RawTable {
  const place = line !== undefined ? { line } : {};
  const points = (field(value, 'points') as unknown[]).slice();
  // Charter order is the contract's; an array written in another order means nothing more.
  points.sort((a, b) => (field(a, 'number') as number) - (field(b, 'number') as number));
  const rows: RawRow[] = [
    { cells: [...HEADING], place },
    ...points.map((point) => ({
      cells: [
        String(field(point, 'number')),
        ...['charterPoint', 'whereWeAreNow', 'whereWeNeedToImprove', 'nextSteps'].map((key) => text(field(point, key))!),
      ],
      place,
    })),
  ];
  return { rows, place, declared: { authority: text(field(value, 'authority')), period: text(field(value, 'period')) } };
}

export function readJson(source: string, options: JsonReadOptions): JsonReadResult {
  const offered = offeredValues(source);
  if (!Array.isArray(offered)) return { ok: false, diagnostics: [offered] };
  if (offered.length === 0) return { ok: false, diagnostics: [diagnostic('json-not-a-return', { kind: 'empty' })] };
  const diagnostics: Diagnostic[] = [];
  const blocks: RawBlock[] = [];
  offered.forEach(({ value, line }, index) => {
    const basic = shapeProblems(value);
    const problems = basic.length > 0 ? basic : (options.checkReturn?.(value) ?? []);
    if (problems.length > 0) {
      const where = { kind: 'problems', count: offered.length, index, line, problems } as const;
      diagnostics.push(diagnostic('json-not-a-return', where, line !== undefined ? { line } : {}));
      return;
    }
    blocks.push({ kind: 'table', table: returnTable(value, line) });
  });
  if (blocks.length === 0) return { ok: false, diagnostics };
  return { ok: true, blocks, diagnostics };
}

/** The registry's reader (readers.ts): decoded text to a document, the decoding's diagnostics first. */
export function readJsonDocument(text: string, decoding: Diagnostic[], options: JsonReadOptions): RawDocument | ReadFailure {
  const read = readJson(text, options);
  const diagnostics = [...decoding, ...read.diagnostics];
  return read.ok ? { format: 'json', blocks: read.blocks, diagnostics } : { ok: false, diagnostics };
}
