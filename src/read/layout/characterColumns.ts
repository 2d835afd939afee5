/**
 * Which column each word of a table's lines is in, for text laid out in characters
 * (`pdftotext -layout`, a monospaced page dump). Such text keeps a table's columns as runs of
 * spaces, but not exactly: each row may sit a few characters left or right of the others, and
 * where two cells come close on a line the extractor writes them as one line with a single space
 * between them, the right-hand cell pulled left of its column ("staff. Two evening sessions").
 * So the columns are read from the gutters that run down the lines around each line: where the
 * cells of each column start on the neighbouring lines. Every line is then cut into its cells at
 * once (dynamic programming over its words), weighing:
 * - how far each cell starts from its column's edge on the lines around (a cell pulled left by a
 *   single space may start a little left of it, never much right);
 * - a run of two or more spaces, which parts two cells;
 * - a cell's text running past the next column's edge, which it cannot;
 * - the charter-point column, which holds the charter's wording, as written.
 */
import { inCharterWording } from '../../charter/wording.js';
import type { FontMetrics } from '../../text/textWidth.js';
import type { Grid } from './assign.js';
import type { Line, Word } from './geometry.js';
import { COLUMN_COUNT, NUMBER_COLUMN } from './heading.js';
import { fitColumn, joinedWithNext, WIDTH_TOLERANCE, type ColumnWrap } from './wrap.js';

const CHARTER_COLUMN = 1;
/** Edges further than this many lines count as this far. */
const NEIGHBOURHOOD = 6;

// Costs, in characters of misplacement roughly.
/** Per character a cell that starts a piece of text starts away from its column's edge. */
const OFF_EDGE = 0.35;
/** A cell that starts after a single space (the extractor ran two cells together). */
const RUN_TOGETHER = 0.6;
/** Per character such a cell starts away from its column's edge, left (the cell before is short) or right. */
const RUN_TOGETHER_OFF = 0.3;
/**
 * Per character a cell runs into the gutter before the next column's edge: a little for the first
 * two (characters are not all one width: a line of narrow letters takes more of them), much after.
 */
const OVERRUN_NEAR = 0.3;
const OVERRUN = 0.8;
/**
 * How much a column's edges say about a line when the nearest is seen `distance` lines away: rows
 * may sit a few characters apart, so edges on far lines (another row's) say little.
 */
function confidence(edges: readonly Edge[]): number {
  const distance = Math.min(...edges.map((edge) => edge.distance));
  return distance <= 2 ? 1 : distance <= 4 ? 0.5 : 0.25;
}
/** Edges this many lines further than a column's nearest are not weighed. */
const FURTHER = 2;
/** The cost of a cell starting where no line near shows its column's edge. */
const UNPLACED = 2;
/** A cell's first line (nothing of its column on the line above) that does not start a sentence. */
const LOWER_START = 1;
/**
 * Per character a cell is longer than its column is wide (the longest lines seen in it), beyond a
 * few: characters are not all one width, so a line of narrow letters takes more of them.
 */
const WIDER = 0.8;
const WIDTH_SLACK = 3;
/** Two pieces of text (two or more spaces apart) in one cell. */
const PIECES_JOINED = 4;
/** A word broken at a hyphen ("multi-") with more of its cell after it on the line: hyphens break lines. */
const HYPHEN_INSIDE = 1.5;
/** A cell line wider than its column (under the font the table is set in), and per share wider. */
const TOO_WIDE = 3;
const TOO_WIDE_PER_SHARE = 20;
/** A cell line after which the next word of its cell would have fitted, or before which this one would. */
const WOULD_HAVE_FITTED = 1.5;
/** The same where a sentence ends or starts there: a paragraph or the cell may end there. */
const WOULD_HAVE_FITTED_AFTER_STOP = 0.6;
/** A line of a column that goes on in lower case after the line above ended a sentence. */
const LOWER_AFTER_STOP = 1;
/** A charter-point cell line that is no run of the charter's words, where another cut makes it one. */
const NOT_CHARTER = 1.5;

