/**
 * A run stopped by SIGINT or SIGTERM leaves no temporary file behind (issue 14 item 11), and ends
 * as killed by that signal. The child reads standard input that never ends, so it is caught with
 * its output's temporary file open, whatever the machine's speed: the test waits for the file to
 * appear, then signals.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'bin', 'charter.js');

function temporaries(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}

/** Runs `charter import - -o DIR/out.json`, signals it once its temporary file exists, and says how it ended. */
async function interrupted(signal: 'SIGINT' | 'SIGTERM'): Promise<{ dir: string; seen: string[]; ended: NodeJS.Signals | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'charter-signal-'));
  const child = spawn(process.execPath, [BIN, 'import', '-', '-o', join(dir, 'out.json'), '-q'], { stdio: ['pipe', 'ignore', 'ignore'] });
  const ended = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, by) => done(by)));
  const seen = await new Promise<string[]>((done) => {
    const watcher = watch(dir, () => {
      const found = temporaries(dir);
      if (found.length === 0) return;
      watcher.close();
      done(found);
    });
    // Made before the watch began: look once too.
    if (temporaries(dir).length > 0) {
      watcher.close();
      done(temporaries(dir));
    }
  });
  child.kill(signal);
  return { dir, seen, ended: await ended };
}

describe('a run stopped by a signal', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s: the temporary output file is removed, and the process ends by the signal', async (signal) => {
    const run = await interrupted(signal);
    expect(run.seen).toHaveLength(1);
    expect(run.ended).toBe(signal);
    expect(readdirSync(run.dir)).toEqual([]);
  });
});
