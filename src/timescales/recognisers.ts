/**
 * The shapes of timescale that real returns write, one recogniser each: a pattern that finds a
 * candidate and a reader that checks it (is that word a month? are those years consecutive?) and
 * turns it into a span. Patterns are linear-time: every repeat is bounded or starts at a word
 * boundary, so 1 MB answers are read in one pass. Words that may be months are matched as any
 * letters and looked up in code, which keeps the patterns short and lets `EOLCAugust` be read.
 */
import { financialYears, fullYear, isoDate, isValidDate, monthInWord, monthNumber, monthSpan, type Span } from './calendar.js';
import type { TimescaleKind } from './timescale.js';

export type Reading = { kind: TimescaleKind; from?: string; to?: string } | { unclear: string };

export interface Found {
  start: number;
  end: number;
  reading: Reading;
}

export interface Recogniser {
  pattern: RegExp;
  read(match: RegExpExecArray, text: string): Found | null;
}

function whole(match: RegExpExecArray, reading: Reading): Found {
  return { start: match.index, end: match.index + match[0].length, reading };
}

function dated(kind: TimescaleKind, span: Span): Reading {
  return { kind, from: span.from, to: span.to };
}

/** Two years of a financial-year style pair (`15/16`, `2016/17`, `2016/2017`), or null. */
function yearPair(first: string, second: string): { first: number; last: number } | null {
  if (first.length === 2 && second.length === 4) return null;
  const firstYear = fullYear(first);
  let lastYear = second.length === 2 ? Math.floor(firstYear / 100) * 100 + Number(second) : Number(second);
  if (second.length === 2 && lastYear < firstYear) lastYear += 100;
  return { first: firstYear, last: lastYear };
}

function dateReading(year: number, month: number, day: number, written: string): Reading {
  if (!isValidDate(year, month, day)) return { unclear: `${written} is not a date (day ${day} of month ${month})` };
  const iso = isoDate(year, month, day);
  return { kind: 'date', from: iso, to: iso };
}

/** Where a legal citation ends just before a year ("Care Act 2014"), the year names the Act, not a time. */
const CITATION_BEFORE = /(?:^|[^A-Za-z])(?:Act|Acts|Regulations|Order|Bill|Directive|Strategy)\s{1,3}$/;

const QUARTER_FIRST_MONTH_OF_FINANCIAL_YEAR = [4, 7, 10, 13] as const;
const PART_OF_YEAR: Record<string, [number, number]> = {
  early: [1, 4],
  beginning: [1, 4],
  start: [1, 4],
  mid: [5, 8],
  middle: [5, 8],
  late: [9, 12],
  end: [9, 12],
  first: [1, 6],
  '1st': [1, 6],
  second: [7, 12],
  '2nd': [7, 12],
};
const SEASON_MONTHS: Record<string, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

