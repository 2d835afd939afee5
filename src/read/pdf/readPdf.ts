/** PDF reader: placeholder until the PDF reader lands (issue 4). */
import type { ReadOptions, ReadResult } from '../readDocument.js';

export async function readPdf(_bytes: Uint8Array, _options: ReadOptions): Promise<ReadResult> {
  return { ok: false, diagnostics: [{ severity: 'error', code: 'pdf-unsupported', message: 'reading PDF is not supported yet' }] };
}
