/**
 * Round trip: every writer's output (json, ndjson, csv, md), read back, gives the same return —
 * the same authority, period, points and answers — whatever the answers hold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';
import type { CharterReturn } from '../src/model.js';
import { blankReturn } from '../src/charter/template.js';
import { OUTPUT_FORMATS, writeReturns } from '../src/write/writeReturns.js';
import { essence } from './lib/expected.js';

/** Cell text as charter writes it: whole, single spaces, no white space at either end. */
const answer = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 6,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.stringMatching(/^[ -~£–“”’é€]{1,12}$/),
          fc.constantFrom(
            '=SUM(A1)',
            '-',
            '+44',
            '@x',
            "'quoted'",
            '| pipe',
            '**bold**',
            '<br>',
            '&amp;',
            '"',
            '""',
            ';',
            ',',
            'Sept 2015',
            '15/16',
            'TBC',
            '\\',
            '# h',
            '1.',
            '[^1]',
            '---',
            '...',
          ),
        ),
        { minLength: 1, maxLength: 12 },
      )
      .map((words) => words.join(' ').replace(/\s+/g, ' ').trim()),
  },
);

const charterReturn = fc
  .record({
    authority: fc.constantFrom(null, 'Sutton', 'Croydon', 'Kensington and Chelsea', 'Royal Test Council & Partners', "Council 'A'"),
    period: fc.constantFrom(null, 'May 2015', 'June 2016', 'Q3 2016/17', 'Spring 2017'),
    answers: fc.array(fc.tuple(answer, answer, answer), { minLength: 21, maxLength: 21 }),
  })
  .map(({ authority, period, answers }): CharterReturn => {
    const form = blankReturn({ authority: authority ?? undefined, period: period ?? undefined });
    form.points = form.points.map((point, index) => {
      const [now, improve, next] = answers[index]!;
      return { ...point, whereWeAreNow: now, whereWeNeedToImprove: improve, nextSteps: next };
    });
    return form;
  });

describe('every writer’s output reads back as the same return', () => {
  for (const format of OUTPUT_FORMATS) {
    it(format, { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(charterReturn, async (original) => {
          const written = await writeReturns([original], format, { asArray: false });
          const back = await importReturn(Buffer.from(written, 'utf8'), { path: null });
          expect(essence(back.charterReturn), written).toEqual(essence(original));
        }),
        { numRuns: 60, seed: 72001 },
      );
    });
  }
});
