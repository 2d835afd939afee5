/**
 * Where outputs will land, checked before anything is read or written: two inputs must not share
 * an output name (the second would silently replace the first), no output may overwrite an input
 * however it is reached (a symbolic link, another spelling of the path: real paths and device and
 * inode numbers are compared), and nothing under `--out-dir` may be written through a symbolic
 * link that leads outside it.
 */
import { realpath, stat } from 'node:fs/promises';
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

export async function inputIdentities(inputs: readonly InputFile[], cwd: string): Promise<InputIdentities> {
  const identities: InputIdentities = { realPaths: new Set(), inodes: new Set() };
  for (const input of inputs) {
    if (input.path === null) continue;
    const path = resolve(cwd, input.path);
    identities.realPaths.add(await realpath(path).catch(() => path));
    const info = await stat(path).catch(() => null);
    if (info) identities.inodes.add(inodeKey(info));
  }
  return identities;
}

/**
 * The real path `path` will have once written: the real path of its nearest existing folder with
 * the rest of the path after it (the file itself followed too, where it is a link to a file).
 */
async function realTarget(path: string): Promise<string> {
  const whole = await realpath(path).catch(() => null);
  if (whole !== null) return whole;
  const parent = dirname(path);
  if (parent === path) return path;
  return join(await realTarget(parent), basename(path));
}

/** Whether writing `path` would overwrite an input. */
export async function overwritesInput(path: string, identities: InputIdentities): Promise<boolean> {
  if (identities.realPaths.has(await realTarget(path))) return true;
  const info = await stat(path).catch(() => null);
  return info !== null && identities.inodes.has(inodeKey(info));
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
export async function planOutDir(
  inputs: readonly InputFile[],
  outDir: string,
  targetOf: (input: InputFile) => string | null,
  identities: InputIdentities,
): Promise<OutputPlan> {
  const targets = new Map<InputFile, string>();
  const problems: string[] = [];
  const byTarget = new Map<string, InputFile>();
  const realOutDir = await realTarget(outDir);
  for (const input of inputs) {
    const name = displayPath(input.path);
    const target = targetOf(input);
    if (target === null) {
      problems.push(`${name}: its output name would fall outside the output folder`);
      continue;
    }
    // Two spellings of one file (a link to a sub-folder beside it) are one output too.
    const real = await realTarget(target);
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
    else if (await overwritesInput(target, identities)) problems.push(`${name}: its output ${escapeControls(target)} would overwrite an input`);
    else targets.set(input, target);
  }
  return { targets, problems };
}
