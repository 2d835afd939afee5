/**
 * Content sniffing weighs the whole evidence (issue 14 item 15): a PDF only from its header at the
 * start, markdown only where the document's structure says so. "%PDF-" or "<table>" quoted in a
 * cell leaves a tab-separated or CSV return what it is, and charter's own CSV output reads back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';
import { writeReturns } from '../src/write/writeReturns.js';
import { isPdf } from '../src/read/pdf/sniff.js';

const SEED = readFileSync('fixtures/croydon-2015.tsv', 'utf8');

function seedWith(words: string): string {
  return SEED.replace('We have commissioned a rolling programme', `We have commissioned ${words} a rolling programme`);
}

describe('PDF only from the header at the start', () => {
  it('a TSV quoting "%PDF-1.4" in its first kilobyte is read as tab-separated', async () => {
    const result = await importReturn(Buffer.from(seedWith('(see %PDF-1.4 files)')), { path: null });
    expect(result.charterReturn?.source.format).toBe('tsv');
  });

  it('a PDF header at the start, after a byte-order mark or blank lines, or on its own line after junk with %%EOF at the end', () => {
    expect(isPdf(Buffer.from('%PDF-1.7\n1 0 obj'))).toBe(true);
    expect(isPdf(Buffer.from('\n\n%PDF-1.7\n'))).toBe(true);
    expect(isPdf(Buffer.from('\ufeff%PDF-1.7\n'))).toBe(true);
    expect(isPdf(Buffer.from('From: someone\r\n%PDF-1.4\nbody\n%%EOF\n'))).toBe(true);
    expect(isPdf(Buffer.from('From: someone\r\n%PDF-1.4\nbody, cut short'))).toBe(false);
    expect(isPdf(Buffer.from('1\tour %PDF-1.4 files\t\t\n%%EOF'))).toBe(false);
  });
});

describe('markdown only where the structure says so', () => {
  it('a TSV with "<table>" in a cell is read as tab-separated', async () => {
    const result = await importReturn(Buffer.from(seedWith('<table> of contents')), { path: null });
    expect(result.charterReturn?.source.format).toBe('tsv');
  });

  it("charter's own CSV of a return whose cell opens a line with <table> reads back the same", async () => {
    const first = await importReturn(Buffer.from(seedWith('<table> of roles')), { path: 'x.tsv' });
    const point2 = first.charterReturn!.points[1]!;
    // A line break in the cell puts <table> at the start of a line of the CSV.
    point2.whereWeAreNow = point2.whereWeAreNow.replace(' <table>', '\n<table>');
    expect(point2.whereWeAreNow).toContain('commissioned\n<table> of roles');
    const csv = await writeReturns(first.returns, 'csv', { csvRaw: false, asArray: false });
    const again = await importReturn(Buffer.from(csv), { path: 'x.csv' });
    expect(again.charterReturn?.source.format).toBe('csv');
    // A line break inside a cell reads back as a space, as from any CSV.
    const answers = (r: typeof first) =>
      r.charterReturn!.points.map((p) => [p.whereWeAreNow, p.whereWeNeedToImprove, p.nextSteps].map((text) => text.replace(/\s+/g, ' ')));
    expect(answers(again)).toEqual(answers(first));
  });
});
