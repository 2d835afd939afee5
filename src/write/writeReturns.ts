/**
 * The write stage: returns to text in the chosen output format. Output is produced piece by piece
 * (a head, one part per return, a tail) so that many returns can be streamed without holding them.
 */
import type { CharterReturn } from '../model.js';
import { csvHeaderRow, csvRows } from './csv.js';
import { writeMarkdownReturn } from './markdown.js';

export const OUTPUT_FORMATS = ['json', 'csv', 'md', 'ndjson'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const OUTPUT_EXTENSIONS: Record<OutputFormat, string> = { json: '.json', csv: '.csv', md: '.md', ndjson: '.ndjson' };

export interface WriteOptions {
  /** JSON only: write an array (several inputs were named) rather than one object. */
  asArray?: boolean;
  /** CSV only: no formula guard. */
  csvRaw?: boolean;
}

export interface ReturnWriter {
  head(): string;
  /** The text for the `index`-th return written (0-based). */
  part(charterReturn: CharterReturn, index: number): string;
  tail(count: number): string;
}

export function createReturnWriter(format: OutputFormat, options: WriteOptions = {}): ReturnWriter {
  switch (format) {
    case 'json':
      if (options.asArray) {
        return {
          head: () => '[',
          part: (charterReturn, index) => `${index === 0 ? '\n' : ',\n'}${indent(JSON.stringify(charterReturn, null, 2))}`,
          tail: (count) => (count === 0 ? ']\n' : '\n]\n'),
        };
      }
      return { head: () => '', part: (charterReturn) => `${JSON.stringify(charterReturn, null, 2)}\n`, tail: () => '' };
    case 'ndjson':
      return { head: () => '', part: (charterReturn) => `${JSON.stringify(charterReturn)}\n`, tail: () => '' };
    case 'csv': {
      const raw = options.csvRaw ?? false;
      return { head: () => csvHeaderRow(), part: (charterReturn) => csvRows(charterReturn, raw), tail: () => '' };
    }
    case 'md':
      return {
        head: () => '',
        part: (charterReturn, index) => `${index === 0 ? '' : '\n'}${writeMarkdownReturn(charterReturn)}`,
        tail: () => '',
      };
  }
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

export function writeReturns(returns: readonly CharterReturn[], format: OutputFormat, options: WriteOptions = {}): string {
  const writer = createReturnWriter(format, { ...options, asArray: options.asArray ?? returns.length !== 1 });
  return writer.head() + returns.map((charterReturn, index) => writer.part(charterReturn, index)).join('') + writer.tail(returns.length);
}
