import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importReturn } from '../src/pipeline.js';
import { findUnclearTimes, parseTimescales, readTimes } from '../src/timescales/parseTimescales.js';
import type { Timescale } from '../src/timescales/timescale.js';
import { fixtureBytes } from './lib/expected.js';

const t = (text: string, kind: Timescale['kind'], from?: string, to?: string): Timescale =>
  from === undefined ? { text, kind } : { text, kind, from, to: to ?? from };

describe('parseTimescales: one phrase each', () => {
  // [answer text, the timescales it holds]
  const table: [string, Timescale[]][] = [
    // month and year
    ['Raise at next review of support plan. Sept 2015', [t('Sept 2015', 'month', '2015-09-01', '2015-09-30')]],
    ['Involve higher management. Aug 2015', [t('Aug 2015', 'month', '2015-08-01', '2015-08-31')]],
    ['Meet with TACS service lead August 2015', [t('August 2015', 'month', '2015-08-01', '2015-08-31')]],
    ['better outcomes in EOLCAugust 2015', [t('August 2015', 'month', '2015-08-01', '2015-08-31')]],
    ['Link up with learning March 2016', [t('March 2016', 'month', '2016-03-01', '2016-03-31')]],
    ['Monitored by leads. Dec 2015', [t('Dec 2015', 'month', '2015-12-01', '2015-12-31')]],
    ['by February 2016', [t('February 2016', 'month', '2016-02-01', '2016-02-29')]],
    ['SEPTEMBER 2016', [t('SEPTEMBER 2016', 'month', '2016-09-01', '2016-09-30')]],
    ['Sept. 2015', [t('Sept. 2015', 'month', '2015-09-01', '2015-09-30')]],
    ['review Aug-15', [t('Aug-15', 'month', '2015-08-01', '2015-08-31')]],
    ["launch Sept '16", [t("Sept '16", 'month', '2016-09-01', '2016-09-30')]],
    ['due 03/2016', [t('03/2016', 'month', '2016-03-01', '2016-03-31')]],
    ['end of November 2017', [t('November 2017', 'month', '2017-11-01', '2017-11-30')]],
    // financial years
    ['Incorporate gaps in training plan and revise accordingly.15/16', [t('15/16', 'financial-year', '2015-04-01', '2016-03-31')]],
    ['identify overlaps/gaps 15/16', [t('15/16', 'financial-year', '2015-04-01', '2016-03-31')]],
    ['for future learning and improvement.15/16', [t('15/16', 'financial-year', '2015-04-01', '2016-03-31')]],
    ['during 2016/17', [t('2016/17', 'financial-year', '2016-04-01', '2017-03-31')]],
    ['in 2017-18', [t('2017-18', 'financial-year', '2017-04-01', '2018-03-31')]],
    ['over 2016/2017', [t('2016/2017', 'financial-year', '2016-04-01', '2017-03-31')]],
    ['FY 2018/19', [t('FY 2018/19', 'financial-year', '2018-04-01', '2019-03-31')]],
    ['financial year 2019-20', [t('financial year 2019-20', 'financial-year', '2019-04-01', '2020-03-31')]],
    ['across 2016/18', [t('2016/18', 'financial-year', '2016-04-01', '2018-03-31')]],
    // quarters
    ['Q3 2016/17', [t('Q3 2016/17', 'quarter', '2016-10-01', '2016-12-31')]],
    ['Q4 2016/17', [t('Q4 2016/17', 'quarter', '2017-01-01', '2017-03-31')]],
    ['Q1 16/17', [t('Q1 16/17', 'quarter', '2016-04-01', '2016-06-30')]],
    ['quarter 2 of 2015-16', [t('quarter 2 of 2015-16', 'quarter', '2015-07-01', '2015-09-30')]],
    ['2017/18 Q2', [t('2017/18 Q2', 'quarter', '2017-07-01', '2017-09-30')]],
    ['Q3 2016', [t('Q3 2016', 'quarter', '2016-07-01', '2016-09-30')]],
    // dates
    ['31/03/2017', [t('31/03/2017', 'date', '2017-03-31')]],
    ['complete by 31 March 2017', [t('31 March 2017', 'date', '2017-03-31')]],
    ['by 1st of April 2016', [t('1st of April 2016', 'date', '2016-04-01')]],
    ['meeting 28.9.17', [t('28.9.17', 'date', '2017-09-28')]],
    ['from 01-04-2016', [t('01-04-2016', 'date', '2016-04-01')]],
    ['on March 31, 2017', [t('March 31, 2017', 'date', '2017-03-31')]],
    ['29/02/2016', [t('29/02/2016', 'date', '2016-02-29')]],
    // seasons and parts of a year
    ['Commence late 2015', [t('late 2015', 'part-of-year', '2015-09-01', '2015-12-31')]],
    ['develop by early 2016', [t('early 2016', 'part-of-year', '2016-01-01', '2016-04-30')]],
    ['mid-2016', [t('mid-2016', 'part-of-year', '2016-05-01', '2016-08-31')]],
    ['Board later in 2015', [t('later in 2015', 'part-of-year', '2015-01-01', '2015-12-31')]],
    ['by the end of 2016', [t('the end of 2016', 'part-of-year', '2016-09-01', '2016-12-31')]],
    ['first half of 2017', [t('first half of 2017', 'part-of-year', '2017-01-01', '2017-06-30')]],
    ['H2 2016', [t('H2 2016', 'part-of-year', '2016-07-01', '2016-12-31')]],
    ['autumn 2016', [t('autumn 2016', 'season', '2016-09-01', '2016-11-30')]],
    ['winter 2016', [t('winter 2016', 'season', '2016-12-01', '2017-02-28')]],
    ['winter 2015/16', [t('winter 2015/16', 'season', '2015-12-01', '2016-02-29')]],
    ['summer of 2016', [t('summer of 2016', 'season', '2016-06-01', '2016-08-31')]],
    ['Spring 2017', [t('Spring 2017', 'season', '2017-03-01', '2017-05-31')]],
    // years and ranges
    ['during 2016', [t('2016', 'year', '2016-01-01', '2016-12-31')]],
    ['strategy 2015-2020', [t('2015-2020', 'year-range', '2015-01-01', '2020-12-31')]],
    ['2016 to 2017', [t('2016 to 2017', 'year-range', '2016-01-01', '2017-12-31')]],
    ['Sept–Dec 2015', [t('Sept–Dec 2015', 'month-range', '2015-09-01', '2015-12-31')]],
    ['Next Steps: October 2017 – March 2018', [t('October 2017 – March 2018', 'month-range', '2017-10-01', '2018-03-31')]],
    ['April to June 2016', [t('April to June 2016', 'month-range', '2016-04-01', '2016-06-30')]],
    ['Nov-Feb 2016', [t('Nov-Feb 2016', 'month-range', '2015-11-01', '2016-02-29')]],
    // kinds without dates
    ['on-going', [t('on-going', 'ongoing')]],
    ['Ongoing', [t('Ongoing', 'ongoing')]],
    ['on going review', [t('on going', 'ongoing')]],
    ['Immediately', [t('Immediately', 'immediate')]],
    ['as soon as possible', [t('as soon as possible', 'immediate')]],
    ['TBC', [t('TBC', 'tbc')]],
    ['dates to be confirmed', [t('to be confirmed', 'tbc')]],
    ['review quarterly', [t('quarterly', 'recurring')]],
    ['audit every 6 months', [t('every 6 months', 'recurring')]],
    // several in one answer, in the order written
    [
      'Pilot Sept 2015, evaluate Q4 2015/16 and roll out 2016/17',
      [
        t('Sept 2015', 'month', '2015-09-01', '2015-09-30'),
        t('Q4 2015/16', 'quarter', '2016-01-01', '2016-03-31'),
        t('2016/17', 'financial-year', '2016-04-01', '2017-03-31'),
      ],
    ],
    ['Ongoing; report 31/03/2017', [t('Ongoing', 'ongoing'), t('31/03/2017', 'date', '2017-03-31')]],
    // no timescale
    ['Discuss with project lead how we can make our assessment more supportive.', []],
    ['No planned review at this time but will monitor', []],
    ['In line with the Care Act 2014 and the Mental Capacity Act 2005', []],
    ['Raise with improvement team at next review of support plan.', []],
    ['support 24/7 and 50/50 funding, 16-17 year olds', []],
    ['Work with grammar schools and avoid dismay', []],
    ['Mayor and Marchmont council', []],
    ['', []],
  ];

  it('has at least 40 phrases', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
  });

  it.each(table)('%j', (text, expected) => {
    expect(parseTimescales(text)).toEqual(expected);
  });
});

