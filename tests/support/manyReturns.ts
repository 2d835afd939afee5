/**
 * Returns for the report's size and browser tests: every London council's return for May 2015 and
 * May 2016, made from the real Croydon return (seed 000), so that answers are as long as a real
 * council writes them. The 2016 returns are the 2015 text a year on (every year and financial year
 * one later), as a council updating last year's return would write it; `verbatim` keeps the 2015
 * text word for word instead, so that every 2015 deadline is past in 2016.
 */
import { readFileSync } from 'node:fs';
// @ts-expect-error: plain JavaScript shared with the benchmark, without types
import { aYearOn, BOROUGHS } from '../../bench/lib/generate.js';
import type { ReturnToCompare } from '../../src/compare/comparison.js';
import { importReturn } from '../../src/pipeline.js';

const SEED = readFileSync(new URL('../../fixtures/croydon-2015.tsv', import.meta.url), 'utf8');

export async function londonReturns(options: { verbatim?: boolean; periods?: readonly string[] } = {}): Promise<ReturnToCompare[]> {
  const periods = options.periods ?? ['May 2015', 'May 2016'];
  const returns: ReturnToCompare[] = [];
  for (const council of BOROUGHS as string[]) {
    for (const [index, period] of periods.entries()) {
      let text = SEED;
      if (!options.verbatim) for (let year = 0; year < index; year++) text = aYearOn(text);
      const result = await importReturn(Buffer.from(text), { path: `returns/${council} ${period}.tsv`, authority: council, period });
      returns.push({
        charterReturn: result.charterReturn!,
        valid: result.valid,
        places: new Map([...result.evidence].map(([number, evidence]) => [number, evidence.place])),
      });
    }
  }
  return returns;
}
