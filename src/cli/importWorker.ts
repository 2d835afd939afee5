/**
 * Worker-thread entry: runs one input at a time, so that every core works. Given bytes (standard
 * input's PDF), it runs the pure core on them; given a file, its whole job: the file read
 * synchronously (nothing else waits on this thread), the core, and the result delivered as the
 * main thread asked (output text, or the input's own file written), so that only text and the
 * facts the run reports travel back. A text worker (small heap) hands back what it should not
 * read: see workerPool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { importReturn, type ImportResult } from '../pipeline.js';
import { isHeavy } from '../read/readers.js';
import { deliver } from './delivery.js';
import { readFileCappedSync, requestFor, unreadable, type WorkerReply, type WorkerRequest, type WorkerRole } from './inputBytes.js';
import { MemoryBudget, memoryFor } from './memoryBudget.js';
import { writeThroughTemporarySync, type MadeFolders } from './outputSink.js';

const role = (workerData as { role: WorkerRole } | undefined)?.role ?? 'any';
let budget: MemoryBudget | undefined;
/** Folders this worker has made for `--out-dir`: one `mkdir` each. */
const madeFolders: MadeFolders = new Set();

async function imported(request: WorkerRequest): Promise<ImportResult | 'heavy' | 'large'> {
  if ('bytes' in request) return importReturn(request.bytes, request.options);
  let bytes: Uint8Array;
  try {
    bytes = readFileCappedSync(request.file, request.options.maxSize);
  } catch (error) {
    return unreadable(request.path, error, request.options);
  }
  const options = requestFor(request.path, request.options);
  if (role === 'text' && isHeavy(bytes, options.format)) return 'heavy';
  // This thread's own heap bounds what it may read; it reads one input at a time.
  const need = memoryFor(bytes, options, (budget ??= new MemoryBudget()));
  if (typeof need === 'number') return importReturn(bytes, options);
  return role === 'text' ? 'large' : need;
}

async function run(request: WorkerRequest): Promise<WorkerReply> {
  const result = await imported(request);
  if (typeof result === 'string') return { id: request.id, handedBack: result };
  const delivered = await deliver(result, request.delivery, (target, temporary, text) =>
    writeThroughTemporarySync(target, temporary, text, madeFolders),
  );
  return { id: request.id, delivered };
}

parentPort?.on('message', (request: WorkerRequest) => {
  run(request).then(
    (reply) => parentPort!.postMessage(reply),
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
      } satisfies WorkerReply),
  );
});
