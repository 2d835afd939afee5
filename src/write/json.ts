/** JSON output: one object for one return, an array for several; NDJSON: one object a line. */
import type { ReturnWriter, WriteOptions } from './writer.js';

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

export function jsonWriter(options: WriteOptions): ReturnWriter {
  if (options.asArray) {
    return {
      head: () => '[',
      separator: (index) => (index === 0 ? '\n' : ',\n'),
      item: (charterReturn) => indent(JSON.stringify(charterReturn, null, 2)),
      tail: (count) => (count === 0 ? ']\n' : '\n]\n'),
    };
  }
  return { head: () => '', separator: () => '', item: (charterReturn) => `${JSON.stringify(charterReturn, null, 2)}\n`, tail: () => '' };
}

export function ndjsonWriter(): ReturnWriter {
  return { head: () => '', separator: () => '', item: (charterReturn) => `${JSON.stringify(charterReturn)}\n`, tail: () => '' };
}
