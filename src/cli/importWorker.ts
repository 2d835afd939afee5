/**
 * Worker-thread entry: runs one input at a time, so that every core works. Given bytes (standard
 * input's PDF), it runs the pure core on them; given a file, its whole job: the file read
 * synchronously (nothing else waits on this thread), then the core.
 */
import { parentPort } from 'node:worker_threads';
import { importReturn, type ImportResult } from '../pipeline.js';
import { readFileCappedSync, requestFor, unreadable, type WorkerRequest } from './inputBytes.js';
import { MemoryBudget, memoryFor } from './memoryBudget.js';

async function run(request: WorkerRequest): Promise<ImportResult> {
  if ('bytes' in request) return importReturn(request.bytes, request.options);
  let bytes: Uint8Array;
  try {
    bytes = readFileCappedSync(request.file, request.options.maxSize);
  } catch (error) {
    return unreadable(request.path, error, request.options);
  }
  const options = requestFor(request.path, request.options);
  // This thread's own heap bounds what it may read; it reads one input at a time.
  const need = memoryFor(bytes, options, (budget ??= new MemoryBudget()));
  return typeof need === 'number' ? importReturn(bytes, options) : need;
}

let budget: MemoryBudget | undefined;

parentPort?.on('message', (request: WorkerRequest) => {
  run(request).then(
    (result) => parentPort!.postMessage({ id: request.id, result }),
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
      }),
  );
});
