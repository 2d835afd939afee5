/**
 * Every diagnostic charter reports, one entry each: its code, default severity, a one-line
 * description, and its message as a function of typed arguments. The one list behind
 * `diagnostic()` (the only way a diagnostic is made, so the compiler checks each code and its
 * arguments), `--rule` (which codes exist), the SARIF reporter's rules, and the README's table.
 * Every sentence a diagnostic says is written here. Adding a diagnostic: one entry.
 *
 *   DIAGNOSTICS                                          by code, in README order: errors, warnings, infos
 *   DIAGNOSTIC_CODES: readonly DiagnosticCodeInfo[]       the same as a list
 *   diagnosticCode(code): DiagnosticCodeInfo | undefined
 *   diagnosticCodesTable(): string                          the README's markdown table of codes
 */
import type { Place, Severity } from '../model.js';
import { quote } from '../text/cellText.js';
import { countText, plural } from '../text/plural.js';

export interface DiagnosticCodeInfo {
  code: string;
  /** The severity it is reported at unless `--rule` changes it. */
  severity: Severity;
  /** One line, lower case, no full stop: "a charter point has no row in the return". */
  description: string;
  /**
   * True where `--rule` may not change it: the input could not be read or holds no return, so
   * there is nothing to call valid (the contract's exit 1).
   */
  fixed?: true;
  /**
   * True where a diagnostic of the code takes the severity of the diagnostics it stands for (the
   * closing count of those not listed), so that leaving them out changes no verdict or count.
   */
  takesSeverity?: true;
}

interface Definition extends Omit<DiagnosticCodeInfo, 'code'> {
  /** The message, from the arguments the code is created with. */
  message(args: never): string;
}

type NoArguments = Record<string, never>;

function placeName(place: Place, otherwise: string): string {
  if (place.line !== undefined) return `line ${place.line}`;
  if (place.page !== undefined) return `page ${place.page}`;
  return otherwise;
}

const CHOOSE_PAGES = 'choose the pages that hold the return with --pages';

/** The Office containers, as messages name them. */
type OfficeKind = 'Word document' | 'Excel workbook' | 'Word or Excel file';

/** Text inside the table that belongs to no row: the words of `text-between-rows` and of `unassigned-text` alike. */
function strayTextMessage(a: { kind: 'above-first-row' | 'between-rows'; text: string }): string {
  return a.kind === 'above-first-row'
    ? `text ${quote(a.text)} above the first numbered row belongs to no point`
    : `text ${quote(a.text)} inside the table belongs to no cell`;
}

const OFFICE_KINDS = { docx: 'Word document', xlsx: 'Excel workbook' } as const;

function withArticle(kind: OfficeKind): string {
  return kind === 'Excel workbook' ? `an ${kind}` : `a ${kind}`;
}

/** The formats charter recognises but does not read, each with what to save it as instead. */
const UNSUPPORTED_FORMATS = {
  ole: 'an older Office file (a Word 97–2003 .doc or Excel 97–2003 .xls), or an Office file protected with a password; charter reads neither: open it in Word or Excel, remove any password, and save it as .docx, .xlsx or PDF',
  odt: 'an OpenDocument text (.odt); charter does not read it: save it as .docx or PDF',
  ods: 'an OpenDocument spreadsheet (.ods); charter does not read it: save it as .xlsx, CSV or PDF',
  odf: 'an OpenDocument file; charter does not read it: save it as .docx, .xlsx or PDF',
} as const;

/** Why a file is not the Word or Excel file it was taken for. */
const NOT_OFFICE = {
  'not-zip': 'it is not a zip archive, as .docx and .xlsx files are',
  neither: 'it is a zip archive, but holds neither a Word document nor an Excel workbook',
  'no-sheets': 'the workbook lists no sheet that the file holds',
} as const;

/** The parts of a Word file outside its body, as the message names them. */
const WORD_NOTE_PARTS = {
  header: 'the page header',
  footer: 'the page footer',
  footnotes: 'the footnotes',
  endnotes: 'the endnotes',
  comments: 'the comments',
} as const;

type WordNotes = { part: keyof typeof WORD_NOTE_PARTS; text: string } | { part: 'footnote-references' | 'comment-references'; count: number };

function wordNotesLabel(notes: WordNotes): string {
  switch (notes.part) {
    case 'footnote-references':
      return plural(notes.count, 'footnote reference');
    case 'comment-references':
      return plural(notes.count, 'comment');
    default:
      return `${WORD_NOTE_PARTS[notes.part]} (${quote(notes.text)})`;
  }
}

