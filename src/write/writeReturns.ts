/**
 * The write stage: returns to text in the chosen output format (the writers registry,
 * writers.ts). Output is produced piece by piece (a head, one part per return, a tail) so that
 * many returns can be streamed without holding them.
 */
import type { CharterReturn } from '../model.js';
import type { WriteOptions, WriterFactory } from './writer.js';
import { OUTPUT_FORMATS, writerFor, type OutputFormat } from './writers.js';

export { OUTPUT_FORMATS, type OutputFormat } from './writers.js';
export type { ReturnWriter, WriteOptions, WriterFactory } from './writer.js';

/** The file ending of each output format, for `--out-dir`. */
export const OUTPUT_EXTENSIONS = Object.fromEntries(OUTPUT_FORMATS.map((format) => [format, writerFor(format).extension])) as Record<
  OutputFormat,
  string
>;

/** The writer of a format, its module loaded on first use. */
export function loadWriter(format: OutputFormat): Promise<WriterFactory> {
  return writerFor(format).load();
}

/** Returns as one text by a writer already loaded: a list is an array unless it holds one return. */
export function writeWith(create: WriterFactory, returns: readonly CharterReturn[], options: WriteOptions = {}): string {
  const writer = create({ ...options, asArray: options.asArray ?? returns.length !== 1 });
  return (
    writer.head() + returns.map((charterReturn, index) => writer.separator(index) + writer.item(charterReturn)).join('') + writer.tail(returns.length)
  );
}

export async function writeReturns(returns: readonly CharterReturn[], format: OutputFormat, options: WriteOptions = {}): Promise<string> {
  return writeWith(await loadWriter(format), returns, options);
}
