/** Reading one input through the core. A problem with the input becomes diagnostics; a bug is kept apart. */
import { open, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { failedImport, importReturn, type ImportOptions, type ImportResult } from '../pipeline.js';
import type { Diagnostic } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { InputFile } from './inputs.js';
import type { CliIo } from './io.js';
import { isHeavy } from '../read/readers.js';
import type { WorkerPool } from './workerPool.js';
import { memoryNeeded, MemoryBudget, textShape } from './memoryBudget.js';
import { countText } from '../text/plural.js';

export interface InputOutcome {
  input: InputFile;
  result: ImportResult;
  /** The core threw: a bug in charter, not a problem with the input. */
  internalError?: unknown;
}

export type CoreOptions = Omit<ImportOptions, 'path'> & {
  /** Inputs larger than this many bytes are refused before they are read. */
  maxSize: number;
  /** The memory text inputs in flight may take together (by default, from V8's heap limit). */
  memory?: MemoryBudget;
};

let processBudget: MemoryBudget | undefined;

export const DEFAULT_MAX_SIZE = 200 * 1024 * 1024;

class InputTooLarge extends Error {}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} bytes`;
}

function failed(input: InputFile, diagnostic: Diagnostic, options: CoreOptions): InputOutcome {
  return { input, result: failedImport(input.path, [diagnostic], options.ruleLevels, options.diagnosticLimits) };
}

async function readStdinCapped(io: CliIo, maxSize: number): Promise<Uint8Array> {
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

async function readFileCapped(path: string, maxSize: number): Promise<Uint8Array> {
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

/** Parse PDFs in worker threads when a pool is given (runs of several inputs). */
export async function runInput(input: InputFile, options: CoreOptions, io: CliIo, pool?: () => WorkerPool): Promise<InputOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = input.path === null ? await readStdinCapped(io, options.maxSize) : await readFileCapped(resolve(io.cwd, input.path), options.maxSize);
  } catch (error) {
    if (error instanceof InputTooLarge) {
      return failed(input, diagnostic('input-too-large', { size: error.message, limit: describeSize(options.maxSize) }), options);
    }
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
    const reason = READ_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
    return failed(input, diagnostic('input-unreadable', { reason }), options);
  }
  const { maxSize: _maxSize, memory = (processBudget ??= new MemoryBudget()), ...core } = options;
  // A PDF's memory is bounded by its stream budgets, in a worker where there are several inputs.
  const pdf = isHeavy(bytes, core.format);
  const shape = pdf ? null : textShape(bytes);
  const need = shape === null ? 0 : memoryNeeded(bytes.length, shape);
  if (shape !== null && !memory.fits(need)) {
    const args = { need: describeSize(need), lines: countText(shape.lines), cells: countText(shape.separators), budget: describeSize(memory.total) };
    return failed(input, diagnostic('input-too-large-to-read', args), options);
  }
  await memory.take(need);
  try {
    const request = { ...core, path: input.path };
    const heavy = pool !== undefined && pdf;
    return { input, result: heavy ? await pool().run(bytes, request) : await importReturn(bytes, request) };
  } catch (error) {
    return {
      input,
      internalError: error,
      result: failedImport(input.path, []),
    };
  } finally {
    memory.release(need);
  }
}
