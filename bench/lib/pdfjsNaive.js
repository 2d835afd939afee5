// The PDF section's engine reference: pdf.js used naively, as a script that wants a PDF's text
// would: getDocument, then getTextContent of every page. Charter's goal is to cost no more.
// Usage: node pdfjsNaive.js file.pdf (prints the number of text items; exits when done)
import { readFileSync } from 'node:fs';

const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
const document = await getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), isEvalSupported: false }).promise;
let items = 0;
for (let number = 1; number <= document.numPages; number++) {
  const page = await document.getPage(number);
  items += (await page.getTextContent()).items.length;
  page.cleanup();
}
await document.destroy();
process.stdout.write(`${items}\n`, () => process.exit(0));
