/**
 * Returns written as markdown tables, made standalone pages by pandoc and printed by Chromium with
 * its header and footer (fixtures/pdf/pandoc-html/, made by its make.sh): a producer the layout
 * was not written against. Its style sheet centres cells vertically, wraps the heading over up to
 * five lines in a body 36em wide, sets the browser's URL footer just under a page's last line, and
 * clips a table wider than the body, so that the end of every long line of the last column is not
 * in the PDF at all. Each comes back exact, or the import fails naming what went wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CharterReturn } from '../src/model.js';
import { importReturn } from '../src/pipeline.js';
import { essence, type ExpectedReturn } from './lib/expected.js';

const FOLDER = new URL('../fixtures/pdf/pandoc-html/', import.meta.url);

function expectedReturn(name: string): ExpectedReturn {
  const written = JSON.parse(readFileSync(new URL(`../fixtures/returns/${name}.json`, import.meta.url), 'utf8')) as ExpectedReturn;
  // Only London's boroughs are known by name; the invented councils are not.
  return { ...written, authority: written.authority === 'Croydon' ? 'Croydon' : null };
}

async function imported(name: string) {
  return importReturn(readFileSync(new URL(`${name}.pdf`, FOLDER)), { path: `fixtures/pdf/pandoc-html/${name}.pdf` });
}

function isExact(charterReturn: CharterReturn | undefined, expected: ExpectedReturn): boolean {
  return JSON.stringify(essence(charterReturn ?? null)) === JSON.stringify(expected);
}

describe('PDFs printed by Chromium from pandoc HTML', () => {
  it.each(['ashgrove-2017', 'fernleigh-2017'])('%s reads back exactly', async (name) => {
    const result = await imported(name);
    expect(result.returns.map(essence)).toEqual([expectedReturn(name)]);
    expect(result.valid).toBe(true);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it("drops the browser's URL footer on every page, even one whose text runs down to just above it", async () => {
    const result = await imported('ashgrove-2017');
    const footers = result.diagnostics.filter((d) => d.code === 'page-footer-dropped' && d.message.includes('file://'));
    expect(footers).toHaveLength(1);
    expect(footers[0]!.message).toContain('on pages 1–6');
  });

  it('croydon-2015: the table is wider than the page and clipped; the import fails on every page it is cut on', async () => {
    const result = await imported('croydon-2015');
    expect(result.valid).toBe(false);
    const clipped = result.diagnostics.filter((d) => d.code === 'pdf-text-clipped');
    expect(clipped.map((d) => d.page)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(clipped.every((d) => d.severity === 'error')).toBe(true);
    expect(clipped[0]!.message).toContain('"Where we are now Where we need to Next steps (wit"');
  });

  it.each(['ashgrove-2017', 'croydon-2015', 'fernleigh-2017', 'kingsmead-2016'])('%s is exact or fails: never a wrong return that is valid', async (name) => {
    const result = await imported(name);
    if (result.valid) expect(isExact(result.returns[0], expectedReturn(name))).toBe(true);
  });
});
