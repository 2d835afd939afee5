/**
 * Turning the `<input...>` arguments into a list of inputs: files, folders (every supported file
 * below them, in a stable sorted order), quoted globs, and `-` for standard input. The same file
 * named twice is read once. Symbolic links in folders are followed, a folder already on the way
 * down never again (a link back up would walk for ever); a link that leads nowhere, or in a loop,
 * is named on standard error as skipped.
 */
import type { Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { CliIo } from './io.js';
import { escapeControls } from '../text/controlCharacters.js';
import { READ_EXTENSIONS, REFUSED_EXTENSIONS } from '../read/readers.js';

export interface InputFile {
  /** The path as the user will recognise it (relative where it was given relative), or null for stdin. */
  path: string | null;
  /** The folder or glob root it was found under, for mirroring sub-folders in `--out-dir`. */
  root: string | null;
}

/** Every file name ending a reader reads (the registry, src/read/readers.ts). */
export const SUPPORTED_EXTENSIONS = new Set(READ_EXTENSIONS);

/**
 * Files a folder walk also takes, though charter cannot read them: a return saved as .doc is
 * reported (unsupported-format says what to save it as) rather than passed over without a word.
 */
const WALKED_EXTENSIONS = new Set([...READ_EXTENSIONS, ...REFUSED_EXTENSIONS]);

const GLOB_CHARACTERS = /[*?[\]{}]/;

export interface ExpandResult {
  inputs: InputFile[];
  /** Arguments that named nothing: each one a usage error. */
  problems: string[];
  /** Links in folders that were not followed, and why: said, but the run goes on. */
  skipped: string[];
}

function hasSupportedExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && WALKED_EXTENSIONS.has(name.slice(dot).toLowerCase());
}

/**
 * Every file to read under `folder`. `above` holds the real paths of the folders on the way down:
 * a link to one of them is a loop.
 */
async function walk(folder: string, skipped: string[], shown: (path: string) => string, above: ReadonlySet<string> = new Set()): Promise<string[]> {
  const found: string[] = [];
  const real = await realpath(folder);
  const onTheWay = new Set(above).add(real);
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (target === null) {
        skipped.push(`${escapeControls(shown(path))}: skipped: a symbolic link that leads nowhere`);
        continue;
      }
      isDirectory = target.isDirectory();
      isFile = target.isFile();
      if (isDirectory && onTheWay.has(await realpath(path))) {
        skipped.push(`${escapeControls(shown(path))}: skipped: a symbolic link back to a folder above it (a loop)`);
        continue;
      }
    }
    if (isDirectory) for (const file of await walk(path, skipped, shown, onTheWay)) found.push(file);
    else if (isFile && hasSupportedExtension(entry.name)) found.push(path);
  }
  return found;
}

export async function expandInputs(args: readonly string[], io: CliIo): Promise<ExpandResult> {
  const inputs: InputFile[] = [];
  const problems: string[] = [];
  const skipped: string[] = [];
  const problem = (arg: string, what: string) => problems.push(`${escapeControls(arg)}: ${what}`);
  const seen = new Set<string>();
  const add = (path: string, root: string | null) => {
    const key = resolve(io.cwd, path);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ path, root });
  };
  for (const arg of args) {
    if (arg === '-') {
      if (!seen.has('-')) {
        seen.add('-');
        inputs.push({ path: null, root: null });
      }
      continue;
    }
    let statError: unknown;
    const info = await stat(resolve(io.cwd, arg)).catch((error: unknown) => ((statError = error), null));
    if (info?.isFile()) {
      add(arg, null);
    } else if (info?.isDirectory()) {
      const root = resolve(io.cwd, arg);
      const files = await walk(root, skipped, (path) => join(arg, relative(root, path)));
      if (files.length === 0) problem(arg, `the folder holds no supported file (${[...SUPPORTED_EXTENSIONS].join(' ')})`);
      for (const file of files) add(join(arg, relative(resolve(io.cwd, arg), file)), arg);
    } else if (GLOB_CHARACTERS.test(arg)) {
      const { glob } = await import('tinyglobby');
      const files = (await glob(arg, { cwd: io.cwd, onlyFiles: true, dot: false })).sort();
      if (files.length === 0) problem(arg, 'no file matches this pattern');
      const root = globRoot(arg);
      for (const file of files) add(file, root);
    } else if (info) {
      problem(arg, notAFile(info));
    } else {
      problem(arg, STAT_ERRORS[(statError as NodeJS.ErrnoException | undefined)?.code ?? ''] ?? 'no such file or folder');
    }
  }
  return { inputs, problems, skipped };
}

/** Why a path that exists is not read: what it is instead of a file or folder. */
function notAFile(info: Stats): string {
  const what = info.isFIFO()
    ? 'a named pipe (FIFO)'
    : info.isCharacterDevice() || info.isBlockDevice()
      ? 'a device'
      : info.isSocket()
        ? 'a socket'
        : 'neither a file nor a folder';
  return `it is ${what}, not a file: to read a stream, pipe it in and name - (cat NAME | charter import -)`;
}

/** Why a path could not be looked at, where it is not simply missing. */
const STAT_ERRORS: Record<string, string> = {
  EACCES: 'permission denied (a folder on the way cannot be searched)',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ELOOP: 'symbolic links on the way lead round in a loop',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'an input/output error',
};

/** The part of a glob before its first wildcard: `papers/2016/**\/*.pdf` → `papers/2016`. */
function globRoot(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (GLOB_CHARACTERS.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}
