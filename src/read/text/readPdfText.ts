/**
 * Reader for text extracted from a PDF. Text laid out in columns (`pdftotext -layout`) is read by
 * position, like the PDF itself; text that kept no columns (`pdftotext`, pdf-parse's getText())
 * is read as a stream of cells.
 */
import type { Diagnostic, RawDocument } from '../../model.js';

import { layoutDocument } from '../layout/document.js';
import { findHeading } from '../layout/heading.js';
import { layoutPageText } from './layoutText.js';
import { readStreamText } from './streamText.js';
import { splitPages } from './textPages.js';

export function readPdfText(text: string, diagnostics: Diagnostic[]): RawDocument {
  const pages = splitPages(text);
  const laidOut = pages.map(layoutPageText);
  if (!laidOut.some((page) => findHeading(page.lines, 4) !== null)) {
    return { format: 'text', blocks: readStreamText(pages, diagnostics), diagnostics };
  }
  return { format: 'text', blocks: layoutDocument(laidOut).blocks, diagnostics };
}
