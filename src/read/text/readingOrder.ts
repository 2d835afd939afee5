/**
 * Text extracted from a PDF in reading order, which keeps no columns (plain `pdftotext`,
 * pdf-parse's getText(), text copied from a PDF viewer): the return's table rebuilt from what the
 * text keeps. The pages' furniture and headings are set apart (readingPages.ts); the table's
 * lines, from its heading on, are cut into rows at their numbers and each row's charter point read
 * off by its wording (readingRows.ts); the answers are cut into cells by how each column wraps
 * (readingCells.ts), the columns' font and widths learnt from the whole table: first from the
 * charter-point column, then again and again from the rows whose cells are clear, so that the
 * widths that explain one row explain them all. Each cell end so inferred is an `info`; a row
 * whose cells the evidence does not decide is an error that names it (text-cells-guessed), and so
 * is a row with fewer answers than the form (text-columns-guessed): nothing says which is missing.
 */
import type { Diagnostic, RawBlock, RawRow } from '../../model.js';
import { ANSWER_HEADINGS, ANSWER_FIELDS } from '../../model.js';
import { charterPoint, POINT_COUNT } from '../../charter/points.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { continuesHyphenated, joinCellLines } from '../layout/cellLines.js';
import { fitColumn, fontOfCells, type ColumnWrap } from '../layout/wrap.js';
import { ANSWER_COLUMNS, MARGIN, readRowCells, wrapSamples, type AnswerWrap, type RowReading } from './readingCells.js';
import { readingPages, type ReadingLine, type ReadingPage } from './readingPages.js';
import { flowRows, type FlowLine, type FlowRow, type RowLine } from './readingRows.js';
import type { TextPage } from './textPages.js';
import type { FontMetrics } from '../../text/textWidth.js';

/** Times the answer columns' widths are learnt again from the rows they make clear. */
const LEARNING_ROUNDS = 3;
/** Lines a column's width is learnt from, at least; fewer and the widths of all answers together stand. */
const MIN_SAMPLE = 6;
/** A line this much wider than the widest column is no line of the table: the text after it. */
const BEYOND_TABLE = 1.15;
/**
 * The most a row's reading may cost to be taken: its evidence for where cells end (blank lines,
 * tabs, lines that ended early; the least weighs -0.3) must outweigh the rules it bends. On the
 * producers' extracts every reading costing more than this was wrong.
 */
const EVIDENCED = -0.25;

/**
 * An answer line that is no answer's: a number alone that could be a row's (the extractor moved a
 * row's number among another row's answers) or one of the heading's titles (a heading repeated on
 * a page, broken up): the row's lines are not all its own, whatever its cells look like.
 */
function outOfPlace(text: string): boolean {
  const line = text.replace(/\s+/g, ' ').trim();
  const number = /^\d{1,2}$/.test(line) ? Number(line) : 0;
  return (number >= 1 && number <= POINT_COUNT) || HEADING_LINE.test(line);
}

/**
 * A cell that ends on a time planned, as next steps do: a quarter, a financial year (2017/18,
 * 15/16), a date, a month and year, "ongoing", "immediately". A year alone ("updated in 2013.")
 * is as often the past.
 */
const ENDS_ON_TIME =
  /(?:\b(?:Q[1-4]\s+)?(?:19|20)?\d{2}\s*\/\s*\d{2}(?:\d{2})?|\b\d{1,2}\/\d{1,2}\/\d{2,4}|\bQ[1-4]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d{2}|\bon-?going|\bimmediately)[.)]?$/i;

/**
 * A reading whose cells are likely out of order: a cell before "Next steps" ends on a time while
 * "Next steps" has none. The form asks for the timescales there, and an extractor may write a
 * row's shorter, middle-aligned cells before a taller one to their left; on the producers'
 * expected returns no row ends so.
 */
