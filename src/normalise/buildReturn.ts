/**
 * From a read document to a return: find the table, rebuild its rows, match them to the 21
 * charter points, read the period and the council. Pure: data in, data and diagnostics out.
 */
import { charterPoint, POINT_COUNT } from '../charter/points.js';
import type { CharterReturn, Diagnostic, Place, PointAnswer, RawDocument, SourceFormat } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { joinCellText } from '../text/cellText.js';
import { mappedIndexes } from './columns.js';
import { findReturns, isLaidOut, returnPages, type FoundReturn, type ReturnPiece } from './findReturn.js';
import { findAuthority, type TextSample } from './metadata.js';
import { assembleRows, type PhysicalRow } from './rowNumbers.js';
import { largest, smallest } from '../text/extremes.js';

export interface BuildOptions {
  path: string | null;
  authority?: string | undefined;
  period?: string | undefined;
}

/** What the rules need to know about a point beyond its answers: where it was, what it said. */
export interface PointEvidence {
  place: Place;
  writtenCharterPoint: string;
}

export interface BuildResult {
  /** Null where the document holds no return. Its `diagnostics` are left for the caller to fill. */
  charterReturn: CharterReturn | null;
  /** Where the return's table was found, for text accounting; null where there is none. */
  found: FoundReturn | null;
  diagnostics: Diagnostic[];
  evidence: Map<number, PointEvidence>;
}

function toPhysicalRows(piece: ReturnPiece, diagnostics: Diagnostic[]): PhysicalRow[] {
  const { columns } = piece;
  const mapped = new Set(mappedIndexes(columns));
  return piece.rows.map((row) => {
    row.cells.forEach((cell, index) => {
      if (!mapped.has(index) && cell.trim() !== '') {
        diagnostics.push(
          diagnostic('unassigned-text', { kind: 'outside-columns', text: cell, column: index + 1 }, { ...row.place, text: joinCellText([cell]) }),
        );
      }
    });
    const cell = (index: number) => row.cells[index] ?? '';
    return {
      numberText: columns.number === null ? '' : cell(columns.number),
      cells: [cell(columns.charterPoint), cell(columns.whereWeAreNow), cell(columns.whereWeNeedToImprove), cell(columns.nextSteps)],
      place: row.place,
    };
  });
}

/** A row left out of the return, whole, for its diagnostic: its non-empty parts between bars. */
function rowText(texts: readonly string[]): string {
  return texts.filter((text) => text !== '').join(' | ');
}

const METADATA_HEADINGS = { source: 'Source', authority: 'Authority', period: 'Period' } as const;

/**
 * The first value in each of our CSV's metadata columns (Source, Authority, Period). One return's
 * rows all repeat it; a row that says otherwise (another return's row, a row garbled by a stray
 * quote) has its value reported, so that it is not lost without a word.
 */
function metadataColumns(pieces: readonly ReturnPiece[], diagnostics: Diagnostic[]): { authority?: string; period?: string } {
  const first: { source?: string; authority?: string; period?: string } = {};
  const reported = new Set<string>();
  for (const piece of pieces) {
    for (const row of piece.rows) {
      for (const key of ['source', 'authority', 'period'] as const) {
        const index = piece.columns.metadata[key];
        if (index === undefined) continue;
        const value = joinCellText([row.cells[index] ?? '']);
        if (value === '') continue;
        const used = first[key];
        if (used === undefined) {
          first[key] = value;
        } else if (value !== used && !reported.has(`${key}\u0000${value}`)) {
          reported.add(`${key}\u0000${value}`);
          diagnostics.push(
            diagnostic(
              'unassigned-text',
              { kind: 'metadata-differs', text: value, heading: METADATA_HEADINGS[key], used },
              { ...row.place, text: value },
            ),
          );
        }
      }
    }
  }
  const found: { authority?: string; period?: string } = {};
  if (first.authority !== undefined) found.authority = first.authority;
  if (first.period !== undefined) found.period = first.period;
  return found;
}

function extent(pieces: readonly ReturnPiece[], format: SourceFormat): { lines?: { from: number; to: number }; pages?: number[] } {
  const places = pieces.flatMap((piece) => [piece.table.place, ...piece.table.rows.map((row) => row.place)]);
  // A line on a PDF page counts from the top of its page: it says nothing about the file's lines.
  const lines = format === 'pdf' ? [] : places.map((place) => place.line).filter((line): line is number => line !== undefined);
  const pages = [...new Set(places.map((place) => place.page).filter((page): page is number => page !== undefined))].sort((a, b) => a - b);
  const result: { lines?: { from: number; to: number }; pages?: number[] } = {};
  if (lines.length > 0) result.lines = { from: smallest(lines), to: largest(lines) };
  if (pages.length > 0) result.pages = pages;
  return result;
}

export interface BuildResults {
  /** One result for each return the document holds, in document order; none where it holds none. */
  returns: BuildResult[];
  /** Why there is no return, where there is none (with the reader's own diagnostics). */
  diagnostics: Diagnostic[];
}

