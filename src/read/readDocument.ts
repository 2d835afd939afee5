/**
 * The read stage: bytes to a raw document, by the reader the registry (readers.ts) names for the
 * input. A reader's module is loaded only when an input needs it.
 */
import { decodeText } from './decode.js';
import { detectTextFormat } from './detect.js';
import type { ReadOptions, ReadResult } from './reader.js';
import { readerFor, sniffBytes } from './readers.js';

export type { ReadOptions, ReadResult } from './reader.js';

export async function readDocument(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  // A forced format, or bytes that a reader of bytes recognises (a PDF, a Word or Excel file), need no decoding.
  const chosen = options.format !== undefined ? readerFor(options.format) : sniffBytes(bytes);
  if (chosen !== undefined && (chosen.input === 'bytes' || options.format !== undefined)) {
    return (await chosen.load())(bytes, options);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  // A delimiter given (`--delimiter`) says the text is delimited: tab-separated, or CSV.
  const delimited = options.delimiter === undefined ? undefined : options.delimiter === '\t' ? 'tsv' : 'csv';
  const reader = readerFor(delimited ?? detectTextFormat(decoded.text, options.path));
  return (await reader.load())(bytes, { ...options, decoded });
}
