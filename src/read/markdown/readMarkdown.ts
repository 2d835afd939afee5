/** Markdown reader: placeholder until the markdown reader lands (issue 3). */
import type { Diagnostic, RawDocument } from '../../model.js';

export function readMarkdown(_text: string, diagnostics: Diagnostic[]): RawDocument {
  return { format: 'markdown', blocks: [], diagnostics };
}
