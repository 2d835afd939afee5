/** CSV with the delimiter found from the content (comma, semicolon, tab), or forced with --delimiter. */
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';
import { sniffDelimiter } from '../src/read/delimiterSniff.js';
import { essence, expectedFor, fixtureBytes } from './lib/expected.js';
import { runCli } from './lib/runCli.js';

const EUROPEAN = ['croydon-2015-excel-eu.csv', 'sutton-2016-excel-eu.csv'];

describe("Excel's CSV where the decimal mark is a comma: ';', Windows-1252, a title line above the heading", () => {
  for (const name of EUROPEAN) {
    it(`${name} gives exactly its return, named or read from standard input`, async () => {
      for (const path of [`fixtures/office/${name}`, null]) {
        const result = await importReturn(fixtureBytes(`office/${name}`), { path });
        expect(result.valid, String(path)).toBe(true);
        expect(essence(result.charterReturn)).toEqual(expectedFor(name));
        expect(result.charterReturn?.source.format).toBe('csv');
        const infos = result.diagnostics.filter((d) => d.code === 'delimiter-guessed' || d.code === 'encoding-guessed').map((d) => d.code);
        expect(infos.sort()).toEqual(['delimiter-guessed', 'encoding-guessed']);
      }
    });
  }

  it('reads with --from csv, and with --delimiter without saying it guessed', async () => {
    const forced = await importReturn(fixtureBytes('office/sutton-2016-excel-eu.csv'), { path: 'x.txt', format: 'csv' });
    expect(essence(forced.charterReturn)).toEqual(expectedFor('sutton-2016'));
    const told = await importReturn(fixtureBytes('office/sutton-2016-excel-eu.csv'), { path: 'x.txt', delimiter: ';' });
    expect(essence(told.charterReturn)).toEqual(expectedFor('sutton-2016'));
    expect(told.diagnostics.map((d) => d.code)).not.toContain('delimiter-guessed');
  });

  it('forced to the wrong delimiter, finds no return rather than a wrong one', async () => {
    const wrong = await importReturn(fixtureBytes('office/sutton-2016-excel-eu.csv'), { path: 'x.csv', delimiter: ',' });
    expect(wrong.valid).toBe(false);
    expect(wrong.charterReturn).toBeNull();
    expect(wrong.diagnostics.map((d) => d.code).sort()).toEqual(['encoding-guessed', 'no-return-found']);
  });
});

describe('sniffing the delimiter', () => {
  const heading = ['No.', 'Charter point', 'Where we are now (May 2015)', 'Where we need to improve', 'Next steps'];
  it('takes the one that splits a row into the form’s headings, above which a title and blank lines may stand', () => {
    for (const delimiter of [',', ';', '\t'] as const) {
      const text = `Croydon, return; draft\n\n${heading.join(delimiter)}\n1${delimiter}Ensure, that${delimiter}a; b${delimiter}c${delimiter}d\n`;
      expect(sniffDelimiter(text)).toMatchObject({ delimiter, heading: true });
    }
  });

  it('without a heading, takes the one that gives most rows the same cells; quoted delimiters do not count', () => {
    expect(sniffDelimiter('a;b;c\n"x;y";"1,2,3,4";z\nd;e;f\n')?.delimiter).toBe(';');
    expect(sniffDelimiter('a,b,c\n"x;y;z;w",1,2\nd,e,f\n')?.delimiter).toBe(',');
    expect(sniffDelimiter('Just a paragraph of prose, with a comma; and a semicolon.\nAnother line.\n')).toBeNull();
  });
});

describe('--delimiter', () => {
  it('forces the delimiter and takes tab by name', async () => {
    const semicolon = await runCli(['import', 'fixtures/office/sutton-2016-excel-eu.csv', '--delimiter', ';', '-q']);
    expect(semicolon.status).toBe(0);
    expect(essence(JSON.parse(semicolon.stdout))).toEqual(expectedFor('sutton-2016'));
    const tab = await runCli(['import', 'fixtures/croydon-2015.tsv', '--delimiter', 'tab', '-q']);
    expect(tab.status).toBe(0);
    expect(essence(JSON.parse(tab.stdout))).toEqual(expectedFor('croydon-2015'));
  });

  it('refuses what is not one character, in one line', async () => {
    const bad = await runCli(['import', 'fixtures/croydon-2015.tsv', '--delimiter', ';;']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`charter: --delimiter takes one character, such as ',' ';' or tab, not ";;"\n`);
  });
});
