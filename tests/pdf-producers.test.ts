/**
 * The producer fixtures (fixtures/producers/, made by make-fixtures.sh from the returns in
 * fixtures/returns/ with Chromium, LibreOffice from HTML and LibreOffice from Word): every PDF
 * gives exactly the returns it holds, on their pages, and every diagnostic on it is one the
 * document calls for — its empty answers, next steps without a date, the furniture and the
 * repeated headings of its pages — and no other.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANSWER_FIELDS, type CharterReturn, type Diagnostic } from '../src/model.js';
import { importReturn } from '../src/pipeline.js';
import { readDocument } from '../src/read/readDocument.js';
import { readTimes } from '../src/timescales/parseTimescales.js';
import { checkTextCoverage } from '../src/validate/textCoverage.js';
import { essence, type ExpectedReturn } from './lib/expected.js';

interface ManifestEntry {
  name: string;
  pdf: string;
  producer: string;
  variations: string[];
  expected: string;
}

const FOLDER = new URL('../fixtures/producers/', import.meta.url);
const MANIFEST = JSON.parse(readFileSync(new URL('manifest.json', FOLDER), 'utf8')) as ManifestEntry[];

type ExpectedWithPages = ExpectedReturn & { pages: number[] };

/**
 * Charter's own wording there, broken by the word processor inside a word ("assessments/car e"):
 * the answers are whole, but nothing on the page could tell a cut in them from two words, so each
 * return fails with pdf-words-cut (an error) beside the wording warning.
 */
const WORDING_BROKEN: Record<string, number[]> = { 'ashgrove-2016-2017-docx-two-returns': [1, 1] };

/** What the rules say of a return's own content: its empty answers, its next steps without a date. */
function contentWarnings(expected: ExpectedReturn): string[] {
  const found: string[] = [];
  for (const point of expected.points) {
    if (ANSWER_FIELDS.some((field) => point[field] === '')) found.push(`empty-answer ${point.number}`);
    if (point.nextSteps !== '' && readTimes(point.nextSteps).timescales.length === 0) found.push(`no-timescale ${point.number}`);
  }
  return found;
}

function warningsOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.code} ${d.point ?? ''}`.trim());
}

const FURNITURE_TAGS = ['browser-header-footer', 'running-header', 'page-footer-page-n', 'page-footer-page-n-of-m'];

describe('PDFs from several producers', () => {
  for (const entry of MANIFEST) {
    it(`${entry.name} (${entry.producer}: ${entry.variations.join(', ')})`, async () => {
      const expected = JSON.parse(readFileSync(new URL(entry.expected, FOLDER), 'utf8')) as ExpectedWithPages[];
      const path = `fixtures/producers/${entry.pdf}`;
      const result = await importReturn(readFileSync(new URL(entry.pdf, FOLDER)), { path });
      expect(result.returns.map((r) => ({ ...essence(r)!, pages: r.source.pages }))).toEqual(
        expected.map(({ authority, period, points, pages }) => ({ authority, period, points, pages })),
      );
      expect(result.valid).toBe(!(entry.name in WORDING_BROKEN));

      result.returns.forEach((charterReturn: CharterReturn, index) => {
        const own = expected[index]!;
        const wording = (WORDING_BROKEN[entry.name] ?? [])
          .filter((_, k) => k === index)
          .flatMap((point) => [`charter-wording-differs ${point}`, `pdf-words-cut ${point}`]);
        expect(warningsOf(charterReturn.diagnostics).sort()).toEqual([...contentWarnings(own), ...wording].sort());
        const infos = charterReturn.diagnostics.filter((d) => d.severity === 'info');
        // The heading row is repeated at the top of every page after the first.
        expect(infos.filter((d) => d.code === 'heading-repeated').map((d) => d.page)).toEqual(own.pages.slice(1));
        const furniture = infos.filter((d) => d.code === 'page-footer-dropped');
        if (entry.variations.some((tag) => FURNITURE_TAGS.includes(tag))) expect(furniture.length).toBeGreaterThan(0);
        else expect(furniture).toEqual([]);
        expect(infos.filter((d) => d.code === 'return-found').length).toBe(expected.length > 1 ? 1 : 0);
        const allowed = new Set(['heading-repeated', 'page-footer-dropped', 'return-found', 'authority-inferred', 'timescale-unclear']);
        expect(infos.filter((d) => !allowed.has(d.code))).toEqual([]);
      });
    });
  }
});

describe('text accounting on the producer fixtures', () => {
  // A word taken out of any answer of the built return is reported lost: the middle word of every
  // answer of the first return, one at a time.
  for (const entry of MANIFEST.filter((_, index) => index % 3 === 0)) {
    it(`${entry.name}: any word deleted from an answer is caught`, async () => {
      const bytes = readFileSync(new URL(entry.pdf, FOLDER));
      const result = await importReturn(bytes, { path: entry.pdf });
      const read = await readDocument(bytes, { path: entry.pdf });
      if (!read.ok) throw new Error('the fixture did not read');
      const charterReturn = result.returns[0]!;
      let checked = 0;
      for (const point of charterReturn.points) {
        for (const field of ANSWER_FIELDS) {
          const words = point[field].split(' ');
          if (words.length === 0 || point[field] === '') continue;
          const at = Math.floor(words.length / 2);
          const damaged = {
            ...charterReturn,
            points: charterReturn.points.map((p) => (p === point ? { ...p, [field]: words.filter((_, k) => k !== at).join(' ') } : p)),
          };
          const lost = checkTextCoverage(read.document, { charterReturn: damaged, diagnostics: charterReturn.diagnostics })
            .missing.map((m) => m.word)
            .sort();
          const expectedLost = (words[at]!.match(/[\p{L}\p{N}]+/gu) ?? []).sort();
          expect(lost, `${point.number}.${field} without ${JSON.stringify(words[at])}`).toEqual(expectedLost);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(40);
    });
  }
});