/**
 * Where two cells run together on a line (one space between them), the least a cut must beat the
 * cut with a word moved to the other side by, to be taken: by how the columns wrap and where
 * their cells start, or where the font is unknown by where the cells start alone (about five
 * characters' misplacement: the extractor moves a cell run together with another that far).
 * Below it the text does not say which cell the word is in.
 */
const SURE_RUN_TOGETHER = 0.5;
const SURE_RUN_TOGETHER_BY_PLACE = 1.5;

/** Is the line's cut a guess where two of its cells run together? `wrap`: how the table's columns wrap, where known. */
export function guessedRunTogether(cut: LineCut, wrap: TableWrap | null): boolean {
  const wrapped = wrap !== null && wrap.columns.some((column) => column !== null);
  return cut.doubt != null && cut.doubt.margin < (wrapped ? SURE_RUN_TOGETHER : SURE_RUN_TOGETHER_BY_PLACE);
}

/** The most a cell run together with the one before may sit from its column's edge and still be in line. */
export const MAX_PULL = 5;
/** A cell cannot start where its cheapest edge costs more than this. */
const MAX_JUNCTION = 12;

/** The cut of one line: the column of each word, and how far its worst cell start is from its edge. */
export interface LineCut {
  columns: number[];
  /** The largest distance (characters) from its column's edge of a cell run together with the one before. */
  worstPull: number;
  /** What the cut costs: how far it bends the rules above. */
  cost: number;
  /** Where cells run together on the line, how little moving a boundary would cost (in the last pass only). */
  doubt?: LineDoubt | null;
}

/** The least sure boundary between two cells run together on a line. */
export interface LineDoubt {
  /** The extra cost of the best cut with the boundary a word to one side. */
  margin: number;
  /** The word the cell after the boundary starts with (an index into the line's words). */
  word: number;
  /** The columns on either side. */
  columns: [number, number];
}

/** A column's edge on the lines around: where its cells start, and how many lines away. */
interface Edge {
  x: number;
  distance: number;
}

/** The candidate edges of each column around a line. */
type Edges = Edge[][];

/** The gap (in characters) that parts two pieces of text on a line: two spaces or more. */
export const PIECE_GAP = 1.5;

function startsPiece(words: readonly Word[], index: number): boolean {
  return index === 0 || words[index]!.x0 - words[index - 1]!.x1 >= PIECE_GAP;
}

interface Junction {
  cost: number;
  /** How far from its edge a cell run together with the one before starts (0 otherwise). */
  pull: number;
}

/** How far from an edge a cell starting at x (after a gap or not) sits, the cell before it ending at `previousEnd`. */
function placement(edge: Edge, x: number, piece: boolean, previousEnd: number | null): number {
  const d = x - edge.x;
  // A cell run together with the one before starts where the cell before ends: how far that is
  // from the edge is all there is to weigh (the cell before runs into the gutter by as much).
  let placed = piece ? OFF_EDGE * Math.abs(d) : RUN_TOGETHER_OFF * Math.abs(d);
  if (piece && previousEnd !== null) placed += overrun(previousEnd, edge.x);
  return placed;
}

/** The cost of a cell ending at `end` before a column whose cells start at `edge`. */
function overrun(end: number, edge: number): number {
  const over = end - (edge - 1);
  if (over <= 0) return 0;
  return OVERRUN_NEAR * Math.min(over, 2) + OVERRUN * Math.max(0, over - 2);
}

/** The cost of the cell before ending at `end` against its next column's edges, where that column is empty on the line. */
function overrunCost(edges: readonly Edge[] | undefined, end: number): number {
  if (!edges || edges.length === 0) return 0;
  return confidence(edges) * Math.min(...edges.map((edge) => overrun(end, edge.x)));
}

/**
 * The cost where a cell of column `column` starts at word `start`, the cell before it (ending
 * just before) being of column `before` (-1: none, the line starts here).
 */
