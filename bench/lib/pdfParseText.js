// Reference for the PDF section: the text of every page with pdf-parse's getText() (pdf.js, the
// engine charter's PDF reader uses), to show what the engine alone costs. Exits when done.
// Usage: node pdfParseText.js file.pdf
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';

const parser = new PDFParse({ data: new Uint8Array(readFileSync(process.argv[2])), isEvalSupported: false });
let length = 0;
try {
  length = (await parser.getText()).text.length;
} finally {
  await parser.destroy();
}
process.stdout.write(`${length}\n`, () => process.exit(0));
