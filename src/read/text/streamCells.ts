/**
 * The cells of a page of text without layout: runs of lines between blank lines (pdftotext writes
 * each cell as a block of its own). A row number alone on its line is a cell of its own, even
 * where it came out stuck to the cell before or after it.
 */
import type { Chunk, TextPage } from './textPages.js';
import { runTogetherTitles } from './titles.js';

const ROW_NUMBER = /^\(?\d{1,2}[.)]?$/;
/** A row number followed by the start of its charter point ("4 Workers promote dignity,"). */
const NUMBERED_LINE = /^\d{1,2}[.)]? \p{Lu}/u;
/** A line that is the whole first line of a heading title. */
const TITLE_START = /^(?:no\.?|number|(?:no\.? )?(?:charter points?|where we are now(?: \([^()]*\)?)?|where we need to(?: improve)?|next steps?(?: \(with(?: timescales\))?)?))$/i;

export function splitIntoCells(page: TextPage): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk | null = null;
  page.lines.forEach((raw, index) => {
    const line = raw.replace(/\t/g, ' ').trim();
    if (line === '') {
      current = null;
      return;
    }
    if (ROW_NUMBER.test(line)) {
      chunks.push({ lines: [line], page: page.page, line: page.firstLine + index });
      current = null;
      return;
    }
    // A heading title starts a cell even where it follows the title of the document directly.
    if (!current || TITLE_START.test(line) || runTogetherTitles(line) !== null || NUMBERED_LINE.test(line)) {
      current = { lines: [], page: page.page, line: page.firstLine + index };
      chunks.push(current);
    }
    current.lines.push(line);
  });
  return chunks;
}
