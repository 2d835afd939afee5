/**
 * Every committed fixture and the return it must give, as one table: the hand-checked return of
 * seed 000 (fixtures/croydon-2015.expected.json) from each reader of it, the blank form, and a
 * paper with none. Each also loses no text (tests/support/coverage.ts). The diagnostics each
 * reader reports are checked beside the reader's own tests.
 */
import { describe, expect, it } from 'vitest';
import { blankReturn } from '../src/charter/template.js';
import type { ReturnSource } from '../src/model.js';
import type { ImportOptions } from '../src/pipeline.js';
import { CROYDON_2015, essence, fixtureBytes, type ExpectedReturn } from './lib/expected.js';
import { importWithCoverage } from './support/coverage.js';

const BLANK_FORM: ExpectedReturn = { ...essence(blankReturn())!, period: 'May 2015' };

interface FixtureCase {
  fixture: string;
  options?: Omit<ImportOptions, 'path'>;
  /** The return it gives (authority, period, points), or null for none. */
  expected: ExpectedReturn | null;
  /** Where the return was found, without the path (the fixture's own). */
  source?: Omit<ReturnSource, 'path'>;
  valid: boolean;
}

const FIXTURES: FixtureCase[] = [
  { fixture: 'croydon-2015.tsv', expected: CROYDON_2015, source: { format: 'tsv', lines: { from: 1, to: 50 } }, valid: true },
  { fixture: 'markdown/croydon-2015-pages.md', expected: CROYDON_2015, source: { format: 'markdown', lines: { from: 3, to: 41 } }, valid: true },
  { fixture: 'markdown/croydon-2015-paper.md', expected: CROYDON_2015, source: { format: 'markdown', lines: { from: 46, to: 73 } }, valid: true },
  { fixture: 'pdf/croydon-2015-return.pdf', expected: CROYDON_2015, source: { format: 'pdf', pages: [1, 2, 3, 4, 5] }, valid: true },
  { fixture: 'pdf/croydon-2015-council-paper.pdf', expected: CROYDON_2015, source: { format: 'pdf', pages: [5, 6, 7, 8] }, valid: true },
  {
    fixture: 'pdf/croydon-2015-return-encrypted.pdf',
    options: { password: 'charter' },
    expected: CROYDON_2015,
    source: { format: 'pdf', pages: [1, 2, 3, 4, 5] },
    valid: true,
  },
  {
    fixture: 'pdf/croydon-2015-return.pdftotext-layout.txt',
    expected: CROYDON_2015,
    source: { format: 'text', lines: { from: 4, to: 174 }, pages: [1, 2, 3, 4, 5] },
    valid: true,
  },
  {
    fixture: 'pdf/croydon-2015-council-paper.pdftotext-layout.txt',
    expected: CROYDON_2015,
    source: { format: 'text', lines: { from: 122, to: 341 }, pages: [5, 6, 7, 8] },
    valid: true,
  },
  { fixture: 'blank-form.md', expected: BLANK_FORM, source: { format: 'markdown', lines: { from: 3, to: 31 } }, valid: true },
  { fixture: 'croydon-agenda-2017.md', expected: null, valid: false },
];

describe('every fixture gives its expected return', () => {
  for (const { fixture, options, expected, source, valid } of FIXTURES) {
    it(fixture, async () => {
      const path = `fixtures/${fixture}`;
      const { result, coverage } = await importWithCoverage(fixtureBytes(fixture), { path, ...options });
      expect(essence(result.charterReturn)).toEqual(expected);
      if (source) expect(result.charterReturn?.source).toEqual({ path, ...source });
      expect(result.valid).toBe(valid);
      expect(coverage.missing).toEqual([]);
    });
  }
});
