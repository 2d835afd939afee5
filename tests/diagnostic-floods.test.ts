/**
 * A damaged or hostile input can raise a diagnostic for every one of its lines. The run never
 * crashes on them (150,000 once overflowed the stack), lists at most so many of one code and in
 * all, and counts the rest in one closing `diagnostics-capped` at their own severity, so the
 * verdict and the counts of errors and warnings are those of the whole list.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capDiagnostics } from '../src/diagnostics/cap.js';
import { diagnostic } from '../src/diagnostics/diagnostic.js';
import { importReturn } from '../src/pipeline.js';
import { countSeverities } from '../src/report/fileReport.js';
import { fixtureBytes } from './lib/expected.js';
import { runCli } from './lib/runCli.js';

const STRAY_LINES = 150_000;

/** Croydon's return with 150,000 one-word lines between its rows 9 and 10: each is unassigned text. */
function flooded(): Buffer {
  const lines = fixtureBytes('croydon-2015.tsv').toString('utf8').replace(/\n+$/, '').split('\n');
  return Buffer.from([...lines.slice(0, 10), ...Array<string>(STRAY_LINES).fill('stray'), ...lines.slice(10)].join('\n') + '\n');
}

describe('a flood of diagnostics', () => {
  it('is read (no stack overflow), listing 1,000 of the code and counting the rest at their severity', async () => {
    const result = await importReturn(flooded(), { path: 'flood.tsv' });
    expect(result.valid).toBe(true);
    const stray = result.diagnostics.filter((d) => d.code === 'unassigned-text');
    expect(stray).toHaveLength(1000);
    expect(stray[0]).toMatchObject({ severity: 'warning', line: 11, text: 'stray' });
    const capped = result.diagnostics.filter((d) => d.code === 'diagnostics-capped');
    expect(capped).toEqual([
      {
        severity: 'warning',
        code: 'diagnostics-capped',
        message:
          '… and 149,000 more unassigned-text warnings, not listed: at most 1,000 of one code and 5,000 in all are listed for an input (--max-per-code and --max-diagnostics raise them)',
        count: 149_000,
      },
    ]);
    expect(result.diagnostics.at(-1)).toBe(capped[0]);
    const others = result.diagnostics.filter((d) => d.code !== 'unassigned-text' && d.code !== 'diagnostics-capped');
    expect(countSeverities(result.diagnostics).warningCount).toBe(STRAY_LINES + countSeverities(others).warningCount);
  });

  it('counts what it does not list: --max-warnings sees every warning, and the limits are options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-flood-'));
    writeFileSync(join(dir, 'flood.tsv'), flooded());
    const run = await runCli(['validate', 'flood.tsv', '--reporter', 'compact', '--max-per-code', '3', '--max-warnings', '1000'], { cwd: dir });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((line) => line.includes(' unassigned-text: '))).toHaveLength(3);
    expect(lines).toContain(
      'flood.tsv: warning diagnostics-capped: … and 149,997 more unassigned-text warnings, not listed: at most 3 of one code and 5,000 in all are listed for an input (--max-per-code and --max-diagnostics raise them)',
    );
    expect(lines.at(-1)).toMatch(
      /^1 file: 1 valid, 0 invalid — 0 errors, 150\d{3} warnings \(failed: 150\d{3} warnings, more than --max-warnings 1000\)$/,
    );
    const bad = await runCli(['validate', 'flood.tsv', '--max-per-code', 'lots'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('charter: --max-per-code takes a whole number from 1, not "lots"\n');
  });
});

describe('capDiagnostics', () => {
  const info = (line: number) => diagnostic('heading-repeated', { afterPageBreak: false, heading: 'No.' }, { line });
  const error = (line: number) => diagnostic('missing-point', { number: line, wording: 'x' }, { line });

  it('gives the room for the whole input to errors first, and keeps the order of what it lists', () => {
    const listed = capDiagnostics([info(1), info(2), info(3), error(4), info(5), error(6)], { perCode: 10, perFile: 3 });
    expect(listed.map((d) => [d.code, d.line ?? null, d.severity, d.count ?? null])).toEqual([
      ['heading-repeated', 1, 'info', null],
      ['missing-point', 4, 'error', null],
      ['missing-point', 6, 'error', null],
      ['diagnostics-capped', null, 'info', 3],
    ]);
  });

  it('leaves a list within its limits as it is', () => {
    const list = [info(1), error(2)];
    expect(capDiagnostics(list, { perCode: 1, perFile: 2 })).toEqual(list);
  });

  it('keeps an error among the counted ones loud: the count is an error, so the input stays invalid', () => {
    const listed = capDiagnostics([error(1), error(2), error(3)], { perCode: 1, perFile: 1000 });
    expect(listed.map((d) => [d.code, d.severity, d.count ?? null])).toEqual([
      ['missing-point', 'error', null],
      ['diagnostics-capped', 'error', 2],
    ]);
    expect(countSeverities(listed).errorCount).toBe(3);
  });
});
