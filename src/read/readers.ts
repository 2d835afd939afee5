/**
 * Every input format charter reads, one entry each: the one list behind `--from`'s choices, the
 * file names a folder walk picks up, the file names that decide a format, content sniffing of
 * bytes, and which inputs are worth a worker thread. A reader's module is loaded only when an
 * input needs it. Adding a reader: its module, and one entry here (and its `format` in the
 * contract's list, SOURCE_FORMATS in model.ts, if it is a new one).
 *
 * Text formats are told apart by detect.ts, which weighs their marks against each other.
 */
import type { SourceFormat } from '../model.js';
import { isOfficeContainer } from './office/sniff.js';
import { isPdf } from './pdf/sniff.js';
import { textReader, type Reader } from './reader.js';

export interface ReaderEntry {
  /** What `source.format` says of a return read by it. */
  format: SourceFormat;
  /** Its name for `--from`. */
  from: string;
  /** File name endings a folder walk reads, lower case with the dot. */
  extensions: readonly string[];
  /**
   * Whether the file name alone may decide the format. False for `.txt`: plain text may hold
   * tab-separated values, CSV or markdown, and its content decides.
   */
  trustExtension: boolean;
  /** `bytes` readers see the input undecoded; `text` readers get it decoded to a string. */
  input: 'bytes' | 'text';
  /** For `bytes` readers: whether the bytes are of this format, looked at before any decoding. */
  sniff?: (bytes: Uint8Array) => boolean;
  /**
   * File name endings of formats its reader recognises only to refuse (a Word 97–2003 `.doc`): a
   * folder walk takes them too, so that each is reported (`unsupported-format`), not passed over.
   */
  refuses?: readonly string[];
  /** Costly enough to read (PDF) that several inputs run it in worker threads. */
  heavy: boolean;
  load(): Promise<Reader>;
}

export const READERS = [
  {
    format: 'tsv',
    from: 'tsv',
    extensions: ['.tsv', '.tab'],
    trustExtension: true,
    input: 'text',
    heavy: false,
    load: async () => (await import('./delimited.js')).delimitedReader('tsv'),
  },
  {
    format: 'csv',
    from: 'csv',
    extensions: ['.csv'],
    trustExtension: true,
    input: 'text',
    heavy: false,
    load: async () => (await import('./delimited.js')).delimitedReader('csv'),
  },
  {
    format: 'markdown',
    from: 'md',
    extensions: ['.md', '.markdown'],
    trustExtension: true,
    input: 'text',
    heavy: false,
    load: async () => textReader((await import('./markdown/readMarkdown.js')).readMarkdown),
  },
  {
    format: 'pdf',
    from: 'pdf',
    extensions: ['.pdf'],
    trustExtension: true,
    input: 'bytes',
    sniff: isPdf,
    heavy: true,
    load: async () => (await import('./pdf/readPdf.js')).readPdf,
  },
  {
    format: 'text',
    from: 'text',
    extensions: ['.txt'],
    trustExtension: false,
    input: 'text',
    heavy: false,
    load: async () => textReader((await import('./text/readPdfText.js')).readPdfText),
  },
  // Word and Excel files are both zip packages (older ones, and password-protected ones, OLE
  // files): whichever entry's sniffing claims the container, readOffice tells them apart by their
  // parts, never by the file name, and checks a forced --from against them.
  {
    format: 'docx',
    from: 'docx',
    extensions: ['.docx'],
    refuses: ['.doc', '.odt'],
    trustExtension: false,
    input: 'bytes',
    sniff: isOfficeContainer,
    heavy: false,
    load: async () => (await import('./office/readOffice.js')).readOffice,
  },
  {
    format: 'xlsx',
    from: 'xlsx',
    extensions: ['.xlsx'],
    refuses: ['.xls', '.ods'],
    trustExtension: false,
    input: 'bytes',
    sniff: isOfficeContainer,
    heavy: false,
    load: async () => (await import('./office/readOffice.js')).readOffice,
  },
  {
    format: 'json',
    from: 'json',
    extensions: ['.json', '.ndjson', '.jsonl'],
    trustExtension: true,
    input: 'text',
    heavy: false,
    load: async () => textReader((await import('./json/readJson.js')).readJsonDocument),
  },
] as const satisfies readonly ReaderEntry[];

/** The `--from` names, in registry order. */
export type FromName = (typeof READERS)[number]['from'];
export const FROM_NAMES: readonly FromName[] = READERS.map((reader) => reader.from);

// The compiler checks that every format of the contract has a reader and that no reader has another.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const EVERY_FORMAT_HAS_A_READER: Same<SourceFormat, (typeof READERS)[number]['format']> = true;

export function readerFor(format: SourceFormat): ReaderEntry {
  return READERS.find((reader) => reader.format === format)!;
}

export function formatFromName(name: FromName): SourceFormat {
  return READERS.find((reader) => reader.from === name)!.format;
}

/** Every file name ending a folder walk reads, in registry order. */
export const READ_EXTENSIONS: readonly string[] = READERS.flatMap((reader) => reader.extensions);

/** File name endings a folder walk takes to report them, though no reader reads them (`refuses`). */
export const REFUSED_EXTENSIONS: readonly string[] = (READERS as readonly ReaderEntry[]).flatMap((reader) => reader.refuses ?? []);

/** The reader of bytes whose sniffing claims these bytes, before any decoding. */
export function sniffBytes(bytes: Uint8Array): ReaderEntry | undefined {
  return (READERS as readonly ReaderEntry[]).find((reader) => reader.input === 'bytes' && reader.sniff?.(bytes));
}

/** Whether reading these bytes is worth a worker thread (a PDF, forced or sniffed). */
export function isHeavy(bytes: Uint8Array, format: SourceFormat | undefined): boolean {
  const reader = format !== undefined ? readerFor(format) : sniffBytes(bytes);
  return reader?.heavy ?? false;
}
