/**
 * Markdown to raw blocks: GFM pipe tables, pandoc's grid and multiline tables and HTML tables become raw tables, every other block
 * (headings, paragraphs, list items, code, HTML without a table) becomes text, all in reading order
 * with the 1-based line each starts on. Parsing is remark's (CommonMark + GFM) and, for HTML,
 * hast's; nothing here reads the markdown with regular expressions.
 */
import type { Heading, Paragraph, RootContent } from 'mdast';
import type { Diagnostic, RawBlock, RawDocument } from '../../model.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { defuseMarkdown, type PlainBlock } from './defuse.js';
import { mayHoldTable, readHtml } from './htmlBlocks.js';
import { extractPandocTables, type PandocTable } from './pandocTables.js';
import { parseMarkdown } from './parseMarkdown.js';
import { phrasingText } from './phrasingText.js';
import { readPipeTable } from './pipeTable.js';
import { recoverTable } from './recoverTable.js';
import { segments } from './segments.js';

interface Context {
  /** The markdown the nodes' offsets point into. */
  source: string;
  /** Added to a node's line to give the line of the input (non-zero inside recovered text). */
  lineOffset: number;
  /** What holds the nodes: "list item", "quote", or null at the top level. */
  container: string | null;
  /** Inside text already re-read as a table: never re-read again. */
  recovered: boolean;
  blocks: RawBlock[];
  diagnostics: Diagnostic[];
}

export function readMarkdown(text: string, diagnostics: Diagnostic[]): RawDocument {
  const blocks: RawBlock[] = [];
  // Pandoc's tables are cut out first: they never reach the CommonMark parser, so their cells cost it nothing.
  const pandoc = extractPandocTables(text, diagnostics);
  const defused = defuseMarkdown(pandoc.markdown, diagnostics);
  const source = defused.markdown;
  const context: Context = { source, lineOffset: 0, container: null, recovered: false, blocks, diagnostics };
  try {
    for (const segment of segments(source)) {
      readNodes(parseMarkdown(segment.text).children, { ...context, source: segment.text, lineOffset: segment.firstLine - 1 });
    }
  } catch (error) {
    // The parsers walk the tree recursively: thousands of nested quotes, lists or HTML elements
    // (never seen in a real paper) exhaust the stack. That is unreadable content, not a crash.
    if (!(error instanceof RangeError)) throw error;
    blocks.length = 0;
    diagnostics.push(diagnostic('markdown-too-deep', {}));
  }
  const cutOut = [...pandoc.tables.map(pandocBlock), ...defused.plain.map(plainBlock)].sort((a, b) => a.line - b.line);
  return { format: 'markdown', blocks: withBlocksCutOut(blocks, cutOut), diagnostics };
}

/** A block cut out of the markdown before parsing, with the 1-based line it starts on. */
interface CutOut {
  line: number;
  block: RawBlock;
}

function pandocBlock(table: PandocTable): CutOut {
  return { line: table.firstLine + 1, block: { kind: 'table', table: table.table } };
}

function plainBlock(plain: PlainBlock): CutOut {
  return { line: plain.line, block: { kind: 'text', text: plain.text, place: { line: plain.line } } };
}

/** The blocks cut out (pandoc's tables, text too costly to parse) put back among the others, in the order of their lines. */
function withBlocksCutOut(blocks: readonly RawBlock[], cutOut: readonly CutOut[]): RawBlock[] {
  if (cutOut.length === 0) return [...blocks];
  const lineOf = (block: RawBlock) => (block.kind === 'table' ? block.table.place.line : block.place.line) ?? 0;
  const merged: RawBlock[] = [];
  let next = 0;
  for (const block of blocks) {
    while (next < cutOut.length && cutOut[next]!.line < lineOf(block)) merged.push(cutOut[next++]!.block);
    merged.push(block);
  }
  while (next < cutOut.length) merged.push(cutOut[next++]!.block);
  return merged;
}

function readNodes(nodes: readonly RootContent[], context: Context): void {
  for (const node of nodes) readNode(node, context);
}

function lineOf(node: RootContent, context: Context): number {
  return (node.position?.start.line ?? 1) + context.lineOffset;
}

function readNode(node: RootContent, context: Context): void {
  switch (node.type) {
    case 'table':
      context.blocks.push({ kind: 'table', table: readPipeTable(node, context.lineOffset) });
      return;
    case 'html':
      readHtml(node.value, lineOf(node, context), context.blocks, context.diagnostics);
      return;
    case 'paragraph':
    case 'heading':
      readTextBlock(node, context);
      return;
    case 'code':
      pushText(node.value, lineOf(node, context), context);
      return;
    case 'list':
      readNodes(node.children, context);
      return;
    case 'listItem':
      readNodes(node.children, { ...context, container: 'list item' });
      return;
    case 'blockquote':
      readNodes(node.children, { ...context, container: 'quote' });
      return;
    case 'footnoteDefinition':
      readNodes(node.children, { ...context, container: 'footnote' });
      return;
    default:
      // Thematic breaks and link definitions hold no text of the document.
      return;
  }
}

function readTextBlock(node: Paragraph | Heading, context: Context): void {
  const line = lineOf(node, context);
  // A <table> opened inside a line of text is inline HTML to the markdown parser: read the whole
  // block as HTML so that the table is still a table.
  if (node.children.some((child) => child.type === 'html' && mayHoldTable(child.value))) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) {
      readHtml(context.source.slice(start, end), line, context.blocks, context.diagnostics);
      return;
    }
  }
  if (node.type === 'paragraph' && !context.recovered && readRecoveredTable(node, context)) return;
  pushText(phrasingText(node.children), line, context);
}

function readRecoveredTable(paragraph: Paragraph, context: Context): boolean {
  const recovery = recoverTable(paragraph, context.source, context.container);
  if (!recovery) return false;
  const nodes = parseMarkdown(recovery.markdown).children;
  if (!nodes.some((node) => node.type === 'table')) return false;
  const lineOffset = recovery.firstLine - 1 + context.lineOffset;
  const lastLine = lineOffset + recovery.markdown.split('\n').length;
  const headingLine = recovery.headingLine + context.lineOffset;
  context.diagnostics.push(diagnostic('table-recovered', { from: headingLine, to: lastLine, reason: recovery.reason }, { line: headingLine }));
  readNodes(nodes, { ...context, source: recovery.markdown, lineOffset, recovered: true });
  return true;
}

function pushText(text: string, line: number, context: Context): void {
  const trimmed = text.trim();
  if (trimmed !== '') context.blocks.push({ kind: 'text', text: trimmed, place: { line } });
}
