/**
 * PDF reader: text runs with their positions from the PDF engine, page by page, laid out into the
 * return's table (found by its heading on each page) and the text around it. Every failure of the
 * engine becomes one coded error; nothing is thrown.
 */
import type { Diagnostic } from '../../model.js';
import type { ReadOptions, ReadResult } from '../reader.js';
import { DEFAULT_LIMITS, extractPages, type EngineLimits, type ExtractFailure } from './engine.js';
import { blocksOf } from '../layout/document.js';
import { layoutPage, type PageLayout } from '../layout/pageLayout.js';
import type { Grid } from '../layout/pageLayout.js';
import { pageTextOfPdf } from './pdfPage.js';
import { plural } from '../../text/plural.js';


function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

function failureDiagnostic(failure: ExtractFailure, limits: EngineLimits): Diagnostic {
  switch (failure.kind) {
    case 'password':
      return failure.wrongPassword
        ? { severity: 'error', code: 'pdf-encrypted', message: 'the PDF is encrypted and the password given does not open it' }
        : { severity: 'error', code: 'pdf-encrypted', message: 'the PDF is encrypted: give its password with --password' };
    case 'unreadable':
      return { severity: 'error', code: 'pdf-unreadable', message: `the PDF cannot be read; it may be truncated or damaged (${oneLine(failure.detail) || 'no detail'})` };
    case 'too-many-pages':
      return {
        severity: 'error',
        code: 'pdf-too-complex',
        message: `the PDF has ${plural(failure.pageCount, 'page')}, more than the ${limits.maxPages} read from one file; choose the pages that hold the return with --pages`,
      };
    case 'too-slow':
      return {
        severity: 'error',
        code: 'pdf-too-complex',
        message: `reading the PDF took longer than ${Math.round(limits.timeLimitMs / 1000)} s and was stopped after ${plural(failure.pagesRead, 'page')}; choose the pages that hold the return with --pages`,
      };
    case 'out-of-memory':
      return {
        severity: 'error',
        code: 'pdf-too-complex',
        message: `reading the PDF needed more than ${limits.heapMb} MB and was stopped after ${plural(failure.pagesRead, 'page')}; choose the pages that hold the return with --pages`,
      };
  }
}

export async function readPdf(bytes: Uint8Array, options: ReadOptions, limits: EngineLimits = DEFAULT_LIMITS): Promise<ReadResult> {
  const from = Math.max(1, Math.floor(options.pages?.from ?? 1));
  const to = options.pages ? Math.floor(options.pages.to) : Number.MAX_SAFE_INTEGER;
  if (to < from) {
    return { ok: false, diagnostics: [{ severity: 'error', code: 'pages-out-of-range', message: `the page range ${from}-${to} holds no page` }] };
  }
  // A PDF ends with %%EOF (give or take a little trailing junk): one that does not was cut short.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    return {
      ok: false,
      diagnostics: [{ severity: 'error', code: 'pdf-unreadable', message: 'the PDF is truncated: it does not end with %%EOF (was it cut short when downloaded or copied?)' }],
    };
  }
  const layouts: PageLayout[] = [];
  let carried: Grid | null = null;
  let textRuns = 0;
  let pagesRead = 0;
  const result = await extractPages({
    bytes,
    password: options.password,
    from,
    to,
    limits,
    onPage: (page) => {
      pagesRead++;
      textRuns += page.runs.length + page.otherText.length;
      const layout = layoutPage(pageTextOfPdf(page), carried);
      carried = layout.openGrid;
      const lastLine = layout.after.at(-1)?.line ?? layout.part?.lineNumbers.at(-1) ?? layout.before.at(-1)?.line ?? 0;
      page.otherText.forEach((text, index) => layout.after.push({ text, line: lastLine + index + 1 }));
      layouts.push(layout);
    },
  });
  if (!result.ok) return { ok: false, diagnostics: [failureDiagnostic(result.failure, limits)] };
  if (pagesRead === 0) {
    return {
      ok: false,
      diagnostics: [{ severity: 'error', code: 'pages-out-of-range', message: `the PDF has ${plural(result.pageCount, 'page')}; the pages asked for (${from}-${to}) are beyond its end` }],
    };
  }
  if (textRuns === 0) {
    return {
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          code: 'pdf-no-text',
          message: `the PDF has no text in its ${plural(pagesRead, 'page')} read: it is probably a scan; run OCR on it first (for example with ocrmypdf) and import the result`,
        },
      ],
    };
  }
  return { ok: true, document: { format: 'pdf', blocks: blocksOf(layouts), diagnostics: [], pageCount: pagesRead } };
}
