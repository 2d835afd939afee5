/**
 * Which character separates the cells of delimited text: comma, semicolon (Excel's CSV where the
 * decimal mark is a comma, across much of Europe) or tab. The row that splits into the form's
 * headings decides; failing that, the character that splits most records into the same number of
 * cells (three or more). Quotes are honoured, so a delimiter inside a quoted cell does not count,
 * and lines above the table (a title, blank lines) do not mislead it.
 */
import { TITLES } from './text/titles.js';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Enough of the text to see the heading and a few rows; a return's heading is near its top. */
const SAMPLE_CHARACTERS = 100_000;
const SAMPLE_RECORDS = 400;

/** The records of the sample, split at `delimiter` outside quotes (only their cells' text is needed). */
function sampleRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  const end = Math.min(text.length, SAMPLE_CHARACTERS);
  for (let i = 0; i < end && records.length < SAMPLE_RECORDS; i++) {
    const char = text[i]!;
    if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (!quoted && char === '\n') {
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  if (cell !== '' || cells.length > 0) records.push([...cells, cell]);
  return records;
}

/** Cells naming three of the form's four titles (Charter point, Where we are now, …). */
function isHeading(cells: readonly string[]): boolean {
  const titles = new Set<number>();
  for (const cell of cells) {
    const text = cell.trim();
    if (text.length > 48) continue;
    TITLES.forEach((pattern, index) => index > 0 && pattern.test(text) && titles.add(index));
  }
  return titles.size >= 3;
}

export interface SniffedDelimiter {
  delimiter: Delimiter;
  /** True where a row splits into the form's headings with it. */
  heading: boolean;
  /** Records with the commonest number of cells (three or more). */
  regularRecords: number;
}

export function sniffDelimiter(text: string): SniffedDelimiter | null {
  let best: SniffedDelimiter | null = null;
  for (const delimiter of DELIMITERS) {
    const records = sampleRecords(text, delimiter).filter((cells) => cells.length >= 2);
    const heading = records.some(isHeading);
    const counts = new Map<number, number>();
    for (const cells of records) if (cells.length >= 3) counts.set(cells.length, (counts.get(cells.length) ?? 0) + 1);
    let regularRecords = 0;
    for (const count of counts.values()) regularRecords = Math.max(regularRecords, count);
    const found: SniffedDelimiter = { delimiter, heading, regularRecords };
    if (
      best === null ||
      Number(found.heading) - Number(best.heading) > 0 ||
      (found.heading === best.heading && found.regularRecords > best.regularRecords)
    ) {
      best = found;
    }
  }
  return best !== null && (best.heading || best.regularRecords >= 2) ? best : null;
}
