/**
 * The body of a Word document (WordprocessingML) as a reader sees the printed page, with tracked
 * changes accepted: paragraphs outside tables become text blocks, tables become raw tables whose
 * cells hold their paragraphs one a line. A cell spanning columns (`w:gridSpan`) is followed by
 * empty cells, and a cell merged into the one above (`w:vMerge`) is empty, so that every row keeps
 * the table's columns. A table inside a cell gives its text to that cell. Deleted text, deleted
 * rows, field codes and the fallback copies of text boxes are not what prints and are left out.
 */
import type { RawBlock, RawRow } from '../../model.js';
import { attribute, readXmlEvents } from '../office/xmlEvents.js';

export interface WordBody {
  blocks: RawBlock[];
  /** Insertions, deletions and moves tracked in the document. */
  trackedChanges: number;
  /** Cells spanning several columns, or merged with the cell above. */
  spannedCells: number;
  footnoteReferences: number;
  commentReferences: number;
}

/** Elements whose content does not print once changes are accepted (or ever). */
const NOT_PRINTED = new Set(['w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'w:delInstrText', 'mc:Fallback']);
const TRACKED = new Set(['w:ins', 'w:del', 'w:moveFrom', 'w:moveTo']);
/** A cell spanning more grid columns than this is damage; spreading it further would only add noise. */
const MAX_SPAN = 64;

interface OpenRow {
  cells: string[];
  deleted: boolean;
}

export function readWordBody(xml: string): WordBody | { problem: string } {
  const blocks: RawBlock[] = [];
  const body: WordBody = { blocks, trackedChanges: 0, spannedCells: 0, footnoteReferences: 0, commentReferences: 0 };
  /** Text of the paragraphs open (a text box's paragraphs open inside another). */
  const paragraphs: string[] = [];
  /** Depth of tables: only the outermost one gives rows; tables inside its cells give text. */
  let tableDepth = 0;
  let rows: RawRow[] = [];
  let row: OpenRow | null = null;
  let cell: string[] | null = null;
  let span = 1;
  let merged = false;
  let hidden = 0;
  let inText = false;

  const endParagraph = () => {
    const text = paragraphs.pop() ?? '';
    if (tableDepth > 0) {
      cell?.push(text);
    } else if (text.trim() !== '') {
      blocks.push({ kind: 'text', text: text.trim(), place: {} });
    }
  };
  const append = (text: string) => {
    if (hidden > 0) return;
    if (paragraphs.length === 0) paragraphs.push('');
    paragraphs[paragraphs.length - 1] += text;
  };

  const problem = readXmlEvents(xml, {
    open(name, attributes) {
      if (NOT_PRINTED.has(name)) hidden++;
      if (TRACKED.has(name)) body.trackedChanges++;
      switch (name) {
        case 'w:p':
          paragraphs.push('');
          break;
        case 'w:t':
          inText = true;
          break;
        case 'w:tab':
          // A tab stop in a paragraph (w:tab inside w:tabs, in its properties, is no character).
          if (paragraphs.length > 0 && !('w:pos' in attributes)) append('\t');
          break;
        case 'w:br':
        case 'w:cr':
          append('\n');
          break;
        case 'w:noBreakHyphen':
          append('-');
          break;
        case 'w:footnoteReference':
        case 'w:endnoteReference':
          body.footnoteReferences++;
          break;
        case 'w:commentReference':
          body.commentReferences++;
          break;
        case 'w:tbl':
          tableDepth++;
          if (tableDepth === 1) rows = [];
          break;
        case 'w:tr':
          if (tableDepth === 1) row = { cells: [], deleted: false };
          break;
        case 'w:tc':
          if (tableDepth === 1) {
            cell = [];
            span = 1;
            merged = false;
          }
          break;
        case 'w:gridSpan':
          if (tableDepth === 1) span = Math.min(MAX_SPAN, Math.max(1, Number(attribute(attributes, 'val')) || 1));
          break;
        case 'w:vMerge':
          // No value, or "continue": this cell carries on the one above; "restart" begins a merge.
          if (tableDepth === 1) merged = (attribute(attributes, 'val') ?? 'continue') === 'continue';
          break;
      }
      // A row deleted with changes tracked: w:del inside the row's properties.
      if (name === 'w:del' && row !== null && cell === null && tableDepth === 1) row.deleted = true;
    },
    close(name) {
      switch (name) {
        case 'w:p':
          endParagraph();
          break;
        case 'w:t':
          inText = false;
          break;
        case 'w:tc':
          if (tableDepth === 1 && row !== null && cell !== null) {
            // A merged cell's own paragraphs are empty in Word's files; any text it holds is kept all the same.
            row.cells.push(cell.join('\n'));
            if (span > 1 || merged) body.spannedCells++;
            for (let i = 1; i < span; i++) row.cells.push('');
            cell = null;
          }
          break;
        case 'w:tr':
          if (tableDepth === 1 && row !== null) {
            if (!row.deleted) rows.push({ cells: row.cells, place: {} });
            row = null;
          }
          break;
        case 'w:tbl':
          if (tableDepth === 1 && rows.length > 0) blocks.push({ kind: 'table', table: { rows, place: {} } });
          tableDepth = Math.max(0, tableDepth - 1);
          break;
      }
      if (NOT_PRINTED.has(name)) hidden = Math.max(0, hidden - 1);
    },
    text(value) {
      if (inText) append(value);
    },
  });
  if (problem !== null) return { problem };
  return body;
}

/** Every paragraph's text in a part (a page header, the footnotes), for saying what was left out. */
export function partText(xml: string): string {
  const read = readWordBody(xml);
  if ('problem' in read) return '';
  return read.blocks
    .flatMap((block) => (block.kind === 'table' ? block.table.rows.flatMap((row) => row.cells) : [block.text]))
    .map((text) => text.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '')
    .join(' ');
}
