/**
 * Pages laid out into the raw document: text lines as text blocks, each page's piece of the table
 * as a table whose rows are the bands the row cutter found. Whether numbers sit at the top or in
 * the middle of their rows is decided once, from every page, before the rows are cut.
 */
import type { RawBlock, RawRow } from '../../model.js';
import { continuesHyphenated, joinCellLines } from './cellLines.js';
import { COLUMN_COUNT } from './heading.js';
import type { PageLayout, TablePart } from './pageLayout.js';
import { alignmentErrors, bandsOf, firstCut, interiorCuts, type Alignment, type Band } from './rows.js';

function rowOf(part: TablePart, band: Band): RawRow {
  const lines = part.lines.slice(band.start, band.end);
  const cells = Array.from({ length: COLUMN_COUNT }, (_, column) => joinCellLines(lines.map((line) => line.cells[column]!)));
  return { cells, place: { page: part.page, line: part.lineNumbers[band.start]! } };
}

/**
 * A word hyphenated at the foot of a page ("co-" … "ordinated" at the top of the next) is joined
 * onto the row above, where the normaliser would otherwise put a space inside it.
 */
function joinAcrossPage(previous: RawRow, continuation: RawRow): void {
  continuation.cells.forEach((cell, column) => {
    const above = previous.cells[column] ?? '';
    if (!continuesHyphenated(above, cell)) return;
    const match = /^(\S+)\s*([\s\S]*)$/.exec(cell)!;
    previous.cells[column] = above + match[1];
    continuation.cells[column] = match[2]!;
  });
}

export function blocksOf(layouts: readonly PageLayout[]): RawBlock[] {
  const parts = layouts.map((layout) => layout.part).filter((part): part is TablePart => part !== null);
  const cuts = new Map(parts.map((part) => [part, interiorCuts(part.lines, part.lineHeight)]));
  let top = 0;
  let middle = 0;
  for (const part of parts) {
    const errors = alignmentErrors(part.lines, cuts.get(part)!, part === parts[0]);
    top += errors.top / part.lineHeight;
    middle += errors.middle / part.lineHeight;
  }
  const alignment: Alignment = middle < top ? 'middle' : 'top';

  const blocks: RawBlock[] = [];
  // The last row of a table that ran to the foot of the page before.
  let openRow: RawRow | null = null;
  for (const layout of layouts) {
    for (const line of layout.before) blocks.push({ kind: 'text', text: line.text, place: { page: layout.page, line: line.line } });
    const part = layout.part;
    if (part) {
      const partCuts = cuts.get(part)!;
      const bands = bandsOf(part.lines, firstCut(part.lines, part.lineHeight, partCuts, alignment), partCuts);
      const rows: RawRow[] = [];
      if (part.heading) rows.push({ cells: part.heading.cells, place: { page: part.page, line: part.heading.line } });
      for (const band of bands) {
        const row = rowOf(part, band);
        if (!band.numbered && openRow) joinAcrossPage(openRow, row);
        rows.push(row);
      }
      if (rows.length > 0) blocks.push({ kind: 'table', table: { rows, place: rows[0]!.place } });
      const bodyRows = rows.length - (part.heading ? 1 : 0);
      openRow = layout.openGrid && bodyRows > 0 ? rows[rows.length - 1]! : layout.openGrid ? openRow : null;
    } else {
      openRow = null;
    }
    for (const line of layout.after) blocks.push({ kind: 'text', text: line.text, place: { page: layout.page, line: line.line } });
  }
  return blocks;
}
