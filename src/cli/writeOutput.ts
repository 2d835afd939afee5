/** Writing output text to standard output or a file, atomically (temporary name, then rename). */
import { rename, writeFile, unlink, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { CliIo } from './io.js';

export async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

export async function writeTo(out: string | undefined, text: string, io: CliIo): Promise<void> {
  if (out === undefined || out === '-') {
    await new Promise<void>((done, fail) => {
      io.stdout.write(text, (error) => (error ? fail(error) : done()));
    });
    return;
  }
  await writeAtomically(resolve(io.cwd, out), text);
}
