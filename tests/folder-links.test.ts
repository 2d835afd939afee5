/**
 * Symbolic links inside folder inputs (issue 14 item 10): links to files and folders are followed,
 * a link back up the tree is not walked for ever, and each link not followed is named.
 */
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './lib/runCli.js';

const SEED = 'fixtures/croydon-2015.tsv';

describe('links in a folder input', () => {
  it('are followed to files and folders; a loop and a dangling link are each named as skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-links-'));
    mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    copyFileSync(SEED, join(dir, 'in', 'a.tsv'));
    copyFileSync(SEED, join(dir, 'elsewhere', 'c.tsv'));
    copyFileSync(SEED, join(dir, 'elsewhere', 'd.tsv'));
    symlinkSync(join(dir, 'elsewhere', 'c.tsv'), join(dir, 'in', 'b.tsv'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'in', 'linked'));
    symlinkSync(join(dir, 'in'), join(dir, 'in', 'sub', 'up'));
    symlinkSync(join(dir, 'nowhere.tsv'), join(dir, 'in', 'z.tsv'));
    const run = await runCli(['validate', 'in', '--reporter', 'json'], { cwd: dir });
    const files = (JSON.parse(run.stdout) as { path: string }[]).map((file) => file.path).sort();
    expect(files).toEqual(['in/a.tsv', 'in/b.tsv', 'in/linked/c.tsv', 'in/linked/d.tsv']);
    expect(run.stderr).toContain('charter: in/sub/up: skipped: a symbolic link back to a folder above it (a loop)\n');
    expect(run.stderr).toContain('charter: in/z.tsv: skipped: a symbolic link that leads nowhere\n');
    expect(run.status).toBe(0);
  });
});
