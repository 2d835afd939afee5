/**
 * Where the text of a table laid out in characters says its rows end. Such text keeps no gaps
 * between rows (every line is one character high), so where cells are centred in their rows the
 * alignment alone can place a row boundary a line too high or too low. The sentences say more: a
 * line of a column that goes on in lower case from a line that did not end a sentence, and that
 * could not have held its first word, is the same cell; a line that starts a sentence after one
 * that ended early (the next word would have fitted) starts a new one. The cost of a row boundary
 * just above each line, for the row cutting (bands.ts): positive where it would break a cell.
 */
import { NUMBER_COLUMN } from './heading.js';
import type { TableWrap } from './characterColumns.js';
import type { BodyLine } from './rows.js';
import { joinedWithNext, WIDTH_TOLERANCE } from './wrap.js';

/** A boundary inside a sentence that runs on, per column. */
const BREAKS_CELL = 2;
/** A boundary where a sentence starts after a line that ended early, per column. */
const STARTS_CELL = 0.75;
/** Two lines of a column this many lines apart or more are not taken as one cell's. */
const MAX_APART = 3;

const SENTENCE_END = /[.!?:;]["')\u2019\u201d]?$/u;
const LOWER_START = /^\p{Ll}/u;
const SENTENCE_START = /^["'(\u2018\u201c]?\p{Lu}/u;

/** For each line, the cost of a row boundary just above it. */
export function rowBoundaryCosts(lines: readonly BodyLine[], wrap: TableWrap | null): number[] {
  const costs = new Array<number>(lines.length + 1).fill(0);
  const columns = lines[0]?.cells.length ?? 0;
  for (let column = 0; column < columns; column++) {
    if (column === NUMBER_COLUMN) continue;
    const known = wrap?.columns[column] ?? null;
    let previous = -1;
    lines.forEach((line, index) => {
      const text = line.cells[column]!;
      if (text === '') return;
      const above = previous;
      previous = index;
      // Two lines of one cell follow each other closely: other columns' lines may stand between
      // (cells centred in their rows sit half a line apart), but no blank line.
      if (above < 0 || index - above > MAX_APART || lines.slice(above + 1, index).some((between) => between.cells.every((cell) => cell === '')))
        return;
      const last = lines[above]!.cells[column]!;
      const fitted = known ? known.font.width(joinedWithNext(last, text)) <= known.width * (1 - WIDTH_TOLERANCE) : null;
      let cost = 0;
      if (!SENTENCE_END.test(last) && LOWER_START.test(text) && fitted !== true) cost = BREAKS_CELL;
      else if (SENTENCE_START.test(text) && (fitted === true || (fitted === null && SENTENCE_END.test(last)))) cost = -STARTS_CELL;
      for (let at = above + 1; at <= index; at++) costs[at]! += cost;
    });
  }
  return costs;
}
