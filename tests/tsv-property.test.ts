/**
 * Random returns written as tab-separated text with random wrapping, blank lines and damaged row
 * numbers must come back exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHARTER_POINTS } from '../src/charter/points.js';
import { importReturn } from '../src/pipeline.js';
import type { PointAnswer } from '../src/model.js';
import { essence } from './lib/expected.js';
import { renderTsv, type RowLayout } from './lib/renderTsv.js';

const RUNS = Number(process.env.CHARTER_PROPERTY_RUNS ?? 300);

const WORDS = [
  'review',
  'carers',
  'pathway',
  'training',
  'quarterly',
  'partners',
  'hospice',
  'commissioning',
  'staff',
  'plan',
  'Sept',
  '2015',
  '15/16',
  'on-going',
  'co-ordinated',
  'L&D',
  'EOLC',
  "Council's",
  '(draft)',
  'care',
  'homes',
  'GP',
  'data',
  'share',
  'team',
  'improve',
  'monitor',
  '—',
  'budget',
  'users',
  'a',
  'the',
  'and',
  'to',
];
const COUNCILS = ['Croydon', 'Sutton', 'Merton', 'Barnet', 'Hackney', 'Tower Hamlets', 'Kingston upon Thames'];
const MONTHS = ['January', 'March', 'May', 'June', 'Sept', 'December'];

const answer = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 40 }).map((words) => words.join(' '));

const layout: fc.Arbitrary<RowLayout> = fc.record({
  wrap: fc.tuple(fc.nat(6), fc.nat(8), fc.nat(8), fc.nat(8)) as fc.Arbitrary<[number, number, number, number]>,
  damage: fc.constantFrom('none', 'space-split', 'lost-digit', 'line-split'),
  blankLinesAfter: fc.constantFrom(0, 0, 0, 1, 2),
});

const generatedReturn = fc.record({
  council: fc.constantFrom(...COUNCILS),
  period: fc.tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 2014, max: 2019 })).map(([month, year]) => `${month} ${year}`),
  answers: fc.array(fc.tuple(answer, answer, answer), { minLength: 21, maxLength: 21 }),
  layouts: fc.array(layout, { minLength: 21, maxLength: 21 }),
  crlf: fc.boolean(),
});

describe('tab-separated returns, randomly wrapped and damaged', () => {
  it('read back exactly', async () => {
    await fc.assert(
      fc.asyncProperty(generatedReturn, async ({ council, period, answers, layouts, crlf }) => {
        const points: PointAnswer[] = CHARTER_POINTS.map((point, index) => ({
          number: point.number,
          charterPoint: point.wording,
          whereWeAreNow: answers[index]![0],
          whereWeNeedToImprove: answers[index]![1],
          nextSteps: answers[index]![2],
        }));
        let text = renderTsv(points, period, layouts, `London Borough of ${council}: End of Life Care Charter`);
        if (crlf) text = text.replace(/\n/g, '\r\n');
        const result = await importReturn(Buffer.from(text), { path: 'generated.tsv' });
        expect(essence(result.charterReturn)).toEqual({ authority: council, period, points });
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        expect(errors).toEqual([]);
      }),
      { numRuns: RUNS, seed: 20151, endOnFailure: true },
    );
  });
});
