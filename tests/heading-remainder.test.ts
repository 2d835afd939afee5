/**
 * Issue 14 item 8: a sixth heading cell, or words added to a heading cell, are reported with the
 * text they hold (unassigned-text, in the heading row), never dropped without a word.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';

describe('text in the heading row beyond the form', () => {
  it('a sixth heading cell and extra words in one are each quoted in a warning', async () => {
    const lines = readFileSync('fixtures/croydon-2015.tsv', 'utf8').split('\n');
    lines[0] = `${lines[0]!.replace('Where we need to improve', 'Where we need to improve (please be brief)')}\tLead officer`;
    const result = await importReturn(Buffer.from(lines.join('\n')), { path: 'x.tsv' });
    const inHeading = result.diagnostics.filter((d) => d.code === 'unassigned-text').map((d) => [d.severity, d.line, d.message]);
    expect(inHeading).toEqual([
      ['warning', 1, `text "(please be brief)" in the heading row (column 4) is not one of the form's headings; it was left out`],
      ['warning', 1, `text "Lead officer" in the heading row (column 6) is not one of the form's headings; it was left out`],
    ]);
    expect(result.diagnostics.map((d) => d.code)).not.toContain('text-unaccounted');
  });
});
