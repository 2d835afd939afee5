/**
 * HTML inside markdown, read with a real HTML parser (hast): every <table> becomes a raw table, and
 * the text around the tables (converters put tab-separated text, lists and paragraphs on the same
 * lines) becomes text blocks, one per source line, so that nothing in the HTML is lost.
 */
import type { Element, ElementContent, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Diagnostic, RawBlock, RawRow, RawTable } from '../../model.js';

/** Elements that run inside a line of text; every other element starts or ends one. */
const INLINE_ELEMENTS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);

const SECTION_ELEMENTS = new Set(['thead', 'tbody', 'tfoot']);

/** A cell spanning more columns than this is a mistake; spreading it further would only add noise. */
const MAX_COLSPAN = 64;

export function mayHoldTable(html: string): boolean {
  return html.toLowerCase().includes('<table');
}

/**
 * Read an HTML fragment whose first line is line `firstLine` of the input.
 */
export function readHtml(html: string, firstLine: number, blocks: RawBlock[], diagnostics: Diagnostic[]): void {
  const tree = fromHtml(html, { fragment: true });
  const lineOf = (node: { position?: { start: { line: number } } | undefined }, fallback: number) =>
    node.position ? node.position.start.line + firstLine - 1 : fallback;
  const loose = new LooseText(blocks, firstLine);

  const visit = (nodes: readonly (RootContent | ElementContent)[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        loose.add(node.value, lineOf(node, loose.line));
      } else if (node.type === 'element') {
        if (node.tagName === 'table') {
          loose.flush();
          const line = lineOf(node, loose.line);
          const { table, caption } = readHtmlTable(node, line, lineOf, diagnostics);
          if (caption) blocks.push({ kind: 'text', text: caption.text, place: { line: caption.line } });
          blocks.push({ kind: 'table', table });
        } else {
          const inline = INLINE_ELEMENTS.has(node.tagName);
          if (!inline) loose.breakLine();
          if (node.tagName === 'br') loose.breakLine();
          // <template> content lives outside the tree's children; it is never shown, so never a return.
          visit(node.children);
          if (!inline) loose.breakLine();
        }
      }
      // Comments and doctypes hold no text a reader sees.
    }
  };
  visit(tree.children);
  loose.flush();
}

interface Caption {
  text: string;
  line: number;
}

function readHtmlTable(
  table: Element,
  tableLine: number,
  lineOf: (node: Element, fallback: number) => number,
  diagnostics: Diagnostic[],
): { table: RawTable; caption: Caption | null } {
  const rows: RawRow[] = [];
  let caption: Caption | null = null;
  let spans = 0;
  const readRow = (tr: Element) => {
    const cells: string[] = [];
    for (const child of tr.children) {
      if (child.type !== 'element' || (child.tagName !== 'td' && child.tagName !== 'th')) continue;
      cells.push(toText(child));
      const span = Math.min(MAX_COLSPAN, Number(child.properties.colSpan ?? 1) || 1);
      if (span > 1) {
        spans++;
        for (let i = 1; i < span; i++) cells.push('');
      }
    }
    rows.push({ cells, place: { line: lineOf(tr, tableLine) } });
  };
  for (const child of table.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'tr') readRow(child);
    else if (SECTION_ELEMENTS.has(child.tagName)) {
      for (const row of child.children) if (row.type === 'element' && row.tagName === 'tr') readRow(row);
    } else if (child.tagName === 'caption') {
      const text = toText(child).trim();
      if (text !== '') caption = { text, line: lineOf(child, tableLine) };
    }
  }
  if (spans > 0) {
    diagnostics.push({
      severity: 'info',
      code: 'cell-span-expanded',
      message: `${spans} cell${spans === 1 ? '' : 's'} of the HTML table spanning several columns ${spans === 1 ? 'was' : 'were'} followed by empty cells to keep the columns in line`,
      line: tableLine,
    });
  }
  return { table: { rows, place: { line: tableLine } }, caption };
}

/** Text outside tables, gathered by source line: each line holding text becomes one text block. */
class LooseText {
  line: number;
  private text = '';
  private separate = false;

  constructor(
    private readonly blocks: RawBlock[],
    firstLine: number,
  ) {
    this.line = firstLine;
  }

  add(value: string, line: number): void {
    const parts = value.split('\n');
    parts.forEach((part, index) => {
      const partLine = line + index;
      if (partLine !== this.line) {
        this.flush();
        this.line = partLine;
      }
      if (part.trim() === '') {
        if (part !== '' && this.text !== '') this.separate = true;
        return;
      }
      if (this.separate && this.text !== '' && !/\s/.test(this.text.charAt(this.text.length - 1))) this.text += ' ';
      this.separate = false;
      this.text += part;
    });
  }

  /** The next text on this line belongs to another element: keep the two apart. */
  breakLine(): void {
    this.separate = true;
  }

  flush(): void {
    const text = this.text.trim();
    if (text !== '') this.blocks.push({ kind: 'text', text, place: { line: this.line } });
    this.text = '';
    this.separate = false;
  }
}
