/**
 * The text of inline markdown as its author meant it: emphasis, bold and code markers gone,
 * escapes and entities already undone by the parser, `<br>` (and hard breaks) as line breaks,
 * other inline HTML tags dropped while the text between them stays.
 */
import type { PhrasingContent } from 'mdast';

const LINE_BREAK_TAG = /^<br\s*\/?>$/i;

export function phrasingText(nodes: readonly PhrasingContent[]): string {
  let text = '';
  for (const node of nodes) text += nodeText(node);
  return text;
}

function nodeText(node: PhrasingContent): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
      // A tag on its own: <br> is a line break, any other tag is markup around text we keep.
      return LINE_BREAK_TAG.test(node.value.trim()) ? '\n' : '';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'footnoteReference':
      return `[^${node.label ?? node.identifier}]`;
    default:
      return 'children' in node ? phrasingText(node.children) : '';
  }
}
