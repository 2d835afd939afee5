/** Whether bytes are a PDF: looked at before anything is decoded, so that a PDF is never read as text. */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  // At the start, after a byte-order mark or white space at most…
  if (/^(?:\xef\xbb\xbf)?[ \t\r\n]*%PDF-\d/.test(head)) return true;
  // …or, as readers accept, after a little junk, but then on a line of its own and with the
  // trailer's %%EOF near the end: "%PDF-" quoted in a table's cell is neither.
  const at = head.indexOf('%PDF-');
  if (at <= 0 || (head[at - 1] !== '\n' && head[at - 1] !== '\r')) return false;
  return Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024)))
    .toString('latin1')
    .includes('%%EOF');
}
