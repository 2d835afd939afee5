/**
 * One worksheet's cells as rows of text, by Excel's own row numbers and column letters. A cell's
 * text is what it holds: shared or inline strings (line breaks typed with Alt+Enter kept as line
 * breaks), a formula's last result, TRUE or FALSE, an error such as #N/A, a number as stored, or
 * a date as its number format shows it.
 * Merged ranges keep their value in their first cell, as Excel stores them; the cells they cover
 * are empty.
 */
import { attribute, readXmlEvents } from '../office/xmlEvents.js';
import { serialDate, type DateStyle } from './dateCells.js';
import { localName, StringCollector, unescapeSpreadsheetText } from './workbookParts.js';

export interface SheetRow {
  /** Excel's 1-based row number. */
  number: number;
  /** Cell text by 0-based column ("" where empty). */
  cells: string[];
}

export interface SheetCells {
  rows: SheetRow[];
  /** Merged ranges, such as `A1:E1`. */
  merges: string[];
  /** Cells that hold a date, read as the date they show: where, the stored serial, the text. */
  dates: { reference: string; serial: string; text: string }[];
}

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Cell styles that show dates (src/read/xlsx/dateCells.ts). */
  dateStyles: ReadonlyMap<number, DateStyle>;
  date1904: boolean;
}

/** Past column XFD (16,384) a reference is damage: it is read as the next column instead. */
const MAX_COLUMNS = 16_384;

export function columnIndex(reference: string): number | null {
  const letters = /^\$?([A-Za-z]{1,3})/.exec(reference)?.[1];
  if (!letters) return null;
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index <= MAX_COLUMNS ? index - 1 : null;
}

export function readSheetCells(xml: string, context: SheetContext): SheetCells | { problem: string } {
  const rows: SheetRow[] = [];
  const merges: string[] = [];
  const dates: SheetCells['dates'] = [];
  let reference = '';
  let style = 0;
  let row: SheetRow | null = null;
  let column = 0;
  let type = 'n';
  let value = '';
  let inValue = false;
  let inlineText = false;
  const inline = new StringCollector();

  const problem = readXmlEvents(xml, {
    open(name, attributes) {
      switch (localName(name)) {
        case 'row': {
          const number = Number(attribute(attributes, 'r'));
          row = { number: Number.isInteger(number) && number > 0 ? number : (rows.at(-1)?.number ?? 0) + 1, cells: [] };
          column = 0;
          break;
        }
        case 'c':
          reference = attribute(attributes, 'r') ?? '';
          column = columnIndex(reference) ?? column;
          type = attribute(attributes, 't') ?? 'n';
          style = Number(attribute(attributes, 's') ?? 0);
          value = '';
          break;
        case 'v':
          inValue = true;
          break;
        case 'is':
          inlineText = true;
          break;
        case 'mergeCell': {
          const ref = attribute(attributes, 'ref');
          if (ref !== undefined) merges.push(ref);
          break;
        }
      }
      if (inlineText) inline.open(localName(name));
    },
    close(name) {
      const local = localName(name);
      if (inlineText) inline.close(local);
      switch (local) {
        case 'v':
          inValue = false;
          break;
        case 'is':
          inlineText = false;
          value = inline.take();
          break;
        case 'c':
          if (row !== null) {
            let text = cellText(type, value, context.sharedStrings);
            const dateStyle = type === 'n' && value !== '' ? context.dateStyles.get(style) : undefined;
            const date = dateStyle ? serialDate(value, dateStyle, context.date1904) : null;
            if (date !== null) {
              dates.push({ reference, serial: value, text: date });
              text = date;
            }
            if (text !== '') {
              while (row.cells.length < column) row.cells.push('');
              row.cells[column] = text;
            }
          }
          column++;
          break;
        case 'row':
          if (row !== null) rows.push(row);
          row = null;
          break;
      }
    },
    text(text) {
      if (inlineText) inline.text(text);
      else if (inValue) value += text;
    },
  });
  if (problem !== null) return { problem };
  return { rows, merges, dates };
}

function cellText(type: string, value: string, sharedStrings: readonly string[]): string {
  switch (type) {
    case 's':
      return sharedStrings[Number(value)] ?? '';
    case 'b':
      return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
    case 'inlineStr':
      return value;
    default:
      return unescapeSpreadsheetText(value);
  }
}
