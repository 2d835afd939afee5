/**
 * The read stage: bytes to a raw document, by format. Heavy readers (markdown, PDF, Word, Excel)
 * are loaded only when an input needs them.
 */
import type { Diagnostic, RawDocument, SourceFormat } from '../model.js';
import { decodeText } from './decode.js';
import { readDelimited } from './delimited.js';
import { detectTextFormat, isOle, isPdf, isZip } from './detect.js';
import type { ReturnShapeCheck } from './json/readJson.js';

export interface ReadOptions {
  /** Forced format (`--from`); otherwise found from the content, then the file name. */
  format?: SourceFormat | undefined;
  path: string | null;
  /** PDF password (`--password`). */
  password?: string | undefined;
  /** PDF page range to search (`--pages`). */
  pages?: { from: number; to: number } | undefined;
  /** The character between cells of delimited text (`--delimiter`); otherwise found from the content. */
  delimiter?: string | undefined;
  /** The return's schema check for JSON input, handed in by the pipeline, which owns validation. */
  checkReturn?: ReturnShapeCheck | undefined;
}

export type ReadResult = { ok: true; document: RawDocument } | { ok: false; diagnostics: Diagnostic[] };

export async function readDocument(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const pdf = options.format === 'pdf' || (options.format === undefined && isPdf(bytes));
  if (pdf) {
    const { readPdf } = await import('./pdf/readPdf.js');
    return readPdf(bytes, options);
  }
  const office = options.format === 'docx' || options.format === 'xlsx' || (options.format === undefined && (isZip(bytes) || isOle(bytes)));
  if (office) {
    const { readOffice } = await import('./office/readOffice.js');
    return readOffice(bytes, options);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const delimited = options.delimiter !== undefined ? (options.delimiter === '\t' ? 'tsv' : 'csv') : undefined;
  const format = options.format ?? delimited ?? detectTextFormat(decoded.text, options.path);
  const diagnostics = [...decoded.diagnostics];
  switch (format) {
    case 'tsv':
    case 'csv':
      return { ok: true, document: readDelimited(decoded.text, format, diagnostics, options.delimiter) };
    case 'markdown': {
      const { readMarkdown } = await import('./markdown/readMarkdown.js');
      return { ok: true, document: readMarkdown(decoded.text, diagnostics) };
    }
    case 'text': {
      const { readPdfText } = await import('./text/readPdfText.js');
      return { ok: true, document: readPdfText(decoded.text, diagnostics) };
    }
    case 'json': {
      const { readJson } = await import('./json/readJson.js');
      const read = readJson(decoded.text, options);
      if (!read.ok) return { ok: false, diagnostics: [...diagnostics, ...read.diagnostics] };
      return { ok: true, document: { format: 'json', blocks: read.blocks, diagnostics: [...diagnostics, ...read.diagnostics] } };
    }
    case 'pdf':
    case 'docx':
    case 'xlsx':
      // Unreachable: binary formats are decided above, before decoding.
      return { ok: false, diagnostics: [{ severity: 'error', code: 'binary-input', message: `the input is not ${format}` }] };
  }
}
