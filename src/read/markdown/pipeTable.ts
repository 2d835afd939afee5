/**
 * A GFM pipe table to a raw table. The heading row is kept as a row: the normaliser recognises
 * the return's heading and drops the empty heading rows converters write on every page. Rows keep
 * the cells they were written with (no padding), so a page number caught in a table stays a
 * one-cell row the normaliser can recognise.
 */
import type { Table } from 'mdast';
import type { RawRow, RawTable } from '../../model.js';
import { phrasingText } from './phrasingText.js';

export function readPipeTable(table: Table, lineOffset: number): RawTable {
  const tableLine = (table.position?.start.line ?? 1) + lineOffset;
  const rows: RawRow[] = table.children.map((row) => ({
    cells: row.children.map((cell) => phrasingText(cell.children)),
    place: { line: (row.position?.start.line ?? tableLine - lineOffset) + lineOffset },
  }));
  return { rows, place: { line: tableLine } };
}
