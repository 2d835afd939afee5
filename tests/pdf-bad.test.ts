/**
 * PDFs that cannot give a return: each ends in one coded error (and exit status 1 from the CLI),
 * never an exception, a stack trace or a hang.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';
import type { Diagnostic } from '../src/model.js';
import { DEFAULT_LIMITS } from '../src/read/pdf/engine.js';
import { readPdf } from '../src/read/pdf/readPdf.js';
import { fixtureBytes } from './lib/expected.js';
import { runCli } from './lib/runCli.js';
import { makeScannedPdf, makeTextPdf } from './pdf-support.js';

const RETURN_PDF = 'pdf/croydon-2015-return.pdf';
const ENCRYPTED_PDF = 'pdf/croydon-2015-return-encrypted.pdf';

function only(diagnostics: readonly Diagnostic[]): Pick<Diagnostic, 'severity' | 'code'> & { message: string } {
  expect(diagnostics).toHaveLength(1);
  const [diagnostic] = diagnostics;
  expect(diagnostic!.message).not.toMatch(/\n|\bat .*\.(?:ts|js|mjs):\d+/);
  return { severity: diagnostic!.severity, code: diagnostic!.code, message: diagnostic!.message };
}

async function failure(bytes: Uint8Array, options: Parameters<typeof importReturn>[1] = { path: null }) {
  const result = await importReturn(bytes, options);
  expect(result.charterReturn).toBeNull();
  expect(result.valid).toBe(false);
  return only(result.diagnostics);
}

describe('PDFs that give no return', () => {
  it('an encrypted PDF asks for its password, and a wrong one is refused', async () => {
    const bytes = fixtureBytes(ENCRYPTED_PDF);
    expect(await failure(bytes)).toEqual({
      severity: 'error',
      code: 'pdf-encrypted',
      message: 'the PDF is encrypted: give its password with --password',
    });
    expect(await failure(bytes, { path: null, password: 'wrong' })).toEqual({
      severity: 'error',
      code: 'pdf-encrypted',
      message: 'the PDF is encrypted and the password given does not open it',
    });
  });

  it('a truncated PDF is unreadable', async () => {
    const whole = fixtureBytes(RETURN_PDF);
    for (const share of [0.2, 0.6, 0.99]) {
      const diagnostic = await failure(whole.subarray(0, Math.floor(whole.length * share)));
      expect(diagnostic).toEqual({
        severity: 'error',
        code: 'pdf-unreadable',
        message: 'the PDF is truncated: it does not end with %%EOF (was it cut short when downloaded or copied?)',
      });
    }
  });

  it('a corrupt PDF, one the engine throws on, is unreadable', async () => {
    const junk = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 'x'), Buffer.from('\nstartxref\n99999\n%%EOF\n')]);
    const diagnostic = await failure(junk);
    expect(diagnostic.code).toBe('pdf-unreadable');
    expect(diagnostic.message).toMatch(/^the PDF cannot be read; it may be truncated or damaged \(.+\)$/);
    // Forced as PDF, text that is no PDF at all.
    expect((await failure(Buffer.from('Charter point\tWhere we are now\n%%EOF\n'), { path: null, format: 'pdf' })).code).toBe('pdf-unreadable');
  });

  it('a scanned PDF, with no text layer, needs OCR first', async () => {
    const diagnostic = await failure(await makeScannedPdf(3));
    expect(diagnostic).toEqual({
      severity: 'error',
      code: 'pdf-no-text',
      message:
        'the PDF has no text in its 3 pages read: it is probably a scan; run OCR on it first (for example with ocrmypdf) and import the result',
    });
  });

  it('a PDF with no return says how many pages were read', async () => {
    const bytes = await makeTextPdf([
      ['Adult Social Services Review Panel', 'Minutes of the meeting held on 4 November 2015'],
      ['1. Apologies for absence'],
      ['This page is intentionally left blank'],
    ]);
    const diagnostic = await failure(bytes);
    expect(diagnostic.code).toBe('no-return-found');
    expect(diagnostic.message).toBe('no End of Life Care Charter return found in 3 pages: the input holds no table');
  });

  it('a PDF past the page limit or the time limit is too complex, and the engine is stopped', async () => {
    const bytes = fixtureBytes('pdf/croydon-2015-council-paper.pdf');
    const tooLong = await readPdf(bytes, { path: null }, { ...DEFAULT_LIMITS, maxPages: 4 });
    expect(tooLong).toEqual({
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'pdf-too-complex',
          message: 'the PDF has 9 pages, more than the 4 read from one file; choose the pages that hold the return with --pages',
        },
      ],
    });
    // --pages brings it under the limit.
    const appendix = await readPdf(bytes, { path: null, pages: { from: 5, to: 8 } }, { ...DEFAULT_LIMITS, maxPages: 4 });
    expect(appendix.ok).toBe(true);

    const tooSlow = await readPdf(bytes, { path: null }, { ...DEFAULT_LIMITS, timeLimitMs: 1 });
    expect(tooSlow.ok).toBe(false);
    const diagnostic = only(tooSlow.ok ? [] : tooSlow.diagnostics);
    expect(diagnostic.code).toBe('pdf-too-complex');
    expect(diagnostic.message).toMatch(
      /^reading the PDF took longer than 0 s and was stopped after \d+ pages?; choose the pages that hold the return with --pages$/,
    );
    // Stopped, not finished: fewer pages read than the PDF has (how fast it stops is npm run bench's).
    expect(Number(/stopped after (\d+) page/.exec(diagnostic.message)![1])).toBeLessThan(9);
    // The engine stopped for the time limit is replaced: the next PDF reads as usual.
    expect((await readPdf(bytes, { path: null })).ok).toBe(true);
  });

  it('pages asked for beyond the end of the PDF', async () => {
    expect(await failure(fixtureBytes(RETURN_PDF), { path: null, pages: { from: 12, to: 15 } })).toEqual({
      severity: 'error',
      code: 'pages-out-of-range',
      message: 'the PDF has 5 pages; the pages asked for (12-15) are beyond its end',
    });
  });
});

describe('bad PDFs on the command line', () => {
  it('each gives one line on standard error and exit status 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'charter-bad-pdf-'));
    const cases: [string, Uint8Array, string[], string, RegExp][] = [
      ['encrypted.pdf', fixtureBytes(ENCRYPTED_PDF), [], 'pdf-encrypted', /the PDF is encrypted: give its password with --password/],
      ['truncated.pdf', fixtureBytes(RETURN_PDF).subarray(0, 20_000), [], 'pdf-unreadable', /the PDF is truncated/],
      ['scanned.pdf', await makeScannedPdf(1), [], 'pdf-no-text', /run OCR on it first/],
      [
        'report.pdf',
        fixtureBytes('pdf/croydon-2015-council-paper.pdf'),
        ['--pages', '1-4'],
        'no-return-found',
        /no End of Life Care Charter return found in 4 pages/,
      ],
    ];
    for (const [name, bytes, extra, code, message] of cases) {
      const path = join(folder, name);
      writeFileSync(path, bytes);
      const run = await runCli(['validate', path, ...extra]);
      expect(run.status, name).toBe(1);
      // One line carries the diagnostic, whatever the report's layout.
      const lines = run.stderr.split('\n').filter((line) => line.includes(code));
      expect(lines, name).toHaveLength(1);
      expect(lines[0], name).toMatch(message);
      expect(lines[0], name).toMatch(/\berror\b/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    const opened = await runCli(['validate', join(folder, 'encrypted.pdf'), '--password', 'charter']);
    expect(opened.status).toBe(0);
  });
});
