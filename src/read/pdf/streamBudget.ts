/**
 * A PDF's streams measured before the engine decodes them: a stream compressed twice over (or
 * once, at the ratio deflate allows) can hold gigabytes in a few kilobytes, and the engine would
 * decode it whole into memory, beyond the reach of its heap limit. Each stream's decoded size is
 * found here by decoding it with native zlib, its output capped (deflate is the filter such bombs
 * use; other expanding filters are bounded by their ratio); anything over the budget is refused
 * before the engine starts. A few milliseconds for a council paper.
 */
import { createInflate, inflateSync } from 'node:zlib';

export interface StreamBudget {
  /** Most bytes one stream may decode to. */
  perStreamBytes: number;
  /** Most bytes all the streams of one PDF may decode to. */
  totalBytes: number;
}

export type BudgetVerdict = { ok: true } | { ok: false; decodedAtLeast: number; perStream: boolean };

/** A stream that cannot decode to more than this is decoded whole (quicker than counting it). */
const SMALL = 16 * 2 ** 20;
/** Deflate expands at most about 1032 to 1. */
const DEFLATE_RATIO = 1032;
/** Run-length and LZW decoding expand at most this much (LZW's true bound is about this order). */
const OTHER_RATIO = 1032;

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');

/** The filters of the stream whose dictionary ends just before `at`. */
function filtersBefore(text: Buffer, at: number): string[] {
  // The dictionary is in the few hundred bytes before "stream"; the last "<<" that opens it.
  const from = Math.max(0, at - 2048);
  const head = text.subarray(from, at).toString('latin1');
  const open = head.lastIndexOf('<<');
  const dictionary = open >= 0 ? head.slice(open) : head;
  const match = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dictionary);
  if (!match) return [];
  return match[1]!.match(/\/[A-Za-z0-9]+/g)?.map((name) => name.slice(1)) ?? [];
}

/** Decode with deflate, capped: the bytes it gives, or the cap reached. */
function inflateCapped(data: Buffer, cap: number): { bytes: Buffer | null; over: boolean } {
  try {
    return {
      bytes: inflateSync(data, { maxOutputLength: cap + 1, finishFlush: 2 /* Z_SYNC_FLUSH: a stream cut short gives what it holds */ }),
      over: false,
    };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { bytes: null, over: true };
    return { bytes: null, over: false };
  }
}

/**
 * How many bytes deflate data decodes to, counted as it is decoded and never held (a bomb's
 * gigabytes must not be made to be measured), at most `cap` + 1; null where the data is damaged.
 */
function inflatedLength(data: Buffer, cap: number): Promise<number | null> {
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: 2 /* Z_SYNC_FLUSH: a stream cut short gives what it holds */, chunkSize: 1 << 20 });
    let length = 0;
    let done = false;
    const finish = (value: number | null) => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(value);
    };
    inflate.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > cap) finish(cap + 1);
    });
    inflate.on('end', () => finish(length));
    inflate.on('error', () => finish(length > 0 ? length : null));
    inflate.end(data);
  });
}

/** The decoded size of one stream (or a bound on it), at most `cap` + 1. */
async function decodedSize(data: Buffer, filters: readonly string[], cap: number): Promise<number> {
  let bytes: Buffer | null = data;
  let bound = data.length;
  for (const [index, filter] of filters.entries()) {
    const name = filter.replace(/^Fl$/, 'FlateDecode').replace(/^LZW$/, 'LZWDecode').replace(/^RL$/, 'RunLengthDecode');
    if (name === 'FlateDecode' && bytes !== null && index === filters.length - 1 && bytes.length * DEFLATE_RATIO > SMALL) {
      // The last filter of a stream that could decode to much: only its length is needed.
      const length = await inflatedLength(bytes, cap);
      return length ?? bound; // damaged: the engine reports what it cannot read
    }
    if (name === 'FlateDecode' && bytes !== null) {
      const inflated = inflateCapped(bytes, cap);
      if (inflated.over) return cap + 1;
      if (inflated.bytes === null) return bound; // damaged: the engine reports what it cannot read
      bytes = inflated.bytes;
      bound = bytes.length;
    } else if (name === 'FlateDecode' || name === 'LZWDecode' || name === 'RunLengthDecode') {
      bound *= name === 'FlateDecode' ? DEFLATE_RATIO : OTHER_RATIO;
      bytes = null;
    } else {
      // ASCII85, ASCIIHex and image filters do not expand much beyond the data they are given.
      bound *= 4;
      bytes = null;
    }
    if (bound > cap) return cap + 1;
  }
  return bound;
}

/** Whether every stream of the PDF decodes within the budget. */
export async function checkStreamBudget(bytes: Uint8Array, budget: StreamBudget): Promise<BudgetVerdict> {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = 0;
  for (;;) {
    const start = text.indexOf(STREAM, at);
    if (start < 0) break;
    at = start + STREAM.length;
    // "endstream" contains "stream": skip it, and keywords that are not the start of a stream.
    if (start >= 3 && text.subarray(start - 3, start).toString('latin1') === 'end') continue;
    let dataStart = at;
    if (text[dataStart] === 0x0d) dataStart++;
    if (text[dataStart] !== 0x0a) continue;
    dataStart++;
    const end = text.indexOf(END_STREAM, dataStart);
    const dataEnd = end < 0 ? text.length : end;
    const filters = filtersBefore(text, start);
    const size = filters.length === 0 ? dataEnd - dataStart : await decodedSize(text.subarray(dataStart, dataEnd), filters, budget.perStreamBytes);
    if (size > budget.perStreamBytes) return { ok: false, decodedAtLeast: size, perStream: true };
    total += size;
    if (total > budget.totalBytes) return { ok: false, decodedAtLeast: total, perStream: false };
    at = dataEnd;
  }
  return { ok: true };
}
