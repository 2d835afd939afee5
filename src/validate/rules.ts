/** Rules a complete return must meet, beyond its shape: every point present, answered, in the charter's words. */
import { CHARTER_POINTS } from '../charter/points.js';
import { compareWording } from '../charter/wording.js';
import { ANSWER_FIELDS, ANSWER_HEADINGS, type CharterReturn, type Diagnostic } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { PointEvidence } from '../normalise/buildReturn.js';
import type { TimesInText } from '../timescales/parseTimescales.js';
import { checkTimescales } from '../timescales/timescaleRules.js';

/** Below this similarity the written wording is taken to say something else. */
const MATERIAL_DIFFERENCE = 0.85;

export function checkRules(
  charterReturn: CharterReturn,
  evidence: ReadonlyMap<number, PointEvidence>,
  times?: ReadonlyMap<number, TimesInText>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const present = new Set(charterReturn.points.map((point) => point.number));
  for (const point of CHARTER_POINTS) {
    if (!present.has(point.number)) {
      diagnostics.push(diagnostic('missing-point', { number: point.number, wording: point.wording }, { point: point.number }));
    }
  }
  for (const point of charterReturn.points) {
    const place = evidence.get(point.number)?.place ?? {};
    const empty = ANSWER_FIELDS.filter((field) => point[field].trim() === '').map((field) => ANSWER_HEADINGS[field]);
    if (empty.length > 0) {
      diagnostics.push(diagnostic('empty-answer', { number: point.number, headings: empty }, { ...place, point: point.number }));
    }
    const written = evidence.get(point.number)?.writtenCharterPoint ?? '';
    if (written !== '') {
      const { similarity, precision } = compareWording(written, point.charterPoint);
      // The return gives the charter's own wording, so any word written there that the charter
      // lacks (a note, text wrapped into the wrong column) would otherwise be lost without a word.
      if (similarity < MATERIAL_DIFFERENCE || precision < 1) {
        diagnostics.push(diagnostic('charter-wording-differs', { number: point.number, written }, { ...place, point: point.number, text: written }));
      }
    }
  }
  if (charterReturn.source.format === 'pdf' || charterReturn.source.format === 'text') {
    const cut = firstCutWord(charterReturn, evidence);
    if (cut)
      diagnostics.push(diagnostic('pdf-words-cut', { kind: 'charter', ...cut }, { ...(evidence.get(cut.number)?.place ?? {}), point: cut.number }));
  }
  diagnostics.push(...checkTimescales(charterReturn, evidence, times));
  return diagnostics;
}

/**
 * A word of the charter's own wording written in two pieces ("assessmen ts"): the producer cut a
 * word too wide for its column where the line was full, without a hyphen. Nothing in a laid-out
 * page tells such a cut from two words, so the answers, laid out the same way, may hold cuts read
 * as two words; only the charter-point column, whose words are known, shows them.
 */
function firstCutWord(
  charterReturn: CharterReturn,
  evidence: ReadonlyMap<number, PointEvidence>,
): { number: number; pieces: [string, string] } | null {
  for (const point of charterReturn.points) {
    const written = evidence.get(point.number)?.writtenCharterPoint ?? '';
    if (written === '') continue;
    const charterWords = new Set(point.charterPoint.toLowerCase().split(/\s+/));
    const words = written.split(/\s+/);
    for (let i = 0; i + 1 < words.length; i++) {
      const [first, second] = [words[i]!, words[i + 1]!];
      const whole = (first + second).toLowerCase();
      if (/^\p{Ll}/u.test(second) && charterWords.has(whole) && !charterWords.has(first.toLowerCase())) {
        return { number: point.number, pieces: [first, second] };
      }
    }
  }
  return null;
}
