/**
 * What becomes of an input's result, wherever it was imported (a worker thread or the main
 * thread): its returns turned into output text, or written to the input's own file (`--out-dir`),
 * so that a worker sends back text and the facts the run reports rather than the whole result with
 * its evidence, which the main thread would have to copy, hold and collect (issue 16).
 */
import type { ImportResult } from '../pipeline.js';
import type { FileReport } from '../report/fileReport.js';
import { loadWriter, writeWith, type OutputFormat, type WriteOptions, type WriterFactory } from '../write/writeReturns.js';
import { OutputError } from './outputSink.js';

/** What one input's result is wanted for: a plain object, so that it can be posted to a worker. */
export type Delivery =
  /** The whole result: `charter report` compares the returns with their places. */
  | { kind: 'result' }
  /** Diagnostics and validity only: `charter validate`. */
  | { kind: 'report' }
  /**
   * Each return's text, to be joined into one output by the main thread with the writer's
   * separators. Without `asArray` (one input), JSON is an array only where the input holds several returns.
   */
  | { kind: 'texts'; format: OutputFormat; write: WriteOptions }
  /** Written to the input's own file, under `temporary` first and renamed into place. */
  | { kind: 'file'; format: OutputFormat; write: WriteOptions; target: string; temporary: string };

export interface Delivered {
  /** What the run reports of the input. */
  report: FileReport;
  /** How many returns the input held. */
  returnCount: number;
  /** The whole result, where it was wanted or is at hand anyway (imported on the main thread). */
  result?: ImportResult;
  /** `texts`: each return's text, in document order, without separators. */
  texts?: string[];
  /** `file`: why the output could not be written (the message of an OutputError). */
  writeFailure?: string;
}

/** Writes `text` to `target` by way of `temporary`; throws an OutputError where it cannot. */
export type WriteOutputFile = (target: string, temporary: string, text: string) => void | Promise<void>;

const writers = new Map<OutputFormat, WriterFactory>();

async function writerFactory(format: OutputFormat): Promise<WriterFactory> {
  let factory = writers.get(format);
  if (factory === undefined) writers.set(format, (factory = await loadWriter(format)));
  return factory;
}

/** Whether a JSON output of this input is an array: as asked, else where it holds several returns. */
export function writesArray(write: WriteOptions, returnCount: number): boolean {
  return write.asArray ?? returnCount > 1;
}

export async function deliver(result: ImportResult, delivery: Delivery, writeFile: WriteOutputFile): Promise<Delivered> {
  const delivered: Delivered = {
    report: { path: result.path, valid: result.valid, diagnostics: result.diagnostics },
    returnCount: result.returns.length,
  };
  if (delivery.kind === 'result') delivered.result = result;
  if (delivery.kind === 'report' || delivery.kind === 'result') return delivered;
  const create = await writerFactory(delivery.format);
  const write = { ...delivery.write, asArray: writesArray(delivery.write, result.returns.length) };
  if (delivery.kind === 'texts') {
    const writer = create(write);
    delivered.texts = result.returns.map((charterReturn) => writer.item(charterReturn));
    return delivered;
  }
  if (result.returns.length === 0) return delivered;
  try {
    await writeFile(delivery.target, delivery.temporary, writeWith(create, result.returns, write));
  } catch (error) {
    // One output that cannot be written must not stop the others; anything else is a bug.
    if (!(error instanceof OutputError)) throw error;
    delivered.writeFailure = error.message;
  }
  return delivered;
}
