/**
 * Text accounting's fast path asks whether each answer column, read down the table, is the
 * return's answers (white space aside) and how many words it holds. It now joins and collapses
 * each side with the engine's join and replace (issue 16); the model here is the reading it
 * replaced, a character at a time, and both must agree on every list of texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameWords } from '../src/validate/textCoverage.js';

function isSpace(code: number): boolean {
  return (
    code <= 32 ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The texts as the old reader read them: codes, 32 for each run of white space between words. */
function spacedCodes(texts: readonly string[]): number[] {
  const codes: number[] = [];
  let started = false;
  let space = false;
  for (const text of texts) {
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at);
      if (isSpace(code)) {
        space = started;
        continue;
      }
      if (space) codes.push(32);
      space = false;
      started = true;
      codes.push(code);
    }
    space = started;
  }
  return codes;
}

function modelSameWords(a: readonly string[], b: readonly string[]): number | null {
  const left = spacedCodes(a);
  const right = spacedCodes(b);
  if (left.length !== right.length || left.some((code, index) => code !== right[index])) return null;
  let words = 0;
  let inWord = false;
  for (const code of left) {
    const word = code < 128 ? /[A-Za-z0-9]/.test(String.fromCharCode(code)) : /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
    if (word && !inWord) words++;
    inWord = word;
  }
  return words;
}

/** Text of words, every kind of white space, control codes, accents, astral letters and lone surrogates. */
const piece = fc.constantFrom(
  'a',
  'Bc',
  '12',
  'é',
  '𝐀',
  '\ud800',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  '\u001f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\u3000',
  '\ufeff',
  '-',
  "'",
  '.',
);
const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
const texts = fc.array(text, { maxLength: 5 });

describe('sameWords', () => {
  it('agrees with the character-at-a-time reading on any two lists of texts', () => {
    fc.assert(
      fc.property(texts, texts, (a, b) => {
        expect(sameWords(a, b)).toBe(modelSameWords(a, b));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees where the two differ only in white space, as most returns do', () => {
    const respaced = fc.array(fc.tuple(text, fc.constantFrom(' ', '\n', '  \t', '\u00a0', '')), { maxLength: 8 });
    fc.assert(
      fc.property(respaced, (parts) => {
        const a = parts.map(([words]) => words);
        const b = [parts.map(([words, space]) => `${space}${words}`).join(' ')];
        expect(sameWords(a, b)).toBe(modelSameWords(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts the words of texts that match, and refuses texts that do not', () => {
    expect(sameWords(['Plan  reviewed', 'in May\n2016 '], [' Plan reviewed in', 'May 2016'])).toBe(5);
    expect(sameWords(['Plan reviewed'], ['Plan  revised'])).toBeNull();
  });
});