function junction(words: readonly Word[], start: number, column: number, before: number, edges: Edges, heading: HeadingEdges | null): Junction {
  const previousEnd = start > 0 ? words[start - 1]!.x1 : null;
  // The cell before runs up to the gutters of the columns it passes, empty on this line.
  let cost = 0;
  if (previousEnd !== null) for (let skipped = before + 1; skipped < column; skipped++) cost += overrunCost(edges[skipped], previousEnd);
  if (column === NUMBER_COLUMN) return { cost, pull: 0 };
  const piece = startsPiece(words, start);
  const x = words[start]!.x0;
  const own = edges[column]!;
  let best = Infinity;
  let pull = 0;
  for (const edge of own) {
    const value = placement(edge, x, piece, column === before + 1 ? previousEnd : null);
    if (value < best) {
      best = value;
      pull = piece ? 0 : Math.abs(x - edge.x);
    }
  }
  // Where the column's edge is known only from far lines, a cell starting anywhere is as unlikely
  // as UNPLACED says, however near that edge it starts; but a cell run together with the one
  // before that starts right where both the column's title and the far lines' cells start is
  // placed as surely as by a near line (the cell before it filled its column).
  const title = heading?.titles[column] ?? null;
  const titled = !piece && title !== null && Math.abs(x - title) <= 0.5 && own.some((edge) => Math.abs(x - edge.x) <= 0.5);
  if (titled) best = 0;
  const trust = titled ? 1 : confidence(own);
  return { cost: cost + (piece ? 0 : RUN_TOGETHER) + trust * best + (1 - trust) * UNPLACED, pull };
}

/** How a table's lines wrap: each column's font and width in ems (null where its wrapping tells nothing). */
export interface TableWrap {
  columns: readonly (ColumnWrap | null)[];
}

/** The same, with the cells of the lines above and below the line being cut. */
interface WrapContext extends TableWrap {
  above: readonly string[];
  below: readonly string[];
}

