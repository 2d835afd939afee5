/**
 * `charter report`'s comparison: the fixture set's data checked whole, the rules behind each
 * answer's state and each comparison between periods, and the json, csv and md formats.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { answerState } from '../src/compare/answerState.js';
import { financialYearOf, monthLabel, monthOf, quarterOf } from '../src/compare/calendarLabels.js';
import { columnGroups } from '../src/compare/columnGroups.js';
import { compareReturns, type ReturnToCompare } from '../src/compare/comparison.js';
import type { CharterReturn, PointAnswer } from '../src/model.js';
import { blankReturn } from '../src/charter/template.js';
import { REPORT_CSV_HEADER, writeCsvReport, writeMarkdownReport } from '../src/write/report/reportData.js';
import { runCli } from './lib/runCli.js';

function point(number: number, answers: Partial<PointAnswer> = {}): PointAnswer {
  return { number, charterPoint: `point ${number}`, whereWeAreNow: 'now', whereWeNeedToImprove: 'improve', nextSteps: '', ...answers };
}

/** A return whose points all say `nextSteps` unless `points` says otherwise; point numbers in `leaveOut` are missing. */
function aReturn(
  authority: string | null,
  period: string | null,
  overrides: Record<number, Partial<PointAnswer>> = {},
  leaveOut: number[] = [],
): ReturnToCompare {
  const charterReturn: CharterReturn = {
    ...blankReturn({ authority: authority ?? undefined, period: period ?? undefined }),
    source: { path: `${authority ?? 'unknown'}-${period ?? 'none'}.tsv`, format: 'tsv' },
  };
  charterReturn.points = charterReturn.points
    .filter((p) => !leaveOut.includes(p.number))
    .map((p) => ({ ...p, whereWeAreNow: 'now', whereWeNeedToImprove: 'improve', nextSteps: 'Review it, March 2017', ...overrides[p.number] }));
  return { charterReturn, valid: true };
}

