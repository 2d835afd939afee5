/** A page as the PDF engine gives it (text runs in points) to the page text the layout reads. */
import type { ExtractedPage } from './engine.js';
import { linesOfWords, typicalHeight, wordsOfRun, type PageText } from '../layout/geometry.js';

/** A gap wider than this share of the font size is more than a space: a new piece of text. */
const PIECE_GAP = 0.45;

export function pageTextOfPdf(page: ExtractedPage): PageText {
  const words = page.runs.flatMap(wordsOfRun);
  const lines = linesOfWords(words, (height) => PIECE_GAP * height);
  lines.forEach((line, index) => (line.number = index + 1));
  const lineHeight = typicalHeight(lines);
  return {
    page: page.page,
    width: page.width,
    height: page.height,
    lines,
    lineHeight,
    edgeTolerance: 0.15 * lineHeight,
    columnSlack: 0.15 * lineHeight,
    exactPositions: true,
    aside: page.otherText,
  };
}
