/**
 * HTML inside markdown, read with a real HTML parser (hast): every <table> becomes a raw table, and
 * the text around the tables (converters put tab-separated text, lists and paragraphs on the same
 * lines) becomes text blocks, one per source line, so that nothing in the HTML is lost.
 */
import type { Element, ElementContent, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Diagnostic, RawBlock, RawRow, RawTable } from '../../model.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';

/** Elements that run inside a line of text; every other element starts or ends one. */
const INLINE_ELEMENTS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);

const SECTION_ELEMENTS = new Set(['thead', 'tbody', 'tfoot']);

/** A cell spanning more columns than this is a mistake; spreading it further would only add noise. */
const MAX_COLSPAN = 64;

/**
 * Elements nested deeper than this are a damaged or hostile file: the HTML parser's time grows
 * with the square of the depth and the tree walkers run out of stack long before a real paper would.
 */
const MAX_DEPTH = 1000;

/** Elements that never hold others, or that the next sibling closes: they do not deepen the tree. */
const SHALLOW_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'td',
  'th',
  'tr',
  'tbody',
  'thead',
  'tfoot',
  'caption',
  'colgroup',
  'option',
  'optgroup',
  'rt',
  'rp',
]);

export function mayHoldTable(html: string): boolean {
  return html.toLowerCase().includes('<table');
}

/**
 * Read an HTML fragment whose first line is line `firstLine` of the input.
 */
export function readHtml(html: string, firstLine: number, blocks: RawBlock[], diagnostics: Diagnostic[]): void {
  const keepAsText = () => {
    diagnostics.push(diagnostic('html-too-deep', { line: firstLine, maxDepth: MAX_DEPTH }, { line: firstLine }));
    const text = html.trim();
    if (text !== '') blocks.push({ kind: 'text', text, place: { line: firstLine } });
  };
  if (nestingDepth(html) > MAX_DEPTH) {
    keepAsText();
    return;
  }
  const read: RawBlock[] = [];
  const found: Diagnostic[] = [];
  try {
    readHtmlTree(html, firstLine, read, found);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    keepAsText();
    return;
  }
  for (const block of read) blocks.push(block);
  for (const one of found) diagnostics.push(one);
}

/** The deepest nesting of elements that hold others, counted from the tags alone. */
function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  let at = html.indexOf('<');
  while (at >= 0) {
    const closing = html[at + 1] === '/';
    let end = at + (closing ? 2 : 1);
    while (end < html.length && end - at < 16 && /[A-Za-z0-9]/.test(html[end]!)) end++;
    const name = html.slice(at + (closing ? 2 : 1), end).toLowerCase();
    if (name !== '' && /^[a-z]/.test(name) && !SHALLOW_ELEMENTS.has(name)) {
      depth = closing ? Math.max(0, depth - 1) : depth + 1;
      deepest = Math.max(deepest, depth);
    }
    at = html.indexOf('<', end);
  }
  return deepest;
}

function readHtmlTree(html: string, firstLine: number, blocks: RawBlock[], diagnostics: Diagnostic[]): void {
  // As a whole document, not a fragment: parse5 reads stray table tags in a fragment in quadratic time.
  const tree = fromHtml(html);
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
    diagnostics.push(diagnostic('cell-span-expanded', { spans }, { line: tableLine }));
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
        // White space between two pieces of text on a line stays as written (tabs between columns).
        if (this.text !== '') this.text += part;
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
