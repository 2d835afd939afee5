import { describe, expect, it } from 'vitest';
import { CHARTER_POINTS } from '../src/charter/points.js';
import { importReturn } from '../src/pipeline.js';
import type { CharterReturn } from '../src/model.js';
import { checkTimescales, periodStart } from '../src/timescales/timescaleRules.js';
import { fixtureBytes } from './lib/expected.js';

function returnWith(period: string | null, nextSteps: string[]): CharterReturn {
  return {
    schemaVersion: 1,
    authority: null,
    period,
    source: { path: null, format: 'tsv' },
    points: nextSteps.map((text, index) => ({
      number: index + 1,
      charterPoint: CHARTER_POINTS[index]!.wording,
      whereWeAreNow: 'now',
      whereWeNeedToImprove: 'improve',
      nextSteps: text,
    })),
    diagnostics: [],
  };
}

const evidence = new Map([
  [1, { place: { line: 10 }, writtenCharterPoint: '' }],
  [2, { place: { line: 20 }, writtenCharterPoint: '' }],
  [3, { place: { page: 4 }, writtenCharterPoint: '' }],
]);

describe('seed 000 under the timescale rules', () => {
  it('is valid and warns of the next steps with no timescale: points 5, 8, 11, 12, 13 and 21', async () => {
    const result = await importReturn(fixtureBytes('croydon-2015.tsv'), { path: 'fixtures/croydon-2015.tsv' });
    expect(result.valid).toBe(true);
    const timescaleDiagnostics = result.diagnostics.filter((d) => d.code.includes('timescale'));
    expect(timescaleDiagnostics.map((d) => [d.code, d.severity, d.point])).toEqual(
      [5, 8, 11, 12, 13, 21].map((point) => ['no-timescale', 'warning', point]),
    );
    expect(timescaleDiagnostics[0]).toEqual({
      severity: 'warning',
      code: 'no-timescale',
      message: 'point 5 has next steps but no timescale: "Discuss with project lead how we can make our assessment mo…"',
      line: 15,
      point: 5,
    });
  });
});

describe('checkTimescales', () => {
  it('warns of a timescale that ends before the period, placed on its row', () => {
    const diagnostics = checkTimescales(returnWith('May 2015', ['Report Dec 2014, then Sept 2015', 'By April 2015', 'during 15/16']), evidence);
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        code: 'timescale-before-period',
        message: 'point 1: timescale "Dec 2014" ends on 2014-12-31, before the return\'s period (May 2015) begins',
        line: 10,
        point: 1,
      },
      {
        severity: 'warning',
        code: 'timescale-before-period',
        message: 'point 2: timescale "April 2015" ends on 2015-04-30, before the return\'s period (May 2015) begins',
        line: 20,
        point: 2,
      },
    ]);
  });

  it('gives an unclear phrase an info, and no no-timescale warning', () => {
    expect(checkTimescales(returnWith('May 2015', ['Review next quarter', '', 'Agree targets by March']), evidence)).toEqual([
      {
        severity: 'info',
        code: 'timescale-unclear',
        message: 'point 1: "next quarter" looks like a timescale but could not be read as a date: it is relative to when it was written',
        line: 10,
        point: 1,
      },
      {
        severity: 'info',
        code: 'timescale-unclear',
        message: 'point 3: "March" looks like a timescale but could not be read as a date: it names a month but no year',
        page: 4,
        point: 3,
      },
    ]);
  });

  it('says nothing of an empty answer (empty-answer does), nor of dates where the period names none', () => {
    expect(checkTimescales(returnWith('May 2015', ['  ', 'Ongoing']), evidence)).toEqual([]);
    expect(checkTimescales(returnWith(null, ['Dec 2014']), evidence)).toEqual([]);
    expect(checkTimescales(returnWith('the spring', ['Dec 2014']), evidence)).toEqual([]);
  });

  it('uses the timescales already on a point', () => {
    const charterReturn = returnWith('May 2015', ['Dec 2014']);
    charterReturn.points[0]!.timescales = [];
    expect(checkTimescales(charterReturn, evidence).map((d) => d.code)).toEqual(['no-timescale']);
  });
});

describe('periodStart', () => {
  it.each([
    ['May 2015', '2015-05-01'],
    ['Sept 2016', '2016-09-01'],
    ['2016/17', '2016-04-01'],
    ['Q3 2016/17', '2016-10-01'],
    ['2017', '2017-01-01'],
    ['Ongoing', null],
    [null, null],
  ])('%s → %s', (period, start) => {
    expect(periodStart(period)).toBe(start);
  });
});
