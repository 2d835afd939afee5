/** The body of a Word document read as it prints, tracked changes accepted (src/read/docx/wordBody.ts). */
import { describe, expect, it } from 'vitest';
import { partText, readWordBody } from '../src/read/docx/wordBody.js';

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (...runs: string[]) => `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${runs.join('')}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const tc = (inner: string, properties = '') => `<w:tc><w:tcPr>${properties}</w:tcPr>${inner}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;

function read(body: string) {
  const result = readWordBody(doc(body));
  if ('problem' in result) throw new Error(result.problem);
  return result;
}

describe('a Word body', () => {
  it('gives paragraphs as text and tables as rows, paragraphs in a cell one a line', () => {
    const body = read(
      p(r('Title')) + `<w:tbl>${tr(tc(p(r('1'))), tc(p(r('first')) + p(r('second'), '<w:r><w:br/></w:r>', r('third'))))}</w:tbl>` + p(r('After')),
    );
    expect(body.blocks).toEqual([
      { kind: 'text', text: 'Title', place: {} },
      { kind: 'table', table: { rows: [{ cells: ['1', 'first\nsecond\nthird'], place: {} }], place: {} } },
      { kind: 'text', text: 'After', place: {} },
    ]);
  });

  it('keeps the columns in line: a cell spanning columns is followed by empty cells, a merged cell below is empty', () => {
    const body = read(
      `<w:tbl>${tr(tc(p(r('Title')), '<w:gridSpan w:val="3"/>'))}${tr(tc(p(r('6')), '<w:vMerge w:val="restart"/>'), tc(p(r('a'))), tc(p(r('b'))))}${tr(tc(p(), '<w:vMerge/>'), tc(p(r('c'))), tc(p(r('d'))))}</w:tbl>`,
    );
    const table = body.blocks[0]!;
    expect(table.kind === 'table' && table.table.rows.map((row) => row.cells)).toEqual([
      ['Title', '', ''],
      ['6', 'a', 'b'],
      ['', 'c', 'd'],
    ]);
    expect(body.spannedCells).toBe(2);
  });

  it('reads tracked changes accepted: insertions kept, deletions and deleted rows left out, each counted', () => {
    const body = read(
      `<w:tbl>${tr(tc(p(r('kept '), '<w:ins w:id="1" w:author="A"><w:r><w:t>inserted</w:t></w:r></w:ins>', '<w:del w:id="2" w:author="A"><w:r><w:delText> deleted</w:delText></w:r></w:del>')))}` +
        `<w:tr><w:trPr><w:del w:id="3" w:author="A"/></w:trPr>${tc(p(r('a deleted row')))}</w:tr></w:tbl>`,
    );
    const table = body.blocks[0]!;
    expect(table.kind === 'table' && table.table.rows.map((row) => row.cells)).toEqual([['kept inserted']]);
    expect(body.trackedChanges).toBe(3);
  });

  it('leaves out field codes and the fallback copy of a text box, and gives a nested table to its cell', () => {
    const field =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      r('3') +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const box = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p(r('boxed'))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p(r('boxed'))}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const nested = `<w:tbl>${tr(tc(p(r('inner one'))), tc(p(r('inner two'))))}</w:tbl>`;
    const body = read(p(r('Page '), field) + p(box) + `<w:tbl>${tr(tc(p(r('outer')) + nested))}</w:tbl>`);
    expect(body.blocks.map((block) => (block.kind === 'text' ? block.text : block.table.rows.map((row) => row.cells)))).toEqual([
      'Page 3',
      'boxed',
      [['outer\ninner one\ninner two']],
    ]);
  });

  it('counts footnote and comment marks, which hold no text of the body', () => {
    const body = read(
      p(
        r('a'),
        '<w:r><w:footnoteReference w:id="1"/></w:r>',
        '<w:commentRangeStart w:id="0"/>',
        r('b'),
        '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
      ),
    );
    expect(body.blocks).toEqual([{ kind: 'text', text: 'ab', place: {} }]);
    expect([body.footnoteReferences, body.commentReferences]).toEqual([1, 1]);
  });

  it('is refused where the XML is not well formed or declares a DOCTYPE', () => {
    expect(readWordBody('<w:document><w:body>')).toHaveProperty('problem');
    expect(readWordBody('<!DOCTYPE d [<!ENTITY x "y">]><w:document/>')).toEqual({ problem: 'it declares a DOCTYPE, which Office never writes' });
  });

  it('gives the text of a part such as a page footer', () => {
    expect(partText(`<w:ftr ${W}>${p(r('Page '), r('1'))}${p(r('Sutton'))}</w:ftr>`)).toBe('Page 1 Sutton');
  });
});