export const TIMESCALE_RECOGNISERS: readonly Recogniser[] = [
  // 31/03/2017, 31.3.17, 31-03-2017: day first.
  {
    pattern: /(?<![\w/.])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.-]\d)/g,
    read: (m) => whole(m, dateReading(fullYear(m[4]!), Number(m[3]), Number(m[1]), m[0])),
  },
  // 31 March 2017, 31st of March 2017, 1 Sept. 2016
  {
    pattern: /(?<!\w)(\d{1,2})(?:st|nd|rd|th)?\s{0,3}(?:of\s{1,3})?([A-Za-z]{3,9})\.?,?\s{0,3}(\d{4})(?!\d)/gi,
    read: (m) => {
      const month = monthNumber(m[2]!);
      return month === undefined ? null : whole(m, dateReading(Number(m[3]), month, Number(m[1]), m[0]));
    },
  },
  // March 31, 2017
  {
    pattern: /(?<![A-Za-z])([A-Za-z]{3,9})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?,?\s{1,3}(\d{4})(?!\d)/gi,
    read: (m) => {
      const month = monthNumber(m[1]!);
      return month === undefined ? null : whole(m, dateReading(Number(m[3]), month, Number(m[2]), m[0]));
    },
  },
  // Sept–Dec 2015, October 2017 – March 2018, April to June 2016
  {
    pattern:
      /(?<![A-Za-z])([A-Za-z]{3,})\.?(?:\s{0,3}(\d{4}))?(?:\s{0,3}[-–—/]\s{0,3}|\s{1,3}(?:to|until|till|through)\s{1,3})([A-Za-z]{3,9})\.?\s{0,3}(\d{4})(?!\d)/gi,
    read: (m) => {
      const first = monthInWord(m[1]!);
      const lastMonth = monthNumber(m[3]!);
      if (!first || lastMonth === undefined) return null;
      const lastYear = Number(m[4]);
      const firstYear = m[2] !== undefined ? Number(m[2]) : first.month <= lastMonth ? lastYear : lastYear - 1;
      if (firstYear * 12 + first.month >= lastYear * 12 + lastMonth) return null;
      return {
        start: m.index + first.offset,
        end: m.index + m[0].length,
        reading: dated('month-range', monthSpan(firstYear, first.month, lastYear, lastMonth)),
      };
    },
  },
  // Sept 2015, August 2015, EOLCAugust 2015, Sept. 2015, Sept '15, Aug-15
  {
    pattern: /(?<![A-Za-z])([A-Za-z]{3,})\.?(?:\s{0,3}(\d{4})(?!\d)|(?:-|\s?['’])(\d{2})(?![\d/:]|[.,]\d))/g,
    read: (m) => {
      const found = monthInWord(m[1]!);
      if (!found) return null;
      const year = m[2] !== undefined ? Number(m[2]) : fullYear(m[3]!);
      return { start: m.index + found.offset, end: m.index + m[0].length, reading: dated('month', monthSpan(year, found.month, year, found.month)) };
    },
  },
  // 03/2016
  {
    pattern: /(?<![\w/.])(\d{1,2})\/(\d{4})(?![\d/])/g,
    read: (m) => {
      const month = Number(m[1]);
      return month >= 1 && month <= 12 ? whole(m, dated('month', monthSpan(Number(m[2]), month, Number(m[2]), month))) : null;
    },
  },
  // Q3 2016/17, Quarter 3 of 2016-17, Q3 FY16/17, Q3 2016
  {
    pattern:
      /(?<![A-Za-z0-9])(?:Q|quarter\s{0,2})([1-4])\s{0,3}(?:of\s{1,3}|in\s{1,3}|,\s{0,2}|-\s{0,2})?(?:FY\s{0,2})?(?:(\d{4}|\d{2})\s{0,2}[/–—-]\s{0,2}(\d{4}|\d{2})|(\d{4}))(?![\d/])/gi,
    read: (m) => quarterReading(m, Number(m[1]), m[2], m[3], m[4]),
  },
  // 2016/17 Q3
  {
    pattern: /(?<![\w/])(?:FY\s{0,2})?(\d{4}|\d{2})\s{0,2}[/–—-]\s{0,2}(\d{4}|\d{2})\s{0,3}[,:-]?\s{0,3}(?:Q|quarter\s{0,2})([1-4])(?![\dA-Za-z])/gi,
    read: (m) => quarterReading(m, Number(m[3]), m[1], m[2], undefined),
  },
  // 15/16, 2016/17, 2016-17, 2016/2017, FY 2016/17, financial year 2016-17, 2016/18
  {
    pattern: /(?<![\d/£$€]|\d[.,])((?:FY|financial\s{1,2}year)\s{0,2})?(\d{4}|\d{2})\s{0,2}([/–—-])\s{0,2}(\d{4}|\d{2})(?![\d/%]|[.-]\d)/gi,
    read: (m) => {
      const pair = yearPair(m[2]!, m[4]!);
      if (!pair) return null;
      const slash = m[3] === '/';
      // "16-17" alone is as likely an age or a count as a year; with a slash or "FY" it is a year.
      if (m[2]!.length === 2 && !slash && m[1] === undefined) return null;
      const years = pair.last - pair.first;
      if (years === 1 || (slash && m[2]!.length === 4 && years > 1 && years <= 10)) {
        return whole(m, dated('financial-year', financialYears(pair.first, pair.last)));
      }
      return null;
    },
  },
  // winter 2016, summer of 2016, winter 2016/17
  {
    pattern: /(?<![A-Za-z])(spring|summer|autumn|winter)\s{1,3}(?:of\s{1,3})?(?:(\d{4})\s{0,2}[/–—-]\s{0,2}(\d{4}|\d{2})|(\d{4}))(?![\d/])/gi,
    read: (m) => {
      const season = m[1]!.toLowerCase();
      const firstMonth = SEASON_MONTHS[season]!;
      let year: number;
      if (m[4] !== undefined) {
        year = Number(m[4]);
      } else {
        // Only winter spans two years; "winter 2016/17" is the winter that starts in December 2016.
        const pair = yearPair(m[2]!, m[3]!);
        if (season !== 'winter' || !pair || pair.last !== pair.first + 1) return null;
        year = pair.first;
      }
      return whole(m, dated('season', monthSpan(year, firstMonth, year, firstMonth + 2)));
    },
  },
  // early 2016, mid-2016, late 2015
  {
    pattern: /(?<![A-Za-z])(early|mid|late)[\s-]{1,3}(\d{4})(?![\d/])/gi,
    read: (m) => partOfYear(m, m[1]!, m[2]!),
  },
  // the end of 2016, beginning of the year 2016, first half of 2016
  {
    pattern:
      /(?<![A-Za-z])(?:the\s{1,3})?(beginning|start|middle|end|first\s{1,3}half|second\s{1,3}half|1st\s{1,3}half|2nd\s{1,3}half)\s{1,3}of\s{1,3}(?:the\s{1,3}year\s{1,3})?(\d{4})(?![\d/])/gi,
    read: (m) => partOfYear(m, m[1]!.split(/\s/)[0]!, m[2]!),
  },
  // H1 2016
  {
    pattern: /(?<![A-Za-z0-9])H([12])\s{0,2}(\d{4})(?![\d/])/g,
    read: (m) => partOfYear(m, m[1] === '1' ? 'first' : 'second', m[2]!),
  },
  // later in 2015, earlier this 2016: the whole year
  {
    pattern: /(?<![A-Za-z])(?:later|earlier)\s{1,3}(?:in|this)\s{1,3}(?:the\s{1,3}year\s{1,3})?(\d{4})(?![\d/])/gi,
    read: (m) => whole(m, dated('part-of-year', monthSpan(Number(m[1]), 1, Number(m[1]), 12))),
  },
  // 2015-2020, 2016 to 2017 (a dash between consecutive years is a financial year, read above)
  {
    pattern: /(?<![\d/.£$€])(20\d{2})(?:\s{0,2}([–—-])\s{0,2}|\s{1,2}to\s{1,2})(20\d{2})(?![\d/])/gi,
    read: (m) => {
      const first = Number(m[1]);
      const last = Number(m[3]);
      if (last <= first || (m[2] !== undefined && last === first + 1)) return null;
      return whole(m, dated('year-range', monthSpan(first, 1, last, 12)));
    },
  },
  // 2016
  {
    pattern: /(?<![\d/£$€#-]|\d[.,])(20\d{2})(?![\d%]|[.,]\d)/g,
    read: (m, text) => {
      if (CITATION_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) return null;
      const year = Number(m[1]);
      return whole(m, dated('year', monthSpan(year, 1, year, 12)));
    },
  },
  {
    pattern: /(?<![A-Za-z])on[\s-]?going(?![A-Za-z])/gi,
    read: (m) => whole(m, { kind: 'ongoing' }),
  },
  {
    pattern: /(?<![A-Za-z])(?:immediately|with\s{1,3}immediate\s{1,3}effect|asap|as\s{1,3}soon\s{1,3}as\s{1,3}possible)(?![A-Za-z])/gi,
    read: (m) => whole(m, { kind: 'immediate' }),
  },
  {
    pattern: /(?<![A-Za-z])(?:tbc|tba|tbd|to\s{1,3}be\s{1,3}(?:confirmed|determined))(?![A-Za-z])/gi,
    read: (m) => whole(m, { kind: 'tbc' }),
  },
  {
    pattern:
      /(?<![A-Za-z])(?:weekly|fortnightly|monthly|bi-?monthly|quarterly|bi-?annually|annually|yearly|(?:every|each)\s{1,3}(?:(?:\d{1,2}|two|three|four|six|twelve|few)\s{1,3}(?:weeks|months|years)|week|month|quarter|year))(?![A-Za-z])/gi,
    read: (m) => whole(m, { kind: 'recurring' }),
  },
];

function quarterReading(
  m: RegExpExecArray,
  quarter: number,
  first: string | undefined,
  second: string | undefined,
  year: string | undefined,
): Found | null {
  if (year !== undefined) {
    // A quarter of a plain year is a calendar quarter.
    const startMonth = (quarter - 1) * 3 + 1;
    return whole(m, dated('quarter', monthSpan(Number(year), startMonth, Number(year), startMonth + 2)));
  }
  const pair = yearPair(first!, second!);
  if (!pair || pair.last !== pair.first + 1) return null;
  const startMonth = QUARTER_FIRST_MONTH_OF_FINANCIAL_YEAR[quarter - 1]!;
  const startYear = pair.first + Math.floor((startMonth - 1) / 12);
  const month = ((startMonth - 1) % 12) + 1;
  return whole(m, dated('quarter', monthSpan(startYear, month, startYear, month + 2)));
}

function partOfYear(m: RegExpExecArray, part: string, yearText: string): Found | null {
  const months = PART_OF_YEAR[part.toLowerCase()];
  if (!months) return null;
  const year = Number(yearText);
  return whole(m, dated('part-of-year', monthSpan(year, months[0], year, months[1])));
}

/**
 * Phrases that look like a time but name no date: relative ones (`next quarter`, `within 6
 * months`, `end of the year`), a month or season with no year (`by March`, `in the autumn`), a
 * quarter with no year (`Q3`). Read only where no timescale covers the same words.
 */
export const UNCLEAR_RECOGNISERS: readonly Recogniser[] = [
  {
    pattern:
      /(?<![A-Za-z])(?:(?:in|within|over|during|by|before|until)\s{1,3}(?:the\s{1,3})?)?(?:next|this|coming|following|forthcoming|current)\s{1,3}(?:(?:few|couple\s{1,3}of|\d{1,2}|two|three|four|six|twelve)\s{1,3})?(?:financial\s{1,3}year|week|month|quarter|year|fy)s?(?![A-Za-z])(?!\s{0,3}\d)/gi,
    read: (m) => whole(m, { unclear: 'it is relative to when it was written' }),
  },
  {
    pattern:
      /(?<![A-Za-z])(?:in|within|over|after)\s{1,3}(?:the\s{1,3})?(?:next\s{1,3})?(?:\d{1,3}|a|one|two|three|four|five|six|nine|twelve|eighteen|few|several|a\s{1,3}few|a\s{1,3}couple\s{1,3}of)\s{1,3}(?:day|week|month|year)s?(?![A-Za-z])/gi,
    read: (m) => whole(m, { unclear: 'it is relative to when it was written' }),
  },
  {
    pattern:
      /(?<![A-Za-z])(?:by\s{1,3})?(?:the\s{1,3})?(?:end|start|beginning|middle)\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:(?:financial|calendar)\s{1,3})?(?:year|month|quarter)(?![A-Za-z])(?!\s{0,3}(?:\d|of(?![A-Za-z])))/gi,
    read: (m) => whole(m, { unclear: 'it names no year' }),
  },
  {
    pattern: /(?<![A-Za-z])year[\s-]end(?![A-Za-z])/gi,
    read: (m) => whole(m, { unclear: 'it names no year' }),
  },
  // Capitalised month names only: "may" and "march" are also everyday words.
  {
    pattern:
      /(?<![A-Za-z])(?:January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?![A-Za-z])/g,
    read: (m) => whole(m, { unclear: 'it names a month but no year' }),
  },
  {
    pattern:
      /(?<![A-Za-z])(?:in|by|this|next|over|during|until|before|after|from|early|late|mid)[\s-]{1,3}(?:the\s{1,3})?(?:spring|summer|autumn|winter)(?![A-Za-z])(?!\s{1,3}(?:of\s{1,3})?\d)/gi,
    read: (m) => whole(m, { unclear: 'it names a season but no year' }),
  },
  {
    pattern: /(?<![A-Za-z0-9])Q[1-4](?![A-Za-z0-9])/g,
    read: (m) => whole(m, { unclear: 'it names a quarter but no year' }),
  },
];
