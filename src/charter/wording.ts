/**
 * Fuzzy comparison of a row's charter-point text with the charter's wording. It must survive
 * wrapped lines (a row may hold only the first half of the wording), stray spaces such as
 * "holistic , maximising", small typos and the abbreviations councils use.
 */
import { CHARTER_POINTS } from './points.js';

const ABBREVIATIONS: Record<string, string[]> = {
  eol: ['end', 'of', 'life'],
  eolc: ['end', 'of', 'life', 'care'],
  'l&d': ['learning', 'and', 'development'],
  ld: ['learning', 'and', 'development'],
  '&': ['and'],
  info: ['information'],
  svc: ['service'],
  mgmt: ['management'],
  dev: ['development'],
};

/** Words too common to tell two points apart. */
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'and', 'for', 'is', 'are', 'with', 'all', 'across', 'there']);

function tokenise(text: string): string[] {
  const tokens: string[] = [];
  const raw = text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .split(/[^a-z0-9&']+/);
  for (const word of raw) {
    if (word === '') continue;
    const expanded = ABBREVIATIONS[word] ?? [word.replace(/'s$/, '').replace(/'/g, '')];
    for (const token of expanded) if (token !== '' && !STOP_WORDS.has(token)) tokens.push(token);
  }
  return tokens;
}

/**
 * The same row text is compared with many points while row numbers are decided, so results are
 * kept; each cache is emptied when it grows, which bounds memory over a long run.
 */
function memoise<T>(compute: (text: string) => T, limit = 4096): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (cache.has(text)) return cache.get(text)!;
    const value = compute(text);
    if (cache.size >= limit) cache.clear();
    cache.set(text, value);
    return value;
  };
}

export const wordingTokens: (text: string) => string[] = memoise(tokenise);

/** Two words are the same if equal, or one small slip apart in a word of five letters or more. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  return editDistanceAtMostOne(a, b);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      // A swap of two neighbouring letters counts as one slip.
      if (a[i] === b[j + 1] && a[i + 1] === b[j]) {
        i += 2;
        j += 2;
        continue;
      }
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

export interface WordingScore {
  /** Share of the written words found in the charter's wording (high for a wrapped fragment). */
  precision: number;
  /** Share of the charter's words found in the written text. */
  recall: number;
  /** Harmonic mean of the two: 1 for the same words. */
  similarity: number;
}

export function compareWording(written: string, charter: string): WordingScore {
  return compareTokens(wordingTokens(written), wordingTokens(charter));
}

function compareTokens(written: string[], charter: string[]): WordingScore {
  if (written.length === 0 || charter.length === 0) return { precision: 0, recall: 0, similarity: 0 };
  const unused = [...charter];
  let matched = 0;
  for (const word of written) {
    const at = unused.findIndex((candidate) => sameWord(word, candidate));
    if (at >= 0) {
      matched++;
      unused.splice(at, 1);
    }
  }
  const precision = matched / written.length;
  const recall = matched / charter.length;
  const similarity = matched === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, similarity };
}

const CHARTER_TOKENS = CHARTER_POINTS.map((point) => wordingTokens(point.wording));

/** How well `written` fits point `number`: the similarity, or the precision when only a fragment was written. */
export function fitToPoint(written: string, number: number): number {
  return fitTokensToPoint(wordingTokens(written), number);
}

function fitTokensToPoint(tokens: string[], number: number): number {
  const charter = CHARTER_TOKENS[number - 1];
  if (!charter) return 0;
  const score = compareTokens(tokens, charter);
  // A fragment (the first line of a wrapped cell) deserves credit for what it holds, but a
  // single shared word must not identify a point.
  const fragmentCredit = tokens.length >= 3 ? score.precision * Math.min(1, 0.55 + score.recall) : 0;
  return Math.max(score.similarity, fragmentCredit);
}

export interface PointMatch {
  number: number;
  score: number;
}

/** Charter points ranked by how well `written` fits them, best first. */
export function rankPoints(written: string): PointMatch[] {
  const tokens = wordingTokens(written);
  return CHARTER_POINTS.map((point) => ({ number: point.number, score: fitTokensToPoint(tokens, point.number) })).sort(
    (a, b) => b.score - a.score || a.number - b.number,
  );
}

/** The point `written` identifies on its own, if it is clear enough to trust. */
export const identifyPoint: (written: string) => PointMatch | null = memoise(identifyUncached);

function identifyUncached(written: string): PointMatch | null {
  const [best, second] = rankPoints(written);
  if (!best || best.score < 0.6) return null;
  if (second && best.score - second.score < 0.15) return null;
  return best;
}

/** Text as compared word for word with the charter: lower case, letters, digits, `&`, `/` and `-` only. */
function plainWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^a-z0-9&/\-']+/g, ' ')
    .trim();
}

const PLAIN_WORDINGS = CHARTER_POINTS.map((point) => ` ${plainWords(point.wording)} `);

/**
 * Is `text` a run of words of some point's charter wording, as written (a line of the
 * charter-point column)? A line may start or end inside a word broken at a hyphen ("co-").
 */
export const inCharterWording: (text: string) => boolean = memoise((text) => {
  const words = plainWords(text);
  return words !== '' && PLAIN_WORDINGS.some((wording) => wording.includes(words));
});
