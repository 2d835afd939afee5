/** The readers registry is the one list of input formats: everything that names formats is derived from it. */
import { describe, expect, it } from 'vitest';
import { SOURCE_FORMATS } from '../src/model.js';
import { formatFromFileName } from '../src/read/detect.js';
import { FROM_NAMES, isHeavy, READ_EXTENSIONS, READERS, formatFromName } from '../src/read/readers.js';
import { SUPPORTED_EXTENSIONS } from '../src/cli/inputs.js';
import { RETURN_SCHEMA } from '../src/validate/returnSchema.js';

describe('the readers registry', () => {
  it('has one reader for each format of the contract, in the schema too', () => {
    expect(READERS.map((reader) => reader.format)).toEqual([...SOURCE_FORMATS]);
    expect(RETURN_SCHEMA.properties.source.properties.format.enum).toEqual([...SOURCE_FORMATS]);
  });

  it('gives --from its names and the folder walk its file endings', () => {
    expect(FROM_NAMES).toEqual(['tsv', 'csv', 'md', 'pdf', 'text']);
    expect(formatFromName('md')).toBe('markdown');
    expect([...SUPPORTED_EXTENSIONS]).toEqual([...READ_EXTENSIONS]);
    expect(READ_EXTENSIONS).toEqual(['.tsv', '.tab', '.csv', '.md', '.markdown', '.pdf', '.txt']);
  });

  it('lets a file name decide the format, except .txt, whose content decides', () => {
    expect(formatFromFileName('a/b.TAB')).toBe('tsv');
    expect(formatFromFileName('paper.markdown')).toBe('markdown');
    expect(formatFromFileName('paper.pdf')).toBe('pdf');
    expect(formatFromFileName('extracted.txt')).toBeNull();
    expect(formatFromFileName('notes.docx')).toBeNull();
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
