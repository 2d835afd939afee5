/** The hand-checked expected returns (seed 000, and the second council's) and helpers to compare with them. */
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

/** The second council's return, invented and written by hand (fixtures/office/make-fixtures.mjs renders it). */
export const SUTTON_2016: ExpectedReturn = JSON.parse(
  readFileSync(new URL('../../fixtures/office/sutton-2016.expected.json', import.meta.url), 'utf8'),
) as ExpectedReturn;

/** The hand-checked return a fixture under fixtures/office/ must give, by its name. */
export function expectedFor(name: string | null): ExpectedReturn {
  return name?.includes('sutton-2016') ? SUTTON_2016 : CROYDON_2015;
}

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
