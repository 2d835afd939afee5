/** The registries are the one list of input formats, output formats and reporters: everything that names them is derived from them. */
import { describe, expect, it } from 'vitest';
import { SOURCE_FORMATS } from '../src/model.js';
import { formatFromFileName } from '../src/read/detect.js';
import { FROM_NAMES, isHeavy, READ_EXTENSIONS, READERS, REFUSED_EXTENSIONS, formatFromName, sniffBytes } from '../src/read/readers.js';
import { SUPPORTED_EXTENSIONS } from '../src/cli/inputs.js';
import { RETURN_SCHEMA } from '../src/validate/returnSchema.js';
import { OUTPUT_EXTENSIONS, writeReturns } from '../src/write/writeReturns.js';
import { OUTPUT_FORMATS, WRITERS } from '../src/write/writers.js';
import { blankReturn } from '../src/charter/template.js';
import { loadReporter, REPORTER_NAMES, REPORTERS } from '../src/report/reporters.js';
import { createReportStream } from '../src/cli/reportStream.js';
import { Chalk } from 'chalk';

describe('the readers registry', () => {
  it('has one reader for each format of the contract, in the schema too', () => {
    expect(READERS.map((reader) => reader.format)).toEqual([...SOURCE_FORMATS]);
    expect(RETURN_SCHEMA.properties.source.properties.format.enum).toEqual([...SOURCE_FORMATS]);
  });

  it('gives --from its names and the folder walk its file endings', () => {
    expect(FROM_NAMES).toEqual(['tsv', 'csv', 'md', 'pdf', 'text', 'docx', 'xlsx', 'json']);
    expect(formatFromName('md')).toBe('markdown');
    expect([...SUPPORTED_EXTENSIONS]).toEqual([...READ_EXTENSIONS]);
    expect(READ_EXTENSIONS).toEqual(['.tsv', '.tab', '.csv', '.md', '.markdown', '.pdf', '.txt', '.docx', '.xlsx', '.json', '.ndjson', '.jsonl']);
    // Taken by a folder walk only to be reported: unsupported-format says what to save each as.
    expect(REFUSED_EXTENSIONS).toEqual(['.doc', '.odt', '.xls', '.ods']);
  });

  it('lets a file name decide the format, except .txt, whose content decides, and Word and Excel files, whose bytes do', () => {
    expect(formatFromFileName('a/b.TAB')).toBe('tsv');
    expect(formatFromFileName('paper.markdown')).toBe('markdown');
    expect(formatFromFileName('paper.pdf')).toBe('pdf');
    expect(formatFromFileName('extracted.txt')).toBeNull();
    expect(formatFromFileName('notes.docx')).toBeNull();
    expect(formatFromFileName('returns.ndjson')).toBe('json');
  });

  it('claims zip packages and OLE files (Word, Excel, and the Office formats it refuses) before any decoding', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]);
    expect([sniffBytes(zip)?.input, sniffBytes(ole)?.input, sniffBytes(Buffer.from('No.\tCharter point\n'))]).toEqual(['bytes', 'bytes', undefined]);
    expect(isHeavy(zip, undefined)).toBe(false);
  });

  it('sends PDFs, forced or sniffed, to worker threads, and nothing else', () => {
    const pdf = Buffer.from('%PDF-1.7\n');
    const tsv = Buffer.from('No.\tCharter point\n');
    expect([isHeavy(pdf, undefined), isHeavy(tsv, undefined), isHeavy(tsv, 'pdf'), isHeavy(pdf, 'tsv')]).toEqual([true, false, true, false]);
  });

  it('loads every reader as a function of bytes and options', async () => {
    for (const reader of READERS) expect(typeof (await reader.load()), reader.format).toBe('function');
  });
});

describe('the writers registry', () => {
  it('gives --format its names and --out-dir its endings', () => {
    expect(OUTPUT_FORMATS).toEqual(['json', 'csv', 'md', 'ndjson']);
    expect(OUTPUT_EXTENSIONS).toEqual({ json: '.json', csv: '.csv', md: '.md', ndjson: '.ndjson' });
  });

  it('writes the blank form in every format it lists', async () => {
    for (const writer of WRITERS) {
      const text = await writeReturns([blankReturn()], writer.name);
      expect(text, writer.name).toContain('Ensure assessments/care planning');
    }
  });
});

describe('the reporters registry', () => {
  it('gives --reporter its names, and says which write as the run goes', () => {
    expect(REPORTER_NAMES).toEqual(['stylish', 'compact', 'json', 'github', 'sarif']);
    expect(REPORTERS.filter((entry) => entry.streams).map((entry) => entry.name)).toEqual(['stylish', 'compact', 'github']);
  });

  it('loads each reporter with a part for each file exactly where it says it streams', async () => {
    for (const entry of REPORTERS) expect('perFile' in (await entry.load()), entry.name).toBe(entry.streams);
  });

  it('streams file by file what the reporter writes for the files one at a time', async () => {
    const report = {
      path: 'a.tsv',
      valid: false,
      diagnostics: [{ severity: 'error' as const, code: 'missing-point', message: 'point 7 is missing', point: 7 }],
    };
    for (const entry of REPORTERS) {
      const stream = await createReportStream(entry.name, new Chalk({ level: 0 }), '0.1.0');
      const written = stream.file(report) + stream.end();
      expect(written, entry.name).toContain('missing-point');
      if (entry.name === 'compact' || entry.name === 'github') expect(written, entry.name).toBe((await loadReporter(entry.name)).report([report]));
    }
  });
});
