/**
 * Pandoc's own markdown tables, which CommonMark does not know: grid tables (`+---+` borders,
 * `|` between cells, the default for cells holding long or several paragraphs) and multiline
 * tables (a row of dashes above and below, columns set by the dashes under the heading, rows parted
 * by blank lines). Each is cut out of the markdown before the CommonMark parser sees it and read
 * into a raw table by column position. A cell's lines are markdown of their own: they are parsed
 * as such, so pandoc's escapes (`\-`, `\*`, `\'`) and markup are undone; and pandoc writes
 * typographic quotes and dashes as straight quotes and `--` (its `smart` extension), which are
 * turned back. Pandoc breaks a word longer than its column over lines; where a line holds nothing
 * but such a piece the word is joined again, and each such guess is reported.
 */
import type { Diagnostic, RawRow, RawTable } from '../../model.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { parseMarkdown } from './parseMarkdown.js';
import { phrasingText } from './phrasingText.js';
import type { RootContent } from 'mdast';

export interface PandocTable {
  table: RawTable;
  /** 0-based indexes of the first and last line of the table in the markdown. */
  firstLine: number;
  lastLine: number;
}

const GRID_BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const GRID_ROW = /^\s*[|+].*[|+]\s*$/;
const FULL_DASHES = /^\s*-{3,}\s*$/;
const COLUMN_DASHES = /^\s*-+(?: +-+)+\s*$/;

interface Column {
  start: number;
  /** Where the next column starts (or the line ends). */
  end: number;
  /** The width pandoc wraps the column's text to. */
  width: number;
}

/** Finds pandoc's grid and multiline tables; returns them and the markdown with their lines blanked. */
export function extractPandocTables(markdown: string, diagnostics: Diagnostic[]): { markdown: string; tables: PandocTable[] } {
  if (!markdown.includes('+-') && !markdown.includes('---')) return { markdown, tables: [] };
  const lines = markdown.split('\n');
  const tables: PandocTable[] = [];
  const document = documentFacts(lines);
  // The run of grid-like lines the current line is in, found once for every border in it: each
  // border scanning to the run's end again took time in the square of the run's length.
  let runEnd = -1;
  for (let index = 0; index < lines.length; index++) {
    let found: PandocTable | null = null;
    if (GRID_BORDER.test(lines[index]!)) {
      if (index > runEnd) runEnd = gridRunEnd(lines, index);
      found = readGridTable(lines, index, runEnd, document, diagnostics);
    } else if (isMultilineStart(lines, index)) {
      found = readMultilineTable(lines, index, document, diagnostics);
    }
    if (!found) continue;
    tables.push(found);
    for (let blank = found.firstLine; blank <= found.lastLine; blank++) lines[blank] = '';
    index = found.lastLine;
  }
  return { markdown: tables.length > 0 ? lines.join('\n') : markdown, tables };
}

/** What cells are read against: the document's words (how often each is written) and its footnotes. */
interface DocumentFacts {
  words: ReadonlyMap<string, number>;
  footnotes: ReadonlySet<string>;
}

interface TableContext extends DocumentFacts {
  guesses: string[];
  /** The footnote marks taken out of the cells, as written (`[^1]`), for the diagnostic to quote. */
  footnoteMarks: string[];
}

function documentFacts(lines: readonly string[]): DocumentFacts {
  const words = new Map<string, number>();
  const footnotes = new Set<string>();
  for (const line of lines) {
    const definition = /^\[\^([^\]\s]+)\]:/.exec(line);
    if (definition) footnotes.add(definition[1]!);
    for (const word of line.split(/[\s|]+/)) if (word !== '') words.set(word, (words.get(word) ?? 0) + 1);
  }
  return { words, footnotes };
}

function tableContext(document: DocumentFacts): TableContext {
  return { ...document, guesses: [], footnoteMarks: [] };
}

/** Pandoc writes Word's footnotes as `[^1]` in the cell and the note below the table: the mark is no answer. */
function dropFootnoteReferences(markdown: string, context: TableContext): string {
  if (context.footnotes.size === 0 || !markdown.includes('[^')) return markdown;
  return markdown.replace(/\[\^([^\]\s]+)\]/g, (reference, label: string) => {
    if (!context.footnotes.has(label)) return reference;
    context.footnoteMarks.push(reference);
    return '';
  });
}

