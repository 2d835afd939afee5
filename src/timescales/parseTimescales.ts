/**
 * Reading the timescales in a "Next steps (with timescales)" answer.
 *
 *   parseTimescales(text: string): Timescale[]     the timescales, in the order written
 *   findUnclearTimes(text: string): UnclearTime[]  phrases that look like a time but cannot be read
 *   readTimes(text: string): { timescales, unclear } both at once
 *
 * Every recogniser runs over the whole text; where candidates overlap, the one that starts first
 * wins, and of two that start together the longer (`Q3 2016/17` over `2016/17`, `31 March 2017`
 * over `March 2017`). An unclear phrase counts only where no timescale covers any of its words.
 * Linear in the length of the text.
 */
import { TIMESCALE_RECOGNISERS, UNCLEAR_RECOGNISERS, type Found, type Recogniser } from './recognisers.js';
import type { Timescale, UnclearTime } from './timescale.js';

export interface TimesInText {
  timescales: Timescale[];
  unclear: UnclearTime[];
}

function candidates(text: string, recognisers: readonly Recogniser[]): Found[] {
  const found: Found[] = [];
  for (const { pattern, read } of recognisers) {
    // The patterns are shared and global; the scan is synchronous, so resetting is enough.
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text)) !== null) {
      const result = read(match, text);
      if (result) {
        found.push(result);
      } else {
        // Rejected (not a month, not consecutive years): look again from the next character, as
        // a shorter candidate may start inside this one.
        pattern.lastIndex = match.index + 1;
      }
    }
    pattern.lastIndex = 0;
  }
  return found;
}

/**
 * Non-overlapping candidates in text order: earliest start wins, then the longer. A later
 * candidate that overlaps the last kept one replaces it only when it is longer.
 */
function resolveOverlaps(found: Found[]): Found[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const candidate of found) {
    const last = kept[kept.length - 1];
    if (!last || candidate.start >= last.end) {
      kept.push(candidate);
    } else if (candidate.end - candidate.start > last.end - last.start) {
      kept[kept.length - 1] = candidate;
    }
  }
  return kept;
}

/** Candidates that share no character with any of `taken` (both in text order, `taken` non-overlapping). */
function outside(found: readonly Found[], taken: readonly Found[]): Found[] {
  const free: Found[] = [];
  let index = 0;
  for (const candidate of found) {
    while (index < taken.length && taken[index]!.end <= candidate.start) index++;
    const next = taken[index];
    if (!next || next.start >= candidate.end) free.push(candidate);
  }
  return free;
}

export function readTimes(text: string): TimesInText {
  const read = resolveOverlaps(candidates(text, TIMESCALE_RECOGNISERS));
  const vague = outside(resolveOverlaps(candidates(text, UNCLEAR_RECOGNISERS)), read);
  const timescales: Timescale[] = [];
  const unclear: UnclearTime[] = [];
  // Both lists are in text order; a date that is no date (31/02/2017) is unclear, in its place.
  const inOrder = [...read, ...vague].sort((a, b) => a.start - b.start);
  for (const found of inOrder) {
    const phrase = text.slice(found.start, found.end);
    if ('unclear' in found.reading) unclear.push({ text: phrase, reason: found.reading.unclear });
    else timescales.push({ text: phrase, ...found.reading });
  }
  return { timescales, unclear };
}

export function parseTimescales(text: string): Timescale[] {
  return readTimes(text).timescales;
}

export function findUnclearTimes(text: string): UnclearTime[] {
  return readTimes(text).unclear;
}
