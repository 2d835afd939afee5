/** Worker-thread entry: runs the pure core on one input at a time, so PDFs parse on every core. */
import { parentPort } from 'node:worker_threads';
import { importReturn, type ImportOptions } from '../pipeline.js';

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  options: ImportOptions;
}

parentPort?.on('message', (request: WorkerRequest) => {
  importReturn(request.bytes, request.options).then(
    (result) => parentPort!.postMessage({ id: request.id, result }),
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        error: { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined },
      }),
  );
});
