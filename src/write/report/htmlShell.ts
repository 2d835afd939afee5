/**
 * A self-contained HTML page: one file with its style and script inline and nothing fetched, so
 * that it opens from a file share on a council laptop. Its Content-Security-Policy allows only
 * the page's own style and script (by their hashes), data: pictures and no network at all, so text that slipped
 * past escaping still could not run or load anything. Shared by every page charter draws.
 *
 *   escapeHtml(text)                      text safe in element content and quoted attributes
 *   htmlPage({ title, style, body, script? })
 */
import { createHash } from 'node:crypto';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

function sourceHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

export interface HtmlPage {
  title: string;
  style: string;
  /** Trusted markup: every piece of text in it already escaped. */
  body: string;
  script?: string;
}

export function htmlPage(page: HtmlPage): string {
  const policy = [
    "default-src 'none'",
    `style-src ${sourceHash(page.style)}`,
    page.script === undefined ? "script-src 'none'" : `script-src ${sourceHash(page.script)}`,
    // Pictures only from data: URIs (the page's own icons), which reach no network.
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${page.style}</style>`,
    '</head>',
    '<body>',
    page.body,
    page.script === undefined ? '' : `<script>${page.script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
