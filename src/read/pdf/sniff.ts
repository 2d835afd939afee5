/** Whether bytes are a PDF: looked at before anything is decoded, so that a PDF is never read as text. */
export function isPdf(bytes: Uint8Array): boolean {
  // The header may follow a little junk; readers accept it within the first kilobyte.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}
