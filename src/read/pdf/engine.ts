/**
 * The PDF engine (pdf.js, the engine under pdf-parse, legacy build for Node) run in a worker
 * thread: a PDF that makes it loop or eat memory is stopped from outside by a time limit and a heap
 * limit, and a crash inside it cannot take the process down. The worker is started on the first
 * PDF (or earlier, by prepareEngine, where a PDF is on its way) and kept (unreferenced) for the next
 * one. Pages come back one at a time, as text runs with their boxes; while the reader looks at one
 * page the worker reads the next one's text (so neither thread waits on the other), and it holds
 * at most those two pages, so memory stays flat.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PageRules, TextRun } from '../layout/geometry.js';

export interface EngineLimits {
  /** Most pages read from one PDF. */
  maxPages: number;
  /** Longest time for one PDF, in milliseconds. */
  timeLimitMs: number;
  /** Heap of the engine, in megabytes. */
  heapMb: number;
  /** Most megabytes one stream of the PDF may decode to, and all of them together. */
  streamMb: number;
  totalStreamMb: number;
}

export const DEFAULT_LIMITS: EngineLimits = { maxPages: 2000, timeLimitMs: 120_000, heapMb: 768, streamMb: 256, totalStreamMb: 1024 };

export interface ExtractedPage {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  /** Text not written left to right (rotated, vertical), kept apart from the layout. */
  otherText: string[];
  /** What the engine said it could not read on the page (a damaged stream), if anything. */
  damage?: string[];
}

/** What the reader says of a page once it has laid it out: whether to read its ruling lines too. */
export interface PageAnswer {
  rules: boolean;
}

export interface ExtractRequest {
  bytes: Uint8Array;
  password?: string | undefined;
  from: number;
  to: number;
  limits: EngineLimits;
  /**
   * Called with each page's text. Returning `{ rules: true }` asks for the page's ruling lines
   * (drawn table borders), which cost about as much again to read: only the return's pages need them.
   */
  onPage: (page: ExtractedPage) => PageAnswer | void;
  onRules?: (page: number, rules: PageRules) => void;
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
  | { id: number; kind: 'rules'; page: number; rules: PageRules }
  | { id: number; kind: 'done' }
  | { id: number; kind: 'error'; name: string; code: number | null; message: string };

// Plain JavaScript run by the worker (`eval`), so that it works the same from the TypeScript
// sources under test and from the compiled dist/.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// The engine may print warnings; nothing of it may reach the user's terminal. Those that say a
// page's content could not be read whole are kept for the page being read.
let pageWarnings = [];
const DAMAGE = /ignoring errors during|FormatError|Bad FCHECK|Unknown block type|Invalid (?:block|stored block)|Unexpected end/i;
for (const method of ['log', 'info', 'error', 'debug']) console[method] = () => undefined;
console.warn = (message) => {
  const text = String(message).replace(/^Warning:\s*/, '').trim();
  if (DAMAGE.test(text) && pageWarnings.length < 5) pageWarnings.push(text.length > 160 ? text.slice(0, 159) + '…' : text);
};
let engine;
// The reader's answer to each page it was sent, by job and page.
const answers = new Map();
const loadEngine = async () => {
  engine ??= await import(workerData.engineUrl);
  engine.GlobalWorkerOptions.workerSrc ||= workerData.workerUrl;
  return engine;
};
// At most this many ruling lines are kept from one page: a drawing of millions of strokes is no table.
const MAX_RULES = 20000;

// Ruling lines of a page from its drawing operators: axis-aligned strokes, thin filled
// rectangles, and the edges of filled boxes (cell shading), in the page's top-left coordinates.
function rulesOf(ops, viewportTransform) {
  const O = engine.OPS;
  const { transform } = engine.Util;
  const applyTransform = (p, m) => [p[0] * m[0] + p[1] * m[2] + m[4], p[0] * m[1] + p[1] * m[3] + m[5]];
  const horizontal = [];
  const vertical = [];
  // Axis-aligned clipping rectangles: a producer that hides a box's overflow (a browser printing
  // a table wider than its page) cuts text off at one of them.
  const clips = [];
  let clipNext = false;
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack = [];
  const full = () => transform(viewportTransform, ctm);
  const add = (x0, y0, x1, y1) => {
    if (horizontal.length + vertical.length >= MAX_RULES) return;
    const w = Math.abs(x1 - x0);
    const h = Math.abs(y1 - y0);
    if (h <= 3 && w >= 4 && w > 3 * h) horizontal.push({ y: (y0 + y1) / 2, x0: Math.min(x0, x1), x1: Math.max(x0, x1) });
    else if (w <= 3 && h >= 4 && h > 3 * w) vertical.push({ x: (x0 + x1) / 2, y0: Math.min(y0, y1), y1: Math.max(y0, y1) });
  };
  const box = (points, filled) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const [x, y] of points) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
    if (!filled) return;
    if (x1 - x0 <= 3 || y1 - y0 <= 3) { add(x0, y0, x1, y1); return; }
    add(x0, y0, x1, y0); add(x0, y1, x1, y1); add(x0, y0, x0, y1); add(x1, y0, x1, y1);
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === O.save) stack.push(ctm);
    else if (fn === O.restore) ctm = stack.pop() ?? ctm;
    else if (fn === O.transform) ctm = transform(ctm, args);
    else if (fn === O.paintFormXObjectBegin) { stack.push(ctm); if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0])) ctm = transform(ctm, Array.from(args[0])); }
    else if (fn === O.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === O.clip || fn === O.eoClip) clipNext = true;
    else if (fn === O.constructPath) {
      const paint = args?.[0];
      if (clipNext) {
        clipNext = false;
        const bounds = args?.[2];
        const m = full();
        if (bounds && bounds.length === 4 && Math.abs(m[1]) < 1e-6 && Math.abs(m[2]) < 1e-6 && clips.length < MAX_RULES) {
          const [ax, ay] = applyTransform([bounds[0], bounds[1]], m);
          const [bx, by] = applyTransform([bounds[2], bounds[3]], m);
          if ([ax, ay, bx, by].every(Number.isFinite)) clips.push({ x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) });
        }
      }
      const path = args?.[1]?.[0];
      if (!path || typeof path.length !== 'number' || paint === O.endPath) continue;
      const filled = paint !== O.stroke && paint !== O.closeStroke;
      const stroked = paint !== O.fill && paint !== O.eoFill;
      const m = full();
      let points = [];
      let curved = false;
      const flush = (closed) => {
        if (!curved && points.length > 1) {
          if (stroked) {
            const pairs = closed ? points.length : points.length - 1;
            for (let k = 0; k < pairs; k++) {
              const [ax, ay] = points[k];
              const [bx, by] = points[(k + 1) % points.length];
              if (Math.abs(ay - by) < 0.5 || Math.abs(ax - bx) < 0.5) add(ax, ay, bx, by);
            }
          }
          box(points, filled);
        }
        points = [];
        curved = false;
      };
      for (let k = 0; k < path.length; ) {
        const op = path[k++];
        if (op === 0) { flush(false); points.push(applyTransform([path[k++], path[k++]], m)); }
        else if (op === 1) points.push(applyTransform([path[k++], path[k++]], m));
        else if (op === 2) { curved = true; k += 6; }
        else if (op === 3) flush(true);
        else break;
      }
      flush(false);
    }
  }
  return { horizontal, vertical, clips };
}

