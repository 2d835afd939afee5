/**
 * Which column each word of a table's lines is in. A piece of text (words a space apart) starts a
 * cell, so it goes to the column whose edge it starts at. Text laid out in characters
 * (`pdftotext -layout`) is not exact: a column's text may start a few characters left or right of
 * the heading, differently from block to block, and two cells may be only a single space apart.
 * So each line also looks at where its neighbours' cells start in each column ("local edges"),
 * and a piece that runs over a column edge is cut at the word starting nearest that edge.
 */
import { columnOf, type ColumnBounds } from './columns.js';
import type { Line, Word } from './geometry.js';
import { NUMBER_COLUMN } from './heading.js';

/** Where the columns are, and how far a piece of text may start left of its column's edge. */
export interface Grid {
  bounds: ColumnBounds;
  slack: number;
  /** x where each column's title starts in the heading (null: unknown), where known. */
  titles?: readonly (number | null)[];
}

/** How many lines up or down to look for a neighbour's cell start. */
const NEIGHBOURHOOD = 3;

interface Piece {
  start: number;
  end: number;
}

function piecesOf(words: readonly Word[]): Piece[] {
  const pieces: Piece[] = [];
  words.forEach((word, index) => {
    if (index === 0 || word.startsPiece) pieces.push({ start: index, end: index + 1 });
    else pieces[pieces.length - 1]!.end = index + 1;
  });
  return pieces;
}

/**
 * The column a piece starting at x belongs to: the one it starts in, or the next one if it starts
 * within `slack` of that one's edge, in the right half of an answer column.
 */
function pieceColumn(x: number, grid: Grid): number {
  const column = columnOf(x, grid.bounds);
  const left = grid.bounds[column]!;
  const right = grid.bounds[column + 1];
  if (column === NUMBER_COLUMN || right === undefined || x + grid.slack < right || x < (left + right) / 2) return column;
  return column + 1;
}

type Edges = (column: number) => number | undefined;

/** How many nearby lines have a word starting at x: a column's text is aligned on its left edge. */
type Support = (x: number) => number;

function assignLine(words: readonly Word[], grid: Grid, localEdge: Edges, support: Support): number[] {
  const columns: number[] = [];
  const edgeOf = (column: number) => localEdge(column) ?? grid.bounds[column];
  let previous = -1;
  for (const piece of piecesOf(words)) {
    const first = words[piece.start]!;
    let column = pieceColumn(first.x0, grid);
    const nextEdge = edgeOf(column + 1);
    if (column !== NUMBER_COLUMN && nextEdge !== undefined && first.x0 >= nextEdge - 1) column++;
    // Two pieces of one line are two cells: a piece close to the next column's edge after a piece
    // of this column starts that column.
    const after = edgeOf(previous + 1);
    if (column === previous && after !== undefined && first.x0 >= after - 2 * grid.slack) column = previous + 1;
    let index = piece.start;
    while (index < piece.end) {
      columns[index] = column;
      const edge = edgeOf(column + 1);
      const last = words[piece.end - 1]!;
      if (edge === undefined || last.x1 <= edge + grid.slack) {
        for (let w = index + 1; w < piece.end; w++) columns[w] = column;
        break;
      }
      // The piece runs over the edge: cut it at a word starting near the edge, the one most in
      // line with words starting on the lines around, then the nearest.
      let cut = -1;
      let best = -Infinity;
      for (let w = index + 1; w < piece.end; w++) {
        const x = words[w]!.x0;
        const off = Math.abs(x - edge);
        if (off > 2 * grid.slack && x < edge) continue;
        const score = support(x) - off / (4 * grid.slack + 1);
        if (score > best) {
          cut = w;
          best = score;
        }
        if (x >= edge + 2 * grid.slack) break;
      }
      if (cut < 0) {
        for (let w = index + 1; w < piece.end; w++) columns[w] = column;
        break;
      }
      for (let w = index + 1; w < cut; w++) columns[w] = column;
      index = cut;
      column++;
    }
    previous = columns[piece.end - 1]!;
  }
  return columns;
}

/** The column of each word of one line, on its own. */
export function columnsOfLine(words: readonly Word[], grid: Grid): number[] {
  return assignLine(
    words,
    grid,
    () => undefined,
    () => 0,
  );
}

/** The column of each word of each line, each line helped by where its neighbours' cells start. */
export function columnsOfLines(lines: readonly Line[], grid: Grid): number[][] {
  // Cells that start clearly inside one column, without running into the next: their starts are
  // the local edges.
  const starts: Map<number, number>[] = lines.map((line) => {
    const found = new Map<number, number>();
    for (const piece of piecesOf(line.words)) {
      const first = line.words[piece.start]!;
      const column = pieceColumn(first.x0, grid);
      const right = grid.bounds[column + 1];
      if (column === NUMBER_COLUMN || found.has(column)) continue;
      if (right !== undefined && line.words[piece.end - 1]!.x1 > right + grid.slack) continue;
      found.set(column, first.x0);
    }
    return found;
  });
  return lines.map((line, index) => {
    const localEdge: Edges = (column) => {
      for (let distance = 1; distance <= NEIGHBOURHOOD; distance++) {
        const x = starts[index - distance]?.get(column) ?? starts[index + distance]?.get(column);
        if (x !== undefined) return x;
      }
      return undefined;
    };
    const support: Support = (x) => {
      let count = 0;
      for (let other = index - NEIGHBOURHOOD - 1; other <= index + NEIGHBOURHOOD + 1; other++) {
        if (other === index || !lines[other]) continue;
        if (lines[other]!.words.some((word) => Math.abs(word.x0 - x) <= grid.slack / 4 + 0.5)) count++;
      }
      return count;
    };
    return assignLine(line.words, grid, localEdge, support);
  });
}
