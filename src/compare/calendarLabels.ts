/**
 * Where a day falls in the year as councils plan it: the financial year (1 April to 31 March),
 * its quarter (Q1 April–June … Q4 January–March) and the month, from an ISO day `YYYY-MM-DD`.
 *
 *   financialYearOf('2015-09-30') → '2015/16'
 *   quarterOf('2016-02-01')       → 'Q4 2015/16'
 *   monthOf('2015-09-30')         → '2015-09';  monthLabel('2015-09') → 'September 2015'
 */
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function yearAndMonth(day: string): [number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
}

/** The calendar year the financial year of `day` starts in. */
export function financialYearStart(day: string): number {
  const [year, month] = yearAndMonth(day);
  return month >= 4 ? year : year - 1;
}

export function financialYearOf(day: string): string {
  const start = financialYearStart(day);
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

export function quarterOf(day: string): string {
  const [, month] = yearAndMonth(day);
  return `Q${Math.floor(((month + 8) % 12) / 3) + 1} ${financialYearOf(day)}`;
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function monthLabel(month: string): string {
  const [year, number] = yearAndMonth(`${month}-01`);
  return `${MONTH_NAMES[number - 1]} ${year}`;
}
