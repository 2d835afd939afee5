/**
 * The zip container of Word and Excel files, read with bounds, and the formats that are refused
 * with a clear error: a hostile or damaged archive ends in one coded error, never a crash or
 * unbounded memory.
 */
import { zipSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readOffice } from '../src/read/office/readOffice.js';
import { isZipProblem, ZipArchive } from '../src/read/office/zipArchive.js';
import { readDocx } from '../src/read/docx/readDocx.js';
import { fixtureBytes } from './lib/expected.js';

const LIMITS = { maxEntries: 100, maxEntryBytes: 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 };

function codes(result: { ok: boolean; diagnostics?: { code: string }[] }): string[] {
  return 'diagnostics' in result && result.diagnostics ? result.diagnostics.map((d) => d.code) : [];
}

/** A zip whose directory says its one entry unpacks to `declared` bytes, whatever it really does. */
function lyingZip(realSize: number, declared: number): Uint8Array {
  const zip = zipSync({ 'word/document.xml': new Uint8Array(realSize) }, { level: 9 });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = zip.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) === 0x02014b50) {
      view.setUint32(at + 24, declared, true);
      break;
    }
  }
  return zip;
}

describe('the zip container', () => {
  it('lists and unpacks the parts of a Word file', () => {
    const archive = ZipArchive.open(fixtureBytes('office/sutton-2016-table.docx'));
    expect(isZipProblem(archive)).toBe(false);
    if (isZipProblem(archive)) return;
    expect(archive.names()).toContain('word/document.xml');
    expect(archive.readText('word/document.xml')).toMatch(/^<\?xml/);
    expect(archive.read('no/such/part.xml')).toBeNull();
  });

  it('refuses an archive with more entries than it reads', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`part${i}.xml`, strToU8('<a/>')])));
    expect(ZipArchive.open(many, { ...LIMITS, maxEntries: 10 })).toEqual({
      kind: 'too-large',
      detail: 'the archive holds 12 entries, more than the 10 read',
    });
  });

  it('stops a part that unpacks to more than its limit, even where the directory says it is small (a zip bomb)', () => {
    const archive = ZipArchive.open(lyingZip(64 * 1024 * 1024, 1000), LIMITS);
    if (isZipProblem(archive)) throw new Error(archive.detail);
    const read = archive.read('word/document.xml');
    expect(read).toMatchObject({ kind: 'too-large' });
    expect((read as { detail: string }).detail).toBe('word/document.xml unpacks to more than 1 MB, although the archive says 1000 bytes');
  });

  it('refuses a part that declares more than the limit, before unpacking it, and all parts together past theirs', () => {
    const archive = ZipArchive.open(zipSync({ 'a.xml': new Uint8Array(600_000), 'b.xml': new Uint8Array(600_000) }), {
      ...LIMITS,
      maxEntryBytes: 500_000,
    });
    if (isZipProblem(archive)) throw new Error(archive.detail);
    expect(archive.read('a.xml')).toMatchObject({ kind: 'too-large' });
    const total = ZipArchive.open(zipSync({ 'a.xml': new Uint8Array(600_000), 'b.xml': new Uint8Array(600_000) }), {
      ...LIMITS,
      maxTotalBytes: 1_000_000,
    });
    if (isZipProblem(total)) throw new Error(total.detail);
    expect(total.read('a.xml')).toBeInstanceOf(Uint8Array);
    expect(total.read('b.xml')).toEqual({ kind: 'too-large', detail: 'the parts read unpack to more than 1000000 bytes' });
  });

  it('says a part is damaged where it unpacks to another size than the directory says', () => {
    const archive = ZipArchive.open(lyingZip(5000, 100), LIMITS);
    if (isZipProblem(archive)) throw new Error(archive.detail);
    expect(archive.read('word/document.xml')).toEqual({
      kind: 'damaged',
      detail: 'word/document.xml unpacks to 5000 bytes where the directory says 100',
    });
  });

  it('gives the bomb to the reader as one coded error', async () => {
    const result = await readDocx(lyingZip(64 * 1024 * 1024, 1000), { path: 'bomb.docx' }, LIMITS);
    expect(codes(result)).toEqual(['office-too-large']);
  });
});

describe('Word and Excel files cut short or damaged', () => {
  const files = ['office/sutton-2016-table.docx', 'office/croydon-2015.xlsx'].map((name) => ({ name, bytes: fixtureBytes(name) }));

  it('truncated anywhere: a return or one coded error, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), fc.double({ min: 0, max: 1, noNaN: true }), async (file, fraction) => {
        const result = await readOffice(file.bytes.subarray(0, Math.floor(file.bytes.length * fraction)), { path: file.name });
        if (!result.ok)
          expect(
            codes(result).every((code) => ['office-unreadable', 'office-too-large'].includes(code)),
            codes(result).join(),
          ).toBe(true);
      }),
      { numRuns: 80, seed: 71001 },
    );
  });

  it('random bytes after a zip header: one coded error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (tail) => {
        const result = await readOffice(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...tail]), { path: 'random.docx' });
        expect(result.ok).toBe(false);
        expect(codes(result)).toHaveLength(1);
      }),
      { numRuns: 200, seed: 71002 },
    );
  });
});

describe('formats charter does not read', () => {
  it('Word 97–2003 (an OLE compound file): names it and says what to save it as', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
    const result = await readOffice(ole, { path: 'return.doc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toEqual([
      {
        severity: 'error',
        code: 'unsupported-format',
        message:
          'the input is an older Office file (a Word 97–2003 .doc or Excel 97–2003 .xls), or an Office file protected with a password; charter reads neither: open it in Word or Excel, remove any password, and save it as .docx, .xlsx or PDF',
      },
    ]);
  });

  it('OpenDocument text and spreadsheets, found from their mimetype', async () => {
    const odf = (type: string) => zipSync({ mimetype: [strToU8(type), { level: 0 }], 'content.xml': strToU8('<office:document-content/>') });
    const odt = await readOffice(odf('application/vnd.oasis.opendocument.text'), { path: 'x.odt' });
    expect(odt.ok ? [] : odt.diagnostics.map((d) => d.message)).toEqual([
      'the input is an OpenDocument text (.odt); charter does not read it: save it as .docx or PDF',
    ]);
    const ods = await readOffice(odf('application/vnd.oasis.opendocument.spreadsheet'), { path: 'x.ods' });
    expect(ods.ok ? [] : ods.diagnostics.map((d) => d.code)).toEqual(['unsupported-format']);
  });

  it('a zip archive that is neither, and a --from that does not match the content', async () => {
    const other = await readOffice(zipSync({ 'readme.txt': strToU8('hello') }), { path: 'x.zip' });
    expect(other.ok ? [] : other.diagnostics.map((d) => d.message)).toEqual([
      'the input is not a Word or Excel file: it is a zip archive, but holds neither a Word document nor an Excel workbook',
    ]);
    const mismatch = await readOffice(fixtureBytes('office/sutton-2016.xlsx'), { path: 'x.xlsx', format: 'docx' });
    expect(mismatch.ok ? [] : mismatch.diagnostics.map((d) => d.message)).toEqual([
      '--from docx was given, but the input is an Excel workbook, not a Word document: use --from xlsx, or leave --from out',
    ]);
    const text = await readOffice(fixtureBytes('croydon-2015.tsv'), { path: 'x.tsv', format: 'xlsx' });
    expect(text.ok ? [] : text.diagnostics.map((d) => d.message)).toEqual([
      'the input is not an Excel workbook: it is not a zip archive, as .docx and .xlsx files are',
    ]);
  });
});
