/** The public data model of a charter return (see shared/contract.md) and the raw shapes readers produce. */
import type { AmbitionNumber, SectionId } from './charter/frame.js';
import type { Timescale } from './timescales/timescale.js';

export type { Timescale };

export type Severity = 'error' | 'warning' | 'info';

export type SourceFormat = 'tsv' | 'csv' | 'markdown' | 'pdf' | 'text';

/** Where something sits in the input: a 1-based line, a 1-based PDF page, or both. */
export interface Place {
  line?: number;
  page?: number;
}

export interface Diagnostic extends Place {
  severity: Severity;
  /** Stable, documented code such as `missing-point`. */
  code: string;
  message: string;
  /** The charter point (1–21) the diagnostic is about, where known. */
  point?: number;
  /**
   * The whole text the diagnostic is about, where its message quotes only the start of it: text
   * left out of the return (so that none is lost), or a charter point worded differently.
   */
  text?: string;
}

export interface PointAnswer {
  number: number;
  charterPoint: string;
  whereWeAreNow: string;
  whereWeNeedToImprove: string;
  nextSteps: string;
  /** The timescales read from `nextSteps` (src/timescales); set by importReturn, absent in the blank form. */
  timescales?: Timescale[];
  /** The charter section the point comes from (src/charter/frame.ts); set by importReturn and the template. */
  section?: SectionId;
  /** The national framework's Ambitions (1–6) the point serves, most relevant first. */
  ambitions?: AmbitionNumber[];
}

export interface ReturnSource {
  /** The input path as given, or null for standard input. */
  path: string | null;
  format: SourceFormat;
  /** First and last line of the return's table in a text input. */
  lines?: { from: number; to: number };
  /** Pages of a PDF that hold the return. */
  pages?: number[];
}

export interface CharterReturn {
  schemaVersion: 1;
  authority: string | null;
  period: string | null;
  source: ReturnSource;
  points: PointAnswer[];
  diagnostics: Diagnostic[];
}

/** The three answer columns of the form, in order, with the form's own headings. */
export const ANSWER_FIELDS = ['whereWeAreNow', 'whereWeNeedToImprove', 'nextSteps'] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

export const ANSWER_HEADINGS: Record<AnswerField, string> = {
  whereWeAreNow: 'Where we are now',
  whereWeNeedToImprove: 'Where we need to improve',
  nextSteps: 'Next steps (with timescales)',
};

// ---- What readers produce ------------------------------------------------------------------

/**
 * One physical row of a table as a reader found it: a line of tab-separated text, a markdown
 * table row, or one band of a PDF page. Cells are raw text (line breaks inside a cell allowed).
 * A row whose row-number cell is empty continues the row above it.
 */
export interface RawRow {
  cells: string[];
  place: Place;
}

export interface RawTable {
  rows: RawRow[];
  place: Place;
}

/** A document as a reader sees it: tables and the lines of text between them, in reading order. */
export type RawBlock =
  | { kind: 'table'; table: RawTable }
  | { kind: 'text'; text: string; place: Place };

export interface RawDocument {
  format: SourceFormat;
  blocks: RawBlock[];
  /** Repairs and problems found while reading (an encoding guessed, a page footer dropped…). */
  diagnostics: Diagnostic[];
  /** Pages read, for PDF inputs. */
  pageCount?: number;
}
