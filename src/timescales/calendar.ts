/** Month names and inclusive spans of ISO dates, for reading timescales. */

const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map([
  ['jan', 1],
  ['january', 1],
  ['feb', 2],
  ['february', 2],
  ['mar', 3],
  ['march', 3],
  ['apr', 4],
  ['april', 4],
  ['may', 5],
  ['jun', 6],
  ['june', 6],
  ['jul', 7],
  ['july', 7],
  ['aug', 8],
  ['august', 8],
  ['sep', 9],
  ['sept', 9],
  ['september', 9],
  ['oct', 10],
  ['october', 10],
  ['nov', 11],
  ['november', 11],
  ['dec', 12],
  ['december', 12],
]);

/** Longest names first, so that a glued word ending in "September" is not read as "ber". */
const NAMES_LONGEST_FIRST = [...MONTH_NUMBERS.keys()].sort((a, b) => b.length - a.length);

/** 1–12 for a month's name or abbreviation in any case, else undefined. */
export function monthNumber(word: string): number | undefined {
  return MONTH_NUMBERS.get(word.toLowerCase());
}

export interface MonthInWord {
  month: number;
  /** Where the month's name starts in the word. */
  offset: number;
}

/**
 * The month a word names, either the whole word (`Sept`, `AUGUST`) or, where the month was glued
 * to the word before it (`EOLCAugust`), a Capitalised month name that ends the word. Requiring the
 * capital keeps words such as "grammar" and "dismay" from reading as months.
 */
export function monthInWord(word: string): MonthInWord | undefined {
  const whole = monthNumber(word);
  if (whole !== undefined) return { month: whole, offset: 0 };
  for (const name of NAMES_LONGEST_FIRST) {
    const offset = word.length - name.length;
    if (offset < 1) continue;
    const tail = word.slice(offset);
    if (tail.toLowerCase() === name && tail[0] === tail[0]!.toUpperCase() && tail.slice(1) === tail.slice(1).toLowerCase()) {
      return { month: MONTH_NUMBERS.get(name)!, offset };
    }
  }
  return undefined;
}

/** A year written with two digits is in this century; four digits are taken as written. */
export function fullYear(digits: string): number {
  const value = Number(digits);
  return digits.length <= 2 ? 2000 + value : value;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export interface Span {
  from: string;
  to: string;
}

/** From the first day of one month to the last day of another (months may run past 12 into the next year). */
export function monthSpan(fromYear: number, fromMonth: number, toYear: number, toMonth: number): Span {
  const endYear = toYear + Math.floor((toMonth - 1) / 12);
  const endMonth = ((toMonth - 1) % 12) + 1;
  return { from: isoDate(fromYear, fromMonth, 1), to: isoDate(endYear, endMonth, daysInMonth(endYear, endMonth)) };
}

/** Financial years from 1 April of `firstYear` to 31 March of `lastYear` (`2016/17`: 2016, 2017). */
export function financialYears(firstYear: number, lastYear: number): Span {
  return { from: isoDate(firstYear, 4, 1), to: isoDate(lastYear, 3, 31) };
}
