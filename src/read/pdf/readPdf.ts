/**
 * PDF reader: text runs with their positions from the PDF engine, page by page, laid out into the
 * return's table (found by its heading on each page) and the text around it. Every failure of the
 * engine becomes one coded error; nothing is thrown.
 */
import type { Diagnostic, RawDocument } from '../../model.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { ReadOptions, ReadResult } from '../reader.js';
import { DEFAULT_LIMITS, extractPages, type EngineLimits, type ExtractFailure } from './engine.js';
import { layoutDocument } from '../layout/document.js';
import type { PageRules, PageText } from '../layout/geometry.js';
import { layoutPage, type Grid } from '../layout/pageLayout.js';
import { pageTextOfPdf } from './pdfPage.js';
import { checkStreamBudget } from './streamBudget.js';

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

function failureDiagnostic(failure: ExtractFailure, limits: EngineLimits): Diagnostic {
  switch (failure.kind) {
    case 'password':
      return diagnostic('pdf-encrypted', { wrongPassword: failure.wrongPassword });
    case 'unreadable':
      return diagnostic('pdf-unreadable', { cause: 'damaged', detail: oneLine(failure.detail) });
    case 'too-many-pages':
      return diagnostic('pdf-too-complex', { limit: 'pages', pageCount: failure.pageCount, maxPages: limits.maxPages });
    case 'too-slow':
      return diagnostic('pdf-too-complex', { limit: 'time', seconds: Math.round(limits.timeLimitMs / 1000), pagesRead: failure.pagesRead });
    case 'out-of-memory':
      return diagnostic('pdf-too-complex', { limit: 'memory', heapMb: limits.heapMb, pagesRead: failure.pagesRead });
  }
}

export async function readPdf(bytes: Uint8Array, options: ReadOptions, limits: EngineLimits = DEFAULT_LIMITS): Promise<ReadResult> {
  const from = Math.max(1, Math.floor(options.pages?.from ?? 1));
  const to = options.pages ? Math.floor(options.pages.to) : Number.MAX_SAFE_INTEGER;
  if (to < from) {
    return { ok: false, diagnostics: [diagnostic('pages-out-of-range', { from, to })] };
  }
  // A PDF ends with %%EOF (give or take a little trailing junk): one that does not was cut short.
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    return {
      ok: false,
      diagnostics: [diagnostic('pdf-unreadable', { cause: 'truncated' })],
    };
  }
  const budget = await checkStreamBudget(bytes, { perStreamBytes: limits.streamMb * 2 ** 20, totalBytes: limits.totalStreamMb * 2 ** 20 });
  if (!budget.ok) {
    const megabytes = budget.perStream ? limits.streamMb : limits.totalStreamMb;
    return { ok: false, diagnostics: [diagnostic('pdf-too-complex', { limit: 'streams', megabytes, perStream: budget.perStream })] };
  }
  const pages: PageText[] = [];
  const damaged: { page: number; detail: string }[] = [];
  const rules = new Map<number, PageRules>();
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
      const text = pageTextOfPdf(page);
      pages.push(text);
      const damage = page.damage ?? [];
      if (damage.length > 0)
        damaged.push({ page: page.page, detail: damage.length === 1 ? damage[0]! : `${damage[0]!}, and ${damage.length - 1} more` });
      // A first look at the page, before its furniture is known: only a page that may hold the
      // table needs its ruling lines read.
      const layout = layoutPage(text, carried);
      carried = layout.openGrid;
      return { rules: layout.part !== null };
    },
    onRules: (page, pageRules) => rules.set(page, pageRules),
  });
  if (!result.ok) return { ok: false, diagnostics: [failureDiagnostic(result.failure, limits)] };
  if (pagesRead === 0) {
    return {
      ok: false,
      diagnostics: [diagnostic('pages-out-of-range', { from, to, pageCount: result.pageCount })],
    };
  }
  if (textRuns === 0) {
    return {
      ok: false,
      diagnostics: [diagnostic('pdf-no-text', { pagesRead })],
    };
  }
  const { blocks, clipped, cuts, inspection } = layoutDocument(pages, rules, options.inspect ?? false);
  // One error a page, at its first cut line: the lines after it are cut by the same box.
  const diagnostics: Diagnostic[] = [];
  clipped.forEach((line, index) => {
    if (index > 0 && clipped[index - 1]!.page === line.page) return;
    const lines = clipped.filter((other) => other.page === line.page).length;
    diagnostics.push(diagnostic('pdf-text-clipped', { text: line.text, edge: Math.round(line.edge), lines }, { page: line.page, line: line.line }));
  });
  const cut = cuts[0];
  if (cut)
    diagnostics.push(diagnostic('pdf-words-cut', { kind: 'answer', pieces: cut.pieces, count: cuts.length }, { page: cut.page, line: cut.line }));
  const document: RawDocument = { format: 'pdf', blocks, diagnostics, pageCount: pagesRead };
  if (damaged.length > 0) document.damagedPages = damaged;
  if (inspection) document.inspection = inspection;
  return { ok: true, document };
}
