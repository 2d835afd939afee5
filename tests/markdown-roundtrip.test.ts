/** Every markdown return charter writes reads back as the same return, whatever its cells hold. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';
import { blankReturn } from '../src/charter/template.js';
import { writeReturns } from '../src/write/writeReturns.js';
import { CROYDON_2015, essence } from './lib/expected.js';

async function roundTrip(authority: string | null, period: string | null, answers: (point: number) => [string, string, string]) {
  const original = blankReturn({ period: period ?? undefined, authority: authority ?? undefined });
  original.points = original.points.map((point) => {
    const [now, improve, next] = answers(point.number);
    return { ...point, whereWeAreNow: now, whereWeNeedToImprove: improve, nextSteps: next };
  });
  const markdown = await writeReturns([original], 'md');
  const back = await importReturn(Buffer.from(markdown), { path: 'written.md' });
  return { original: essence(original), back: essence(back.charterReturn), markdown };
}

describe('markdown output', () => {
  it('reads back as the Croydon return', async () => {
    const points = CROYDON_2015.points;
    const { original, back } = await roundTrip('Croydon', 'May 2015', (n) => {
      const point = points[n - 1]!;
      return [point.whereWeAreNow, point.whereWeNeedToImprove, point.nextSteps];
    });
    expect(back).toEqual(original);
    expect(back).toEqual(CROYDON_2015);
  });

  it('keeps text that looks like markup, HTML or entities exactly (an "&amp;" once came back as "&")', async () => {
    const tricky = [
      'a | b',
      '**not bold**',
      '_x_ and `y`',
      '<br> stays',
      'Fish &amp; chips',
      'AT&T',
      'back\\slash',
      '[link](x)',
      '~~no~~',
      '# not a heading',
      '1. not a list',
    ];
    const { original, back } = await roundTrip('Royal Test Council', null, (n) => [tricky[n % tricky.length]!, tricky[(n + 3) % tricky.length]!, '']);
    expect(back).toEqual(original);
  });

  it('escapes only what would change the rendering: a URL keeps its underscores (issue 14 item 18)', async () => {
    const url = 'See https://example.org/end_of_life_care and AT&T, 1 < 2, a > b, C:\\Users';
    const tricky = [url, 'a_b _c_ d_', '&amp; &#12; <b>', 'end\\*', 'x__y'];
    const { original, back, markdown } = await roundTrip('Royal Test Council', null, (n) => [tricky[n % tricky.length]!, '', '']);
    expect(back).toEqual(original);
    expect(markdown).toContain(`| ${url} |`);
    expect(markdown).toContain('| a_b \\_c\\_ d\\_ |');
    expect(markdown).toContain('| \\&amp; \\&#12; \\<b> |');
  });

  it('keeps random printable text exactly', async () => {
    const text = fc.stringMatching(/^[ -~£–“”’]{0,60}$/).map((value) => value.replace(/\s+/g, ' ').trim());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(text, text, text), { minLength: 21, maxLength: 21 }), async (answers) => {
        const { original, back } = await roundTrip('Sutton', 'June 2016', (n) => answers[n - 1]!);
        expect(back).toEqual(original);
      }),
      { numRuns: 150, seed: 4242 },
    );
  });
});
