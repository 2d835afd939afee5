/** Reader for text extracted from a PDF: until it lands (issue 4), such text is only searched as lines. */
import type { Diagnostic, RawDocument } from '../../model.js';

export function readPdfText(text: string, diagnostics: Diagnostic[]): RawDocument {
  return {
    format: 'text',
    blocks: text.split('\n').map((line, index) => ({ kind: 'text' as const, text: line, place: { line: index + 1 } })),
    diagnostics,
  };
}
