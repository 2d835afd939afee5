/**
 * Where data goes: standard output (with back-pressure, so piped output is never cut off) or a file
 * written under a temporary name and renamed into place when complete, so an interrupted run never
 * leaves a half-written file.
 */
import { createWriteStream, mkdirSync, renameSync, unlinkSync, writeFileSync, type WriteStream } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isBrokenPipe, writeErrorReason, type CliIo } from './io.js';
import { liveTemporary, settledTemporary } from './temporaries.js';
import { escapeControls } from '../text/controlCharacters.js';

/** The output could not be written: a problem with where it goes, not a bug in charter. */
export class OutputError extends Error {
  constructor(
    path: string,
    cause: unknown,
    /** Standard output failed: main() says so once, for every way of writing to it. */
    readonly standardOutput = false,
  ) {
    super(`cannot write ${escapeControls(path)}: ${escapeControls(writeErrorReason(cause))}`);
  }
}

/** Runs a file operation, turning a file-system failure into an OutputError about `path`. */
async function writing<T>(path: string, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new OutputError(path, error);
  }
}

export interface OutputSink {
  write(text: string): Promise<void>;
  /** Finish: for a file, move it into place. */
  close(): Promise<void>;
  /** Give up: for a file, remove the temporary. */
  abort(): Promise<void>;
}

/** A temporary name beside `path`, registered as live (removed on a signal) until settled. */
export function temporaryNameFor(path: string): string {
  return liveTemporary(join(dirname(path), `.${basename(path)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`));
}

function writeChunk(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((done, fail) => {
    stream.write(text, (error) => (error && !isBrokenPipe(error) ? fail(error) : done()));
  });
}

export function stdoutSink(io: CliIo): OutputSink {
  // A failure stops the run; main() has seen the stream fail and says so.
  const write = (text: string) =>
    writeChunk(io.stdout, text).catch((error: unknown) => Promise.reject(new OutputError('standard output', error, true)));
  return { write, close: async () => undefined, abort: async () => undefined };
}

export async function fileSink(path: string): Promise<OutputSink> {
  await writing(path, () => mkdir(dirname(path), { recursive: true }));
  const temporary = temporaryNameFor(path);
  const stream: WriteStream = createWriteStream(temporary, { encoding: 'utf8' });
  let failure: unknown;
  stream.on('error', (error) => (failure ??= error));
  const closed = () =>
    new Promise<void>((done, fail) => {
      if (failure !== undefined) return fail(failure);
      stream.end((error?: Error | null) => (error ? fail(error) : done()));
    });
  return {
    write: (text) => writing(path, () => (failure !== undefined ? Promise.reject(failure) : writeChunk(stream, text))),
    async close() {
      await writing(path, async () => {
        await closed();
        await rename(temporary, path);
      });
      settledTemporary(temporary);
    },
    async abort() {
      await closed().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
      settledTemporary(temporary);
    },
  };
}

/** Folders already made in one run: one `mkdir` each, not one per output file. */
export type MadeFolders = Set<string>;

async function makeFolder(folder: string, made?: MadeFolders): Promise<void> {
  if (made?.has(folder)) return;
  await mkdir(folder, { recursive: true });
  made?.add(folder);
}

export async function writeFileAtomically(path: string, text: string, made?: MadeFolders): Promise<void> {
  const temporary = temporaryNameFor(path);
  try {
    await writeThroughTemporary(path, temporary, text, made);
  } finally {
    settledTemporary(temporary);
  }
}

/** `text` written to `temporary` and renamed to `path`; the caller named the temporary and settles it. */
export async function writeThroughTemporary(path: string, temporary: string, text: string, made?: MadeFolders): Promise<void> {
  await writing(path, () => makeFolder(dirname(path), made));
  try {
    await writing(path, async () => {
      await writeFile(temporary, text, 'utf8');
      await rename(temporary, path);
    });
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/**
 * The same, synchronously, for a worker thread, where nothing else waits on the thread and a
 * synchronous write is cheaper than the event loop's round trips. The main thread named the
 * temporary and keeps it registered, so a signal removes it wherever it is being written.
 */
export function writeThroughTemporarySync(path: string, temporary: string, text: string, made?: MadeFolders): void {
  try {
    const folder = dirname(path);
    if (!made?.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made?.add(folder);
    }
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never made: nothing to remove.
    }
    throw new OutputError(path, error);
  }
}
