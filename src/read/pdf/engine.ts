/**
 * The PDF engine (pdf.js, the engine under pdf-parse, legacy build for Node) run in a worker
 * thread: a PDF that makes it loop or eat memory is stopped from outside by a time limit and a heap
 * limit, and a crash inside it cannot take the process down. The worker is started on the first
 * PDF and kept (unreferenced) for the next one. Pages come back one at a time, as text runs with
 * their boxes; the worker releases each page before reading the next, so memory stays flat.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TextRun } from '../layout/geometry.js';

export interface EngineLimits {
  /** Most pages read from one PDF. */
  maxPages: number;
  /** Longest time for one PDF, in milliseconds. */
  timeLimitMs: number;
  /** Heap of the engine, in megabytes. */
  heapMb: number;
}

export const DEFAULT_LIMITS: EngineLimits = { maxPages: 2000, timeLimitMs: 120_000, heapMb: 768 };

export interface ExtractedPage {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** Text not written left to right (rotated, vertical), kept apart from the layout. */
  otherText: string[];
}

export interface ExtractRequest {
  bytes: Uint8Array;
  password?: string | undefined;
  from: number;
  to: number;
  limits: EngineLimits;
  onPage: (page: ExtractedPage) => void;
}

export type ExtractFailure =
  | { kind: 'password'; wrongPassword: boolean }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'too-many-pages'; pageCount: number }
  | { kind: 'too-slow'; pagesRead: number }
  | { kind: 'out-of-memory'; pagesRead: number };

export type ExtractResult = { ok: true; pageCount: number } | { ok: false; failure: ExtractFailure };

type WorkerMessage =
  | { id: number; kind: 'open'; pageCount: number }
  | ({ id: number; kind: 'page' } & ExtractedPage)
  | { id: number; kind: 'done' }
  | { id: number; kind: 'error'; name: string; code: number | null; message: string };

// Plain JavaScript run by the worker (`eval`), so that it works the same from the TypeScript
// sources under test and from the compiled dist/.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// The engine may print warnings; nothing of it may reach the user's terminal.
for (const method of ['log', 'info', 'warn', 'error', 'debug']) console[method] = () => undefined;
let engine;
parentPort.on('message', async (job) => {
  let doc;
  try {
    engine ??= await import(workerData.engineUrl);
    engine.GlobalWorkerOptions.workerSrc ||= workerData.workerUrl;
    doc = await engine.getDocument({
      data: job.bytes,
      password: job.password,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
    parentPort.postMessage({ id: job.id, kind: 'open', pageCount: doc.numPages });
    const last = Math.min(doc.numPages, job.to);
    if (last - job.from + 1 > job.maxPages) return;
    for (let number = job.from; number <= last; number++) {
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs = [];
      const otherText = [];
      for (const item of content.items) {
        if (typeof item.str !== 'string' || item.str.trim() === '') continue;
        const m = engine.Util.transform(viewport.transform, item.transform);
        const size = Math.hypot(m[2], m[3]);
        if (!(size > 0) || Math.abs(m[1]) > 0.01 * size || Math.abs(m[2]) > 0.01 * size || m[0] <= 0) {
          otherText.push(item.str);
          continue;
        }
        const monospaced = content.styles[item.fontName]?.fontFamily === 'monospace';
        runs.push({ text: item.str, x: m[4], y: m[5] - 0.8 * size, width: item.width, height: size, monospaced });
      }
      parentPort.postMessage({ id: job.id, kind: 'page', page: number, width: viewport.width, height: viewport.height, runs, otherText });
      page.cleanup();
    }
    parentPort.postMessage({ id: job.id, kind: 'done' });
  } catch (error) {
    parentPort.postMessage({ id: job.id, kind: 'error', name: String(error && error.name), code: error && typeof error.code === 'number' ? error.code : null, message: String(error && error.message) });
  } finally {
    if (doc) await doc.destroy().catch(() => {});
  }
});
`;

let shared: Worker | null = null;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function startWorker(heapMb: number): Worker {
  const require = createRequire(import.meta.url);
  const engineUrl = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const workerUrl = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { engineUrl, workerUrl },
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
  });
  // Piping the worker's stdout or stderr back would hold the process open after the last PDF
  // (their message port stays referenced); the worker silences its console instead.
  worker.unref();
  return worker;
}

/** Read the text runs of pages `from`..`to` of a PDF, one page at a time. Never throws. */
export function extractPages(request: ExtractRequest): Promise<ExtractResult> {
  const run = queue.then(() => runJob(request));
  queue = run.catch(() => undefined);
  return run;
}

function runJob(request: ExtractRequest): Promise<ExtractResult> {
  return new Promise<ExtractResult>((resolve) => {
    let worker: Worker;
    try {
      worker = shared ??= startWorker(request.limits.heapMb);
    } catch (error) {
      resolve({ ok: false, failure: { kind: 'unreadable', detail: `the PDF engine could not start (${String(error)})` } });
      return;
    }
    const id = nextId++;
    let pagesRead = 0;
    let pageCount = 0;
    let settled = false;
    const finish = (result: ExtractResult, discardWorker: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (discardWorker) {
        if (shared === worker) shared = null;
        void worker.terminate();
      } else {
        worker.unref();
      }
      resolve(result);
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.id !== id) return;
      switch (message.kind) {
        case 'open':
          pageCount = message.pageCount;
          if (Math.min(pageCount, request.to) - request.from + 1 > request.limits.maxPages) {
            finish({ ok: false, failure: { kind: 'too-many-pages', pageCount } }, false);
          }
          return;
        case 'page':
          pagesRead++;
          try {
            request.onPage({ page: message.page, width: message.width, height: message.height, runs: message.runs, otherText: message.otherText });
          } catch (error) {
            finish({ ok: false, failure: { kind: 'unreadable', detail: String(error) } }, false);
          }
          return;
        case 'done':
          finish({ ok: true, pageCount }, false);
          return;
        case 'error':
          if (message.name === 'PasswordException') {
            finish({ ok: false, failure: { kind: 'password', wrongPassword: message.code === 2 } }, false);
          } else {
            finish({ ok: false, failure: { kind: 'unreadable', detail: message.message } }, false);
          }
          return;
      }
    };
    const onError = (error: Error) => {
      const memory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({ ok: false, failure: memory ? { kind: 'out-of-memory', pagesRead } : { kind: 'unreadable', detail: error.message } }, true);
    };
    const onExit = () => finish({ ok: false, failure: { kind: 'unreadable', detail: 'the PDF engine stopped' } }, true);
    const timer = setTimeout(() => finish({ ok: false, failure: { kind: 'too-slow', pagesRead } }, true), request.limits.timeLimitMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.ref();
    worker.postMessage({ id, bytes: request.bytes, password: request.password, from: request.from, to: request.to, maxPages: request.limits.maxPages });
  });
}
