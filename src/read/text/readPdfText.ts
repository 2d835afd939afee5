/**
 * Reader for text extracted from a PDF. Text laid out in columns (`pdftotext -layout`) is read by
 * position, like the PDF itself; text that kept no columns (`pdftotext`, pdf-parse's getText())
 * is read in its reading order, its cells rebuilt from how their lines wrap (readingOrder.ts).
 */
import type { Diagnostic, RawDocument } from '../../model.js';

import { layoutDocument } from '../layout/document.js';
import { findHeading } from '../layout/heading.js';
import { layoutPageText } from './layoutText.js';
import { readReadingOrder } from './readingOrder.js';
import { splitPages } from './textPages.js';

export function readPdfText(text: string, diagnostics: Diagnostic[]): RawDocument {
  const pages = splitPages(text);
  const laidOut = pages.map(layoutPageText);
  if (!laidOut.some((page) => findHeading(page.lines, 4) !== null)) {
    return { format: 'text', blocks: readReadingOrder(pages, diagnostics), diagnostics };
  }
  return { format: 'text', blocks: layoutDocument(laidOut).blocks, diagnostics };
}
