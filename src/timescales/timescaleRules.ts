/**
 * Rules about the timescales of next steps, for points whose "Next steps" answer is not empty
 * (an empty one is `empty-answer`'s business):
 *
 *   checkTimescales(charterReturn, evidence, times?): Diagnostic[]   `times`: each point's next steps
 *                                                   already read, so that they are read once
 *
 * - `no-timescale` (warning): the next steps hold no timescale at all, not even an unclear one.
 * - `timescale-before-period` (warning): a timescale ends before the return's own period starts
 *   ("Dec 2014" in a May 2015 return). Skipped where the period cannot be read as a date.
 * - `timescale-unclear` (info): a phrase that looks like a time but names no date (`next quarter`).
 */
import type { CharterReturn, Diagnostic } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { PointEvidence } from '../normalise/buildReturn.js';
import { readTimes, type TimesInText } from './parseTimescales.js';

/** The first day of the return's period (`May 2015` → 2015-05-01), or null where it names no date. */
export function periodStart(period: string | null): string | null {
  if (period === null) return null;
  return readTimes(period).timescales.find((timescale) => timescale.from !== undefined)?.from ?? null;
}

export function checkTimescales(
  charterReturn: CharterReturn,
  evidence: ReadonlyMap<number, PointEvidence>,
  times: ReadonlyMap<number, TimesInText> = new Map(),
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const start = periodStart(charterReturn.period);
  for (const point of charterReturn.points) {
    if (point.nextSteps.trim() === '') continue;
    const where = { ...(evidence.get(point.number)?.place ?? {}), point: point.number };
    const read = times.get(point.number) ?? readTimes(point.nextSteps);
    const timescales = point.timescales ?? read.timescales;
    if (timescales.length === 0 && read.unclear.length === 0) {
      diagnostics.push(diagnostic('no-timescale', { number: point.number, nextSteps: point.nextSteps }, where));
    }
    for (const timescale of timescales) {
      if (start !== null && timescale.to !== undefined && timescale.to < start) {
        diagnostics.push(
          diagnostic(
            'timescale-before-period',
            { number: point.number, text: timescale.text, to: timescale.to, period: charterReturn.period },
            where,
          ),
        );
      }
    }
    for (const phrase of read.unclear) {
      diagnostics.push(diagnostic('timescale-unclear', { number: point.number, text: phrase.text, reason: phrase.reason }, where));
    }
  }
  return diagnostics;
}
