/**
 * Where data goes: standard output (with back-pressure, so piped output is never cut off) or a file
 * written under a temporary name and renamed into place when complete, so an interrupted run never
 * leaves a half-written file.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isBrokenPipe, type CliIo } from './io.js';

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
  await mkdir(dirname(path), { recursive: true });
  const temporary = temporaryNameFor(path);
  const stream: WriteStream = createWriteStream(temporary, { encoding: 'utf8' });
  const closed = () => new Promise<void>((done, fail) => stream.end((error?: Error | null) => (error ? fail(error) : done())));
  return {
    write: (text) => writeChunk(stream, text),
    async close() {
      await closed();
      await rename(temporary, path);
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
  await makeFolder(dirname(path), made);
  const temporary = temporaryNameFor(path);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
