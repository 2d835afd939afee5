/**
 * A lone input named .pdf starts the PDF engine before it is read, so that pdf.js loads while the
 * run is set up (issue 16). The name only hints: a file so named that holds no PDF must be read
 * as what it is, and the idle engine must not keep the process from exiting.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './lib/runCli.js';

const BIN = resolve('bin/charter.js');

describe('the PDF engine started early', () => {
  it('leaves a tab-separated return named .pdf read as one, and the process exits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-engine-'));
    copyFileSync('fixtures/croydon-2015.tsv', join(dir, 'not-a.pdf'));
    const built = spawnSync(process.execPath, [BIN, 'import', 'not-a.pdf', '--format', 'ndjson'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    // A process held open by the engine would be killed by the time-out, with no status.
    expect(built.status).toBe(0);
    expect(JSON.parse(built.stdout).source.format).toBe('tsv');
    expect({ status: built.status, stdout: built.stdout, stderr: built.stderr }).toEqual(
      await runCli(['import', 'not-a.pdf', '--format', 'ndjson'], { cwd: dir, env: { NO_COLOR: '1' } }),
    );
  });
});
