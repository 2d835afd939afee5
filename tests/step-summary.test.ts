/** `validate --reporter github` adds a table of files to the job summary named by $GITHUB_STEP_SUMMARY. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../src/pipeline.js';
import type { FileReport } from '../src/report/fileReport.js';
import { stepSummaryMarkdown, stepSummaryRow } from '../src/report/stepSummary.js';
import { brokenTsv, importBroken } from './fixtures-report/brokenReturn.js';
import { runCli } from './lib/runCli.js';

const toReport = (result: ImportResult): FileReport => ({ path: result.path, valid: result.valid, diagnostics: result.diagnostics });

describe('the job summary table', () => {
  it('lists each file, valid or not, its counts and its commonest error and warning codes', async () => {
    const broken = toReport(await importBroken({ missing: 7, duplicated: 12, emptyAnswer: 10, timescaleBeforePeriod: 15 }, 'returns/broken.tsv'));
    const good = toReport(await importBroken({}, 'returns/good.tsv'));
    const markdown = stepSummaryMarkdown([good, broken].map(stepSummaryRow), '2 files: 1 valid, 1 invalid — 2 errors, 2 warnings');
    expect(markdown).toBe(
      [
        '### charter validate',
        '',
        '2 files: 1 valid, 1 invalid — 2 errors, 2 warnings',
        '',
        '| file | valid | errors | warnings | top codes |',
        '| --- | :---: | ---: | ---: | --- |',
        '| `returns/broken.tsv` | ❌ no | 2 | 2 | `duplicate-point` ×1, `missing-point` ×1, `empty-answer` ×1 |',
        '| `returns/good.tsv` | ✅ yes | 0 | 0 | — |',
        '',
        '',
      ].join('\n'),
    );
  });

  it('counts a code as often as it occurs, and leaves infos out', () => {
    const report: FileReport = {
      path: 'x.tsv',
      valid: true,
      diagnostics: [
        { severity: 'warning', code: 'no-timescale', message: 'a' },
        { severity: 'info', code: 'row-number-repaired', message: 'b' },
        { severity: 'warning', code: 'empty-answer', message: 'c' },
        { severity: 'warning', code: 'no-timescale', message: 'd' },
      ],
    };
    expect(stepSummaryRow(report)).toEqual({
      path: 'x.tsv',
      valid: true,
      errors: 0,
      warnings: 3,
      topCodes: [
        { code: 'no-timescale', count: 2 },
        { code: 'empty-answer', count: 1 },
      ],
    });
  });

  it('keeps a path with pipes, backticks and a line break in its own cell, exactly', () => {
    const row = stepSummaryRow({ path: 'a|b`c\nd.tsv', valid: true, diagnostics: [] });
    const line = stepSummaryMarkdown([row], 's').split('\n')[6]!;
    expect(line).toBe('| ``a\\|b`c\\nd.tsv`` | ✅ yes | 0 | 0 | — |');
    expect(stepSummaryMarkdown([stepSummaryRow({ path: null, valid: false, diagnostics: [] })], 's').split('\n')[6]).toBe(
      '| <stdin> | ❌ no | 0 | 0 | — |',
    );
  });

  it('lists only files with problems when there are more than the limit', () => {
    const rows = Array.from({ length: 5 }, (_, i) => stepSummaryRow({ path: `f${i}.tsv`, valid: i !== 3, diagnostics: [] }));
    const lines = stepSummaryMarkdown(rows, 's', 2).trim().split('\n');
    expect(lines.slice(6)).toEqual(['| `f3.tsv` | ❌ no | 0 | 0 | — |', '', '4 more files not listed, all valid without warnings.']);
    const many = Array.from({ length: 4 }, (_, i) => stepSummaryRow({ path: `f${i}.tsv`, valid: false, diagnostics: [] }));
    expect(stepSummaryMarkdown(many, 's', 1).trim().split('\n').pop()).toBe('3 more files not listed, 3 of them with errors or warnings.');
  });
});

describe('charter validate --reporter github with GITHUB_STEP_SUMMARY', () => {
  function scratch(): string {
    const dir = mkdtempSync(join(tmpdir(), 'charter-summary-'));
    writeFileSync(join(dir, 'broken.tsv'), brokenTsv({ missing: 7 }));
    writeFileSync(join(dir, 'summary.md'), '## earlier step\n\n');
    return dir;
  }

  it('appends the table to the file, after what earlier steps wrote', async () => {
    const dir = scratch();
    const result = await runCli(['validate', 'fixtures/croydon-2015.tsv', join(dir, 'broken.tsv'), '--reporter', 'github'], {
      env: { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') },
    });
    expect(result.status).toBe(1);
    const written = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(written.startsWith('## earlier step\n\n### charter validate\n\n2 files: 1 valid, 1 invalid — 1 error, 6 warnings\n')).toBe(true);
    expect(written).toContain(`| \`${join(dir, 'broken.tsv')}\` | ❌ no | 1 | 0 | \`missing-point\` ×1 |`);
    expect(written).toContain('| `fixtures/croydon-2015.tsv` | ✅ yes | 0 | 6 | `no-timescale` ×6 |');
    expect(result.stderr).toContain('::error file=');
  });

  it('writes nothing with another reporter or without the variable', async () => {
    const dir = scratch();
    await runCli(['validate', join(dir, 'broken.tsv'), '--reporter', 'compact'], { env: { GITHUB_STEP_SUMMARY: join(dir, 'summary.md') } });
    await runCli(['validate', join(dir, 'broken.tsv'), '--reporter', 'github'], { env: {} });
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe('## earlier step\n\n');
  });

  it('says in one line when the summary cannot be written, and exits 2', async () => {
    const dir = scratch();
    const result = await runCli(['validate', 'fixtures/croydon-2015.tsv', '--reporter', 'github'], {
      env: { GITHUB_STEP_SUMMARY: join(dir, 'no', 'such.md') },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`charter: cannot add to the job summary GITHUB_STEP_SUMMARY=${join(dir, 'no', 'such.md')}: no such folder\n`);
  });
});
