/**
 * `pdftotext -layout` text: the page drawn in characters, columns aligned by runs of spaces. Each
 * word becomes a box one character high at its column, so the PDF's layout reader reads it.
 */
import { PIECE_GAP } from '../layout/characterColumns.js';
import { linesOfWords, type PageText, type Word } from '../layout/geometry.js';
import type { TextPage } from './textPages.js';

function wordsOfLine(line: string, row: number): Word[] {
  const words: Word[] = [];
  const pattern = /\S+/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(line)) !== null) {
    words.push({ text: match[0], x0: match.index, x1: match.index + match[0].length, top: row, bottom: row + 1, startsPiece: false });
  }
  return words;
}

export function layoutPageText(page: TextPage): PageText {
  const lines = page.lines.flatMap((text, row) => {
    const words = wordsOfLine(text.replace(/\t/g, ' '), row);
    if (words.length === 0) return [];
    const [line] = linesOfWords(words, () => PIECE_GAP);
    line!.number = page.firstLine + row;
    return [line!];
  });
  const width = page.lines.reduce((widest, line) => Math.max(widest, line.length), 0);
  return { page: page.page, width, height: page.lines.length, lines, lineHeight: 1, edgeTolerance: 0.5, columnSlack: 4 };
}
