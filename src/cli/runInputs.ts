/** Reading one input through the core. A problem with the input becomes diagnostics; a bug is kept apart. */
import { resolve } from 'node:path';
import { failedImport, importReturn, type ImportResult } from '../pipeline.js';
import type { InputFile } from './inputs.js';
import type { CliIo } from './io.js';
import { isHeavy } from '../read/readers.js';
import type { WorkerPool } from './workerPool.js';
import { readFileCapped, readStdinCapped, requestFor, unreadable, type CoreOptions } from './inputBytes.js';
import { MemoryBudget, memoryFor } from './memoryBudget.js';

export { DEFAULT_MAX_SIZE, type CoreOptions } from './inputBytes.js';

export interface InputOutcome {
  input: InputFile;
  result: ImportResult;
  /** The core threw: a bug in charter, not a problem with the input. */
  internalError?: unknown;
}

/** The main thread's budget for text inputs in flight; each worker checks against its own heap. */
let processBudget: MemoryBudget | undefined;

/**
 * Given a pool (runs of several inputs), a file's whole job, read and import, runs in a worker
 * thread, so that every core works; standard input is read here, and its PDF parsed in the pool.
 * `memory` (tests) stands for the main thread's budget.
 */
export async function runInput(
  input: InputFile,
  options: CoreOptions & { memory?: MemoryBudget },
  io: CliIo,
  pool?: () => WorkerPool,
): Promise<InputOutcome> {
  const { memory = (processBudget ??= new MemoryBudget()), ...coreOptions } = options;
  if (pool !== undefined && input.path !== null) {
    try {
      return { input, result: await pool().runFile(resolve(io.cwd, input.path), input.path, coreOptions) };
    } catch (error) {
      return { input, internalError: error, result: failedImport(input.path, []) };
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = input.path === null ? await readStdinCapped(io, options.maxSize) : await readFileCapped(resolve(io.cwd, input.path), options.maxSize);
  } catch (error) {
    return { input, result: unreadable(input.path, error, coreOptions) };
  }
  const request = requestFor(input.path, coreOptions);
  const need = memoryFor(bytes, request, memory);
  if (typeof need !== 'number') return { input, result: need };
  await memory.take(need);
  try {
    const heavy = pool !== undefined && isHeavy(bytes, request.format);
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