// ---- Grid tables ------------------------------------------------------------------------------

function gridColumns(border: string): Column[] {
  const pluses: number[] = [];
  for (let i = 0; i < border.length; i++) if (border[i] === '+') pluses.push(i);
  return pluses.slice(0, -1).map((start, i) => ({ start: start + 1, end: pluses[i + 1]!, width: pluses[i + 1]! - start - 3 }));
}

/** The last line of the run of grid rows and borders from `first`. */
function gridRunEnd(lines: readonly string[], first: number): number {
  let last = first;
  while (last + 1 < lines.length && GRID_ROW.test(lines[last + 1]!)) last++;
  return last;
}

/** The grid table from border line `first` to `last`, the end of its run of grid lines. */
function readGridTable(
  lines: readonly string[],
  first: number,
  last: number,
  document: DocumentFacts,
  diagnostics: Diagnostic[],
): PandocTable | null {
  const columns = gridColumns(lines[first]!);
  if (columns.length < 2) return null;
  if (last === first || !GRID_BORDER.test(lines[last]!)) return null;
  const rows: RawRow[] = [];
  const context = tableContext(document);
  let pending: string[][] = columns.map(() => []);
  let rowLine = first + 1;
  for (let index = first + 1; index <= last; index++) {
    const line = lines[index]!;
    if (GRID_BORDER.test(line)) {
      if (pending.some((cell) => cell.length > 0))
        rows.push({ cells: pending.map((cell, c) => cellText(cell, columns[c]!.width, context)), place: { line: rowLine + 1 } });
      pending = columns.map(() => []);
      rowLine = index + 1;
      continue;
    }
    columns.forEach((column, c) => pending[c]!.push(stripPadding(line.slice(column.start, column.end))));
  }
  reportGuesses(context, first + 1, diagnostics);
  return { table: { rows, place: { line: first + 1 } }, firstLine: first, lastLine: last };
}

/** A grid cell's line less the space pandoc pads it with on each side. */
function stripPadding(text: string): string {
  return (text.startsWith(' ') ? text.slice(1) : text).trimEnd();
}

// ---- Multiline tables -------------------------------------------------------------------------

function isMultilineStart(lines: readonly string[], index: number): boolean {
  if (!FULL_DASHES.test(lines[index]!) || (index > 0 && lines[index - 1]!.trim() !== '')) return false;
  // A heading of one or more lines, then the dashes that set the columns.
  for (let next = index + 1; next < lines.length && next <= index + 8; next++) {
    if (COLUMN_DASHES.test(lines[next]!)) return next > index + 1;
    if (lines[next]!.trim() === '') return false;
  }
  return false;
}

function dashColumns(line: string): Column[] {
  const runs = [...line.matchAll(/-+/g)].map((match) => ({ start: match.index, width: match[0].length }));
  return runs.map((run, i) => ({ start: run.start, end: runs[i + 1]?.start ?? Number.MAX_SAFE_INTEGER, width: run.width }));
}

function readMultilineTable(lines: readonly string[], first: number, document: DocumentFacts, diagnostics: Diagnostic[]): PandocTable | null {
  let dashes = first + 1;
  while (!COLUMN_DASHES.test(lines[dashes]!)) dashes++;
  let last = dashes + 1;
  while (last < lines.length && !FULL_DASHES.test(lines[last]!)) last++;
  if (last >= lines.length) return null;
  const columns = dashColumns(lines[dashes]!);
  const context = tableContext(document);
  const slice = (line: string, column: Column) => line.slice(column.start, column.end).trimEnd();
  const rowOf = (group: readonly string[], line: number): RawRow => ({
    cells: columns.map((column) =>
      cellText(
        group.map((text) => slice(text, column).trimStart()),
        column.width,
        context,
      ),
    ),
    place: { line: line + 1 },
  });
  const rows: RawRow[] = [rowOf(lines.slice(first + 1, dashes), first + 1)];
  let group: string[] = [];
  let groupLine = dashes + 1;
  for (let index = dashes + 1; index <= last; index++) {
    const line = lines[index]!;
    if (line.trim() === '' || index === last) {
      if (group.length > 0) rows.push(rowOf(group, groupLine));
      group = [];
      groupLine = index + 1;
      continue;
    }
    group.push(line);
  }
  reportGuesses(context, first + 1, diagnostics);
  return { table: { rows, place: { line: first + 1 } }, firstLine: first, lastLine: last };
}

