/**
 * Words a word processor may have cut because they are wider than their column. A word that does
 * not fit on an empty line is cut where the line is full, with no hyphen ("procedures/practic" /
 * "e"), and the two pieces come back as two words. Nothing on the page proves a cut, so none is
 * joined; but where all the evidence is there, the import must not pass as exact: the line holds
 * that one word in its column, it fills the column to within half a glyph (a word that wrapped
 * whole stops short by a space and more), the cell's next line goes straight on (a small letter or
 * a digit), and neither piece is written anywhere else in the document as a word of its own
 * ("Understanding" / "of" is two words however full the line is). The number and charter-point
 * columns are left out: the charter's own wording shows a cut there (see validate/rules.ts).
 */
import type { Line, PageText } from './geometry.js';
import type { TablePart } from './pageLayout.js';

/** How close to the column's right limit (in average glyph widths) a cut piece ends. */
const FILLED = 0.5;
/** The columns a cut is looked for in: the three answers. */
const ANSWER_COLUMNS = [2, 3, 4];

export interface SuspectedCut {
  page: number;
  line: number;
  pieces: [string, string];
}

interface CellLine {
  line: Line;
  text: string;
  x1: number;
  words: number;
}

/** The lines of each answer column of a part, top to bottom, with where their text ends. */
function columnLines(part: TablePart, page: PageText): Map<number, CellLine[]> {
  const byNumber = new Map(page.lines.map((line) => [line.number, line]));
  const columns = new Map<number, CellLine[]>(ANSWER_COLUMNS.map((column) => [column, []]));
  part.lineNumbers.forEach((number, index) => {
    const line = byNumber.get(number);
    const assigned = part.wordColumns[index];
    if (!line || !assigned || assigned.length !== line.words.length) return;
    for (const column of ANSWER_COLUMNS) {
      const words = line.words.filter((_, w) => assigned[w] === column);
      if (words.length === 0) continue;
      columns
        .get(column)!
        .push({ line, text: words.map((word) => word.text).join(' '), x1: Math.max(...words.map((word) => word.x1)), words: words.length });
    }
  });
  return columns;
}

/** Counts of the words of a document, to tell a piece of a word from a word. */
function wordCounts(pages: readonly PageText[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const page of pages) for (const line of page.lines) for (const word of line.words) counts.set(word.text, (counts.get(word.text) ?? 0) + 1);
  return counts;
}

export function suspectedCuts(parts: readonly (TablePart | null)[], pages: readonly PageText[]): SuspectedCut[] {
  const found: SuspectedCut[] = [];
  let counts: Map<string, number> | null = null;
  parts.forEach((part, index) => {
    const page = pages[index]!;
    if (!part || !page.exactPositions) return;
    for (const lines of columnLines(part, page).values()) {
      const limit = Math.max(...lines.map((cell) => cell.x1));
      lines.forEach((cell, k) => {
        const next = lines[k + 1];
        if (!next || cell.words !== 1 || cell.text.length < 2) return;
        if (next.line.top - cell.line.bottom > part.lineHeight) return;
        const x0 = cell.line.words.find((word) => word.text === cell.text)?.x0 ?? cell.x1;
        const glyph = (cell.x1 - x0) / cell.text.length;
        if (cell.x1 < limit - FILLED * glyph) return;
        const rest = next.text.split(' ')[0]!;
        if (!/[\p{L}\p{N}/]$/u.test(cell.text) || !/^[\p{Ll}\p{N}]/u.test(rest)) return;
        counts ??= wordCounts(pages);
        if ((counts.get(cell.text) ?? 0) <= 1 && (counts.get(rest) ?? 0) <= 1)
          found.push({ page: page.page, line: cell.line.number, pieces: [cell.text, rest] });
      });
    }
  });
  return found;
}