const DELIMITER_NAMES = { ';': 'semicolons (as Excel writes CSV where the decimal mark is a comma)', '\t': 'tabs' } as const;

export const DIAGNOSTICS = {
  'no-return-found': {
    severity: 'error',
    fixed: true,
    description: 'the input holds no End of Life Care Charter return',
    message: (a: { pageCount?: number | undefined; reason: string }) =>
      `no End of Life Care Charter return found${a.pageCount !== undefined ? ` in ${plural(a.pageCount, 'page')}` : ''}: ${a.reason}`,
  },
  'empty-input': {
    severity: 'error',
    fixed: true,
    description: 'the input is empty or holds only white space',
    message: (a: { whiteSpace: boolean }) => (a.whiteSpace ? 'the input holds only white space' : 'the input is empty'),
  },
  'binary-input': {
    severity: 'error',
    fixed: true,
    description: 'the input is binary data, not text, PDF, Word or Excel',
    message: (_: NoArguments) => 'the input is binary data, not text, CSV, markdown or PDF',
  },
  'input-too-large': {
    severity: 'error',
    fixed: true,
    description: 'the input is larger than --max-size; it was not read',
    message: (a: { size: string; limit: string }) => `the input is ${a.size}, over the limit of ${a.limit} (raise it with --max-size)`,
  },
  'input-too-large-to-read': {
    severity: 'error',
    fixed: true,
    description:
      "reading the text input would take more memory than the process's heap can give it (estimated from its bytes, lines and cell separators); it was not read",
    message: (a: { need: string; lines: string; cells: string; budget: string }) =>
      `reading the input (${a.lines} lines, ${a.cells} cell separators) would take about ${a.need} of memory, more than the ${a.budget} this process can give it: split it, or give Node more heap (NODE_OPTIONS=--max-old-space-size=MB)`,
  },
  'input-unreadable': {
    severity: 'error',
    fixed: true,
    description: 'the file could not be read (permissions, a folder, gone)',
    message: (a: { reason: string }) => `cannot read the input: ${a.reason}`,
  },
  'pdf-unreadable': {
    severity: 'error',
    fixed: true,
    description: 'the PDF could not be read: truncated, damaged, or not a PDF',
    message: (a: { cause: 'truncated' } | { cause: 'damaged'; detail: string }) =>
      a.cause === 'truncated'
        ? 'the PDF is truncated: it does not end with %%EOF (was it cut short when downloaded or copied?)'
        : `the PDF cannot be read; it may be truncated or damaged (${a.detail || 'no detail'})`,
  },
  'pdf-encrypted': {
    severity: 'error',
    fixed: true,
    description: 'the PDF is encrypted and no password (or a wrong one) was given with --password',
    message: (a: { wrongPassword: boolean }) =>
      a.wrongPassword ? 'the PDF is encrypted and the password given does not open it' : 'the PDF is encrypted: give its password with --password',
  },
  'pdf-no-text': {
    severity: 'error',
    fixed: true,
    description: 'the PDF holds no text, probably a scan: run OCR on it first',
    message: (a: { pagesRead: number }) =>
      `the PDF has no text in its ${plural(a.pagesRead, 'page')} read: it is probably a scan; run OCR on it first (for example with ocrmypdf) and import the result`,
  },
  'pdf-too-complex': {
    severity: 'error',
    fixed: true,
    description: 'the PDF has too many pages, took too long or too much memory to read, or its streams decode to too much: choose pages with --pages',
    message: (
      a:
        | { limit: 'pages'; pageCount: number; maxPages: number }
        | { limit: 'time'; seconds: number; pagesRead: number }
        | { limit: 'memory'; heapMb: number; pagesRead: number }
        | { limit: 'streams'; megabytes: number; perStream: boolean },
    ) => {
      switch (a.limit) {
        case 'streams':
          return a.perStream
            ? `a stream of the PDF decodes to more than ${a.megabytes} MB (a decompression bomb, or a drawing far too large): it was not read`
            : `the streams of the PDF decode to more than ${a.megabytes} MB in all: it was not read; ${CHOOSE_PAGES} of a smaller copy`;
        case 'pages':
          return `the PDF has ${plural(a.pageCount, 'page')}, more than the ${a.maxPages} read from one file; ${CHOOSE_PAGES}`;
        case 'time':
          return `reading the PDF took longer than ${a.seconds} s and was stopped after ${plural(a.pagesRead, 'page')}; ${CHOOSE_PAGES}`;
        case 'memory':
          return `reading the PDF needed more than ${a.heapMb} MB and was stopped after ${plural(a.pagesRead, 'page')}; ${CHOOSE_PAGES}`;
      }
    },
  },
  'pages-out-of-range': {
    severity: 'error',
    fixed: true,
    description: 'the pages asked for with --pages are not in the PDF',
    message: (a: { from: number; to: number; pageCount?: number }) =>
      a.pageCount === undefined
        ? `the page range ${a.from}-${a.to} holds no page`
        : `the PDF has ${plural(a.pageCount, 'page')}; the pages asked for (${a.from}-${a.to}) are beyond its end`,
  },
  'markdown-too-deep': {
    severity: 'error',
    fixed: true,
    description: 'the markdown nests quotes, lists or HTML elements too deeply to be read',
    message: (_: NoArguments) => 'the markdown nests quotes, lists or HTML elements too deeply to be read',
  },
  'unsupported-format': {
    severity: 'error',
    fixed: true,
    description:
      'the input is a Word 97–2003 .doc, Excel 97–2003 .xls, OpenDocument or password-protected Office file: save it as .docx, .xlsx or PDF',
    message: (a: { format: keyof typeof UNSUPPORTED_FORMATS }) => `the input is ${UNSUPPORTED_FORMATS[a.format]}`,
  },
  'office-unreadable': {
    severity: 'error',
    fixed: true,
    description: 'the Word or Excel file could not be read: truncated, damaged, not a .docx or .xlsx, or not the format --from names',
    message: (
      a:
        | { kind: 'damaged'; container: OfficeKind; detail: string }
        | { kind: 'not-office'; container: OfficeKind; why: keyof typeof NOT_OFFICE }
        | { kind: 'no-main-part'; container: OfficeKind; part: string }
        | { kind: 'wrong-from'; forced: keyof typeof OFFICE_KINDS; found: keyof typeof OFFICE_KINDS }
        | { kind: 'bad-part'; container: OfficeKind; part: string; problem: string }
        | { kind: 'bad-sheet'; container: OfficeKind; sheet: string; problem: string },
    ) => {
      switch (a.kind) {
        case 'damaged':
          return `the ${a.container} cannot be read; it may be truncated or damaged: ${a.detail}`;
        case 'not-office':
          return `the input is not ${withArticle(a.container)}: ${NOT_OFFICE[a.why]}`;
        case 'no-main-part':
          return `the input is not ${withArticle(a.container)}: the archive has no ${a.part}`;
        case 'wrong-from':
          return `--from ${a.forced} was given, but the input is ${withArticle(OFFICE_KINDS[a.found])}, not ${withArticle(OFFICE_KINDS[a.forced])}: use --from ${a.found}, or leave --from out`;
        case 'bad-part':
          return `the ${a.container} cannot be read: its part ${a.part} is not well-formed XML (${a.problem})`;
        case 'bad-sheet':
          return `the ${a.container} cannot be read: sheet ${JSON.stringify(a.sheet)} is not well-formed XML (${a.problem})`;
      }
    },
  },
  'office-too-large': {
    severity: 'error',
    fixed: true,
    description: 'the Word or Excel file unpacks to more than charter reads (entries, or bytes per part or in all): damaged or hostile',
    message: (a: { container: OfficeKind; detail: string }) => `the ${a.container} was not read: ${a.detail} (a damaged or hostile file?)`,
  },
  'json-unreadable': {
    severity: 'error',
    fixed: true,
    description: 'the input is not JSON or NDJSON',
    message: (a: { detail: string; line?: number }) =>
      `the input is not JSON or NDJSON: ${a.line !== undefined ? `line ${a.line}: ` : ''}${a.detail}`,
  },
  'json-not-a-return': {
    severity: 'error',
    fixed: true,
    description: "the JSON does not match the return's JSON Schema (charter's own output reads back; a return made by hand must match it)",
    /** `count` returns were offered; this is the `index`th (0-based), on `line` where one a line. */
    message: (a: { kind: 'empty' } | { kind: 'problems'; count: number; index: number; line?: number | undefined; problems: readonly string[] }) => {
      if (a.kind === 'empty') return 'the JSON holds no return: it is an empty array';
      const which = a.count === 1 ? 'the JSON' : a.line !== undefined ? `the return on line ${a.line}` : `return ${a.index + 1} of the array`;
      const more = a.problems.length > 3 ? `; and ${a.problems.length - 3} more` : '';
      return `${which} is not a charter return: ${a.problems.slice(0, 3).join('; ')}${more}`;
    },
  },
  'schema-invalid': {
    severity: 'error',
    fixed: true,
    description: 'the return does not match its JSON Schema (a bug in charter: please report it)',
    message: (a: { where: string; problem: string }) => `${a.where}: ${a.problem}`,
  },
  'missing-point': {
    severity: 'error',
    description: 'a charter point has no row in the return',
    message: (a: { number: number; wording: string }) => `point ${a.number} (${quote(a.wording, 50)}) is missing from the return`,
  },
  'duplicate-point': {
    severity: 'error',
    description: 'two rows carry the same point; the second is left out',
    message: (a: { number: number; first: Place; row: string }) =>
      `point ${a.number} appears again (first at ${placeName(a.first, 'earlier')}); this row was left out: ${quote(a.row, 120)}`,
  },
  'unknown-point': {
    severity: 'error',
    description: 'a row inside the table matches no charter point',
    message: (
      a:
        | { kind: 'unmatched'; at: Place; numberText: string; text: string }
        | { kind: 'out-of-range'; numberText: string; text: string; pointCount: number },
    ) =>
      a.kind === 'unmatched'
        ? `row at ${placeName(a.at, 'the table')} (number cell ${quote(a.numberText)}, text ${quote(a.text)}) matches no charter point`
        : `row numbered ${JSON.stringify(a.numberText)} (${quote(a.text)}) is not one of the charter's ${a.pointCount} points`,
  },
  'pdf-text-damaged': {
    severity: 'error',
    description: 'a page holding the return could not be read whole (a damaged stream): text of the return may be missing',
    message: (a: { detail: string }) =>
      `this page of the return could not be read whole (${a.detail}): text may be missing from the return; get the PDF again`,
  },
  'text-unaccounted': {
    severity: 'error',
    description: "text inside the return's table came out in no cell and no diagnostic (a bug in charter: please report it)",
    message: (a: { text: string; column?: number | undefined }) =>
      `text ${quote(a.text, 80)} ${a.column === undefined ? 'between the rows of the table' : `in column ${a.column}`} came out in no cell and no diagnostic: the return lost it (a bug in charter: please report it)`,
  },
  'text-columns-guessed': {
    severity: 'error',
    description: 'text from a PDF keeps no columns and a row has fewer answers than the form: nothing in the text says which column is empty',
    message: (a: { number: number; empty: readonly string[] }) =>
      `the text keeps no columns: point ${a.number} has fewer answers than the form, and nothing in the text says which is missing (the widths of its lines put it under ${a.empty.map((heading) => `"${heading}"`).join(', ')}); import the PDF itself`,
  },
  'text-cells-guessed': {
    severity: 'error',
    description: 'text from a PDF keeps no columns, and how its lines wrap does not tell where the cells of some rows end: the rows are named',
    message: (a: { points: readonly number[] }) =>
      `the text keeps no columns (as plain pdftotext and pdf-parse write it), and where the cells of ${a.points.length === 1 ? 'point' : 'points'} ${a.points.join(', ')} end could not be told from how their lines wrap and their sentences start: their answers were guessed and may be wrong; import the PDF itself, or text from pdftotext -layout`,
  },
  'layout-cells-guessed': {
    severity: 'error',
    description:
      'in text laid out in characters (pdftotext -layout), two cells of a line run together with one space between them, and neither how the columns wrap nor where their cells start on the lines around tells which of the two holds a word beside the space',
    message: (a: { text: string; words: readonly [string, string]; left: string; right: string }) =>
      `"${a.left}" and "${a.right}" run together on this line with one space between them (${quote(a.text, 80)}): nothing in the text tells whether ${quote(a.words[0])} or ${quote(a.words[1])} is in the other cell, so the cut between them is a guess; import the PDF itself`,
  },
  'pdf-text-clipped': {
    severity: 'error',
    description:
      "a line of the return's table runs past the edge of a box its producer clipped (a browser printing a table wider than the page): the rest of the text is not in the PDF, so a cell is cut short",
    message: (a: { text: string; edge: number; lines: number }) =>
      `${a.lines === 1 ? 'the line' : `${a.lines} lines of the table run past the edge of a clipped box on this page, the first`} ${quote(a.text)}${a.lines === 1 ? ' runs past the edge of a clipped box' : ''} (${a.edge} pt from the left): the producer cut off the rest, which is not in the PDF; print the table to fit the page`,
  },
  'pdf-words-cut': {
    severity: 'error',
    description:
      "the producer cut words too wide for their column over two lines without a hyphen, as the charter-point column shows, or as a piece of a word that fills an answer's column and goes on below suggests: such a cut reads as two words, and nothing on the page proves it either way",
    message: (a: { kind: 'charter'; number: number; pieces: [string, string] } | { kind: 'answer'; pieces: [string, string]; count: number }) =>
      `${
        a.kind === 'charter'
          ? `the producer cut words over lines without a hyphen: point ${a.number}'s charter wording is written ${quote(`${a.pieces[0]} ${a.pieces[1]}`)} for ${quote(a.pieces.join(''))}; answers cut the same way read as two words and cannot be told from them`
          : `the producer seems to have cut ${a.count === 1 ? 'a word' : `${a.count} words`} over lines without a hyphen: ${quote(a.pieces[0])} fills its column and ${quote(a.pieces[1])} goes straight on below; it is read as two words, ${quote(`${a.pieces[0]} ${a.pieces[1]}`)}`
      }. Import the document the PDF was made from (Word, Excel) if you have it, or print it with wider columns`,
  },
  'text-between-rows': {
    severity: 'error',
    description:
      "text inside the return's table, between its rows or above the first, is neither a cell nor page furniture: some cell may be missing it, so the return is not known to be exact; it is quoted",
    message: strayTextMessage,
  },
  'empty-answer': {
    severity: 'warning',
    description: 'a point has no answer in one or more of its three columns',
    message: (a: { number: number; headings: readonly string[] }) =>
      `point ${a.number} has no answer under ${a.headings.map((heading) => `"${heading}"`).join(', ')}`,
  },
  'charter-wording-differs': {
    severity: 'warning',
    description: "the row's charter-point text differs materially from the charter's wording",
    message: (a: { number: number; written: string }) => `point ${a.number} is worded ${quote(a.written, 200)}, not as the charter words it`,
  },
  'pdf-page-damaged': {
    severity: 'warning',
    description: 'a page of the PDF outside the return could not be read whole (a damaged stream)',
    message: (a: { detail: string }) => `this page could not be read whole (${a.detail}); it holds no part of the return`,
  },

  'text-rotated': {
    severity: 'warning',
    description:
      "text on the return's pages is not written left to right (rotated, upside down or vertical): it is no part of any cell and is quoted",
    message: (a: { text: string }) => `text ${quote(a.text)} is not written left to right (rotated or upside down); it was left out of the cells`,
  },

  'unassigned-text': {
    severity: 'warning',
    description: 'text inside the table belongs to no cell; it is quoted in the message',
    message: (
      a:
        | { kind: 'outside-columns'; text: string; column: number }
        | { kind: 'metadata-differs'; text: string; heading: string; used: string }
        | { kind: 'above-first-row'; text: string }
        | { kind: 'after-table'; text: string }
        | { kind: 'between-rows'; text: string }
        | { kind: 'in-heading'; text: string; column: number }
        | { kind: 'stray-row-number'; number: string },
    ) => {
      switch (a.kind) {
        case 'outside-columns':
          return `text ${quote(a.text)} in column ${a.column} lies outside the form's five columns`;
        case 'metadata-differs':
          return `text ${quote(a.text)} in the ${a.heading} column differs from ${quote(a.used)} above it and was not used`;
        case 'above-first-row':
        case 'between-rows':
          return strayTextMessage(a);
        case 'after-table':
          return `row ${quote(a.text)} after the return's table holds the charter's wording but does not line up with its columns; it was left out`;
        case 'in-heading':
          return `text ${quote(a.text)} in the heading row (column ${a.column}) is not one of the form's headings; it was left out`;
        case 'stray-row-number':
          return `row number ${a.number} on this page belongs to no row of the text`;
      }
    },
  },
  'html-too-deep': {
    severity: 'warning',
    description: 'the HTML inside markdown nests elements too deeply to parse; it was kept as text, tags and all',
    message: (a: { line: number; maxDepth: number }) =>
      `the HTML from line ${a.line} nests elements more than ${a.maxDepth} deep; it is kept as text, tags and all`,
  },
  'no-timescale': {
    severity: 'warning',
    description: 'a point has next steps but no timescale',
    message: (a: { number: number; nextSteps: string }) => `point ${a.number} has next steps but no timescale: ${quote(a.nextSteps)}`,
  },
  'timescale-before-period': {
    severity: 'warning',
    description: "a timescale ends before the return's own period begins",
    message: (a: { number: number; text: string; to: string; period: string | null }) =>
      `point ${a.number}: timescale ${quote(a.text)} ends on ${a.to}, before the return's period (${a.period}) begins`,
  },
  'encoding-mixed': {
    severity: 'warning',
    description: 'a line of an otherwise UTF-8 input is not valid UTF-8: it was read as Windows-1252, the rest as UTF-8; check its accented letters',
    message: (a: { line: number; byte: string }) =>
      `line ${a.line} is not valid UTF-8 (byte ${a.byte}); it was read as Windows-1252, the rest of the input as UTF-8`,
  },
  'hyphen-dropped': {
    severity: 'warning',
    description:
      "text from a PDF in reading order (plain pdftotext) has a line as wide as two of its column's: poppler ran two lines together where a word was hyphenated over them, and dropped the hyphen, which may have been the word's own",
    message: (a: { number: number; heading: string; line: string; word: string }) =>
      `point ${a.number}: under "${a.heading}" the line ${quote(a.line, 60)} is two lines run together where pdftotext dropped a hyphen: ${quote(a.word)} may be written with a hyphen in the PDF; import the PDF itself, or text from pdftotext -layout, to be sure`,
  },
  'timescale-unclear': {
    severity: 'info',
    description: 'a phrase looks like a timescale but names no date that can be read, such as "next quarter"',
    message: (a: { number: number; text: string; reason: string }) =>
      `point ${a.number}: ${quote(a.text)} looks like a timescale but could not be read as a date: ${a.reason}`,
  },
  'cell-end-inferred': {
    severity: 'info',
    description: 'text from a PDF keeps no columns: where a cell ends was read from how its lines wrap and where its sentences start',
    message: (a: { number: number; heading: string; end: string; how: 'line' | 'run-together' }) =>
      `point ${a.number}: the answer under "${a.heading}" ends with ${quote(a.end.split(' ').slice(-6).join(' '), 60)}${a.how === 'run-together' ? ', on a line the text shares with the next answer' : ''}`,
  },
  'row-number-repaired': {
    severity: 'info',
    description: 'a row number was rebuilt (split by a space, a lost digit, split over two lines, or missing)',
    /** `written` is the number cell as written; `how` defaults to a number split by a space. */
    message: (a: {
      written: string;
      number: number;
      how?: 'space-split' | 'lost-digit' | 'line-split' | 'sequence' | 'wording';
      next?: string;
      unnumbered?: boolean;
    }) => {
      const written = JSON.stringify(a.written);
      switch (a.how ?? 'space-split') {
        case 'space-split':
          return `row number ${written} read as ${a.number}`;
        case 'lost-digit':
          return `row number ${written} read as ${a.number}: a digit was lost (it follows ${a.number - 1} and its wording is point ${a.number}'s)`;
        case 'line-split':
          return `row number split over two lines (${written} then ${JSON.stringify(a.next ?? '')}) read as ${a.number}`;
        case 'sequence':
          return a.unnumbered
            ? `row with no number read as ${a.number} from its wording and its place after ${a.number - 1}`
            : `row number ${written} is not a number; read as ${a.number} from its wording and place`;
        case 'wording':
          return `row ${a.unnumbered ? 'with no number' : `numbered ${written}`} read as ${a.number} from its wording`;
      }
    },
  },
  'heading-repeated': {
    severity: 'info',
    description: 'a repeated heading row was dropped',
    message: (a: { afterPageBreak: boolean; heading: string }) =>
      `${a.afterPageBreak ? 'the heading row repeated after a page break was dropped' : 'a repeated heading row inside the table was dropped'}: ${quote(a.heading, 120)}`,
  },
  'page-footer-dropped': {
    severity: 'info',
    description: "a page number, running header or footer, or a browser's print line was dropped: it is no part of the table",
    message: (a: { text: string } | { text: string; edge: 'header' | 'footer'; pages: string }) =>
      'pages' in a
        ? `page ${a.edge} ${quote(a.text, 80)} ${a.pages} was dropped: it is no part of the table`
        : `page footer ${quote(a.text)} between rows of the table was dropped`,
  },
  'table-recovered': {
    severity: 'info',
    description: 'a pipe table that the markdown parser read as text was read as a table',
    message: (a: { from: number; to: number; reason: string }) =>
      `lines ${a.from}–${a.to} are a pipe table the markdown parser read as text (${a.reason}); read as a table`,
  },
  'markup-defused': {
    severity: 'info',
    description:
      'markdown too costly to parse (thousands of markup characters, or tens of thousands of table cells, in one block), or lists nested dozens deep on one line, was read as plain text',
    message: (
      a:
        | { kind: 'nesting'; line: number; max: number }
        | { kind: 'markers'; first: number; last: number; markers: string }
        | { kind: 'more'; count: number },
    ) => {
      switch (a.kind) {
        case 'nesting':
          return `line ${a.line} nests more than ${a.max} lists or quotes; the rest of it is read as text`;
        case 'markers':
          return `${a.first === a.last ? `line ${a.first} holds` : `lines ${a.first}–${a.last} hold`} ${a.markers}: read as plain characters, not markup`;
        case 'more':
          return `${a.count} more place${a.count === 1 ? '' : 's'} like the above were read as text`;
      }
    },
  },
  'cell-span-expanded': {
    severity: 'info',
    description: 'a table cell spanning several columns or rows (HTML, Word, Excel) was followed by empty cells to keep the columns in line',
    message: (a: { spans: number; table?: 'html' } | { table: 'word'; spans: number } | { table: 'excel'; sheet: string; merges: number }) => {
      switch (a.table) {
        case 'word':
          return `${plural(a.spans, 'cell')} of the Word table ${a.spans === 1 ? 'spans' : 'span'} several columns or rows: each was read in its first cell, with the cells it covers empty, to keep the columns in line`;
        case 'excel':
          return `${plural(a.merges, 'merged range')} of cells on sheet ${JSON.stringify(a.sheet)}: each value was read in its first cell, with the cells it covers empty, to keep the columns in line`;
        default:
          return `${plural(a.spans, 'cell')} of the HTML table spanning several columns ${a.spans === 1 ? 'was' : 'were'} followed by empty cells to keep the columns in line`;
      }
    },
  },
  'tracked-changes-accepted': {
    severity: 'info',
    description: 'the Word document has tracked changes: it was read as it prints with every change accepted',
    message: (a: { count: number }) =>
      `the document has ${plural(a.count, 'tracked change')}; it was read as it prints with every change accepted (insertions kept, deletions left out)`,
  },
  'notes-left-out': {
    severity: 'info',
    description:
      "page headers, footers, footnotes or comments (Word), or footnote marks in pandoc's tables, were not read as table content; the message says what they held",
    message: (a: { kind: 'word'; notes: readonly WordNotes[] } | { kind: 'pandoc-footnote-marks'; count: number }) =>
      a.kind === 'word'
        ? `${a.notes.map(wordNotesLabel).join(', ')} ${a.notes.length === 1 ? 'is' : 'are'} outside the document's body and not read as table content`
        : `${plural(a.count, 'footnote reference')} in the table's cells ${a.count === 1 ? 'was' : 'were'} left out of them; the footnotes are read as text where pandoc put them`,
  },
  'sheets-ignored': {
    severity: 'info',
    description: 'the workbook has other sheets than the one holding the return; they were not read',
    message: (a: { read: string; ignored: readonly string[] }) =>
      `read sheet ${JSON.stringify(a.read)}, which holds the return; ${a.ignored.length === 1 ? 'sheet' : 'sheets'} ${a.ignored.map((name) => JSON.stringify(name)).join(', ')} ${a.ignored.length === 1 ? 'was' : 'were'} not read`,
  },
  'word-break-guessed': {
    severity: 'info',
    description:
      'pandoc broke a word longer than its column over lines in a grid or multiline table: the pieces were joined, or kept apart, as the message says',
    /** Each guess says how one broken word was read: `"mult" + "i-disciplinary" read as "multi-disciplinary"`. */
    message: (a: { guesses: readonly string[] }) =>
      `pandoc broke ${plural(a.guesses.length, 'word')} longer than ${a.guesses.length === 1 ? 'its column' : 'their columns'} over lines: ${a.guesses.slice(0, 3).join('; ')}${a.guesses.length > 3 ? `; and ${a.guesses.length - 3} more` : ''}`,
  },
  'date-cell-read': {
    severity: 'info',
    description: 'an Excel cell holding a date (a serial number shown through a date format) was read as the date it shows',
    message: (a: { sheet: string; dates: readonly { reference: string; serial: string; text: string }[] }) => {
      const count = a.dates.length;
      const shown = a.dates
        .slice(0, 3)
        .map((date) => `${date.reference} (stored as ${date.serial}) as ${JSON.stringify(date.text)}`)
        .join(', ');
      const more = count > 3 ? `, and ${count - 3} more` : '';
      return `${plural(count, 'cell')} on sheet ${JSON.stringify(a.sheet)} ${count === 1 ? 'holds a date' : 'hold dates'}, read as ${count === 1 ? 'it shows' : 'they show'}: ${shown}${more}`;
    },
  },
  'delimiter-guessed': {
    severity: 'info',
    description: 'the CSV is separated by semicolons or tabs, found from its content',
    message: (a: { delimiter: keyof typeof DELIMITER_NAMES }) =>
      `the CSV's cells are separated by ${DELIMITER_NAMES[a.delimiter]}; read it so (--delimiter sets it)`,
  },
  'encoding-guessed': {
    severity: 'info',
    description: 'the text was read as UTF-16 or Windows-1252 rather than UTF-8',
    message: (a: { encoding: string }) =>
      a.encoding === 'windows-1252' ? 'the input is not valid UTF-8; read it as Windows-1252' : `read the input as ${a.encoding.toUpperCase()}`,
  },
  'quote-unbalanced': {
    severity: 'info',
    description: 'a quoted cell was never closed; quotes were read as ordinary characters',
    message: (a: { fromLine?: string }) =>
      `a quoted cell is never closed${a.fromLine !== undefined ? ` (from line ${a.fromLine})` : ''}; quotes were read as ordinary characters`,
  },
  'return-found': {
    severity: 'info',
    description: "the document holds several returns (another year's, another council's): each is read, and this one is where the message says",
    message: (a: {
      index: number;
      count: number;
      period: string | null;
      pages: readonly number[] | null;
      lines: { from: number; to: number } | null;
    }) => {
      const where = a.pages
        ? a.pages.length === 1
          ? `on page ${a.pages[0]}`
          : `on pages ${a.pages[0]}–${a.pages[a.pages.length - 1]}`
        : a.lines
          ? `on lines ${a.lines.from}–${a.lines.to}`
          : 'in the document';
      return `return ${a.index} of ${a.count} in the document${a.period ? ` (${a.period})` : ''}, ${where}`;
    },
  },
  'authority-inferred': {
    severity: 'info',
    description: 'the council was found in the document',
    message: (a: { authority: string; how: string }) => `authority ${JSON.stringify(a.authority)}: ${a.how}`,
  },
  'diagnostics-capped': {
    severity: 'info',
    takesSeverity: true,
    description: 'more diagnostics of one code (or of all codes) than are listed for one input: the rest are counted here, at their own severity',
    message: (a: { code: string; severity: Severity; count: number; perCode: number; perFile: number }) =>
      `… and ${countText(a.count)} more ${a.code} ${a.severity === 'info' ? 'infos' : `${a.severity}s`}, not listed: at most ${countText(a.perCode)} of one code and ${countText(a.perFile)} in all are listed for an input (--max-per-code and --max-diagnostics raise them)`,
  },
  'period-overridden': {
    severity: 'info',
    description: '--period replaced the period the heading gives',
    message: (a: { written: string; given: string }) => `the heading says ${JSON.stringify(a.written)}; --period set ${JSON.stringify(a.given)}`,
  },
} as const satisfies Record<string, Definition>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;

/** The arguments a code's message takes. */
export type DiagnosticArguments<C extends DiagnosticCode> = Parameters<(typeof DIAGNOSTICS)[C]['message']>[0];

export const DIAGNOSTIC_CODES: readonly DiagnosticCodeInfo[] = Object.entries(DIAGNOSTICS).map(([code, definition]) => {
  const info: DiagnosticCodeInfo = { code, severity: definition.severity, description: definition.description };
  if ('fixed' in definition) info.fixed = definition.fixed;
  if ('takesSeverity' in definition) info.takesSeverity = definition.takesSeverity;
  return info;
});

const BY_CODE: ReadonlyMap<string, DiagnosticCodeInfo> = new Map(DIAGNOSTIC_CODES.map((info) => [info.code, info]));

export function diagnosticCode(code: string): DiagnosticCodeInfo | undefined {
  return BY_CODE.get(code);
}

/** The README's table of codes: `| code | severity | meaning |`, one row per code, registry order. */
export function diagnosticCodesTable(): string {
  const rows = DIAGNOSTIC_CODES.map(
    (info) => `| \`${info.code}\` | ${info.takesSeverity ? 'theirs' : info.severity} | ${info.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| code | severity | meaning |', '|---|---|---|', ...rows].join('\n');
}
