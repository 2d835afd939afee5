/**
 * Reader for text extracted from a PDF. Text laid out in columns (`pdftotext -layout`) is read by
 * position, like the PDF itself; text that kept no columns (`pdftotext`, pdf-parse's getText())
 * is read in its reading order, its cells rebuilt from how their lines wrap (readingOrder.ts).
 */
import type { Diagnostic, RawDocument } from '../../model.js';
import { ANSWER_FIELDS, ANSWER_HEADINGS } from '../../model.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';

import { layoutDocument } from '../layout/document.js';
import { findHeading } from '../layout/heading.js';
import { layoutPageText } from './layoutText.js';
import { readReadingOrder } from './readingOrder.js';
import { splitPages, type TextPage } from './textPages.js';

/** Runs of spaces that set a heading's titles apart, at least, in text laid out in columns. */
const LAID_OUT_GAPS = 2;

/**
 * True where the text is laid out in columns: a heading row whose titles runs of spaces set
 * apart. pdf-parse writes a tab where two pieces of one line have a gap between them, which sets
 * titles apart too, but its cells' lines follow one another: a tab is no evidence of columns.
 */
function keepsColumns(pages: readonly TextPage[]): boolean {
  return pages.some((page) => {
    const laidOut = layoutPageText(page);
    const heading = findHeading(laidOut.lines, 4);
    if (!heading) return false;
    const first = laidOut.lines[heading.firstLine]!.number - page.firstLine;
    const last = laidOut.lines[heading.lastLine]!.number - page.firstLine;
    const gaps = page.lines.slice(first, last + 1).reduce((count, line) => count + (line.match(/\S {2,}(?=\S)/g)?.length ?? 0), 0);
    return gaps >= LAID_OUT_GAPS;
  });
}

/** The form's columns by their index in a laid-out table, as diagnostics name them. */
const COLUMN_TITLES = ['No.', 'Charter point', ...ANSWER_FIELDS.map((field) => ANSWER_HEADINGS[field])];

export function readPdfText(text: string, diagnostics: Diagnostic[]): RawDocument {
  const pages = splitPages(text);
  if (!keepsColumns(pages)) return { format: 'text', blocks: readReadingOrder(pages, diagnostics), diagnostics };
  const { blocks, guessedCuts } = layoutDocument(pages.map(layoutPageText));
  for (const cut of guessedCuts) {
    const [left, right] = cut.columns.map((column) => COLUMN_TITLES[column]!);
    diagnostics.push(
      diagnostic('layout-cells-guessed', { text: cut.text, words: cut.words, left: left!, right: right! }, { page: cut.page, line: cut.line }),
    );
  }
  return { format: 'text', blocks, diagnostics };
}
