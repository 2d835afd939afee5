/**
 * The committed PDF fixtures (made by LibreOffice from the seed 000 return, see
 * fixtures/pdf/make-fixtures.sh) and the text poppler extracts from them: each imports to exactly
 * the hand-checked return of seed 000.
 */
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';
import type { PointAnswer } from '../src/model.js';
import { CROYDON_2015, essence, fixtureBytes, type ExpectedReturn } from './lib/expected.js';
import { importWithCoverage } from './support/coverage.js';

const RETURN = 'pdf/croydon-2015-return';
const COUNCIL_PAPER = 'pdf/croydon-2015-council-paper';

function codes(diagnostics: readonly { code: string }[]): string[] {
  return [...new Set(diagnostics.map((diagnostic) => diagnostic.code))].sort();
}

/**
 * The expected return as `pdftotext` without -layout gives it: poppler joins a word hyphenated
 * at a line end and drops the hyphen ("co-" / "ordinating" becomes "coordinating"), so those
 * words cannot come back. `broken` lists the words broken at a line end in that PDF.
 */
function dehyphenated(broken: readonly { point: number; field: keyof PointAnswer; word: string }[]): ExpectedReturn {
  const points = CROYDON_2015.points.map((point) => ({ ...point }));
  for (const { point, field, word } of broken) {
    const answer = points[point - 1]!;
    const text = answer[field] as string;
    expect(text).toContain(word);
    (answer[field] as string) = text.replace(word, word.replace('-', ''));
  }
  return { ...CROYDON_2015, points };
}

describe('PDF fixtures', () => {
  it('reads the return exported on its own (landscape, heading repeated, rows over page ends)', async () => {
    const { result, coverage } = await importWithCoverage(fixtureBytes(`${RETURN}.pdf`), { path: `${RETURN}.pdf` });
    expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
    expect(result.charterReturn!.source).toEqual({ path: `${RETURN}.pdf`, format: 'pdf', pages: [1, 2, 3, 4, 5] });
    expect(coverage.missing).toEqual([]);
    expect(result.valid).toBe(true);
    // Every page after the first repeats the heading row.
    expect(result.diagnostics.filter((d) => d.code === 'heading-repeated').map((d) => d.page)).toEqual([2, 3, 4, 5]);
  });

  it('finds the return in the appendix of a council paper, among other numbered tables', async () => {
    const { result, coverage } = await importWithCoverage(fixtureBytes(`${COUNCIL_PAPER}.pdf`), { path: `${COUNCIL_PAPER}.pdf` });
    expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
    expect(result.charterReturn!.source.pages).toEqual([5, 6, 7, 8]);
    expect(coverage.missing).toEqual([]);
    expect(result.valid).toBe(true);
    // The "Page N" footers repeat at the foot of every page of the paper: one kind of furniture, reported once.
    expect(result.diagnostics.filter((d) => d.code === 'page-footer-dropped').map((d) => [d.page, d.message, d.text])).toEqual([
      [5, 'page footer "Page 5" on pages 5, 7 was dropped: it is no part of the table', 'Page 5'],
    ]);
  });

  it('reads only the pages asked for', async () => {
    const bytes = fixtureBytes(`${COUNCIL_PAPER}.pdf`);
    const appendix = await importReturn(bytes, { path: null, pages: { from: 5, to: 9 } });
    expect(essence(appendix.charterReturn)).toEqual(CROYDON_2015);
    const report = await importReturn(bytes, { path: null, pages: { from: 1, to: 4 } });
    expect(report.charterReturn).toBeNull();
    expect(report.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', 'no-return-found']]);
    expect(report.diagnostics[0]!.message).toMatch(/^no End of Life Care Charter return found in 4 pages: /);
  });

  it('opens the encrypted copy with its password', async () => {
    const bytes = fixtureBytes(`${RETURN}-encrypted.pdf`);
    const opened = await importReturn(bytes, { path: null, password: 'charter' });
    expect(essence(opened.charterReturn)).toEqual(CROYDON_2015);
  });
});

describe('text extracted from the PDF fixtures', () => {
  for (const name of [RETURN, COUNCIL_PAPER]) {
    it(`reads pdftotext -layout text of ${name}.pdf`, async () => {
      const path = `${name}.pdftotext-layout.txt`;
      const { result, coverage } = await importWithCoverage(fixtureBytes(path), { path });
      expect(result.charterReturn?.source.format).toBe('text');
      expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
      expect(coverage.missing).toEqual([]);
      expect(
        codes(result.diagnostics).filter((code) => !['authority-inferred', 'heading-repeated', 'no-timescale', 'page-footer-dropped'].includes(code)),
      ).toEqual([]);
    });
  }

  it('reads pdftotext text (no -layout) of the return alone exactly, but for the hyphen poppler dropped, which it warns of', async () => {
    const path = `${RETURN}.pdftotext.txt`;
    const { result, coverage } = await importWithCoverage(fixtureBytes(path), { path });
    expect(result.valid).toBe(true);
    expect(coverage.missing).toEqual([]);
    // Point 3's "multi-" / "disciplinary" came out as one line, wider than its column: read as two
    // of its lines, the word whole, and a warning that its hyphen may be lost.
    const dropped = result.diagnostics.filter((d) => d.code === 'hyphen-dropped');
    expect(dropped.map((d) => [d.severity, d.point])).toEqual([['warning', 3]]);
    expect(dropped[0]!.message).toContain('"multidisciplinary" may be written with a hyphen');
    const expected = dehyphenated([{ point: 3, field: 'whereWeAreNow', word: 'multi-disciplinary' }]);
    expect(essence(result.charterReturn)).toEqual(expected);
  });

  it('reads pdftotext text (no -layout) of the council paper loudly: an error, no text lost', async () => {
    const path = `${COUNCIL_PAPER}.pdftotext.txt`;
    const { result, coverage } = await importWithCoverage(fixtureBytes(path), { path });
    // The paper's own table of measures, numbered 1, 2, ..., comes before the return's heading on
    // the page where the return starts: the return's first rows are not told apart from it, and
    // a word of theirs left above the first row found is text between rows.
    expect(result.valid).toBe(false);
    expect(codes(result.diagnostics.filter((d) => d.severity === 'error'))).toEqual(['missing-point', 'text-between-rows', 'text-cells-guessed']);
    expect(coverage.missing).toEqual([]);
  });

  it('reads pdf-parse getText() text only as a guess, with an error that says so, losing no text', async () => {
    for (const name of [RETURN, COUNCIL_PAPER]) {
      const path = `${name}.pdf-parse.txt`;
      const { result, coverage } = await importWithCoverage(fixtureBytes(path), { path });
      // pdf-parse runs the cells together with nothing between them: which answer ends where is
      // guessed from how the lines wrap, so the import is not trusted.
      expect(result.valid, path).toBe(false);
      expect(
        result.diagnostics.filter((d) => d.code === 'text-cells-guessed').map((d) => d.severity),
        path,
      ).toEqual(['error']);
      expect(coverage.missing, path).toEqual([]);
    }
    // The return alone still gives its 21 rows, numbered and worded right.
    const { result } = await importWithCoverage(fixtureBytes(`${RETURN}.pdf-parse.txt`), { path: null });
    expect(result.charterReturn!.points.map((point) => point.number)).toEqual(CROYDON_2015.points.map((point) => point.number));
  });
});
