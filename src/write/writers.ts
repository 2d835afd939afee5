/**
 * Every output format charter writes, one entry each: the one list behind `--format`'s choices,
 * the file ending `--out-dir` gives, and the media type. A writer's module (and the CSV library
 * behind one) is loaded only when a run writes its format. Adding a writer: its module, and one
 * entry here.
 */
import type { WriterFactory } from './writer.js';

export interface WriterEntry {
  /** Its name for `--format`. */
  name: string;
  /** The file ending of its output, with the dot. */
  extension: string;
  mediaType: string;
  /** Every writer writes text today; a writer of bytes (a spreadsheet) would say `bytes`. */
  output: 'text';
  load(): Promise<WriterFactory>;
}

export const WRITERS = [
  { name: 'json', extension: '.json', mediaType: 'application/json', output: 'text', load: async () => (await import('./json.js')).jsonWriter },
  { name: 'csv', extension: '.csv', mediaType: 'text/csv', output: 'text', load: async () => (await import('./csv.js')).csvWriter },
  { name: 'md', extension: '.md', mediaType: 'text/markdown', output: 'text', load: async () => (await import('./markdown.js')).markdownWriter },
  {
    name: 'ndjson',
    extension: '.ndjson',
    mediaType: 'application/x-ndjson',
    output: 'text',
    load: async () => (await import('./json.js')).ndjsonWriter,
  },
] as const satisfies readonly WriterEntry[];

export type OutputFormat = (typeof WRITERS)[number]['name'];

/** The `--format` names, in registry order. */
export const OUTPUT_FORMATS: readonly OutputFormat[] = WRITERS.map((writer) => writer.name);

export function writerFor(format: OutputFormat): WriterEntry {
  return WRITERS.find((writer) => writer.name === format)!;
}
