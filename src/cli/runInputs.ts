/** Reading one input through the core. A problem with the input becomes diagnostics; a bug is kept apart. */
import { resolve } from 'node:path';
import { importReturn, type ImportResult } from '../pipeline.js';
import { deliver, type Delivered, type Delivery } from './delivery.js';
import type { InputFile } from './inputs.js';
import type { CliIo } from './io.js';
import { isHeavy } from '../read/readers.js';
import type { WorkerPool } from './workerPool.js';
import { readFileCapped, readStdinCapped, requestFor, unreadable, type CoreOptions } from './inputBytes.js';
import { MemoryBudget, memoryFor } from './memoryBudget.js';
import { writeThroughTemporary, type MadeFolders } from './outputSink.js';

export { DEFAULT_MAX_SIZE, type CoreOptions } from './inputBytes.js';

export interface InputOutcome extends Delivered {
  input: InputFile;
  /** The core threw: a bug in charter, not a problem with the input. */
  internalError?: unknown;
}

/** What an input is wanted for, as the command asks: `--out-dir` names each input's own file. */
export type DeliveryFor = (input: InputFile) => Delivery;

const REPORT_ONLY: DeliveryFor = () => ({ kind: 'report' });

/** Folders made on the main thread for `--out-dir`: one `mkdir` each. */
const madeFolders: MadeFolders = new Set();

function failed(input: InputFile, error: unknown): InputOutcome {
  return { input, internalError: error, report: { path: input.path, valid: false, diagnostics: [] }, returnCount: 0 };
}

/** A result imported on this thread, delivered here: the result itself is at hand, so it is kept on the outcome. */
async function deliveredHere(input: InputFile, result: ImportResult, delivery: Delivery): Promise<InputOutcome> {
  const delivered = await deliver(result, delivery, (target, temporary, text) => writeThroughTemporary(target, temporary, text, madeFolders));
  return { input, ...delivered, result };
}

/** The main thread's budget for text inputs in flight; each worker checks against its own heap. */
let processBudget: MemoryBudget | undefined;

/**
 * Given a pool (runs of several inputs), a file's whole job, read and import, runs in a worker
 * thread, so that every core works; standard input is read here, and its PDF parsed in the pool.
 * `memory` (tests) stands for the main thread's budget. What comes back is what `deliveryFor`
 * asked: the output text or file made where the input was imported.
 */
export async function runInput(
  input: InputFile,
  options: CoreOptions & { memory?: MemoryBudget },
  io: CliIo,
  pool?: () => WorkerPool,
  deliveryFor: DeliveryFor = REPORT_ONLY,
): Promise<InputOutcome> {
  const { memory = (processBudget ??= new MemoryBudget()), ...coreOptions } = options;
  const delivery = deliveryFor(input);
  if (pool !== undefined && input.path !== null) {
    try {
      const delivered = await pool().runFile(resolve(io.cwd, input.path), input.path, coreOptions, delivery);
      // Null: too large for a worker's heap, so read here, within this thread's budget.
      if (delivered !== null) return { input, ...delivered };
    } catch (error) {
      return failed(input, error);
    }
  }
  let bytes: Uint8Array;
  try {
    bytes = input.path === null ? await readStdinCapped(io, options.maxSize) : await readFileCapped(resolve(io.cwd, input.path), options.maxSize);
  } catch (error) {
    return deliveredHere(input, unreadable(input.path, error, coreOptions), delivery);
  }
  const request = requestFor(input.path, coreOptions);
  const need = memoryFor(bytes, request, memory);
  if (typeof need !== 'number') return deliveredHere(input, need, delivery);
  await memory.take(need);
  try {
    if (pool !== undefined && isHeavy(bytes, request.format)) return { input, ...(await pool().run(bytes, request, delivery)) };
    return await deliveredHere(input, await importReturn(bytes, request), delivery);
  } catch (error) {
    return failed(input, error);
  } finally {
    memory.release(need);
  }
}
