/**
 * joinCellText replaces only the white space that is not already one plain space (issue 16: most
 * of a cell's white space is single spaces between words). It must give exactly what replacing
 * every run of white space with one space gives, on any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinCellText } from '../src/text/cellText.js';

/** The definition: every run of white space one space, ends trimmed. */
function everyRunOneSpace(pieces: readonly string[]): string {
  return pieces
    .join(' ')
    .replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, ' ')
    .trim();
}

const CHARACTERS = ['a', 'B', '1', '.', ' ', ' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u200b', '\u3000', '\u2028', '\ufeff', '\u0085', 'é'];

describe('joinCellText', () => {
  it('gives what replacing every run of white space with one space gives', () => {
    const text = fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 40 }).map((characters) => characters.join(''));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), (pieces) => {
        expect(joinCellText(pieces)).toBe(everyRunOneSpace(pieces));
      }),
      { numRuns: 2000 },
    );
  });

  it('joins wrapped lines and tidies runs of every kind of space', () => {
    expect(joinCellText(['  Raise with \t improvement', 'team\u00a0\u00a0by  Sept\n2015 '])).toBe('Raise with improvement team by Sept 2015');
  });
});