describe('findUnclearTimes', () => {
  const table: [string, string[]][] = [
    ['review next quarter', ['next quarter']],
    ['within the next 6 months', ['within the next 6 months']],
    ['in 3 months', ['in 3 months']],
    ['by the end of the year', ['by the end of the year']],
    ['by year end', ['year end']],
    ['by March', ['March']],
    ['in the autumn', ['in the autumn']],
    ['report in Q3', ['Q3']],
    ['this financial year', ['this financial year']],
    ['31/02/2017', ['31/02/2017']],
    // Read timescales are not unclear, nor are ordinary words.
    ['Q3 2016/17', []],
    ['by March 2016', []],
    ['at next review; may help; at this time', []],
    ['winter pressures', []],
  ];
  it.each(table)('%j', (text, expected) => {
    expect(findUnclearTimes(text).map((phrase) => phrase.text)).toEqual(expected);
  });

  it('says why a phrase could not be read', () => {
    expect(findUnclearTimes('next quarter')).toEqual([{ text: 'next quarter', reason: 'it is relative to when it was written' }]);
    expect(readTimes('31/02/2017 then Sept 2015')).toEqual({
      timescales: [t('Sept 2015', 'month', '2015-09-01', '2015-09-30')],
      unclear: [{ text: '31/02/2017', reason: '31/02/2017 is not a date (day 31 of month 2)' }],
    });
  });
});

