/**
 * Text extracted from a PDF, cut back into its pages: poppler's pdftotext ends each page with a
 * form feed; pdf-parse's getText() ends each with a line "-- 3 of 12 --".
 */

export interface TextPage {
  page: number;
  /** The page's lines, and the number of its first line in the file (1-based). */
  lines: string[];
  firstLine: number;
}

/** A cell as the text gives it: its lines, where it starts. */
export interface Chunk {
  lines: string[];
  page: number;
  line: number;
}

const PDF_PARSE_PAGE_END = /^-- \d{1,6} of \d{1,6} --$/;

export function isPdfParsePageEnd(line: string): boolean {
  return PDF_PARSE_PAGE_END.test(line.trim());
}

export function splitPages(text: string): TextPage[] {
  const pages: TextPage[] = [];
  let current: TextPage = { page: 1, lines: [], firstLine: 1 };
  const lines = text.split('\n');
  const close = (nextFirstLine: number) => {
    pages.push(current);
    current = { page: current.page + 1, lines: [], firstLine: nextFirstLine };
  };
  lines.forEach((raw, index) => {
    const parts = raw.split('\f');
    parts.forEach((part, p) => {
      if (p > 0) close(index + 1);
      if (isPdfParsePageEnd(part)) {
        current.lines.push('');
        close(index + 2);
        return;
      }
      if (p === 0 || part !== '' || p === parts.length - 1) current.lines.push(part);
    });
  });
  if (current.lines.some((line) => line.trim() !== '')) pages.push(current);
  return pages.filter((page) => page.lines.length > 0);
}
