/**
 * `--inspect`: how a PDF was read, as data (every word with its role, column and row band; the
 * column edges and bands chosen) and drawn (one self-contained HTML page, words coloured by cell,
 * furniture struck through, lost words in red).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { InspectedPage } from '../src/model.js';
import { importReturn } from '../src/pipeline.js';
import { writeInspection } from '../src/write/inspect.js';
import { runCli } from './lib/runCli.js';

const MIDDLE = 'fixtures/producers/kingsmead-2017-chromium-middle.pdf';
const FURNITURE = 'fixtures/producers/ashgrove-2016-chromium-header-footer.pdf';
const folder = mkdtempSync(join(tmpdir(), 'charter-inspect-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the inspection data', () => {
  it('gives each word of the table its column and row band, middle-aligned cells in their own row', async () => {
    const result = await importReturn(readFileSync(MIDDLE), { path: MIDDLE, inspect: true });
    const page = result.inspection!.pages[0]!;
    expect(page.columns).toHaveLength(5);
    const band = (number: string) => page.bands.findIndex((one) => one.number === number);
    const cells = page.words.filter((word) => word.role === 'cell');
    // Point 1's answer starts with "The assessment form" in the third column, many lines above its number.
    const first = cells.find((word) => word.text === 'assessment' && word.column === 2)!;
    expect(first.band).toBe(band('1'));
    const one = cells.find((word) => word.column === 0 && word.text === '1')!;
    expect(first.top).toBeLessThan(one.top - 5 * (one.bottom - one.top));
    // Every cell word of a band sits in that band's vertical range.
    for (const word of cells) {
      const { top, bottom } = page.bands[word.band!]!;
      expect(word.top >= top - 0.01 && word.bottom <= bottom + 0.01, `${word.text} in band ${word.band}`).toBe(true);
    }
    expect(
      page.words
        .filter((word) => word.role === 'heading')
        .map((word) => word.text)
        .slice(0, 3),
    ).toEqual(['No.', 'Charter', 'point']);
    expect(result.inspection!.lost).toEqual([]);
  });

  it("marks a browser's header and footer as furniture", async () => {
    const result = await importReturn(readFileSync(FURNITURE), { path: FURNITURE, inspect: true });
    const furniture = result.inspection!.pages.flatMap((page) => page.words.filter((word) => word.role === 'furniture').map((word) => word.text));
    expect(furniture.some((text) => text.startsWith('file:///'))).toBe(true);
    expect(furniture.filter((text) => /^\d+\/\d+$/.test(text))).toEqual(['1/3', '2/3', '3/3']);
  });

  it('is only made when asked for', async () => {
    const result = await importReturn(readFileSync(MIDDLE), { path: MIDDLE });
    expect(result.inspection).toBeUndefined();
  });
});

describe('the drawing', () => {
  const page: InspectedPage = {
    page: 1,
    width: 300,
    height: 200,
    words: [
      { text: '<script>alert(1)</script>', x0: 10, x1: 80, top: 10, bottom: 20, line: 1, role: 'cell', column: 2, band: 0 },
      { text: 'lost', x0: 90, x1: 110, top: 10, bottom: 20, line: 1, role: 'cell', column: 3, band: 0 },
      { text: 'Page 1', x0: 10, x1: 40, top: 180, bottom: 190, line: 2, role: 'furniture' },
    ],
    columns: [5, 30, 60, 90, 120],
    bands: [{ top: 8, bottom: 22, number: '1' }],
    rules: [7],
    aside: ['"><img src=x onerror=alert(1)>'],
  };
  const html = writeInspection({ path: 'x<y>.pdf', pages: [page], lost: [{ word: 'lost', page: 1, line: 1 }], returns: [] });

  it('escapes every text and holds no script, no network', () => {
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('How charter read x&lt;y&gt;.pdf');
  });

  it('shows the lost word in red, furniture struck through, the band and the column edges', () => {
    expect(html).toMatch(/<text class="lost"[^>]*fill="#c00000"[^>]*>lost<\/text>/);
    expect(html).toMatch(/<text class="furniture"[^>]*text-decoration="line-through"[^>]*>Page 1<\/text>/);
    expect(html.match(/class="band"/g)).toHaveLength(1);
    expect(html.match(/class="gutter"/g)).toHaveLength(4);
    expect(html).toContain('1 word came out in no cell and no diagnostic.');
  });
});

describe('charter import --inspect', () => {
  it('writes the drawing of the one PDF named', async () => {
    const target = join(folder, 'inspect.html');
    const run = await runCli(['import', MIDDLE, '--inspect', target, '-q']);
    expect(run.status).toBe(0);
    const html = readFileSync(target, 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(4);
  });

  it('refuses several inputs, and an input with no page read', async () => {
    const two = await runCli(['import', MIDDLE, FURNITURE, '--inspect', join(folder, 'x.html'), '-q']);
    expect([two.status, two.stderr]).toEqual([2, 'charter: --inspect draws one PDF: name one input, not 2\n']);
    const tsv = await runCli(['import', 'fixtures/croydon-2015.tsv', '--inspect', join(folder, 'y.html'), '-q']);
    expect([tsv.status, tsv.stderr]).toEqual([
      2,
      'charter: --inspect draws the pages of a PDF as they were read, and fixtures/croydon-2015.tsv has none that were\n',
    ]);
  });
});