describe('charter report on the fixture set (three councils, two periods each)', () => {
  it('gives the hand-checked comparison, whole, and exits 1 for the return that misses point 17', async () => {
    const result = await runCli(['report', 'fixtures/report/returns/', '--format', 'json', '-q']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'fixtures/report/returns/northgate-2016.md: error missing-point: point 17 ("Use commissioning process to establish required c…") is missing from the return\n',
    );
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(readFileSync('fixtures/report/expected-report.json', 'utf8')));
  });

  it('writes the HTML page to -o and says what it read', async () => {
    const dir = (await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/charter-report-`);
    const result = await runCli(['report', 'fixtures/report/returns/', '-o', `${dir}/report.html`, '--group-by', 'ambition']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n').pop()).toBe('charter: 6 files read, 6 returns in the report, 0 failed, 16 warnings');
    const html = readFileSync(`${dir}/report.html`, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('grouped by the Ambition each point serves most');
    expect((html.match(/<use href="#s-[a-z]+" x=/g) ?? []).length).toBe(6 * 21);
  });

  it('refuses to write over an input, and writes nothing when no input holds a return', async () => {
    const over = await runCli(['report', 'fixtures/report/returns/croydon-2015.tsv', '-o', 'fixtures/report/returns/croydon-2015.tsv']);
    expect(over.status).toBe(2);
    expect(over.stderr).toBe('charter: refusing to write the report over the input fixtures/report/returns/croydon-2015.tsv\n');
    const none = await runCli(['report', '-', '-q'], { stdin: 'no return here\n' });
    expect(none.status).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('charter: no report written: none of the 1 input held a return\n');
  });
});

describe('the state of an answer', () => {
  const may2015 = '2015-05-01';
  it('is missing, empty, past, dated or undated, the first that holds', () => {
    expect(answerState(undefined, may2015)).toBe('missing');
    expect(answerState(point(1, { whereWeAreNow: ' ', whereWeNeedToImprove: '', nextSteps: '' }), may2015)).toBe('empty');
    expect(answerState(point(1, { nextSteps: 'Report Dec 2014, then review Sept 2015' }), may2015)).toBe('past');
    expect(answerState(point(1, { nextSteps: 'Review Sept 2015' }), may2015)).toBe('dated');
    expect(answerState(point(1, { nextSteps: 'on-going' }), may2015)).toBe('undated');
    expect(answerState(point(1, { nextSteps: '' }), may2015)).toBe('undated');
  });

  it('cannot be past where the period names no date, and reads the timescales the return carries', () => {
    expect(answerState(point(1, { nextSteps: 'Report Dec 2014' }), null)).toBe('dated');
    expect(
      answerState(
        point(1, { nextSteps: 'whatever it says', timescales: [{ text: 'x', kind: 'month', from: '2014-01-01', to: '2014-01-31' }] }),
        may2015,
      ),
    ).toBe('past');
  });
});

describe('comparing returns', () => {
  it('groups councils whatever their case or spacing, orders them by name and their returns by period', () => {
    const comparison = compareReturns([
      aReturn('Sutton', 'May 2016'),
      aReturn('Barnet', 'June 2015'),
      aReturn(' sutton ', 'May 2015'),
      aReturn('Sutton', null),
    ]);
    expect(comparison.councils).toEqual([
      { name: 'Barnet', returns: ['r1'] },
      { name: 'Sutton', returns: ['r2', 'r3', 'r4'] },
    ]);
    expect(comparison.returns.map((entry) => [entry.id, entry.period, entry.periodStart])).toEqual([
      ['r1', 'June 2015', '2015-06-01'],
      ['r2', 'May 2015', '2015-05-01'],
      ['r3', 'May 2016', '2016-05-01'],
      ['r4', null, null],
    ]);
    expect(comparison.answers).toHaveLength(4 * 21);
  });

  it('makes a return without a council a council of its own, named after its file', () => {
    const comparison = compareReturns([aReturn(null, 'May 2015'), aReturn(null, 'May 2016')]);
    expect(comparison.councils.map((council) => council.name)).toEqual([
      'Unknown council (unknown-May 2015.tsv)',
      'Unknown council (unknown-May 2016.tsv)',
    ]);
  });

  it('lists what fell due between two periods and which answers are word for word the same', () => {
    const comparison = compareReturns([
      aReturn(
        'Sutton',
        'May 2015',
        { 1: { nextSteps: 'Report Dec 2014; train staff Sept 2015; review 2016/17' }, 2: { whereWeAreNow: 'Same  words' } },
        [3],
      ),
      aReturn('Sutton', 'May 2016', { 2: { whereWeAreNow: 'same words' } }, [4]),
    ]);
    const later = (number: number) => comparison.answers.find((answer) => answer.return === 'r2' && answer.point === number)!;
    expect(comparison.answers.find((answer) => answer.return === 'r1')!.previous).toBeNull();
    expect(later(1).previous).toEqual({
      return: 'r1',
      period: 'May 2015',
      state: 'past',
      fellDue: [{ text: 'Sept 2015', kind: 'month', from: '2015-09-01', to: '2015-09-30' }],
      repeated: ['whereWeAreNow', 'whereWeNeedToImprove'],
    });
    expect(later(2).previous!.repeated).toEqual(['whereWeAreNow', 'whereWeNeedToImprove', 'nextSteps']);
    expect(later(3).previous).toMatchObject({ state: 'missing', fellDue: [], repeated: [] });
    expect(later(4)).toMatchObject({ state: 'missing', whereWeAreNow: '', previous: { state: 'dated', repeated: [] } });
    expect(comparison.points[3]!.latest).toEqual({ dated: 0, undated: 0, past: 0, empty: 0, missing: 1 });
  });

  it('cannot say what fell due where a period names no date', () => {
    const comparison = compareReturns([aReturn('Sutton', 'May 2015'), aReturn('Sutton', 'the latest')]);
    expect(comparison.answers.find((answer) => answer.return === 'r2')!.previous!.fellDue).toBeNull();
  });

  it('puts every dated next step on the timeline, by the day it falls due', () => {
    const comparison = compareReturns([
      aReturn('Sutton', 'May 2015', { 1: { nextSteps: 'Q3 2015/16 and on-going' }, 2: { nextSteps: 'August 2015' } }),
    ]);
    expect(
      comparison.timeline.slice(0, 2).map((entry) => [entry.due, entry.financialYear, entry.quarter, entry.month, entry.point, entry.timescale.text]),
    ).toEqual([
      ['2015-08-31', '2015/16', 'Q2 2015/16', '2015-08', 2, 'August 2015'],
      ['2015-12-31', '2015/16', 'Q3 2015/16', '2015-12', 1, 'Q3 2015/16'],
    ]);
    expect(comparison.timeline).toHaveLength(21);
  });

  it('keeps the inputs that held no return', () => {
    const unread = [{ path: 'x.pdf', diagnostics: [{ severity: 'error' as const, code: 'pdf-no-text', message: 'a scan' }] }];
    expect(compareReturns([aReturn('Sutton', 'May 2015')], unread).unread).toEqual(unread);
  });
});

describe('financial years, quarters and months', () => {
  it('run from April to March', () => {
    const read = (day: string) => [financialYearOf(day), quarterOf(day), monthLabel(monthOf(day))];
    expect(read('2015-04-01')).toEqual(['2015/16', 'Q1 2015/16', 'April 2015']);
    expect(read('2015-09-30')).toEqual(['2015/16', 'Q2 2015/16', 'September 2015']);
    expect(read('2015-12-31')).toEqual(['2015/16', 'Q3 2015/16', 'December 2015']);
    expect(read('2016-03-31')).toEqual(['2015/16', 'Q4 2015/16', 'March 2016']);
    expect(read('1999-06-01')).toEqual(['1999/00', 'Q1 1999/00', 'June 1999']);
  });
});

describe('column groups', () => {
  it('hold every point once, in charter order, under the sections or the Ambitions', () => {
    for (const groupBy of ['charter', 'section', 'ambition'] as const) {
      expect(
        columnGroups(groupBy)
          .flatMap((group) => group.points)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    }
    expect(columnGroups('ambition').map((group) => [group.label, group.points])).toEqual([
      ['Ambition 1', [1, 4, 5, 7, 13]],
      ['Ambition 2', [11, 16, 18, 19, 20]],
      ['Ambition 4', [3, 8, 9, 10, 12, 14, 15]],
      ['Ambition 5', [2, 6, 17, 21]],
    ]);
  });
});

describe('the csv and md formats', () => {
  const comparison = compareReturns([
    aReturn('Sutton', 'May 2015', { 1: { whereWeAreNow: '=HYPERLINK("x")', nextSteps: 'Dec 2014 | then on-going' } }),
    aReturn('Sutton', 'May 2016', {}, [2]),
  ]);

  it('csv: one row a return and point, with the state, guarded against formulas', () => {
    const rows = parse(writeCsvReport(comparison)) as string[][];
    expect(rows[0]).toEqual([...REPORT_CSV_HEADER]);
    expect(rows).toHaveLength(1 + 2 * 21);
    const first = Object.fromEntries(REPORT_CSV_HEADER.map((name, index) => [name, rows[1]![index]]));
    expect(first).toMatchObject({
      Council: 'Sutton',
      Period: 'May 2015',
      'No.': '1',
      Section: 'social-care-practice',
      Ambitions: '1; 3',
      State: 'past',
      'Where we are now': `'=HYPERLINK("x")`,
      Timescales: 'Dec 2014 (month, 2014-12-01 to 2014-12-31); on-going (ongoing)',
      'Previous period': '',
    });
    const second = Object.fromEntries(REPORT_CSV_HEADER.map((name, index) => [name, rows[23]![index]]));
    expect(second).toMatchObject({
      Period: 'May 2016',
      'No.': '2',
      State: 'missing',
      'Previous period': 'May 2015',
      'Previous state': 'dated',
      'Fell due since previous': '',
    });
  });

  it('md: the matrix with its legend, then one row a return and point, escaped', () => {
    const md = writeMarkdownReport(comparison);
    expect(md).toContain('| Sutton | May 2015 | ✕ | ● |');
    expect(md).toContain('| Sutton | May 2016 | ● | · |');
    expect(md).toContain('✕ past due: a next step');
    expect(md).toContain('| Sutton | May 2015 | 1 | past | Dec 2014 (month, 2014-12-01 to 2014-12-31); on-going (ongoing) |  |  |  |');
  });
});
