/** The Excel and JSON readers, on their own: what each gives the shared normaliser. */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readJson } from '../src/read/json/readJson.js';
import { importReturn } from '../src/pipeline.js';
import { dateStylesOf, serialDate } from '../src/read/xlsx/dateCells.js';
import { columnIndex, readSheetCells } from '../src/read/xlsx/sheetCells.js';
import { readXlsx } from '../src/read/xlsx/readXlsx.js';
import { blankReturn } from '../src/charter/template.js';
import { fixtureBytes } from './lib/expected.js';

describe('an Excel sheet', () => {
  it('reads shared and inline strings, formula results, booleans, errors and numbers by their references', () => {
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row r="2"><c r="B2" t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><r><t>rich </t></r><r><t>text</t></r><rPh><t>guide</t></rPh></is></c></row>
      <row r="3"><c r="A3"><v>21</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="E3" t="str"><f>A1</f><v>line one_x000D_
line two</v></c></row>
      </sheetData><mergeCells count="1"><mergeCell ref="A1:E1"/></mergeCells></worksheet>`;
    expect(readSheetCells(xml, { sharedStrings: ['zero', 'one\nand two'], dateStyles: new Map(), date1904: false })).toEqual({
      rows: [
        { number: 2, cells: ['', 'one\nand two', '', 'rich text'] },
        { number: 3, cells: ['21', 'TRUE', '#N/A', '', 'line one\r\nline two'] },
      ],
      merges: ['A1:E1'],
      dates: [],
    });
  });

  it('turns column letters into indexes, and refuses references past XFD', () => {
    expect(['A1', 'Z9', 'AA1', '$B$2', 'XFD1', 'XFE1', '1'].map(columnIndex)).toEqual([0, 25, 26, 1, 16383, null, null]);
  });

  it('of a workbook: the sheet holding the return is read, with its row numbers as lines; the others are named', async () => {
    const result = await readXlsx(fixtureBytes('office/sutton-2016.xlsx'), { path: 'x.xlsx' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [title, table] = result.document.blocks;
    expect(title).toEqual({ kind: 'text', text: 'London Borough of Sutton: End of Life Care Charter return', place: { line: 1 } });
    expect(table?.kind === 'table' && table.table.rows.slice(0, 2).map((row) => [row.place.line, row.cells[0], row.cells[1]])).toEqual([
      [3, 'No.', 'Charter point'],
      [
        4,
        '1',
        'Ensure assessments/care planning for service users and carers are outcome focused, person centred, holistic, maximising quality of life, understanding lifestyle/culture',
      ],
    ]);
    expect(table?.kind === 'table' && table.table.rows[1]!.cells[2]).toContain('\n');
    expect(result.document.diagnostics.map((d) => d.message)).toEqual([
      'read sheet "Return", which holds the return; sheets "Cover", "Notes" were not read',
      '1 merged range of cells on sheet "Return": each value was read in its first cell, with the cells it covers empty, to keep the columns in line',
    ]);
  });
});

describe('Excel dates', () => {
  it('are read as their number format shows them: month and year, or the day first', () => {
    expect(serialDate('42248', 'month', false)).toBe('September 2015');
    expect(serialDate('42825', 'day', false)).toBe('31/03/2017');
    expect(serialDate('60', 'day', false)).toBe('29/02/1900');
    expect(serialDate('61', 'day', false)).toBe('01/03/1900');
    expect(serialDate('0', 'day', true)).toBeNull();
    expect(serialDate('1', 'day', true)).toBe('02/01/1904');
    expect(serialDate('x', 'day', false)).toBeNull();
  });

  it('are found from the styles: built-in and custom date formats, not other numbers', () => {
    const styles = `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="mmm\-yy"/><numFmt numFmtId="165" formatCode="&quot;Day&quot; 0.0"/></numFmts>
      <cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="2"/></cellXfs></styleSheet>`;
    expect([...dateStylesOf(styles)]).toEqual([
      [1, 'month'],
      [2, 'day'],
    ]);
  });

  it('in a workbook: a next step typed as "Sept 2016", which Excel made a date, reads as the month, with an info', async () => {
    const heading = ['No.', 'Charter point', 'Where we are now', 'Where we need to improve', 'Next steps']
      .map((text, i) => `<c r="${'ABCDE'[i]}1" t="inlineStr"><is><t>${text}</t></is></c>`)
      .join('');
    const point = (n: number) =>
      `<row r="${n + 1}"><c r="A${n + 1}"><v>${n}</v></c><c r="B${n + 1}" t="inlineStr"><is><t>${blankReturn().points[n - 1]!.charterPoint.replace(/&/g, '&amp;')}</t></is></c><c r="C${n + 1}" t="inlineStr"><is><t>Now</t></is></c><c r="D${n + 1}" t="inlineStr"><is><t>Better</t></is></c><c r="E${n + 1}" s="1"><v>42614</v></c></row>`;
    const sheet = `<worksheet><sheetData><row r="1">${heading}</row>${[1, 2, 3].map(point).join('')}</sheetData></worksheet>`;
    const xlsx = zipSync({
      'xl/workbook.xml': strToU8('<workbook xmlns:r="r"><sheets><sheet name="Return" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
      'xl/styles.xml': strToU8(
        '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="mmm-yy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>',
      ),
    });
    const result = await readXlsx(xlsx, { path: 'dates.xlsx' });
    if (!result.ok) throw new Error(result.diagnostics[0]!.message);
    const table = result.document.blocks[0]!;
    expect(table.kind === 'table' && table.table.rows[1]!.cells[4]).toBe('September 2016');
    expect(result.document.diagnostics.map((d) => d.message)).toEqual([
      '3 cells on sheet "Return" hold dates, read as they show: E2 (stored as 42614) as "September 2016", E3 (stored as 42614) as "September 2016", E4 (stored as 42614) as "September 2016"',
    ]);
  });
});

describe('charter’s own JSON', () => {
  const form = blankReturn({ authority: 'Sutton', period: 'June 2016' });

  it('one object, an array, or one a line: a table in the form’s layout declaring its authority and period', () => {
    for (const text of [JSON.stringify(form), JSON.stringify([form]), `${JSON.stringify(form)}\n`]) {
      const read = readJson(text, {});
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      const [block] = read.blocks;
      expect(block?.kind === 'table' && block.table.declared).toEqual({ authority: 'Sutton', period: 'June 2016' });
      expect(block?.kind === 'table' && block.table.rows.length).toBe(22);
    }
  });

  it('puts the points in charter order, and places NDJSON returns by their line', () => {
    const shuffled = { ...form, points: [...form.points].reverse() };
    const read = readJson(`${JSON.stringify(form)}\n\n${JSON.stringify(shuffled)}\n`, {});
    if (!read.ok) throw new Error('not read');
    const block = read.blocks[1]!;
    expect(block.kind === 'table' && block.table.rows.slice(1).map((row) => row.cells[0])).toEqual(form.points.map((point) => String(point.number)));
    expect(read.blocks.map((each) => each.kind === 'table' && each.table.place)).toEqual([{ line: 1 }, { line: 3 }]);
  });

  it('says what is wrong with text that is not JSON, a broken line, an empty array, or an object that is no return', () => {
    const codes = (text: string) => {
      const read = readJson(text, { checkReturn: () => ['Schema version: is missing'] });
      return read.diagnostics.map((d) => `${d.code}: ${d.message}`);
    };
    expect(codes('{"points": [')[0]).toMatch(/^json-unreadable: the input is not JSON or NDJSON: /);
    expect(codes(`${JSON.stringify(form)}\n{oops}\n`)[0]).toMatch(/^json-unreadable: the input is not JSON or NDJSON: line 2: /);
    expect(codes('[]')).toEqual(['json-not-a-return: the JSON holds no return: it is an empty array']);
    expect(codes('{"points": [{"number": "1"}]}')).toEqual([
      'json-not-a-return: the JSON is not a charter return: authority: must be text or null; period: must be text or null; point 1: its number must be a whole number; and 4 more',
    ]);
    expect(codes(JSON.stringify(form))).toEqual(['json-not-a-return: the JSON is not a charter return: Schema version: is missing']);
  });

  it('reads every return of an array, or of NDJSON, each as a return of its own', async () => {
    const other = { ...form, authority: 'Sutton', period: 'May 2016' };
    for (const text of [JSON.stringify([form, other, form]), [form, other, form].map((one) => JSON.stringify(one)).join('\n')]) {
      const result = await importReturn(Buffer.from(text), { path: 'many.json' });
      expect(result.returns.map((r) => [r.authority, r.period, r.points.length])).toEqual([
        [form.authority, form.period, form.points.length],
        ['Sutton', 'May 2016', form.points.length],
        [form.authority, form.period, form.points.length],
      ]);
    }
  });
});