function timescaleOutOfPlace(reading: RowReading): boolean {
  const ends = reading.cells.map((parts) => ENDS_ON_TIME.test(parts.flat().join(' ').trim()));
  return !ends[ANSWER_COLUMNS - 1] && ends.slice(0, -1).some(Boolean);
}

/** A line of the heading's titles, whole or wrapped ("Where we need to" / "improve"); "No." is also an answer. */
const HEADING_LINE = /^(?:charter points?|where we are now(?: \(.*)?|where we need to(?: improve)?|next steps(?: \(with(?: timescales\))?)?)$/i;

/** One return's table in the text: its heading's period, and its lines from the heading on. */
interface Run {
  period: string | null;
  lines: FlowLine[];
  /** The heading rows of the pages it spans, by page. */
  headings: Map<number, { cells: string[]; line: number }>;
}

/** The form's heading of an answer column (0: where we are now). */
function headingOf(column: number): string {
  return ANSWER_HEADINGS[ANSWER_FIELDS[column]!];
}

function periodOf(cells: readonly string[]): string | null {
  const match = /\(([^()]*)\)/.exec(cells[2] ?? '');
  return match ? match[1]!.replace(/\s+/g, ' ').trim().toLowerCase() : null;
}

type Outside = { kind: 'text'; line: ReadingLine } | { kind: 'furniture'; line: ReadingLine; edge: 'header' | 'footer' };

/**
 * The document split into the tables' runs of lines and what lies outside them, in order. A run
 * starts at a heading; a heading of another period starts the next (last year's return, then this
 * year's); a page without a heading carries the run on.
 */
function splitRuns(pages: readonly ReadingPage[]): { runs: Run[]; outside: Map<number, Outside[]> } {
  const runs: Run[] = [];
  const outside = new Map<number, Outside[]>();
  let current: Run | null = null;
  const put = (page: ReadingPage, index: number) => {
    const line = page.lines[index]!;
    const list = outside.get(page.page) ?? [];
    if (page.furniture.has(index)) list.push({ kind: 'furniture', line, edge: index < page.lines.length / 2 ? 'header' : 'footer' });
    else list.push({ kind: 'text', line });
    outside.set(page.page, list);
  };
  for (const page of pages) {
    const heading = page.heading;
    const headingLines = new Set(heading?.lines ?? []);
    const first = heading ? heading.lines[0]! : page.lines.length;
    const starts = heading && (!current || periodOf(heading.cells) !== current.period);
    if (starts) {
      current = { period: periodOf(heading!.cells), lines: [], headings: new Map() };
      runs.push(current);
    }
    if (heading) current!.headings.set(page.page, { cells: heading.cells, line: page.lines[first]!.line });
    let breakPending = true;
    page.lines.forEach((line, index) => {
      if (headingLines.has(index)) return;
      if (page.furniture.has(index) || !current || (starts && index < first)) {
        put(page, index);
        return;
      }
      current.lines.push({ ...line, pageBreakBefore: breakPending && current.lines.length > 0 });
      breakPending = false;
    });
  }
  return { runs, outside };
}

/**
 * A line of a charter point's cell that is two of its lines joined where poppler dropped the
 * hyphen ending the first ("A named co-" / "ordinator shares" written "A named coordinator
 * shares"): the charter's wording has it only with that hyphen gone. Such a line is wider than
 * the column, and says nothing of the font.
 */
function joinedAtHyphen(number: number, text: string): boolean {
  const wording = charterPoint(number)?.wording;
  if (!wording || !/[-\u2010\u2011]/u.test(wording)) return false;
  const line = text.replace(/\s+/g, ' ').trim();
  return (
    !wording.includes(line) &&
    wording
      .replace(/[-\u2010\u2011]/gu, '')
      .replace(/ {2,}/g, ' ')
      .includes(line)
  );
}

/** The charter-point cells of rows, as lines, for the font. */
function charterCells(rows: readonly FlowRow[]): string[][] {
  return rows
    .filter((row) => row.charterWhole && !row.interleaved)
    .map((row) => row.charter.map((line) => line.text).filter((text) => !joinedAtHyphen(row.number, text)));
}

/** A line that ends a sentence, and one that starts in lower case: the latter goes on the cell of the line before. */
const ENDS_SENTENCE = /[.!?:;]["')\u2019\u201d]?$/u;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * Each answer column's width to start learning from, where the columns differ too much for one
 * width to explain them all. A row's lines fall into runs that surely share a cell (each line
 * after the first starts in lower case, on a line of its own): the first run of a row is its
 * first answer's, the last its last answer's, and where a row has three runs they are its three
 * answers.
 */
function startingWrap(rows: readonly FlowRow[], font: FontMetrics): (ColumnWrap | null)[] {
  const samples = Array.from({ length: ANSWER_COLUMNS }, () => ({ lines: [] as string[], wraps: [] as string[] }));
  for (const row of rows) {
    const runs: RowLine[][] = [];
    row.answers.forEach((line, index) => {
      const joins = index > 0 && line.before === 'line' && !line.sharesLine && STARTS_LOWER.test(line.text);
      if (joins) runs[runs.length - 1]!.push(line);
      else runs.push([line]);
    });
    if (runs.length < ANSWER_COLUMNS) continue;
    const columns: [number, RowLine[]][] = [
      [0, runs[0]!],
      [ANSWER_COLUMNS - 1, runs.at(-1)!],
    ];
    if (runs.length === ANSWER_COLUMNS) columns.push([1, runs[1]!]);
    for (const [column, run] of columns) {
      const sample = samples[column]!;
      run.forEach((line, index) => {
        sample.lines.push(line.text.replace(/\t/g, ' '));
        const next = run[index + 1];
        if (next && !ENDS_SENTENCE.test(line.text)) sample.wraps.push(`${line.text} ${next.text.split(/\s+/, 1)[0]}`);
      });
    }
  }
  return samples.map((sample) => (sample.lines.length >= MIN_SAMPLE ? fitColumn(sample.lines, sample.wraps, font) : null));
}

/** How the answer columns wrap, learnt from the rows: all answers as one column first, then each from the rows it makes clear. */
function learnWrap(rows: readonly FlowRow[], font: FontMetrics): AnswerWrap {
  const lines = rows.flatMap((row) => row.answers.map((line) => line.text.replace(/\t/g, ' ')));
  const wraps = rows.flatMap((row) =>
    row.answers.slice(1).flatMap((line, i) => {
      const above = row.answers[i]!;
      return line.before === 'line' && !ENDS_SENTENCE.test(above.text) && STARTS_LOWER.test(line.text)
        ? [`${above.text} ${line.text.split(/\s+/, 1)[0]}`]
        : [];
    }),
  );
  // Each column from the runs of lines that surely share a cell, else all answers as one column.
  const shared = fitColumn(lines, wraps, font);
  let wrap: (ColumnWrap | null)[] = startingWrap(rows, font).map((column) => column ?? shared);
  for (let round = 0; round < LEARNING_ROUNDS; round++) {
    const samples = Array.from({ length: ANSWER_COLUMNS }, () => ({ lines: [] as string[], wraps: [] as string[] }));
    for (const row of rows) {
      const reading = readRowCells(row.answers, wrap);
      if (reading.broken > 0 || reading.margin < MARGIN) continue;
      wrapSamples(reading).forEach((sample, column) => {
        samples[column]!.lines.push(...sample.lines);
        samples[column]!.wraps.push(...sample.wraps);
      });
    }
    const next = samples.map((sample, column) =>
      sample.lines.length >= MIN_SAMPLE ? (fitColumn(sample.lines, sample.wraps, font) ?? wrap[column]!) : wrap[column]!,
    );
    const same = next.every((column, i) => column?.width === wrap[i]?.width && column?.font === wrap[i]?.font);
    wrap = next;
    if (same) break;
  }
  return wrap;
}

/**
 * The last row of a table runs on to the text after the table: it is cut at the first line wider
 * than any column (a paragraph across the page), which and whatever follows are the text after it.
 */
function cutTableEnd(row: FlowRow, wrap: AnswerWrap): RowLine[] {
  const known = wrap.filter((column): column is ColumnWrap => column !== null);
  if (known.length === 0) return [];
  const widest = Math.max(...known.map((column) => column.width));
  const font = known[0]!.font;
  const at = row.answers.findIndex((line) => font.width(line.text.replace(/\t/g, ' ')) > BEYOND_TABLE * widest);
  if (at < 0) return [];
  return row.answers.splice(at);
}

/** A page's fragment of a row: its cells (number, charter point, three answers) on that page. */
function fragments(row: FlowRow, reading: RowReading): { page: number; line: number; cells: string[] }[] {
  const pages = [...new Set([...row.charter.map((line) => line.page), ...row.answers.map((line) => line.page), row.place.page])].sort(
    (a, b) => a - b,
  );
  const answerPages = [...new Set(row.answers.map((line) => line.page))].sort((a, b) => a - b);
  return pages.map((page, index) => {
    const part = answerPages.indexOf(page);
    const charter = row.charter.filter((line) => line.page === page).map((line) => line.text);
    const answers = reading.cells.map((parts) => (part >= 0 ? (parts[part] ?? []) : []));
    const firstLine = [...row.charter, ...row.answers].find((line) => line.page === page)?.line ?? row.place.line;
    return {
      page,
      line: index === 0 ? row.place.line : firstLine,
      cells: [index === 0 ? row.numberText : '', joinCellLines(charter), ...answers.map((lines) => joinCellLines(lines))],
    };
  });
}

/** A word broken at a hyphen at the foot of one page's fragment goes whole onto it. */
function joinAcrossPages(rows: RawRow[]): void {
  for (let r = 1; r < rows.length; r++) {
    const above = rows[r - 1]!;
    const below = rows[r]!;
    if (below.cells[0] !== '') continue;
    below.cells.forEach((cell, column) => {
      const last = above.cells[column] ?? '';
      if (!continuesHyphenated(last, cell)) return;
      const word = /^\S+/.exec(cell)![0];
      above.cells[column] = last + word;
      below.cells[column] = cell.slice(word.length).trimStart();
    });
  }
}

export function readReadingOrder(pages: readonly TextPage[], diagnostics: Diagnostic[]): RawBlock[] {
  const read = readingPages(pages);
  const { runs, outside } = splitRuns(read);
  const tableBlocks = new Map<number, RawRow[]>();
  const after = new Map<number, ReadingLine[]>();
  const undecided: { number: number; place: RawRow['place'] }[] = [];
  const addRow = (page: number, row: RawRow) => tableBlocks.set(page, [...(tableBlocks.get(page) ?? []), row]);
  const furnitureLines = new Map<number, ReadingLine[]>();

  for (const run of runs) {
    for (const [page, heading] of run.headings) addRow(page, { cells: heading.cells, place: { page, line: heading.line } });
    // A number alone at a page's end that starts no row is the page's number.
    const first = flowRows(run.lines);
    const { strayNumbers } = first;
    let { before, rows } = first;
    const edge = [...strayNumbers].filter((index) => {
      const line = run.lines[index]!;
      const next = run.lines[index + 1];
      return line.pageBreakBefore || !next || next.pageBreakBefore;
    });
    if (edge.length > 0) {
      const dropped = new Set(edge);
      for (const index of edge)
        furnitureLines.set(run.lines[index]!.page, [...(furnitureLines.get(run.lines[index]!.page) ?? []), run.lines[index]!]);
      const kept = run.lines.filter((_, index) => !dropped.has(index));
      ({ before, rows } = flowRows(kept));
    }
    if (before.length > 0) {
      const first = before[0]!;
      addRow(first.page, {
        cells: ['', joinCellLines(before.map((line) => line.text.replace(/\t/g, ' '))), '', '', ''],
        place: { page: first.page, line: first.line },
      });
    }
    if (rows.length === 0) continue;
    const font = fontOfCells(charterCells(rows));
    let wrap: AnswerWrap = font ? learnWrap(rows, font) : [null, null, null];
    const tail = cutTableEnd(rows[rows.length - 1]!, wrap);
    for (const line of tail)
      after.set(line.page, [...(after.get(line.page) ?? []), { text: line.text, page: line.page, line: line.line, blankBefore: false }]);
    if (tail.length > 0 && font) wrap = learnWrap(rows, font);

    const rawRows: RawRow[] = [];
    for (const row of rows) {
      const reading = readRowCells(row.answers, wrap);
      const decided =
        row.charterWhole &&
        reading.broken === 0 &&
        reading.margin >= MARGIN &&
        reading.cost <= EVIDENCED &&
        wrap.some((column) => column !== null) &&
        !row.answers.some((line) => outOfPlace(line.text)) &&
        !timescaleOutOfPlace(reading);
      for (const fragment of fragments(row, reading)) {
        const raw: RawRow = { cells: fragment.cells, place: { page: fragment.page, line: fragment.line } };
        rawRows.push(raw);
        addRow(fragment.page, raw);
      }
      const place = { page: row.place.page, line: row.place.line, point: row.number };
      const empty = reading.cells.map((parts, column) => ({ parts, column })).filter((entry) => entry.parts.every((part) => part.length === 0));
      if (decided && empty.length > 0 && empty.length < ANSWER_COLUMNS) {
        // Nothing in the text says which column a row's missing answer was in.
        diagnostics.push(diagnostic('text-columns-guessed', { number: row.number, empty: empty.map((entry) => headingOf(entry.column)) }, place));
        continue;
      }
      if (!decided) {
        undecided.push({ number: row.number, place: { page: row.place.page, line: row.place.line } });
        continue;
      }
      for (const end of reading.ends) {
        diagnostics.push(diagnostic('cell-end-inferred', { number: row.number, heading: headingOf(end.column), end: end.text, how: end.how }, place));
      }
      for (const joined of reading.joined) {
        const { line, word } = joined;
        diagnostics.push(diagnostic('hyphen-dropped', { number: row.number, heading: headingOf(joined.column), line, word }, place));
      }
    }
    joinAcrossPages(rawRows);
  }
  if (undecided.length > 0) {
    diagnostics.push(diagnostic('text-cells-guessed', { points: undecided.map((row) => row.number) }, undecided[0]!.place));
  }

  // The blocks, page by page: the page's header, its text before the table, the table, the text after, its footer.
  const blocks: RawBlock[] = [];
  for (const page of read) {
    const lines = outside.get(page.page) ?? [];
    const tableStart = tableBlocks.get(page.page)?.[0]?.place.line ?? Infinity;
    const emit = (entry: Outside) => {
      const place = { page: page.page, line: entry.line.line };
      const text = entry.line.text.replace(/\t/g, ' ');
      if (entry.kind === 'furniture')
        blocks.push({ kind: 'furniture', text, place, edge: entry.edge, shape: text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim() });
      else blocks.push({ kind: 'text', text, place });
    };
    for (const entry of lines) if (entry.line.line < tableStart) emit(entry);
    const rows = tableBlocks.get(page.page);
    if (rows && rows.length > 0) blocks.push({ kind: 'table', table: { rows, place: rows[0]!.place } });
    for (const line of after.get(page.page) ?? [])
      blocks.push({ kind: 'text', text: line.text.replace(/\t/g, ' '), place: { page: page.page, line: line.line } });
    for (const line of furnitureLines.get(page.page) ?? []) {
      blocks.push({ kind: 'furniture', text: line.text.trim(), place: { page: page.page, line: line.line }, edge: 'footer', shape: '#' });
    }
    for (const entry of lines) if (entry.line.line >= tableStart) emit(entry);
  }
  return blocks;
}
