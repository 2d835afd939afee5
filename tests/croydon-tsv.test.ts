import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';
import { CROYDON_2015, essence, fixtureBytes } from './lib/expected.js';

describe('seed 000: the Croydon return as pasted tab-separated text', () => {
  it('gives the whole hand-checked return', async () => {
    const result = await importReturn(fixtureBytes('croydon-2015.tsv'), { path: 'fixtures/croydon-2015.tsv' });
    expect(result.valid).toBe(true);
    expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
    expect(result.charterReturn?.source).toEqual({ path: 'fixtures/croydon-2015.tsv', format: 'tsv', lines: { from: 1, to: 50 } });
  });

  it('reports every rebuilt row number as an info on its line', async () => {
    const result = await importReturn(fixtureBytes('croydon-2015.tsv'), { path: 'x.tsv' });
    const repairs = result.diagnostics.filter((d) => d.code === 'row-number-repaired').map((d) => [d.line, d.point, d.severity]);
    expect(repairs).toEqual([
      [36, 10, 'info'],
      [37, 11, 'info'],
      [38, 12, 'info'],
      [39, 13, 'info'],
      [41, 14, 'info'],
      [43, 15, 'info'],
      [44, 16, 'info'],
      [45, 17, 'info'],
      [47, 18, 'info'],
      [48, 19, 'info'],
      [49, 20, 'info'],
      [50, 21, 'info'],
    ]);
    const split = result.diagnostics.find((d) => d.line === 41);
    expect(split?.message).toBe('row number split over two lines ("1" then "4") read as 14');
    expect(result.diagnostics.find((d) => d.line === 36)?.message).toBe('row number "1 0" read as 10');
  });

  it('says how it found the council', async () => {
    const result = await importReturn(fixtureBytes('croydon-2015.tsv'), { path: 'x.tsv' });
    const found = result.diagnostics.find((d) => d.code === 'authority-inferred');
    expect(found?.severity).toBe('info');
    expect(found?.message).toContain('"Croydon"');
  });

  it('lets --authority and --period win, and says when the heading disagreed', async () => {
    const result = await importReturn(fixtureBytes('croydon-2015.tsv'), { path: 'x.tsv', authority: 'Sutton', period: 'June 2015' });
    expect(result.charterReturn?.authority).toBe('Sutton');
    expect(result.charterReturn?.period).toBe('June 2015');
    expect(result.diagnostics.map((d) => d.code)).toContain('period-overridden');
    expect(result.diagnostics.map((d) => d.code)).not.toContain('authority-inferred');
  });
});
