/**
 * A pool of worker threads, one a core, for runs of several inputs: each file's whole job (read,
 * import, and its output made or written) runs in a worker while the main thread writes output in
 * input order. Started when the first input comes; each worker is started when first needed.
 *
 * Text inputs go to workers with a small heap, so that a run's memory is bounded by the window
 * of inputs in flight rather than by garbage each worker collects when it pleases: with no
 * limit, V8 let each worker's heap fill to about 42 MB of mostly garbage before collecting
 * (7 MB live) over a bulk run. A text worker hands back what it should not read itself: a PDF,
 * Word or Excel file goes on to a worker without a heap limit (a large PDF needs what it needs),
 * and a text input too large for its heap to the main thread, which has V8's whole heap.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportOptions } from '../pipeline.js';
import type { Delivered, Delivery } from './delivery.js';
import type { CoreOptions, WorkerReply, WorkerRequest, WorkerRole } from './inputBytes.js';

/** A reply that is not an error: the input delivered, or handed back. */
type Answer = Exclude<WorkerReply, { error: unknown }>;

interface Pending {
  resolve: (reply: Answer) => void;
  reject: (error: Error) => void;
  owner: PooledWorker;
}

interface PooledWorker {
  worker: Worker;
  busy: number;
}

const WORKER_SCRIPT = new URL('./importWorker.js', import.meta.url);

/**
 * Each worker is a heap of its own. With Node's default young generation, 2,500 returns over two
 * workers peaked at 217 MB; with 8 MB, 171 MB, for a little more collecting. A text worker's old
 * generation is capped too: its inputs are checked against that heap before they are parsed.
 */
const LIMITS: Record<WorkerRole, ConstructorParameters<typeof Worker>[1]> = {
  text: { resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 40 }, workerData: { role: 'text' } },
  any: { resourceLimits: { maxYoungGenerationSizeMb: 8 }, workerData: { role: 'any' } },
};

/** Workers of one role, as many as there are cores at most, each given the least busy. */
class WorkerGroup {
  private readonly workers: PooledWorker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(
    private readonly role: WorkerRole,
    private readonly size: number,
  ) {}

  private pick(): PooledWorker {
    const idle = this.workers.find((entry) => entry.busy === 0);
    if (idle || this.workers.length >= this.size) return idle ?? this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const worker = new Worker(WORKER_SCRIPT, LIMITS[this.role]);
    const entry: PooledWorker = { worker, busy: 0 };
    worker.on('message', (message: WorkerReply) => {
      const job = this.pending.get(message.id);
      if (!job) return;
      this.pending.delete(message.id);
      job.owner.busy--;
      if ('error' in message) job.reject(Object.assign(new Error(message.error.message), { stack: message.error.stack }));
      else job.resolve(message);
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

  send(request: (id: number) => WorkerRequest): Promise<Answer> {
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

export class WorkerPool {
  /** False when running from TypeScript sources (tests), where there is no compiled worker to start. */
  static available(): boolean {
    return existsSync(fileURLToPath(WORKER_SCRIPT));
  }

  private readonly text: WorkerGroup;
  private readonly any: WorkerGroup;

  constructor(size = Math.max(1, availableParallelism())) {
    this.text = new WorkerGroup('text', size);
    this.any = new WorkerGroup('any', size);
  }

  /** The core on bytes already read (standard input's PDF). */
  async run(bytes: Uint8Array, options: ImportOptions, delivery: Delivery): Promise<Delivered> {
    const reply = await this.any.send((id) => ({ id, bytes, options, delivery }));
    if ('delivered' in reply) return reply.delivered;
    throw new Error('a worker without a heap limit handed an input back');
  }

  /**
   * A file's whole job: `file` is where to read it, `path` how the user named it. Null where the
   * file is a text input too large for a worker's heap: the caller reads it on the main thread.
   */
  async runFile(file: string, path: string, options: CoreOptions, delivery: Delivery): Promise<Delivered | null> {
    let reply: Answer;
    try {
      reply = await this.text.send((id) => ({ id, file, path, options, delivery }));
    } catch (error) {
      // The estimate of a text input's memory was short of its need: the main thread has room.
      if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') return null;
      throw error;
    }
    if ('delivered' in reply) return reply.delivered;
    if (reply.handedBack === 'large') return null;
    const heavy = await this.any.send((id) => ({ id, file, path, options, delivery }));
    if ('delivered' in heavy) return heavy.delivered;
    throw new Error('a worker without a heap limit handed an input back');
  }

  async close(): Promise<void> {
    await Promise.all([this.text.close(), this.any.close()]);
  }
}
