/**
 * Text for a terminal or a log read line by line: control characters written as escapes, so that
 * a file name or cell holding ESC sequences cannot drive the terminal, and one holding a newline
 * cannot split a diagnostic over two lines (issue 14 item 14). Escaped: C0 and C1 controls, DEL,
 * the line and paragraph separators, and the bidirectional overrides that reorder what is shown.
 */

const NAMED: Record<number, string> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

function isControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f
  );
}

function escapeOf(code: number): string {
  const named = NAMED[code];
  if (named !== undefined) return named;
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with each control character written as an escape (`\n`, `\x1B`, `\u202E`). */
export function escapeControls(text: string): string {
  let out = '';
  let from = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (!isControl(code)) continue;
    out += text.slice(from, at) + escapeOf(code);
    from = at + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
