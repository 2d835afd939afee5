// Running a command and measuring it: wall time in this process, peak memory (max RSS) from
// GNU time where installed, else from a probe preloaded into Node children.
import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const GNU_TIME = '/usr/bin/time';
const PROBE = pathToFileURL(new URL('./rssProbe.js', import.meta.url).pathname).href;

export function which(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const path = join(dir, command);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not in this folder
    }
  }
  return null;
}

let gnuTimeWorks;
function haveGnuTime() {
  gnuTimeWorks ??= existsSync(GNU_TIME);
  return gnuTimeWorks;
}

export function memoryMethod() {
  return haveGnuTime() ? 'GNU time (max RSS, user + system CPU)' : 'process.resourceUsage() in Node children only';
}

/**
 * Run `command args` once. Standard output goes to `stdoutFile` (or nowhere), standard error to
 * `stderrFile` (diagnostics of thousands of files are too many for a pipe buffer).
 * `memory: false` runs the command bare (no GNU time in between), for start-up timings.
 * Resolves to { ms, rssMB and cpuMs (user + system; null when unknown), status, timedOut, stderrTail }.
 * CPU time is shown beside wall time because it suffers less when other work shares the machine.
 */
export function runMeasured(command, args, { cwd, stdoutFile, stderrFile, scratch, timeoutMs = 300_000, env, memory = true } = {}) {
  const rssFile = join(scratch, `rss-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
  let argv;
  let childEnv = { ...process.env, ...env };
  if (!memory) {
    argv = [command, ...args];
  } else if (haveGnuTime()) {
    argv = [GNU_TIME, '-f', '%M %U %S', '-o', rssFile, command, ...args];
  } else if (command === process.execPath) {
    argv = [command, '--import', PROBE, ...args];
    childEnv = { ...childEnv, BENCH_RSS_FILE: rssFile };
  } else {
    argv = [command, ...args];
  }
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
  const err = stderrFile ? openSync(stderrFile, 'w') : 'ignore';
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { cwd, env: childEnv, stdio: ['ignore', out, err], detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    const finish = (status, spawnError) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      clearTimeout(timer);
      if (typeof out === 'number') closeSync(out);
      if (typeof err === 'number') closeSync(err);
      let rssMB = null;
      let cpuMs = null;
      if (existsSync(rssFile)) {
        // The last line: "maxRSS-KB user-seconds system-seconds" (GNU time) or "maxRSS-KB cpu-microseconds" (probe).
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        const fields = lines[lines.length - 1].trim().split(/\s+/).map(Number);
        if (Number.isFinite(fields[0]) && fields[0] > 0) rssMB = fields[0] / 1024;
        if (fields.length === 3 && fields.every(Number.isFinite)) cpuMs = (fields[1] + fields[2]) * 1000;
        if (fields.length === 2 && Number.isFinite(fields[1])) cpuMs = fields[1] / 1000;
        rmSync(rssFile, { force: true });
      }
      resolve({ ms, rssMB, cpuMs, status, timedOut, stderrTail: spawnError ? String(spawnError.message) : tail(stderrFile) });
    };
    child.on('error', (error) => finish(null, error));
    child.on('exit', (code, signal) => finish(code ?? (signal ? 128 : null)));
  });
}

function tail(file, lines = 3) {
  if (!file || !existsSync(file)) return '';
  const text = readFileSync(file, 'utf8');
  return text.trim().split('\n').slice(-lines).join('\n');
}

export function median(values) {
  const sorted = values.filter((value) => value !== null && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function formatMs(ms) {
  if (ms === null || ms === undefined) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

export function formatMB(mb) {
  return mb === null || mb === undefined ? 'n/a' : `${mb.toFixed(1)} MB`;
}

export function formatRatio(ratio) {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio) ? 'n/a' : `${ratio.toFixed(2)}x`;
}

/** "2.10x faster" or "4.60x slower": how charter compares with a reference time. */
export function formatSpeed(charterMs, referenceMs) {
  if (!charterMs || !referenceMs) return 'n/a';
  return charterMs <= referenceMs ? `${(referenceMs / charterMs).toFixed(2)}x faster` : `${(charterMs / referenceMs).toFixed(2)}x slower`;
}