// ---- Cells ------------------------------------------------------------------------------------

/**
 * Lines of one cell rejoined where pandoc broke a word longer than the column: a line holding one
 * piece, followed by lines filled to the column's width with the rest. The pieces are surely one
 * word where the first would have fitted on the line before (pandoc starts a long word on a line
 * of its own), or where the column is too narrow for words at all; otherwise they are taken as one
 * unless the first piece is a word written elsewhere in the document. Each guess is recorded.
 */
function rejoinBrokenWords(lines: readonly string[], width: number, context: TableContext): string[] {
  const { guesses } = context;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1];
    const single = (text: string | undefined) => text !== undefined && text !== '' && !/\s/.test(text);
    if (width >= 1 && single(line) && single(next) && next!.length === width) {
      const before = out.at(-1);
      const wouldHaveFitted = before !== undefined && before !== '' && before.length + 1 + line.length <= width;
      // A word of its own is written whole elsewhere in the document; a piece of one seldom is.
      const wordElsewhere = (context.words.get(line) ?? 0) > 1;
      let end = i + 1;
      // A word longer than two columns: every piece after the first fills the column.
      while (single(lines[end + 1]) && lines[end + 1]!.length === width) end++;
      const word = lines.slice(i, end + 1).join('');
      // In a column a few characters wide nearly every word is broken ("N" "o" "." for "No.").
      const joined = width < 4 || wouldHaveFitted || !wordElsewhere;
      const pieces = lines.slice(i, end + 1).join('" + "');
      guesses.push(joined ? `"${pieces}" read as ${JSON.stringify(word)}` : `"${pieces}" kept as separate words`);
      if (joined) {
        out.push(word);
        i = end;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

function reportGuesses(context: TableContext, line: number, diagnostics: Diagnostic[]): void {
  const marks = context.footnoteMarks;
  if (marks.length > 0)
    diagnostics.push(diagnostic('notes-left-out', { kind: 'pandoc-footnote-marks', count: marks.length }, { line, text: marks.join(' ') }));
  const { guesses } = context;
  if (guesses.length === 0) return;
  diagnostics.push(diagnostic('word-break-guessed', { guesses }, { line, text: guesses.join('; ') }));
}

/** A cell's lines (markdown of their own) to its text: paragraphs one a line, markup and escapes undone. */
function cellText(lines: readonly string[], width: number, context: TableContext): string {
  const rejoined = rejoinBrokenWords(lines, width, context);
  const markdown = dropFootnoteReferences(undoSmartPunctuation(rejoined.join('\n').trim()), context);
  if (markdown === '') return '';
  return blockTexts(parseMarkdown(markdown).children).join('\n');
}

function blockTexts(nodes: readonly RootContent[]): string[] {
  return nodes.flatMap((node): string[] => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        return [phrasingText(node.children)];
      case 'code':
      case 'html':
        return [node.value];
      case 'list':
      case 'listItem':
      case 'blockquote':
        return blockTexts(node.children as RootContent[]);
      default:
        return [];
    }
  });
}

/**
 * Pandoc's `smart` writing undone: it writes ’ and ‘ as `'`, “ ” as `"`, – as `--`, — as `---`
 * and … as `...`, and escapes the straight characters it means literally (`\'`, `\"`). Escaped
 * characters are left for the markdown parser to unescape.
 */
export function undoSmartPunctuation(markdown: string): string {
  let out = '';
  let openDouble = false;
  for (let i = 0; i < markdown.length; i++) {
    const char = markdown[i]!;
    if (char === '\\' && i + 1 < markdown.length) {
      out += char + markdown[i + 1];
      i++;
      continue;
    }
    const before = out.charAt(out.length - 1);
    if (char === "'") {
      out += /[\p{L}\p{N}.,;:!?)]/u.test(before) ? '\u2019' : '\u2018';
    } else if (char === '"') {
      out += openDouble ? '\u201d' : '\u201c';
      openDouble = !openDouble;
    } else if (markdown.startsWith('---', i)) {
      out += '\u2014';
      i += 2;
    } else if (markdown.startsWith('--', i)) {
      out += '\u2013';
      i += 1;
    } else if (markdown.startsWith('...', i)) {
      out += '\u2026';
      i += 2;
    } else {
      out += char;
    }
  }
  return out;
}
