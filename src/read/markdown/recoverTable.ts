/**
 * Pipe tables the parser reads as plain text, as PDF-to-markdown converters write them: a table
 * whose first line sits in a list item ("- | | |") with the rest of it outside, or whose delimiter
 * row has more or fewer cells than its heading row. Both stay a paragraph under GFM's rules; read
 * with a delimiter row that fits the heading, they are the table the converter meant.
 */
import type { Paragraph } from 'mdast';
import { parseMarkdown } from './parseMarkdown.js';

export interface TableRecovery {
  /** The paragraph's source with its delimiter row rewritten to fit its heading row. */
  markdown: string;
  /** Line of the input the paragraph starts on. */
  firstLine: number;
  /** Line of the input holding the table's heading row. */
  headingLine: number;
  reason: string;
}

/** Only `|`, `-`, `:` and blanks, with at least one pipe and one dash. */
function isDelimiterRow(line: string): boolean {
  let pipe = false;
  let dash = false;
  for (const char of line) {
    if (char === '|') pipe = true;
    else if (char === '-') dash = true;
    else if (char !== ':' && char !== ' ' && char !== '\t') return false;
  }
  return pipe && dash;
}

/** How many cells GFM reads in `line` as a body row of a table. */
function cellCount(line: string): number {
  const root = parseMarkdown(`| x |\n| --- |\n${line.trimStart()}\n`);
  const table = root.children[0];
  return table?.type === 'table' ? (table.children[1]?.children.length ?? 0) : 0;
}

/** `container` names what holds the paragraph ("list item", "quote"), or null at the top level. */
export function recoverTable(paragraph: Paragraph, source: string, container: string | null): TableRecovery | null {
  const start = paragraph.position?.start;
  const end = paragraph.position?.end;
  if (start?.offset === undefined || end?.offset === undefined) return null;
  const lines = source.slice(start.offset, end.offset).split('\n');
  const at = lines.findIndex((line, index) => index > 0 && isDelimiterRow(line) && lines[index - 1]!.includes('|'));
  if (at < 0) return null;
  const headings = cellCount(lines[at - 1]!);
  if (headings === 0) return null;
  const written = cellCount(lines[at]!);
  const reason =
    written === headings
      ? `its heading row is in a ${container ?? 'block'} and the rest of it outside`
      : `its delimiter row has ${written} cell${written === 1 ? '' : 's'} for ${headings} heading cell${headings === 1 ? '' : 's'}`;
  lines[at] = `|${' --- |'.repeat(headings)}`;
  return { markdown: lines.join('\n'), firstLine: start.line, headingLine: start.line + at - 1, reason };
}
