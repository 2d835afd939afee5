/**
 * A pool of worker threads, one a core, for runs of several inputs: each file's whole job (read
 * and import) runs in a worker while the main thread writes output in input order. Started when
 * the first input comes; each worker is started when first needed.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportOptions, ImportResult } from '../pipeline.js';
import type { CoreOptions, WorkerRequest } from './inputBytes.js';

interface Pending {
  resolve: (result: ImportResult) => void;
  reject: (error: Error) => void;
}

interface PooledWorker {
  worker: Worker;
  busy: number;
}

const WORKER_SCRIPT = new URL('./importWorker.js', import.meta.url);

/**
 * Each worker is a heap of its own: with Node's default young generation, 2,500 returns over two
 * workers peaked at 217 MB; with 8 MB, 171 MB (and 10,000 must stay under 200 MB), for a little
 * more collecting. The old generation is left unlimited: a large PDF needs what it needs.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };

export class WorkerPool {
  /** False when running from TypeScript sources (tests), where there is no compiled worker to start. */
  static available(): boolean {
    return existsSync(fileURLToPath(WORKER_SCRIPT));
  }

  private readonly workers: PooledWorker[] = [];
  private readonly pending = new Map<number, Pending & { owner: PooledWorker }>();
  private nextId = 0;

  constructor(private readonly size = Math.max(1, availableParallelism())) {}

  private pick(): PooledWorker {
    const idle = this.workers.find((entry) => entry.busy === 0);
    if (idle || this.workers.length >= this.size) return idle ?? this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const worker = new Worker(WORKER_SCRIPT, { resourceLimits: WORKER_LIMITS });
    const entry: PooledWorker = { worker, busy: 0 };
    worker.on('message', (message: { id: number; result?: ImportResult; error?: { message: string; stack?: string } }) => {
      const job = this.pending.get(message.id);
      if (!job) return;
      this.pending.delete(message.id);
      job.owner.busy--;
      if (message.error) job.reject(Object.assign(new Error(message.error.message), { stack: message.error.stack }));
      else job.resolve(message.result!);
    });
    worker.on('error', (error) => this.failAll(entry, error));
    worker.on('exit', (code) => {
      if (code !== 0) this.failAll(entry, new Error(`a worker thread stopped with code ${code}`));
    });
    this.workers.push(entry);
    return entry;
  }

  private failAll(owner: PooledWorker, error: Error): void {
    for (const [id, job] of this.pending) {
      if (job.owner !== owner) continue;
      this.pending.delete(id);
      job.reject(error);
    }
    const index = this.workers.indexOf(owner);
    if (index >= 0) this.workers.splice(index, 1);
  }

  /** The core on bytes already read. */
  run(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
    return this.send((id) => ({ id, bytes, options }));
  }

  /** A file's whole job: `file` is where to read it, `path` how the user named it. */
  runFile(file: string, path: string, options: CoreOptions): Promise<ImportResult> {
    return this.send((id) => ({ id, file, path, options }));
  }

  private send(request: (id: number) => WorkerRequest): Promise<ImportResult> {
    const owner = this.pick();
    const id = this.nextId++;
    owner.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, owner });
      owner.worker.postMessage(request(id));
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
    this.workers.length = 0;
  }
}
