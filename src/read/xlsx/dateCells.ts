/**
 * Dates in Excel cells. Excel stores a date as a serial number of days and shows it through the
 * cell's number format ("Sep-15", "01/09/2015"), so the stored value alone would read as 42248.
 * The formats that show dates are found in the workbook's styles, and such a cell is read as the
 * date it shows: "September 2015" where the format names no day, "01/09/2015" (day first, as in
 * the UK) where it does.
 */
import { attribute, readXmlEvents } from '../office/xmlEvents.js';
import { localName } from './workbookParts.js';

export type DateStyle = 'month' | 'day';

/** Built-in number formats that show a date (ECMA-376 18.8.30), by whether they show the day. */
const BUILT_IN: ReadonlyMap<number, DateStyle> = new Map([
  [14, 'day'],
  [15, 'day'],
  [16, 'day'],
  [17, 'month'],
  [22, 'day'],
  ...[27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58].map((id) => [id, 'day'] as [number, DateStyle]),
]);

/** What a custom format code shows, its quoted text, escapes and [colour] sections set aside. */
function styleOfCode(code: string): DateStyle | null {
  // A bracket opens no section until it closes before the next: `[^\][]`, so that a run of
  // unclosed brackets is not scanned again from each one.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\][]*\]/g, '').toLowerCase();
  if (!/y/.test(bare) && !/d/.test(bare)) return null;
  return /d/.test(bare) ? 'day' : 'month';
}

/** The date style of each cell style (its index in cellXfs) that shows a date. */
export function dateStylesOf(stylesXml: string | null): Map<number, DateStyle> {
  const styles = new Map<number, DateStyle>();
  if (stylesXml === null) return styles;
  const custom = new Map<number, DateStyle>();
  let inCellXfs = false;
  let index = 0;
  readXmlEvents(stylesXml, {
    open(name, attributes) {
      const local = localName(name);
      if (local === 'numFmt') {
        const style = styleOfCode(attribute(attributes, 'formatCode') ?? '');
        if (style) custom.set(Number(attribute(attributes, 'numFmtId')), style);
      } else if (local === 'cellXfs') {
        inCellXfs = true;
      } else if (local === 'xf' && inCellXfs) {
        const id = Number(attribute(attributes, 'numFmtId') ?? 0);
        const style = custom.get(id) ?? BUILT_IN.get(id);
        if (style) styles.set(index, style);
        index++;
      }
    },
    close(name) {
      if (localName(name) === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return styles;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_MS = 86_400_000;

/** The date a serial shows, or null where it is no date Excel can show. */
export function serialDate(serial: string, style: DateStyle, date1904: boolean): string | null {
  const days = Number(serial);
  if (!Number.isFinite(days) || days < 1 || days > 2_958_465) return null;
  // The 1900 system counts a 29 February 1900 that never was (serial 60): later serials are a day ahead.
  if (!date1904 && Math.floor(days) === 60) return style === 'month' ? 'February 1900' : '29/02/1900';
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days >= 61 ? 30 : 31);
  const date = new Date(epoch + Math.floor(days) * DAY_MS);
  const year = date.getUTCFullYear();
  if (style === 'month') return `${MONTHS[date.getUTCMonth()]} ${year}`;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${year}`;
}
