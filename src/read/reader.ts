/**
 * What every reader is: bytes and options in, a raw document (or the reason there is none) and
 * its diagnostics out. The registry (readers.ts) lists the readers; readDocument.ts picks one.
 */
import type { Diagnostic, RawDocument, SourceFormat } from '../model.js';
import { decodeText, type DecodeResult } from './decode.js';

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
  /** Also record how each page was laid out (PDF and laid-out text), for `--inspect`. */
  inspect?: boolean | undefined;
}

/** The schema check: what is wrong with a value offered as a return, one phrase each; none where it is one. */
export type ReturnShapeCheck = (value: unknown) => string[];

export type ReadFailure = { ok: false; diagnostics: Diagnostic[] };
export type ReadResult = { ok: true; document: RawDocument } | ReadFailure;

/** Options as a reader gets them: with the text already decoded where detection needed it. */
export interface ReaderOptions extends ReadOptions {
  decoded?: Extract<DecodeResult, { ok: true }>;
}

/** The one reader signature. */
export type Reader = (bytes: Uint8Array, options: ReaderOptions) => ReadResult | Promise<ReadResult>;

/**
 * A reader of text made from a function of decoded text: decodes the bytes (or takes the text
 * readDocument decoded to detect the format), and hands the decoding's diagnostics on. The
 * function may say there is no document (JSON that is no return).
 */
export function textReader(read: (text: string, diagnostics: Diagnostic[], options: ReaderOptions) => RawDocument | ReadFailure): Reader {
  return (bytes, options) => {
    const decoded = options.decoded ?? decodeText(bytes);
    if (!decoded.ok) return decoded;
    const document = read(decoded.text, [...decoded.diagnostics], options);
    return 'ok' in document ? document : { ok: true, document };
  };
}
