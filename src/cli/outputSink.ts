/**
 * Where data goes: standard output (with back-pressure, so piped output is never cut off) or a file
 * written under a temporary name and renamed into place when complete, so an interrupted run never
 * leaves a half-written file.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isBrokenPipe, type CliIo } from './io.js';

const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'a file stands where a folder is needed',
  ENOTDIR: 'a file stands where a folder is needed',
  EISDIR: 'it is a folder',
  ENOENT: 'its folder does not exist',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  EDQUOT: 'the disk quota is used up',
};

/** The output could not be written: a problem with where it goes, not a bug in charter. */
export class OutputError extends Error {
  constructor(path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | null)?.code ?? '';
    super(`cannot write ${path}: ${WRITE_ERRORS[code] ?? (cause instanceof Error ? cause.message : String(cause))}`);
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

function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
}

function writeChunk(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (text === '') return Promise.resolve();
  return new Promise((done, fail) => {
    stream.write(text, (error) => (error && !isBrokenPipe(error) ? fail(error) : done()));
  });
}

export function stdoutSink(io: CliIo): OutputSink {
  return { write: (text) => writeChunk(io.stdout, text), close: async () => undefined, abort: async () => undefined };
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
    },
    async abort() {
      await closed().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
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
  await writing(path, () => makeFolder(dirname(path), made));
  const temporary = temporaryNameFor(path);
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
