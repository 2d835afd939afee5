/** The hand-checked expected return of seed 000 (fixtures/croydon-2015.tsv) and helpers to compare with it. */
import { readFileSync } from 'node:fs';
import type { CharterReturn, PointAnswer } from '../../src/model.js';

export interface ExpectedReturn {
  authority: string | null;
  period: string | null;
  points: PointAnswer[];
}

export const CROYDON_2015: ExpectedReturn = JSON.parse(
  readFileSync(new URL('../../fixtures/croydon-2015.expected.json', import.meta.url), 'utf8'),
) as ExpectedReturn;

/** The parts of a return that every reader of the same document must agree on. */
export function essence(charterReturn: CharterReturn | null): ExpectedReturn | null {
  if (!charterReturn) return null;
  return {
    authority: charterReturn.authority,
    period: charterReturn.period,
    points: charterReturn.points.map(({ number, charterPoint, whereWeAreNow, whereWeNeedToImprove, nextSteps }) => ({
      number,
      charterPoint,
      whereWeAreNow,
      whereWeNeedToImprove,
      nextSteps,
    })),
  };
}

export function fixtureBytes(name: string): Buffer {
  return readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));
}
