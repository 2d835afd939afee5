/**
 * The public data model of a charter return (see shared/contract.md) and the raw shapes readers
 * produce. The ground floor: it imports nothing, and every stage imports it.
 */

export type Severity = 'error' | 'warning' | 'info';

/**
 * What `source.format` may say: the contract's list. Each has its reader in src/read/readers.ts,
 * and the compiler checks there that the two lists agree.
 */
export const SOURCE_FORMATS = ['tsv', 'csv', 'markdown', 'pdf', 'text', 'docx', 'xlsx', 'json'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

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
  /**
   * `diagnostics-capped` only: how many diagnostics it stands for, left out of the list. It
   * carries their severity, so counts and verdicts are those of the whole list.
   */
  count?: number;
}

/** What a timescale's phrase names (src/timescales/timescale.ts documents each kind). */
export const TIMESCALE_KINDS = [
  'date',
  'month',
  'month-range',
  'financial-year',
  'quarter',
  'season',
  'part-of-year',
  'year',
  'year-range',
  'ongoing',
  'immediate',
  'tbc',
  'recurring',
] as const;

export type TimescaleKind = (typeof TIMESCALE_KINDS)[number];

/** A phrase in a "Next steps" answer that says when, with the span of days it names where it names one. */
export interface Timescale {
  /** The phrase exactly as written in the answer. */
  text: string;
  kind: TimescaleKind;
  /** First day of the span, `YYYY-MM-DD`; absent for kinds without dates. */
  from?: string;
  /** Last day of the span, `YYYY-MM-DD`, inclusive; absent for kinds without dates. */
  to?: string;
}

/** The charter's three sections (src/charter/frame.ts says which point comes from which). */
export const SECTION_IDS = ['social-care-practice', 'commissioning-practice', 'successful-when'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** The national framework numbers its Ambitions 1 to 6; JSON carries the numbers. */
export type AmbitionNumber = 1 | 2 | 3 | 4 | 5 | 6;

export interface PointAnswer {
  number: number;
  charterPoint: string;
  whereWeAreNow: string;
  whereWeNeedToImprove: string;
  nextSteps: string;
  /** The timescales read from `nextSteps` (src/timescales); set by importReturn, absent in the blank form. */
  timescales?: Timescale[];
  /** The charter section the point comes from (src/charter/frame.ts); set by the pipeline and the template. */
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
  /**
   * What the document states outright about the return in this table, where it does (charter's
   * own JSON): taken as it is, never inferred, so that a return read back neither gains nor loses.
   */
  declared?: { authority: string | null; period: string | null };
}

/** A document as a reader sees it: tables and the lines of text between them, in reading order. */
export type RawBlock =
  | { kind: 'table'; table: RawTable }
  | { kind: 'text'; text: string; place: Place }
  /**
   * A page's running header or footer, page number or print line (PDF and text from a PDF):
   * never content. `shape` is its text with the numbers taken out, the same on every page.
   */
  | { kind: 'furniture'; text: string; place: Place; edge: 'header' | 'footer'; shape: string }
  /** Text a PDF does not write left to right (rotated, upside down): never part of a cell. */
  | { kind: 'aside'; text: string; place: Place };

/** A word of a page as the reader saw it, and what it made of it (`--inspect`). */
export interface InspectedWord {
  text: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** The page's line number of the word's line. */
  line: number;
  role: 'cell' | 'heading' | 'furniture' | 'outside';
  /** For cells: the form's column (0 the number, 1 the charter point, 2–4 the answers) and the row band. */
  column?: number;
  band?: number;
}

/** One page as the layout read it: its words, the column edges and row bands chosen, its rules. */
export interface InspectedPage {
  page: number;
  width: number;
  height: number;
  words: InspectedWord[];
  /** Left edges of the form's columns (the first is the page's left). */
  columns: number[];
  /** Row bands, top to bottom: where each starts and ends, and its number ('' for a row carried over). */
  bands: { top: number; bottom: number; number: string }[];
  /** Heights of the ruling lines across the table. */
  rules: number[];
  /** Text not written left to right, which has no place in the drawing. */
  aside: string[];
}

export interface RawDocument {
  format: SourceFormat;
  blocks: RawBlock[];
  /** Repairs and problems found while reading (an encoding guessed, a page footer dropped…). */
  diagnostics: Diagnostic[];
  /** Pages read, for PDF inputs. */
  pageCount?: number;
  /** How each page was laid out, where `--inspect` asked for it (PDF and laid-out text). */
  inspection?: InspectedPage[];
  /** PDF pages the engine could not read whole (a damaged stream), with what it said. */
  damagedPages?: { page: number; detail: string }[];
}
