/** Reading every input through the core, one failure never stopping the others. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { importReturn, type ImportOptions, type ImportResult } from '../importReturn.js';
import { readStdin, type InputFile } from './inputs.js';
import type { CliIo } from './io.js';

export interface InputOutcome {
  input: InputFile;
  result: ImportResult;
  /** The core threw: a bug in charter, not a problem with the input. */
  internalError?: unknown;
}

export type CoreOptions = Omit<ImportOptions, 'path'>;

export async function runInput(input: InputFile, options: CoreOptions, io: CliIo): Promise<InputOutcome> {
  try {
    const bytes = input.path === null ? await readStdin(io) : await readFile(resolve(io.cwd, input.path));
    const result = await importReturn(bytes, { ...options, path: input.path });
    return { input, result };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'EACCES' || code === 'EISDIR' || code === 'ENOENT' || code === 'EPERM') {
      const message = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : 'no such file';
      return {
        input,
        result: {
          path: input.path,
          charterReturn: null,
          diagnostics: [{ severity: 'error', code: 'input-unreadable', message: `cannot read the input: ${message}` }],
          valid: false,
          evidence: new Map(),
        },
      };
    }
    return {
      input,
      internalError: error,
      result: { path: input.path, charterReturn: null, diagnostics: [], valid: false, evidence: new Map() },
    };
  }
}
