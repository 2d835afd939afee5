/**
 * What `charter import FILE` prints (exit status, JSON on standard output, diagnostics on standard
 * error) for every input under fixtures/, run in-process. The speed work of issue 16 must leave
 * every byte of it as it was: tests/fixture-outputs.test.ts compares it with snapshots taken from
 * the code before that work (tests/snapshots/fixture-outputs/, one file per input).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliRun } from '../lib/runCli.js';

export const SNAPSHOT_FOLDER = 'tests/snapshots/fixture-outputs';

/** Passwords the encrypted fixtures were made with; without one they give a loud failure, also kept. */
const OPTIONS: Record<string, string[]> = {
  'fixtures/pdf/croydon-2015-return-encrypted.pdf': ['--password', 'charter'],
};

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)]))
    .map((path) => path.replace(/\\/g, '/'));
}

/** Every input under fixtures/: the scripts that made them (and their types) and the hand-written expectations are not inputs. */
export function fixtureInputs(): string[] {
  return walk('fixtures')
    .filter((path) => !/\.(mjs|mts|sh|css)$/.test(path) && !path.endsWith('.expected.json'))
    .sort();
}

/** The snapshot file of one input: its path under the snapshot folder, with `.out` added. */
export function snapshotPath(input: string): string {
  return join(SNAPSHOT_FOLDER, `${input.replace(/^fixtures\//, '')}.out`);
}

/** One run as text: the exit status, then standard output, then standard error, each whole. */
export async function fixtureOutput(input: string): Promise<string> {
  const run: CliRun = await runCli(['import', ...(OPTIONS[input] ?? []), input], { env: { NO_COLOR: '1' } });
  return `exit ${run.status}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`;
}
