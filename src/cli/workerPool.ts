/**
 * A small pool of worker threads for the inputs that cost most to read (PDFs): the main thread
 * keeps reading files and writing output while the workers parse. Started only when a PDF comes.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportOptions, ImportResult } from '../pipeline.js';

interface Pending {
  resolve: (result: ImportResult) => void;
  reject: (error: Error) => void;
}

interface PooledWorker {
  worker: Worker;
  busy: number;
}

const WORKER_SCRIPT = new URL('./importWorker.js', import.meta.url);

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
    const worker = new Worker(WORKER_SCRIPT);
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

  run(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
    const owner = this.pick();
    const id = this.nextId++;
    owner.busy++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, owner });
      owner.worker.postMessage({ id, bytes, options });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
    this.workers.length = 0;
  }
}
