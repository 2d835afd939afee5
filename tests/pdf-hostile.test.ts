/**
 * PDFs made to hurt or damaged by accident: a decompression bomb (a stream compressed twice over,
 * kilobytes that decode to hundreds of megabytes) is refused before the engine decodes it, and
 * the other files of a bulk run still convert; a content stream damaged half way loses text, which
 * is an error on the return's page; text not written left to right is reported, never merged.
 */
import { constants, createDeflate, deflateSync, inflateSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { CHARTER_POINTS } from '../src/charter/points.js';
import { importReturn } from '../src/pipeline.js';
import { DEFAULT_LIMITS } from '../src/read/pdf/engine.js';
import { runCli } from './lib/runCli.js';
import { pdfWith } from './support/pdfWith.js';
import { makeReturnPdf, type ReturnLayout } from './pdf-support.js';

/** `megabytes` of spaces, deflated as they are made (never held whole), then deflated again. */
function doubleDeflatedSpaces(megabytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflate({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
    deflate.on('end', () => resolve(deflateSync(Buffer.concat(chunks), { level: 9 })));
    deflate.on('error', reject);
    const megabyte = Buffer.alloc(2 ** 20, 0x20);
    let written = 0;
    const more = () => {
      while (written < megabytes) {
        written++;
        if (!deflate.write(megabyte)) return void deflate.once('drain', more);
      }
      deflate.end();
    };
    more();
  });
}

const folder = mkdtempSync(join(tmpdir(), 'charter-hostile-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('a decompression bomb', () => {
  it('is refused before the engine decodes it (pdf-too-complex), with the limit lowered for the test', async () => {
    const bomb = pdfWith(await doubleDeflatedSpaces(40), ['FlateDecode', 'FlateDecode']);
    expect(bomb.length).toBeLessThan(2000);
    const { readPdf } = await import('../src/read/pdf/readPdf.js');
    const read = await readPdf(bomb, { path: 'bomb.pdf' }, { ...DEFAULT_LIMITS, streamMb: 16 });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['pdf-too-complex', 'a stream of the PDF decodes to more than 16 MB (a decompression bomb, or a drawing far too large): it was not read'],
    ]);
  });

  it('in a bulk run fails alone: the other files still convert', async () => {
    const bomb = join(folder, 'bomb.pdf');
    writeFileSync(bomb, pdfWith(await doubleDeflatedSpaces(300), ['FlateDecode', 'FlateDecode']));
    const run = await runCli(['import', bomb, 'fixtures/pdf/croydon-2015-return.pdf', '--format', 'ndjson', '-q']);
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${bomb}: error pdf-too-complex: a stream of the PDF decodes to more than 256 MB`);
  });
});

describe('a damaged content stream', () => {
  /**
   * The LibreOffice return with page 2's content stream cut: valid deflate of its first half up to
   * a full flush, then garbage to the stream's old length (so the file's offsets still hold).
   */
  function damagedReturn(): Buffer {
    const bytes = Buffer.from(readFileSync('fixtures/pdf/croydon-2015-return.pdf'));
    const starts: number[] = [];
    for (let at = bytes.indexOf('stream\n'); at >= 0; at = bytes.indexOf('stream\n', at + 7)) {
      if (bytes.subarray(at - 3, at).toString('latin1') !== 'end') starts.push(at + 7);
    }
    // The first five streams are the five pages' contents, in order.
    const start = starts[1]!;
    const end = bytes.lastIndexOf('\n', bytes.indexOf('endstream', start));
    const content = inflateSync(bytes.subarray(start, end));
    const half = deflateSync(content.subarray(0, Math.floor(content.length / 2)), { finishFlush: constants.Z_FULL_FLUSH });
    expect(half.length).toBeLessThan(end - start);
    half.copy(bytes, start);
    for (let i = start + half.length; i < end; i++) bytes[i] = 0x41 + (i % 23);
    return bytes;
  }

  it("is an error on the return's page, never a valid return with text missing", async () => {
    const result = await importReturn(damagedReturn(), { path: 'damaged.pdf' });
    expect(result.valid).toBe(false);
    expect(result.diagnostics.filter((d) => d.code === 'pdf-text-damaged').map((d) => d.page)).toEqual([2]);
  });
});

describe('text not written left to right', () => {
  it("on the return's page is reported with its text, and kept out of every cell", async () => {
    const layout: ReturnLayout = {
      landscape: true,
      columnShares: [6, 24, 24, 24, 22],
      fontSizes: [10, 10, 10, 10, 10],
      fonts: ['Helvetica', 'Helvetica', 'Helvetica', 'Helvetica', 'Helvetica'],
      headingFont: 'Helvetica-Bold',
      padding: 4,
      borders: 'stroked',
      numberAlign: 'top',
      repeatHeading: true,
    };
    const rows = CHARTER_POINTS.slice(0, 3).map((point) => ({
      number: String(point.number),
      cells: [point.wording, 'Done.', 'More.', 'By March 2017'] as [string, string, string, string],
    }));
    const plain = await makeReturnPdf(['London Borough of Sutton'], 'May 2016', rows, layout);
    const doc = await PDFDocument.load(plain);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.getPage(0).drawText('DRAFT NOT FOR CIRCULATION', { x: 500, y: 300, size: 14, font, rotate: degrees(180) });
    doc.getPage(0).drawText('Margin note written sideways', { x: 30, y: 200, size: 9, font, rotate: degrees(90) });
    const result = await importReturn(await doc.save(), { path: 'rotated.pdf' });
    const cells = result.charterReturn!.points.flatMap((point) => [point.whereWeAreNow, point.whereWeNeedToImprove, point.nextSteps]);
    expect(cells).toEqual(['Done.', 'More.', 'By March 2017', 'Done.', 'More.', 'By March 2017', 'Done.', 'More.', 'By March 2017']);
    expect(
      result.diagnostics
        .filter((d) => d.code === 'text-rotated')
        .map((d) => d.text)
        .sort(),
    ).toEqual(['DRAFT NOT FOR CIRCULATION', 'Margin note written sideways']);
  });
});