/** Every return the document holds; each carries the reader's diagnostics too. */
export function buildReturns(doc: RawDocument, options: BuildOptions): BuildResults {
  const found = findReturns(doc);
  if (!('returns' in found)) {
    const damage = (doc.damagedPages ?? []).map(({ page, detail }) => diagnostic('pdf-page-damaged', { detail }, { page }));
    return {
      returns: [],
      diagnostics: [...doc.diagnostics, ...damage, diagnostic('no-return-found', { pageCount: doc.pageCount, reason: found.reason })],
    };
  }
  const returns = found.returns.map((one) => buildOne(doc, one, options));
  reportDamage(doc, found.returns, returns);
  return { returns, diagnostics: [] };
}

/**
 * Pages the PDF engine could not read whole: on a return's page, text of that return may be
 * missing, an error on it; elsewhere, a warning (on the first return).
 */
function reportDamage(doc: RawDocument, found: readonly FoundReturn[], built: BuildResult[]): void {
  if (!doc.damagedPages) return;
  const pagesOf = found.map((one) => new Set(returnPages(one.pieces)));
  for (const { page, detail } of doc.damagedPages) {
    const holder = pagesOf.findIndex((pages) => pages.has(page));
    if (holder >= 0) built[holder]!.diagnostics.push(diagnostic('pdf-text-damaged', { detail }, { page }));
    else built[0]?.diagnostics.push(diagnostic('pdf-page-damaged', { detail }, { page }));
  }
}

/** The document's first return (or why it holds none). */
export function buildReturn(doc: RawDocument, options: BuildOptions): BuildResult {
  const built = buildReturns(doc, options);
  return built.returns[0] ?? { charterReturn: null, found: null, diagnostics: built.diagnostics, evidence: new Map() };
}

function buildOne(doc: RawDocument, found: FoundReturn, options: BuildOptions): BuildResult {
  // Concatenated, never spread into push(): a flood of diagnostics would overflow the stack.
  const diagnostics: Diagnostic[] = doc.diagnostics.concat(found.diagnostics);
  const evidence = new Map<number, PointEvidence>();

  const physical = found.pieces.flatMap((piece) => toPhysicalRows(piece, diagnostics));
  const assembled = assembleRows(physical);
  for (const one of assembled.diagnostics) diagnostics.push(one);
  for (const orphan of assembled.orphans) {
    const text = joinCellText(orphan.cells);
    if (text !== '') {
      diagnostics.push(
        diagnostic(isLaidOut(doc) ? 'text-between-rows' : 'unassigned-text', { kind: 'above-first-row', text }, { ...orphan.place, text }),
      );
    }
  }

  const byNumber = new Map<number, PointAnswer>();
  for (const row of assembled.rows) {
    if (row.number === null) continue;
    const texts = row.pieces.map((pieces) => joinCellText(pieces));
    if (row.number < 1 || row.number > POINT_COUNT) {
      diagnostics.push(
        diagnostic(
          'unknown-point',
          { kind: 'out-of-range', numberText: row.numberText, text: texts.join(' '), pointCount: POINT_COUNT },
          { ...row.place, text: rowText([row.numberText, ...texts]) },
        ),
      );
      continue;
    }
    const earlier = evidence.get(row.number);
    if (earlier) {
      diagnostics.push(
        diagnostic(
          'duplicate-point',
          { number: row.number, first: earlier.place, row: texts.join(' | ') },
          { ...row.place, point: row.number, text: rowText(texts) },
        ),
      );
      continue;
    }
    evidence.set(row.number, { place: row.place, writtenCharterPoint: texts[0]! });
    byNumber.set(row.number, {
      number: row.number,
      charterPoint: charterPoint(row.number)!.wording,
      whereWeAreNow: texts[1]!,
      whereWeNeedToImprove: texts[2]!,
      nextSteps: texts[3]!,
    });
  }
  const points = [...byNumber.values()].sort((a, b) => a.number - b.number);

  const columnValues = metadataColumns(found.pieces, diagnostics);
  const declared = found.pieces[0]!.table.declared;
  let period = declared ? declared.period : (found.period ?? columnValues.period ?? null);
  if (options.period !== undefined) {
    if (period !== null && period !== options.period) {
      diagnostics.push(diagnostic('period-overridden', { written: period, given: options.period }));
    }
    period = options.period;
  }

  let authority: string | null = null;
  if (options.authority !== undefined) {
    authority = options.authority;
  } else if (declared) {
    authority = declared.authority;
  } else if (columnValues.authority !== undefined) {
    authority = columnValues.authority;
  } else {
    const samples: TextSample[] = [
      ...found.before.map((entry) => ({ text: entry.text, ...entry.place, title: true })),
      ...physical.flatMap((row) => row.cells.map((text) => ({ text, ...row.place, title: false }))),
    ];
    const finding = findAuthority(samples);
    if (finding) {
      authority = finding.authority;
      diagnostics.push(diagnostic('authority-inferred', { authority: finding.authority, how: finding.how }));
    }
  }

  const charterReturn: CharterReturn = {
    schemaVersion: 1,
    authority,
    period,
    source: { path: options.path, format: doc.format, ...extent(found.pieces, doc.format) },
    points,
    diagnostics: [],
  };
  return { charterReturn, found, diagnostics, evidence };
}
