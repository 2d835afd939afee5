/**
 * Reading one input's bytes for the core, wherever it runs (the main thread or a worker): size
 * checked before reading, and a file that cannot be read turned into its result.
 */
import { readFileSync, statSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { failedImport, type ImportOptions, type ImportResult } from '../pipeline.js';
import type { Delivered, Delivery } from './delivery.js';
import type { CliIo } from './io.js';

export type CoreOptions = Omit<ImportOptions, 'path'> & {
  /** Inputs larger than this many bytes are refused before they are read. */
  maxSize: number;
};

export const DEFAULT_MAX_SIZE = 200 * 1024 * 1024;

class InputTooLarge extends Error {}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} bytes`;
}

/**
 * A file read synchronously, size checked first: in a worker thread, where nothing else waits
 * on the thread, this is cheaper than the event loop's round trips of an asynchronous read.
 */
export function readFileCappedSync(path: string, maxSize: number): Uint8Array {
  const info = statSync(path);
  if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  if (info.size > maxSize) throw new InputTooLarge(describeSize(info.size));
  return readFileSync(path);
}

export async function readStdinCapped(io: CliIo, maxSize: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > maxSize) throw new InputTooLarge(`more than ${describeSize(maxSize)}`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export async function readFileCapped(path: string, maxSize: number): Promise<Uint8Array> {
  const info = await stat(path);
  if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  if (info.size > maxSize) throw new InputTooLarge(describeSize(info.size));
  const handle = await open(path, 'r');
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

const READ_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOENT: 'no such file',
  EIO: 'an input/output error',
};

/** Why an input could not be read (too large, missing, not allowed), as its result. */
export function unreadable(path: string | null, error: unknown, options: CoreOptions): ImportResult {
  if (error instanceof InputTooLarge) {
    return failedImport(path, [diagnostic('input-too-large', { size: error.message, limit: describeSize(options.maxSize) })], options.ruleLevels);
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const reason = READ_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
  return failedImport(path, [diagnostic('input-unreadable', { reason })], options.ruleLevels);
}

/** The core's options for one input: what the CLI asked, and the input's path as the user gave it. */
export function requestFor(path: string | null, options: CoreOptions): ImportOptions {
  const { maxSize: _maxSize, ...core } = options;
  return { ...core, path };
}

/** What a worker thread is asked: the core on bytes (standard input's PDF), or a file's whole job; and what to make of the result. */
export type WorkerRequest = (
  { id: number; bytes: Uint8Array; options: ImportOptions } | { id: number; file: string; path: string; options: CoreOptions }
) & {
  delivery: Delivery;
};

/** A worker for text inputs only, with a small heap, or one for any input, without a heap limit. */
export type WorkerRole = 'text' | 'any';

/**
 * A worker's answer: the input delivered; or handed back by a text worker, as `heavy` (a PDF,
 * Word or Excel file, for a worker of any input) or `large` (too large for its heap, for the main
 * thread); or the error the core threw.
 */
export type WorkerReply =
  | { id: number; delivered: Delivered }
  | { id: number; handedBack: 'heavy' | 'large' }
  | { id: number; error: { message: string; stack?: string | undefined } };
