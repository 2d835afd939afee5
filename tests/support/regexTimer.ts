/**
 * Runs regular expressions against large adversarial inputs in a worker thread, so that one that
 * backtracks catastrophically can be stopped (a regex cannot be interrupted on the thread that
 * runs it) and reported instead of hanging the test run. Nothing is timed: a run either finishes
 * or hangs (a linear pattern takes milliseconds on 1 MB, a quadratic one hours), and the stop is a
 * time-out far beyond any loaded machine's linear run, as a test's own time-out is.
 */
import { Worker } from 'node:worker_threads';

export interface RegexJob {
  where: string;
  source: string;
  flags: string;
  /** Inputs as (prefix, repeated unit); the unit is repeated to `size` characters and SUFFIX is added. */
  inputs: { prefix: string; unit: string }[];
}

export interface HungRun {
  where: string;
  pattern: string;
  input: string;
}

// Plain JavaScript for the worker (it runs outside vitest's TypeScript transform).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { jobs, size, suffix, startJob } = workerData;
const cache = new Map();
function input(prefix, unit) {
  const key = prefix + '\\u0000' + unit;
  let text = cache.get(key);
  if (text === undefined) {
    text = prefix + unit.repeat(Math.ceil(size / unit.length)) + suffix;
    if (cache.size > 64) cache.clear();
    cache.set(key, text);
  }
  return text;
}
for (let j = startJob; j < jobs.length; j++) {
  const job = jobs[j];
  // A search that fails is the worst case for a pattern used with test/exec; replacing every
  // match is the worst case for one used with a global flag (replace, match, split).
  const global = job.flags.includes('g');
  const flags = job.flags.replace(/[gy]/g, '');
  const pattern = new RegExp(job.source, global ? flags + 'g' : flags);
  for (let i = 0; i < job.inputs.length; i++) {
    const text = input(job.inputs[i].prefix, job.inputs[i].unit);
    parentPort.postMessage({ kind: 'start', job: j, input: i });
    pattern.lastIndex = 0;
    if (global) text.replace(pattern, '');
    else pattern.exec(text);
    parentPort.postMessage({ kind: 'done', job: j, input: i });
  }
}
parentPort.postMessage({ kind: 'finished' });
`;

/**
 * Ends every input: a control character, a letter and a digit, so that a run is followed by
 * something that a trailing `\s+$`, `\W*$` or `\D+$` cannot take, and the search fails late.
 */
const SUFFIX = '\u0007x0';

export interface HangOptions {
  /** Characters of repeated unit in each input. */
  size: number;
  /** A run not finished by then has hung: it is stopped and reported. */
  stopAfterMs: number;
}

function describeInput(prefix: string, unit: string, size: number): string {
  return `${prefix ? `${JSON.stringify(prefix)} + ` : ''}${JSON.stringify(unit)} × ${Math.ceil(size / unit.length)}`;
}

export async function findHungRegexes(jobs: readonly RegexJob[], options: HangOptions): Promise<HungRun[]> {
  const slow: HungRun[] = [];
  let startJob = 0;
  while (startJob < jobs.length) {
    const next = await new Promise<{ job: number } | null>((resolve, reject) => {
      const worker = new Worker(WORKER, {
        eval: true,
        workerData: { jobs, size: options.size, suffix: SUFFIX, startJob },
      });
      let timer: NodeJS.Timeout | undefined;
      let stopped = false;
      worker.on('message', (message: { kind: string; job: number; input: number }) => {
        if (message.kind === 'start') {
          timer = setTimeout(() => {
            stopped = true;
            const job = jobs[message.job]!;
            const entry = job.inputs[message.input]!;
            slow.push({ where: job.where, pattern: `/${job.source}/${job.flags}`, input: describeInput(entry.prefix, entry.unit, options.size) });
            void worker.terminate().then(() => resolve({ job: message.job }));
          }, options.stopAfterMs);
        } else if (message.kind === 'done') {
          clearTimeout(timer);
        } else if (message.kind === 'finished') {
          void worker.terminate().then(() => resolve(null));
        }
      });
      worker.on('error', (error) => {
        if (!stopped) reject(error);
      });
    });
    if (next === null) break;
    // One stopped run condemns the pattern: carry on with the next one.
    startJob = next.job + 1;
  }
  return slow;
}
