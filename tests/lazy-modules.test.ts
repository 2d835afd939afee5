/**
 * A run loads only what it uses (issue 16 item 3): writers, reporters and the CSV libraries come
 * through their registries when a run needs them. Runs the built command (npm test compiles
 * first) with a hook that lists every module it loads.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function modulesLoaded(args: string[]): string[] {
  const run = spawnSync(process.execPath, ['--import', './tests/support/moduleLog.mjs', 'bin/charter.js', ...args], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stderr
    .split('\n')
    .filter((line) => line.startsWith('module '))
    .map((line) => line.replace(/^module file:\/\/.*?\/(dist|node_modules)\//, '$1/'));
}

const packageOf = (modules: string[]) => new Set(modules.filter((path) => path.startsWith('node_modules/')).map((path) => path.split('/')[1]));

describe('what a run loads', () => {
  it('tab-separated text to JSON: no CSV library, no other writer, only the reporter it uses', () => {
    const modules = modulesLoaded(['import', 'fixtures/croydon-2015.tsv', '-o', '-']);
    expect(modules).toContain('dist/write/json.js');
    expect(modules).toContain('dist/report/compact.js');
    expect(packageOf(modules).has('csv-parse')).toBe(false);
    expect(packageOf(modules).has('csv-stringify')).toBe(false);
    for (const unused of ['write/csv.js', 'write/markdown.js', 'report/stylish.js', 'report/github.js', 'report/json.js', 'report/sarif.js']) {
      expect(modules, unused).not.toContain(`dist/${unused}`);
    }
  });

  it('quoted CSV to CSV: both CSV libraries, the CSV writer, and the reporter asked for', () => {
    const modules = modulesLoaded(['import', 'fixtures/office/croydon-2015-excel-eu.csv', '--format', 'csv', '--reporter', 'stylish']);
    expect(packageOf(modules).has('csv-parse')).toBe(true);
    expect(packageOf(modules).has('csv-stringify')).toBe(true);
    expect(modules).toContain('dist/write/csv.js');
    expect(modules).toContain('dist/report/stylish.js');
    expect(modules).not.toContain('dist/write/json.js');
    expect(modules).not.toContain('dist/report/compact.js');
  });
});