const SENTENCE_END = /[.!?:;]["')\u2019\u201d]?$/u;
const SENTENCE_START = /^["'(\u2018\u201c]?\p{Lu}/u;

/** The cost of `text` as a line of column `column`'s cell, by how the column wraps. */
/** How much wider than its column a line is, as a share of the column (negative: narrower). */
function overWidth(known: ColumnWrap, text: string): number {
  return known.font.width(text) / known.width - 1;
}

/** Would the first word of `next` have fitted on `line`, in this column? */
function nextWouldFit(known: ColumnWrap, line: string, next: string): boolean {
  return known.font.width(joinedWithNext(line, next)) <= known.width * (1 - WIDTH_TOLERANCE);
}

function wrapCost(text: string, column: number, wrap: WrapContext): number {
  const known = wrap.columns[column];
  if (!known) return 0;
  let cost = 0;
  const over = overWidth(known, text);
  if (over > WIDTH_TOLERANCE) cost += TOO_WIDE + TOO_WIDE_PER_SHARE * over;
  // A line after which the next word would have fitted ends its paragraph: most likely where a
  // sentence ends or the next line starts one (a new cell, or a new paragraph of this one).
  const breakCost = (line: string, next: string) => {
    if (!nextWouldFit(known, line, next)) return 0;
    return SENTENCE_END.test(line) || SENTENCE_START.test(next) ? WOULD_HAVE_FITTED_AFTER_STOP : WOULD_HAVE_FITTED;
  };
  // A sentence ended, the next line of the column goes on in lower case: rarely the same cell.
  const brokenSentence = (line: string, next: string) => (SENTENCE_END.test(line) && /^\p{Ll}/u.test(next) ? LOWER_AFTER_STOP : 0);
  const above = wrap.above[column]!;
  if (above !== '') cost += breakCost(above, text) + brokenSentence(above, text);
  const below = wrap.below[column]!;
  if (below !== '') cost += breakCost(text, below) + brokenSentence(text, below);
  return cost;
}

/**
 * Does `text`, as a line of column `column`'s cell, break how the column wraps outright: wider
 * than the column, or with the line above or below in its cell where one line's next word would
 * have fitted on it and no sentence ends or starts between them? (A cell line that breaks none is
 * as likely, by its wrapping, as any other.)
 */
function breaksWrap(text: string, column: number, wrap: WrapContext): boolean {
  const known = wrap.columns[column];
  if (!known || text === '') return false;
  if (overWidth(known, text) > WIDTH_TOLERANCE) return true;
  const heldOver = (line: string, next: string) =>
    line !== '' && next !== '' && !SENTENCE_END.test(line) && !SENTENCE_START.test(next) && nextWouldFit(known, line, next);
  return heldOver(wrap.above[column]!, text) || heldOver(text, wrap.below[column]!);
}

interface Step {
  cost: number;
  /** Where this cell starts, and the column of the cell before it (-1: none). */
  from: number;
  previous: number;
  pull: number;
}

/** Words on a line beyond which it is not cut by weighing (the cost grows with their square). */
const MAX_WORDS = 200;

/** Each piece of text in the column whose nearest edge it starts right of. */
function piecewise(words: readonly Word[], edges: Edges): number[] {
  let column = NUMBER_COLUMN;
  return words.map((word, index) => {
    if (startsPiece(words, index)) {
      while (column + 1 < COLUMN_COUNT && edges[column + 1]!.some((edge) => word.x0 >= edge.x - 1)) column++;
    }
    return column;
  });
}

/** Where the heading puts each column: its titles' x and its edges (from the heading and the text under it). */
interface HeadingEdges {
  titles: readonly (number | null)[];
  edges: Edges;
}

/**
 * True where a cell of `column` from x0 to x1 starts at its column's edge in the heading and ends
 * before the next column's: however much wider than its column's other lines it is ("We." in
 * every row but one long answer), it runs into no other cell, so its width is no reason to cut it.
 */
function withinHeadingColumn(x0: number, x1: number, column: number, heading: HeadingEdges | null): boolean {
  const own = heading?.edges[column]?.[0]?.x;
  const next = heading?.edges[column + 1]?.[0]?.x;
  return own !== undefined && next !== undefined && Math.abs(x0 - own) <= 1 && x1 <= next - 1;
}

/** Cut one line into its cells: the least cost over every way of cutting it (where `forced`, with those words in those columns). */
function cutLine(
  words: readonly Word[],
  edges: Edges,
  widths: readonly number[] | null,
  opens: readonly boolean[] | null,
  wrap: WrapContext | null = null,
  heading: HeadingEdges | null = null,
  forced: ReadonlyMap<number, number> | null = null,
): LineCut {
  const n = words.length;
  // A line of hundreds of words is no table line (a cell's line holds a few dozen at most): each
  // piece of it goes to the column it starts in, and nothing is weighed.
  if (n > MAX_WORDS) return { columns: piecewise(words, edges), worstPull: 0, cost: 0 };
  const against = (start: number, end: number, column: number) => {
    if (!forced) return false;
    for (const [word, wanted] of forced) if (word >= start && word < end && wanted !== column) return true;
    return false;
  };
  const texts = words.map((word) => word.text);
  // Pieces started before each word, for the cost of joining pieces in one cell; hyphen breaks likewise.
  const pieces = [0];
  const hyphens = [0];
  for (let w = 0; w < n; w++) {
    pieces.push(pieces[w]! + (w > 0 && startsPiece(words, w) ? 1 : 0));
    hyphens.push(hyphens[w]! + (/\p{L}-$/u.test(texts[w]!) ? 1 : 0));
  }
  // junctions[s][k][b + 1]: a cell of column k starting at word s after a cell of column b.
  const junctions = words.map((_, start) =>
    Array.from({ length: COLUMN_COUNT }, (_, column) =>
      Array.from({ length: column + 1 }, (_, b) => junction(words, start, column, b - 1, edges, heading)),
    ),
  );
  // The words a cell of each column may start at: the line's first, and those near its edges.
  const starts = Array.from({ length: COLUMN_COUNT }, (_, column) =>
    words.flatMap((_, start) => (start === 0 || junctions[start]![column]!.some((join, b) => b > 0 && join.cost <= MAX_JUNCTION) ? [start] : [])),
  );
  // best[e][k]: the least cost of words [0, e) cut into cells, the last of them in column k.
  const best: (Step | undefined)[][] = Array.from({ length: n + 1 }, () => new Array<Step | undefined>(COLUMN_COUNT));
  for (let end = 1; end <= n; end++) {
    for (let column = 0; column < COLUMN_COUNT; column++) {
      let top: Step | undefined;
      for (const start of starts[column]!) {
        if (start >= end) break;
        if (against(start, end, column)) continue;
        // The cell's own cost: pieces it joins, hyphen breaks inside it, charter wording, wrapping.
        let own = PIECES_JOINED * (pieces[end]! - pieces[start + 1]!) + HYPHEN_INSIDE * (hyphens[end - 1]! - hyphens[start]!);
        if (column !== NUMBER_COLUMN) {
          const text = texts.slice(start, end).join(' ');
          if (column === CHARTER_COLUMN && !inCharterWording(text)) own += NOT_CHARTER;
          if (opens?.[column] && /^\p{Ll}/u.test(texts[start]!)) own += LOWER_START;
          if (wrap) own += wrapCost(text, column, wrap);
          if (widths && !withinHeadingColumn(words[start]!.x0, words[end - 1]!.x1, column, heading)) {
            own += WIDER * Math.max(0, words[end - 1]!.x1 - words[start]!.x0 - widths[column]! - WIDTH_SLACK);
          }
        }
        for (let before = start === 0 ? -1 : 0; before < (start === 0 ? 0 : column); before++) {
          const entry = before < 0 ? { cost: 0, pull: 0 } : best[start]![before];
          if (!entry) continue;
          const join = junctions[start]![column]![before + 1]!;
          if (start > 0 && join.cost > MAX_JUNCTION) continue;
          const cost = entry.cost + own + join.cost;
          if (!top || cost < top.cost) top = { cost, from: start, previous: before, pull: Math.max(entry.pull, join.pull) };
        }
      }
      best[end]![column] = top;
    }
  }
  let last = -1;
  let lastCost = Infinity;
  for (let column = 0; column < COLUMN_COUNT; column++) {
    const entry = best[n]![column];
    if (!entry) continue;
    // The last cell runs up to the gutters of the columns after it.
    let cost = entry.cost;
    for (let after = column + 1; after < COLUMN_COUNT; after++) cost += overrunCost(edges[after], words[n - 1]!.x1);
    if (cost < lastCost) {
      last = column;
      lastCost = cost;
    }
  }
  const columns = new Array<number>(n).fill(NUMBER_COLUMN);
  if (last < 0) return { columns, worstPull: 0, cost: Infinity };
  const worstPull = best[n]![last]!.pull;
  let end = n;
  let column = last;
  while (end > 0 && column >= 0) {
    const entry = best[end]![column]!;
    for (let w = entry.from; w < end; w++) columns[w] = column;
    end = entry.from;
    column = entry.previous;
  }
  return { columns, worstPull, cost: lastCost };
}

/**
 * How sure a line's cut is where two cells run together (one space between them): the least
 * extra cost of moving such a cell boundary a word to either side, and the words about it. Null
 * where no cells run together on the line.
 */
function runTogetherDoubt(
  words: readonly Word[],
  cut: LineCut,
  wrap: WrapContext | null,
  recut: (forced: ReadonlyMap<number, number>) => LineCut,
): LineDoubt | null {
  let doubt: LineDoubt | null = null;
  const { columns } = cut;
  const textIn = (cols: readonly number[], column: number) =>
    words
      .filter((_, index) => cols[index] === column)
      .map((word) => word.text)
      .join(' ');
  for (let w = 1; w < words.length; w++) {
    const before = columns[w - 1]!;
    const after = columns[w]!;
    if (before === after || before === NUMBER_COLUMN || startsPiece(words, w)) continue;
    for (const forced of [new Map([[w - 1, after]]), new Map([[w, before]])]) {
      const other = recut(forced);
      if (other.cost === Infinity) continue;
      const changed = [...new Set(other.columns.filter((column, index) => column !== columns[index]).concat([before, after]))];
      if (wrap && changed.some((column) => column !== NUMBER_COLUMN && breaksWrap(textIn(other.columns, column), column, wrap))) continue;
      const margin = other.cost - cut.cost;
      if (!doubt || margin < doubt.margin) doubt = { margin, word: w, columns: [before, after] };
    }
  }
  return doubt;
}

/**
 * How wide each column is, in characters: the longest of its cell lines that stand clear of the
 * next cell on the line (two or more spaces, or the line's end, after them), leaving out the few
 * much longer than the rest (two cells run together as one piece).
 */
function columnWidths(lines: readonly Line[], cuts: readonly LineCut[]): number[] {
  const lengths: number[][] = Array.from({ length: COLUMN_COUNT }, () => []);
  lines.forEach((line, index) => {
    const { words } = line;
    const { columns } = cuts[index]!;
    let start = 0;
    for (let w = 1; w <= words.length; w++) {
      if (w < words.length && columns[w] === columns[start]) continue;
      const clear = true;
      if (clear) lengths[columns[start]!]!.push(words[w - 1]!.x1 - words[start]!.x0);
      start = w;
    }
  });
  return lengths.map((list) => {
    if (list.length === 0) return Infinity;
    list.sort((a, b) => a - b);
    const typical = list[Math.floor(0.9 * (list.length - 1))]!;
    return list.filter((length) => length <= 1.3 * typical).at(-1)!;
  });
}

/** Where a line's cell of some column starts, and whether it starts a piece of text (it stands clear). */
interface CellStart {
  x: number;
  clear: boolean;
}

/** Where each line's cells start, by column: the gutters it shows its neighbours. */
function cellStarts(lines: readonly Line[], cuts: readonly LineCut[]): Map<number, CellStart>[] {
  return lines.map((line, index) => {
    const starts = new Map<number, CellStart>();
    const { columns } = cuts[index]!;
    line.words.forEach((word, w) => {
      const column = columns[w]!;
      if (column === NUMBER_COLUMN || (w > 0 && columns[w - 1] === column)) return;
      starts.set(column, { x: word.x0, clear: startsPiece(line.words, w) });
    });
    return starts;
  });
}

/**
 * The edges of each column around line `index`: where its cells start clear of the text before
 * them on the nearest lines above and below. A cell run together with the one before says nothing
 * of its column's edge: it starts wherever the cell before it ends.
 */
function localEdges(starts: readonly Map<number, CellStart>[], index: number, fallback: Edges): Edges {
  return fallback.map((gridEdges, column) => {
    if (column === NUMBER_COLUMN) return [];
    const found: Edge[] = [];
    for (const step of [-1, 1]) {
      for (let other = index + step, distance = 1; other >= 0 && other < starts.length; other += step, distance++) {
        const start = starts[other]!.get(column);
        if (start === undefined || !start.clear) continue;
        found.push({ x: start.x, distance: Math.min(distance, NEIGHBOURHOOD) });
        break;
      }
    }
    if (found.length === 0) return gridEdges;
    const nearest = Math.min(...found.map((edge) => edge.distance));
    return found.filter((edge) => edge.distance <= nearest + FURTHER);
  });
}

/**
 * The cut of every line of a table's part on a page. First each line is cut against the heading's
 * column edges; then again, twice, against where the cells of its neighbours start and how wide
 * each column's lines are.
 */
export function characterColumns(lines: readonly Line[], grid: Grid, tolerance: number, wrap: TableWrap | null = null): LineCut[] {
  const gridEdges: Edges = grid.bounds.map((bound, column) => (column === NUMBER_COLUMN ? [] : [{ x: bound + tolerance, distance: 1 }]));
  const heading: HeadingEdges | null = grid.titles ? { titles: grid.titles, edges: gridEdges } : null;
  let cuts = lines.map((line) => cutLine(line.words, gridEdges, null, null));
  for (let pass = 0; pass < 2; pass++) {
    const starts = cellStarts(lines, cuts);
    const widths = columnWidths(lines, cuts);
    // A column empty on the line above starts a cell on this one.
    const filled = cuts.map((cut) => new Set(cut.columns));
    const last = pass === 1 && !wrap;
    cuts = lines.map((line, index) => {
      const opens = Array.from({ length: COLUMN_COUNT }, (_, column) => index > 0 && !filled[index - 1]!.has(column));
      const edges = localEdges(starts, index, gridEdges);
      const cut = cutLine(line.words, edges, widths, opens, null, heading);
      if (!last) return cut;
      return { ...cut, doubt: runTogetherDoubt(line.words, cut, null, (forced) => cutLine(line.words, edges, widths, opens, null, heading, forced)) };
    });
  }
  // Last, where the font the table is set in is known, the cuts are weighed again, twice, with how
  // each column wraps: each time the lines around are as the time before cut them.
  if (!wrap) return cuts;
  for (let pass = 0; pass < 2; pass++) cuts = cutWithWrap(lines, cuts, gridEdges, wrap, heading, pass === 1);
  return cuts;
}

function cutWithWrap(
  lines: readonly Line[],
  cuts: readonly LineCut[],
  gridEdges: Edges,
  wrap: TableWrap,
  heading: HeadingEdges | null,
  last: boolean,
): LineCut[] {
  const parts = partsOf(lines, cuts);
  const starts = cellStarts(lines, cuts);
  const widths = columnWidths(lines, cuts);
  const filled = cuts.map((cut) => new Set(cut.columns));
  const none = new Array<string>(COLUMN_COUNT).fill('');
  // A row number alone on its line (beside the middle of its row) stands between two lines of its cells.
  const numberOnly = parts.map((line) => line[NUMBER_COLUMN] !== '' && line.every((text, column) => column === NUMBER_COLUMN || text === ''));
  const neighbour = (index: number, step: number) => {
    let other = index + step;
    while (numberOnly[other]) other += step;
    return parts[other] ?? none;
  };
  return lines.map((line, index) => {
    const opens = Array.from({ length: COLUMN_COUNT }, (_, column) => index > 0 && !filled[index - 1]!.has(column));
    const context: WrapContext = { ...wrap, above: neighbour(index, -1), below: neighbour(index, 1) };
    const edges = localEdges(starts, index, gridEdges);
    const cut = cutLine(line.words, edges, widths, opens, context, heading);
    if (!last) return cut;
    return {
      ...cut,
      doubt: runTogetherDoubt(line.words, cut, context, (forced) => cutLine(line.words, edges, widths, opens, context, heading, forced)),
    };
  });
}

/** The text of each line in each column, as cut. */
function partsOf(lines: readonly Line[], cuts: readonly LineCut[]): string[][] {
  return lines.map((line, index) => {
    const parts: string[][] = Array.from({ length: COLUMN_COUNT }, () => []);
    line.words.forEach((word, w) => parts[cuts[index]!.columns[w]!]!.push(word.text));
    return parts.map((part) => part.join(' '));
  });
}

/** The charter-point column's cells: runs of its lines (each the line's cells by column) that read on as the charter's wording. */
export function charterCells(parts: readonly (readonly string[])[]): string[][] {
  const cells: string[][] = [];
  let current: string[] = [];
  for (const line of parts) {
    const text = line[CHARTER_COLUMN]!;
    if (text === '' || !inCharterWording(text)) {
      if (current.length > 0) cells.push(current);
      current = [];
      continue;
    }
    if (current.length > 0 && inCharterWording(`${current.join(' ')} ${text}`)) current.push(text);
    else {
      if (current.length > 0) cells.push(current);
      current = [text];
    }
  }
  if (current.length > 0) cells.push(current);
  return cells;
}

/**
 * How each column wraps: the font and width that best explain it (wrap.ts), from each line of it
 * and, where the next line carries its cell on (no sentence ends between them), the line and the
 * next word. The charter-point column's font is preferred where another explains no better.
 */
export function wrapOfColumns(parts: readonly (readonly string[])[], preferred: FontMetrics): (ColumnWrap | null)[] {
  const numberOnly = (line: readonly string[]) => line.every((text, column) => (column === NUMBER_COLUMN) === (text !== ''));
  const lines = parts.filter((line) => !numberOnly(line));
  return Array.from({ length: COLUMN_COUNT }, (_, column) => {
    if (column === NUMBER_COLUMN) return null;
    const texts: string[] = [];
    const wraps: string[] = [];
    lines.forEach((line, index) => {
      const text = line[column]!;
      if (text === '') return;
      texts.push(text);
      const next = lines[index + 1]?.[column] ?? '';
      if (next !== '' && !SENTENCE_END.test(text) && /^\p{Ll}/u.test(next)) wraps.push(joinedWithNext(text, next));
    });
    return fitColumn(texts, wraps, preferred);
  });
}
