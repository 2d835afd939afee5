/**
 * Reading many inputs with bounded concurrency, yielding outcomes in input order. Only the window
 * of inputs in flight is held in memory, so a run over 10,000 files stays flat.
 */
import type { InputFile } from './inputs.js';
import type { CliIo } from './io.js';
import { runInput, type CoreOptions, type DeliveryFor, type InputOutcome } from './runInputs.js';
import { WorkerPool } from './workerPool.js';

export async function* processInputs(
  inputs: readonly InputFile[],
  options: CoreOptions,
  io: CliIo,
  concurrency: number,
  deliveryFor?: DeliveryFor,
): AsyncGenerator<InputOutcome> {
  const inFlight = new Map<number, Promise<InputOutcome>>();
  let started = 0;
  let pool: WorkerPool | undefined;
  // One input gains nothing from a worker thread; several keep every core busy.
  const poolFor = inputs.length > 1 && WorkerPool.available() ? () => (pool ??= new WorkerPool()) : undefined;
  const startMore = () => {
    while (started < inputs.length && inFlight.size < concurrency) {
      inFlight.set(started, runInput(inputs[started]!, options, io, poolFor, deliveryFor));
      started++;
    }
  };
  try {
    for (let next = 0; next < inputs.length; next++) {
      startMore();
      const outcome = await inFlight.get(next)!;
      inFlight.delete(next);
      yield outcome;
    }
  } finally {
    await pool?.close();
  }
}
