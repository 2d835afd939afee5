/**
 * Returns written as markdown tables and turned into PDFs through pandoc (fixtures/pdf/pandoc/,
 * made by its make.sh), producers the layout was not written against:
 * - NAME.chromium.pdf: pandoc's standalone HTML printed by Chromium with its header and footer.
 *   The style sheet centres cells vertically, wraps the heading over up to five lines in a body
 *   36em wide, sets the browser's URL footer just under a page's last line, and clips a table
 *   wider than the body, so that the end of every long line of the last column is not in the PDF.
 * - NAME.chromium-wide.pdf: the same under wide.css (landscape, ruled, centred headings that wrap
 *   one and a half lines apart, so a title's second line sits half a line below its first).
 * - NAME.odt-libreoffice.pdf: pandoc's OpenDocument text printed by LibreOffice: no borders and no
 *   cell margins, so that two cells' text touches on a line ("survey: death" across a gutter).
 * - NAME.docx-libreoffice.pdf: pandoc's Word document printed by LibreOffice: five equal narrow
 *   columns, titles wrapped before the words that tell them apart ("Where we" / "are now"), and
 *   words too wide for a column cut without a hyphen ("Assessmen" / "ts").
 * Each comes back exact, or the import fails naming what went wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CharterReturn } from '../src/model.js';
import { importReturn } from '../src/pipeline.js';
import { essence, type ExpectedReturn } from './lib/expected.js';

const FOLDER = new URL('../fixtures/pdf/pandoc/', import.meta.url);

function expectedReturn(name: string): ExpectedReturn {
  const written = JSON.parse(readFileSync(new URL(`../fixtures/returns/${name}.json`, import.meta.url), 'utf8')) as ExpectedReturn;
  // Only London's boroughs are known by name; the invented councils are not.
  return { ...written, authority: written.authority === 'Croydon' ? 'Croydon' : null };
}

async function imported(file: string) {
  return importReturn(readFileSync(new URL(`${file}.pdf`, FOLDER)), { path: `fixtures/pdf/pandoc/${file}.pdf` });
}

const nameOf = (file: string) => file.replace(/\.(chromium|chromium-wide|odt-libreoffice|docx-libreoffice)$/, '');
const NAMES = ['ashgrove-2017', 'croydon-2015', 'fernleigh-2017', 'kingsmead-2016'];

function isExact(charterReturn: CharterReturn | undefined, expected: ExpectedReturn): boolean {
  return JSON.stringify(essence(charterReturn ?? null)) === JSON.stringify(expected);
}

describe('PDFs printed by Chromium from pandoc HTML', () => {
  it.each([
    'ashgrove-2017.chromium',
    'fernleigh-2017.chromium',
    'kingsmead-2016.chromium',
    ...NAMES.map((name) => `${name}.chromium-wide`),
    'ashgrove-2017.odt-libreoffice',
    'fernleigh-2017.odt-libreoffice',
    'kingsmead-2016.odt-libreoffice',
  ])('%s reads back exactly', async (file) => {
    const result = await imported(file);
    expect(result.returns.map(essence)).toEqual([expectedReturn(nameOf(file))]);
    expect(result.valid).toBe(true);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it("drops the browser's URL footer on every page, even one whose text runs down to just above it", async () => {
    const result = await imported('ashgrove-2017.chromium');
    const footers = result.diagnostics.filter((d) => d.code === 'page-footer-dropped' && d.message.includes('file://'));
    expect(footers).toHaveLength(1);
    expect(footers[0]!.message).toContain('on pages 1–6');
  });

  it('croydon-2015.chromium: the table is wider than the page and clipped; the import fails on every page it is cut on', async () => {
    const result = await imported('croydon-2015.chromium');
    expect(result.valid).toBe(false);
    const clipped = result.diagnostics.filter((d) => d.code === 'pdf-text-clipped');
    expect(clipped.map((d) => d.page)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(clipped.every((d) => d.severity === 'error')).toBe(true);
    expect(clipped[0]!.message).toContain('"Where we are now Where we need to Next steps (wit"');
  });

  it.each(NAMES.map((name) => `${name}.docx-libreoffice`))('%s: the words cut in the charter-point column fail the import', async (file) => {
    const result = await imported(file);
    expect(result.valid).toBe(false);
    const cut = result.diagnostics.filter((d) => d.code === 'pdf-words-cut' && d.point !== undefined);
    expect(cut.map((d) => [d.severity, d.point])).toEqual([['error', 1]]);
    expect(cut[0]!.message).toContain('"assessmen ts/care" for "assessments/care"');
  });

  it.each(NAMES.flatMap((name) => [`${name}.chromium`, `${name}.chromium-wide`, `${name}.docx-libreoffice`, `${name}.odt-libreoffice`]))(
    '%s is exact or fails: never a wrong return that is valid',
    async (file) => {
      const result = await imported(file);
      if (result.valid) expect(isExact(result.returns[0], expectedReturn(nameOf(file)))).toBe(true);
    },
  );

  // LibreOffice cuts a word wider than its column where the line is full, with no hyphen; here
  // only in the answers ("procedures/practic" / "e"), where nothing proves the cut, so it is read
  // as two words and the import fails rather than pass a return with a space inside a word.
  it('croydon-2015.odt-libreoffice: a word cut in an answer fails the import, naming it', async () => {
    const result = await imported('croydon-2015.odt-libreoffice');
    expect(result.valid).toBe(false);
    const cut = result.diagnostics.filter((d) => d.code === 'pdf-words-cut');
    expect(cut.map((d) => [d.severity, d.page])).toEqual([['error', 4]]);
    expect(cut[0]!.message).toContain('"procedures/practic" fills its column and "e" goes straight on below');
    // Everything else of the return is as written, but for the spaces at cut words.
    const expected = expectedReturn('croydon-2015');
    const got = essence(result.returns[0] ?? null)!;
    const squeeze = (text: string | undefined) => text?.replace(/\s/g, '');
    for (const point of expected.points) {
      const written = got.points.find((other) => other.number === point.number)!;
      for (const field of ['whereWeAreNow', 'whereWeNeedToImprove', 'nextSteps'] as const)
        expect(squeeze(written[field])).toBe(squeeze(point[field]));
    }
  });
});
