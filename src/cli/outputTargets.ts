/**
 * Where outputs will land, checked before anything is read or written: two inputs must not share
 * an output name (the second would silently replace the first), no output may overwrite an input
 * however it is reached (a symbolic link, another spelling of the path: real paths and device and
 * inode numbers are compared), and nothing under `--out-dir` may be written through a symbolic
 * link that leads outside it. The checks are synchronous: nothing else runs before they are done,
 * and a run of 10,000 inputs made 70,000 asynchronous calls of them (1.5 s at 2,500 inputs).
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import type { InputFile } from './inputs.js';
import { displayPath } from '../report/fileReport.js';
import { escapeControls } from '../text/controlCharacters.js';

/** What identifies the inputs on disk: their real paths and their device and inode numbers. */
export interface InputIdentities {
  realPaths: Set<string>;
  inodes: Set<string>;
}

function inodeKey(info: { dev: number; ino: number }): string {
  return `${info.dev}:${info.ino}`;
}

/** What `path` is on disk (followed through links), or undefined where nothing is there or it cannot be looked at. */
function statOf(path: string): { dev: number; ino: number } | undefined {
  try {
    // A missing file answers undefined, not an error made with its stack: most outputs do not exist yet.
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The real path of what exists at `path` (the same call as fs/promises' realpath), or null. */
function realPathOf(path: string): string | null {
  if (statOf(path) === undefined) return null;
  try {
    return realpathSync.native(path);
  } catch {
    return null;
  }
}

export function inputIdentities(inputs: readonly InputFile[], cwd: string): InputIdentities {
  const identities: InputIdentities = { realPaths: new Set(), inodes: new Set() };
  for (const input of inputs) {
    if (input.path === null) continue;
    const path = resolve(cwd, input.path);
    identities.realPaths.add(realPathOf(path) ?? path);
    const info = statOf(path);
    if (info) identities.inodes.add(inodeKey(info));
  }
  return identities;
}

/** Real targets of folders already found in one plan: a run's outputs share a few folders. */
type KnownFolders = Map<string, string>;

/**
 * The real path `path` will have once written: the real path of its nearest existing folder with
 * the rest of the path after it (the file itself followed too, where it is a link to a file).
 */
function realTarget(path: string, known: KnownFolders = new Map()): string {
  const whole = realPathOf(path);
  if (whole !== null) return whole;
  const parent = dirname(path);
  if (parent === path) return path;
  let folder = known.get(parent);
  if (folder === undefined) known.set(parent, (folder = realTarget(parent, known)));
  return join(folder, basename(path));
}

/** Whether writing `path` (whose real target is `real`, where known) would overwrite an input. */
export function overwritesInput(path: string, identities: InputIdentities, real = realTarget(path)): boolean {
  if (identities.realPaths.has(real)) return true;
  const info = statOf(path);
  return info !== undefined && identities.inodes.has(inodeKey(info));
}

function isInside(path: string, folder: string): boolean {
  const rest = relative(folder, path);
  return rest !== '' && !rest.startsWith(`..${sep}`) && rest !== '..' && !isAbsolute(rest);
}

export interface OutputPlan {
  /** Each input's output file, in input order (absolute). */
  targets: Map<InputFile, string>;
  /** Why the run must not start, one line each; empty where every output is safe to write. */
  problems: string[];
}

/**
 * Checks every output name `--out-dir` would use before the run starts. `targetOf` names an
 * input's output (null where the name would fall outside the folder).
 */
export function planOutDir(
  inputs: readonly InputFile[],
  outDir: string,
  targetOf: (input: InputFile) => string | null,
  identities: InputIdentities,
): OutputPlan {
  const targets = new Map<InputFile, string>();
  const problems: string[] = [];
  const byTarget = new Map<string, InputFile>();
  const known: KnownFolders = new Map();
  const realOutDir = realTarget(outDir, known);
  for (const input of inputs) {
    const name = displayPath(input.path);
    const target = targetOf(input);
    if (target === null) {
      problems.push(`${name}: its output name would fall outside the output folder`);
      continue;
    }
    // Two spellings of one file (a link to a sub-folder beside it) are one output too.
    const real = realTarget(target, known);
    const earlier = byTarget.get(real);
    if (earlier !== undefined) {
      problems.push(`${displayPath(earlier.path)} and ${name} would both be written to ${escapeControls(target)}`);
      continue;
    }
    byTarget.set(real, input);
    if (!isInside(real, realOutDir))
      problems.push(
        `${name}: its output ${escapeControls(target)} would be written outside the output folder, to ${escapeControls(real)}, through a symbolic link`,
      );
    else if (overwritesInput(target, identities, real)) problems.push(`${name}: its output ${escapeControls(target)} would overwrite an input`);
    else targets.set(input, target);
  }
  return { targets, problems };
}