describe('seed 000: every timescale read', () => {
  it('gives each point its timescales', async () => {
    const result = await importReturn(fixtureBytes('croydon-2015.tsv'), { path: 'fixtures/croydon-2015.tsv' });
    const byPoint = Object.fromEntries(result.charterReturn!.points.map((point) => [point.number, point.timescales]));
    const month = (text: string, from: string, to: string) => [t(text, 'month', from, to)];
    const fy1516 = (text = '15/16') => [t(text, 'financial-year', '2015-04-01', '2016-03-31')];
    expect(byPoint).toEqual({
      1: month('Sept 2015', '2015-09-01', '2015-09-30'),
      2: month('Aug 2015', '2015-08-01', '2015-08-31'),
      3: month('August 2015', '2015-08-01', '2015-08-31'),
      4: fy1516(),
      5: [],
      6: fy1516(),
      7: fy1516(),
      8: [],
      9: [t('on-going', 'ongoing')],
      10: fy1516(),
      11: [],
      12: [],
      13: [],
      14: [t('late 2015', 'part-of-year', '2015-09-01', '2015-12-31')],
      15: [t('early 2016', 'part-of-year', '2016-01-01', '2016-04-30')],
      16: [t('later in 2015', 'part-of-year', '2015-01-01', '2015-12-31')],
      17: month('March 2016', '2016-03-01', '2016-03-31'),
      18: [t('on-going', 'ongoing')],
      19: [t('Immediately', 'immediate')],
      20: month('Dec 2015', '2015-12-01', '2015-12-31'),
      21: [],
    });
  });
});

describe('parseTimescales on any text', () => {
  it('never throws, and each timescale is text found in the input with a span in order', () => {
    const pieces = fc.constantFrom(
      'Sept',
      '2015',
      '15/16',
      '/',
      '-',
      ' ',
      'Q3',
      'early',
      'late',
      'winter',
      'of',
      '31',
      '03',
      '.',
      'on-going',
      'March',
      'EOLC',
      'to',
      'Act',
      'TBC',
      'next',
      'quarter',
      "'",
      '2016/17',
      'later in',
      'by',
      '\n',
      'é',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const { timescales, unclear } = readTimes(text);
        for (const timescale of [...timescales, ...unclear]) expect(text).toContain(timescale.text);
        for (const timescale of timescales) {
          if (timescale.from !== undefined) {
            expect(timescale.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(timescale.to! >= timescale.from).toBe(true);
          }
        }
      }),
      { seed: 20150501, numRuns: 2000 },
    );
  });

  it('reads a 1 MB answer of repeated time-like words, each phrase in its place', () => {
    // How fast is npm run bench's (bounds); here a hang or a stack overflow fails, and the reading
    // must still be whole: phrases in text order, none overlapping, each as written.
    const units = ['2015 ', '15/16 ', 'Sept ', 'Q3 ', 'aaaa', 'a-', '1/', '31/03/', 'next ', 'EOLCAugust', ' ', 'early '];
    for (const unit of units) {
      const text = unit.repeat(Math.ceil((1 << 20) / unit.length));
      const { timescales, unclear } = readTimes(text);
      let from = 0;
      for (const phrase of [...timescales, ...unclear].map((found) => found.text)) {
        const at = text.indexOf(phrase, from);
        expect(at, unit).toBeGreaterThanOrEqual(from);
        from = at + phrase.length;
      }
      expect(from, unit).toBeLessThanOrEqual(text.length);
    }
  });
});
