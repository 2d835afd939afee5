/**
 * Every office-format fixture (fixtures/office/make-fixtures.mjs) gives exactly its hand-checked
 * return through the whole pipeline; the command line finds each format from its content, forces
 * each with --from, and reads a folder of them all in one run.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';
import type { SourceFormat } from '../src/model.js';
import { essence, expectedFor, fixtureBytes, type ExpectedReturn } from './lib/expected.js';
import { runCli } from './lib/runCli.js';

const OFFICE = new URL('../fixtures/office/', import.meta.url).pathname;
const INPUTS = readdirSync(OFFICE)
  .filter((name) => !name.endsWith('.mjs') && !name.endsWith('.expected.json'))
  .sort();

const FORMAT_OF: Record<string, SourceFormat> = { docx: 'docx', xlsx: 'xlsx', md: 'markdown', csv: 'csv', json: 'json', ndjson: 'json' };

describe('the office-format fixtures', () => {
  it('are all there', () => {
    expect(INPUTS).toHaveLength(16);
  });

  for (const name of INPUTS) {
    it(`${name} gives exactly its hand-checked return, found from its content alone`, async () => {
      // Read as standard input (no name to go by) and under its own name.
      for (const path of [null, `fixtures/office/${name}`]) {
        const result = await importReturn(fixtureBytes(`office/${name}`), { path });
        expect(
          result.valid,
          `${path}: ${result.diagnostics
            .filter((d) => d.severity === 'error')
            .map((d) => d.message)
            .join('; ')}`,
        ).toBe(true);
        expect(essence(result.charterReturn)).toEqual(expectedFor(name));
        expect(result.charterReturn?.source.format).toBe(FORMAT_OF[name.split('.').pop()!]);
      }
    });
  }
});

describe('Word documents', () => {
  const leaked = ['Workshop figures', 'Check this with the providers', 'Adult Social Care', 'Page 4', 'still to be confirmed'];

  it('keep page headers, footers, footnotes, comments and deleted text out of every cell, and say what was left out', async () => {
    for (const name of ['croydon-2015-table.docx', 'sutton-2016-table.docx']) {
      const result = await importReturn(fixtureBytes(`office/${name}`), { path: name });
      const cells = JSON.stringify(result.charterReturn?.points);
      for (const text of leaked) expect(cells, `${name}: ${text}`).not.toContain(text);
      const codes = result.diagnostics.filter((d) => d.severity === 'info').map((d) => d.code);
      expect(codes).toEqual(expect.arrayContaining(['tracked-changes-accepted', 'cell-span-expanded', 'notes-left-out']));
      const notes = result.diagnostics.find((d) => d.code === 'notes-left-out')!;
      expect(notes.text).toContain('Workshop figures from the learning and development team, April 2016.');
      expect(notes.text).toContain('Check this with the providers before it goes to the board.');
    }
  });

  it("read the producer fixtures' Word sources exactly as their returns written by hand", async () => {
    const producers = new URL('../fixtures/producers/', import.meta.url).pathname;
    const sources = readdirSync(producers).filter((name) => name.endsWith('.docx'));
    expect(sources).toHaveLength(6);
    for (const name of sources) {
      const result = await importReturn(fixtureBytes(`producers/${name}`), { path: name });
      const expected = JSON.parse(readFileSync(join(producers, name.replace(/\.docx$/, '.expected.json')), 'utf8')) as ExpectedReturn[];
      expect(result.valid, name).toBe(true);
      // One input gives one return for now: the paper with two returns gives its first. (The
      // expected returns also name the pages of the PDF made from each; Word has no pages.)
      const { authority, period, points } = expected[0]!;
      expect(essence(result.charterReturn), name).toEqual({ authority, period, points });
    }
  });

  it('find the return among the tables of a council paper, whose other tables are left alone', async () => {
    const result = await importReturn(fixtureBytes('office/sutton-2016-paper.docx'), { path: 'paper.docx' });
    expect(result.valid).toBe(true);
    expect(result.diagnostics.filter((d) => d.code === 'unassigned-text')).toEqual([]);
  });
});

describe('the command line', () => {
  const FORCED: [string, string][] = [
    ['sutton-2016-table.docx', 'docx'],
    ['sutton-2016.xlsx', 'xlsx'],
    ['sutton-2016.ndjson', 'json'],
    ['sutton-2016-grid.md', 'md'],
    ['sutton-2016-excel-eu.csv', 'csv'],
  ];

  it('--from forces each format', async () => {
    for (const [name, from] of FORCED) {
      const result = await runCli(['import', `fixtures/office/${name}`, '--from', from, '-q']);
      expect(result.status, `${name}: ${result.stderr}`).toBe(0);
      expect(essence(JSON.parse(result.stdout))).toEqual(expectedFor(name));
    }
  });

  it('a wrong --from gives one clear line and exit 1', async () => {
    const xlsx = await runCli(['import', 'fixtures/office/sutton-2016-table.docx', '--from', 'xlsx', '-q']);
    expect(xlsx.status).toBe(1);
    expect(xlsx.stderr).toBe(
      'fixtures/office/sutton-2016-table.docx: error office-unreadable: --from xlsx was given, but the input is a Word document, not an Excel workbook: use --from docx, or leave --from out\n',
    );
    const json = await runCli(['import', 'fixtures/office/sutton-2016.xlsx', '--from', 'json', '-q']);
    expect(json.status).toBe(1);
    expect(json.stderr).toMatch(/^fixtures\/office\/sutton-2016\.xlsx: error binary-input: /);
    const docx = await runCli(['import', 'fixtures/croydon-2015.tsv', '--from', 'docx', '-q']);
    expect(docx.stderr).toBe(
      'fixtures/croydon-2015.tsv: error office-unreadable: the input is not a Word document: it is not a zip archive, as .docx and .xlsx files are\n',
    );
  });

  it('reads a folder holding every kind in one run, and reports the .doc in it with a line saying what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'charter-office-'));
    for (const name of INPUTS) copyFileSync(join(OFFICE, name), join(dir, name));
    writeFileSync(join(dir, 'old.doc'), Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]));
    const result = await runCli(['import', dir, '--format', 'ndjson', '-q']);
    expect(result.status).toBe(1);
    const returns = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(returns).toHaveLength(INPUTS.length);
    for (const written of returns) expect(essence(written), written.source.path).toEqual(expectedFor(written.source.path));
    expect(result.stderr).toContain(
      `${join(dir, 'old.doc')}: error unsupported-format: the input is an older Office file (a Word 97–2003 .doc or Excel 97–2003 .xls)`,
    );
  });

  it('validates charter’s own JSON: a natural CI check', async () => {
    const good = await runCli(['validate', 'fixtures/office/croydon-2015.json', '--reporter', 'compact', '-q']);
    expect(good.status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'charter-json-'));
    writeFileSync(
      join(dir, 'submitted.json'),
      JSON.stringify({ schemaVersion: 1, authority: 'Sutton', period: null, source: { path: null, format: 'tsv' }, points: [] }),
    );
    const bad = await runCli(['validate', join(dir, 'submitted.json'), '--reporter', 'compact']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.split('\n')[0]).toBe(
      `${join(dir, 'submitted.json')}: error json-not-a-return: the JSON is not a charter return: Diagnostics: is missing`,
    );
  });

  for (const format of ['json', 'ndjson', 'csv', 'md']) {
    it(`charter template --format ${format} imports back as 21 empty points`, async () => {
      const form = await runCli(['template', '--format', format, '--period', 'May 2016', '--authority', 'Sutton']);
      const back = await runCli(['import', '-', '-q'], { stdin: form.stdout });
      const read = JSON.parse(back.stdout);
      expect(read.points).toHaveLength(21);
      expect(
        read.points.every(
          (point: Record<string, string>) => point.whereWeAreNow === '' && point.whereWeNeedToImprove === '' && point.nextSteps === '',
        ),
      ).toBe(true);
      expect([read.authority, read.period]).toEqual(['Sutton', 'May 2016']);
    });
  }
});
