/**
 * The zip container of Word and Excel files, read with bounds: a hostile or damaged archive (a
 * zip bomb, a central directory that lies about its sizes, a truncated download) ends in a
 * problem to report, never in unbounded memory or an exception. The central directory is read
 * here; fflate inflates the entries, a chunk at a time, so that what comes out is counted as it
 * comes rather than trusted from the sizes the archive declares.
 */
import { Inflate } from 'fflate';

export interface ZipLimits {
  /** Entries in the archive's directory. */
  maxEntries: number;
  /** Bytes one entry may unpack to. */
  maxEntryBytes: number;
  /** Bytes all the entries read may unpack to together. */
  maxTotalBytes: number;
}

/** Far beyond any real return: a 500-page paper's document.xml is some tens of megabytes. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 128 * 1024 * 1024, maxTotalBytes: 384 * 1024 * 1024 };

export type ZipProblem = { kind: 'damaged'; detail: string } | { kind: 'too-large'; detail: string };

interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  localHeader: number;
}

export class ZipArchive {
  private unpacked = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: ReadonlyMap<string, ZipEntry>,
    private readonly limits: ZipLimits,
  ) {}

  static open(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive | ZipProblem {
    const directory = readDirectory(bytes, limits);
    if ('kind' in directory) return directory;
    return new ZipArchive(bytes, directory, limits);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes; null where there is no such entry. */
  read(name: string): Uint8Array | ZipProblem | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    if (entry.encrypted) return { kind: 'damaged', detail: `${name} is encrypted` };
    if (entry.size > this.limits.maxEntryBytes)
      return tooLarge(`${name} unpacks to ${megabytes(entry.size)}, more than the ${megabytes(this.limits.maxEntryBytes)} read from one part`);
    if (this.unpacked + entry.size > this.limits.maxTotalBytes)
      return tooLarge(`the parts read unpack to more than ${megabytes(this.limits.maxTotalBytes)}`);
    const data = localData(this.bytes, entry);
    if ('kind' in data) return data;
    const out =
      entry.method === 0
        ? stored(data, entry)
        : entry.method === 8
          ? inflate(data, entry, this.limits.maxEntryBytes)
          : damaged(`${name} uses compression method ${entry.method}, which Office does not write`);
    if (!('kind' in out)) this.unpacked += out.length;
    return out;
  }

  /** The entry as UTF-8 text (the XML parts of Office files). */
  readText(name: string): string | ZipProblem | null {
    const bytes = this.read(name);
    if (bytes === null || 'kind' in bytes) return bytes;
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return damaged(`${name} is not UTF-8 text`);
    }
  }
}

export function isZipProblem(value: unknown): value is ZipProblem {
  return typeof value === 'object' && value !== null && 'kind' in value && 'detail' in value;
}

function damaged(detail: string): ZipProblem {
  return { kind: 'damaged', detail };
}

function tooLarge(detail: string): ZipProblem {
  return { kind: 'too-large', detail };
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} bytes`;
}

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes, followed by a comment of up to 65,535. */
const END_SEARCH = 22 + 0xffff;

function readDirectory(bytes: Uint8Array, limits: ZipLimits): Map<string, ZipEntry> | ZipProblem {
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - END_SEARCH; at--) {
    if (u32(bytes, at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return damaged('the zip archive has no directory at its end (it was cut short, or is not a zip archive)');
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryStart = u32(bytes, end + 16);
  if (count === 0xffff || directoryStart === 0xffffffff)
    return damaged('the archive is a zip64 archive, which Office does not write for documents this size');
  if (count > limits.maxEntries) return tooLarge(`the archive holds ${count} entries, more than the ${limits.maxEntries} read`);
  if (directoryStart + directorySize > end) return damaged('the zip directory lies outside the archive (it was cut short)');
  const entries = new Map<string, ZipEntry>();
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== DIRECTORY_ENTRY) return damaged(`entry ${i + 1} of the zip directory is damaged`);
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > end) return damaged(`entry ${i + 1} of the zip directory runs past its end`);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name,
      encrypted: (u16(bytes, at + 8) & 1) === 1,
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeader: u32(bytes, at + 42),
    });
    at = next;
  }
  return entries;
}

function localData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | ZipProblem {
  const at = entry.localHeader;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_HEADER) return damaged(`the header of ${entry.name} is missing or damaged`);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + entry.compressedSize > bytes.length) return damaged(`${entry.name} runs past the end of the archive (it was cut short)`);
  return bytes.subarray(start, start + entry.compressedSize);
}

function stored(data: Uint8Array, entry: ZipEntry): Uint8Array | ZipProblem {
  if (data.length !== entry.size) return damaged(`${entry.name} is stored with ${data.length} bytes where the directory says ${entry.size}`);
  return data;
}

/** Compressed bytes fed to the inflater at a time: one chunk can unpack to a thousand times its size at most. */
const CHUNK = 16 * 1024;

function inflate(data: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | ZipProblem {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length && size <= maxBytes; at += CHUNK) {
      const end = Math.min(data.length, at + CHUNK);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch (error) {
    return damaged(`${entry.name} cannot be unpacked (${error instanceof Error ? error.message : String(error)})`);
  }
  if (size > maxBytes)
    return tooLarge(`${entry.name} unpacks to more than ${megabytes(maxBytes)}, although the archive says ${megabytes(entry.size)}`);
  if (size !== entry.size) return damaged(`${entry.name} unpacks to ${size} bytes where the directory says ${entry.size}`);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
