/**
 * What every writer is: returns to text in one output format, piece by piece (a head, one part
 * per return, a tail), so that many returns can be streamed without holding them.
 */
import type { CharterReturn } from '../model.js';

export interface WriteOptions {
  /** JSON only: write an array (several inputs were named) rather than one object. */
  asArray?: boolean;
  /** CSV only: no formula guard. */
  csvRaw?: boolean;
}

export interface ReturnWriter {
  head(): string;
  /** What goes before the `index`-th return written (0-based): a comma between JSON array items. */
  separator(index: number): string;
  /**
   * One return's text, the same wherever it falls, so that it can be made apart from the stream it
   * joins (in a worker thread) and the separator added where it is written.
   */
  item(charterReturn: CharterReturn): string;
  tail(count: number): string;
}

/** What a writer's module gives: a writer for the options of one output. */
export type WriterFactory = (options: WriteOptions) => ReturnWriter;