parentPort.on('message', async (job) => {
  if (job.kind === 'answer') {
    const key = job.id + ':' + job.page;
    const resolve = answers.get(key);
    answers.delete(key);
    if (resolve) resolve(job);
    return;
  }
  if (job.kind === 'prepare') {
    await loadEngine().catch(() => undefined);
    return;
  }
  let doc;
  // The page sent last, not yet answered: its ruling lines are read, if asked, once its answer comes.
  let waiting = null;
  const settle = async (sent) => {
    const answer = await sent.answered;
    if (answer.rules) {
      const ops = await sent.page.getOperatorList({ intent: 'display' });
      parentPort.postMessage({ id: job.id, kind: 'rules', page: sent.number, rules: rulesOf(ops, sent.viewport.transform) });
    }
    sent.page.cleanup();
  };
  try {
    await loadEngine();
    doc = await engine.getDocument({
      data: job.bytes,
      password: job.password,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      stopAtErrors: false,
      verbosity: 1,
    }).promise;
    parentPort.postMessage({ id: job.id, kind: 'open', pageCount: doc.numPages });
    const last = Math.min(doc.numPages, job.to);
    if (last - job.from + 1 > job.maxPages) return;
    for (let number = job.from; number <= last; number++) {
      pageWarnings = [];
      const page = await doc.getPage(number);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const damage = pageWarnings;
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
      const answered = new Promise((resolve) => answers.set(job.id + ':' + number, resolve));
      parentPort.postMessage({ id: job.id, kind: 'page', page: number, width: viewport.width, height: viewport.height, runs, otherText, damage });
      if (waiting) await settle(waiting);
      waiting = { page, number, viewport, answered };
    }
    if (waiting) await settle(waiting);
    waiting = null;
    parentPort.postMessage({ id: job.id, kind: 'done' });
  } catch (error) {
    parentPort.postMessage({ id: job.id, kind: 'error', name: String(error && error.name), code: error && typeof error.code === 'number' ? error.code : null, message: String(error && error.message) });
  } finally {
    for (const key of [...answers.keys()]) if (key.startsWith(job.id + ':')) answers.delete(key);
    if (doc) await doc.destroy().catch(() => {});
  }
});
`;

let shared: Worker | null = null;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Starts the engine and has it load pdf.js (a quarter of a second) while the caller does other
 * work, where a PDF is on its way: the first extractPages finds it ready. Never throws.
 */
export function prepareEngine(limits: EngineLimits = DEFAULT_LIMITS): void {
  try {
    shared ??= startWorker(limits.heapMb);
    shared.postMessage({ kind: 'prepare' });
  } catch {
    // extractPages will say why the engine could not start.
  }
}

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
        case 'page': {
          pagesRead++;
          let answer: PageAnswer | void;
          try {
            answer = request.onPage({
              page: message.page,
              width: message.width,
              height: message.height,
              runs: message.runs,
              otherText: message.otherText,
              ...(message.damage && message.damage.length > 0 ? { damage: message.damage } : {}),
            });
          } catch (error) {
            finish({ ok: false, failure: { kind: 'unreadable', detail: String(error) } }, true);
            return;
          }
          worker.postMessage({ id, kind: 'answer', page: message.page, rules: Boolean(answer?.rules && request.onRules) });
          return;
        }
        case 'rules':
          try {
            request.onRules?.(message.page, message.rules);
          } catch (error) {
            finish({ ok: false, failure: { kind: 'unreadable', detail: String(error) } }, true);
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
    worker.postMessage({
      id,
      bytes: request.bytes,
      password: request.password,
      from: request.from,
      to: request.to,
      maxPages: request.limits.maxPages,
    });
  });
}
