/**
 * Zip-based inputs: which Office format the archive is (from its parts, not its name), handed to
 * the Word or Excel reader; OpenDocument files and older binary Office files get a clear error
 * that says what to save them as. A forced `--from docx` or `--from xlsx` that does not match the
 * content says so rather than reading the wrong thing.
 */
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { ReadOptions, ReadResult } from '../reader.js';
import {
  notOfficeDiagnostic,
  unsupportedFormatDiagnostic,
  zipProblemDiagnostic,
  type OfficeKind,
  type UnsupportedFormat,
} from './officeDiagnostics.js';
import { isOle } from './sniff.js';
import { isZipProblem, ZipArchive } from './zipArchive.js';

type ZipKind = 'docx' | 'xlsx' | UnsupportedFormat | 'other';

function zipKind(archive: ZipArchive): ZipKind {
  if (archive.has('word/document.xml')) return 'docx';
  if (archive.has('xl/workbook.xml')) return 'xlsx';
  if (archive.has('mimetype')) {
    const mimetype = archive.readText('mimetype');
    if (typeof mimetype === 'string') {
      if (mimetype.startsWith('application/vnd.oasis.opendocument.text')) return 'odt';
      if (mimetype.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
      if (mimetype.startsWith('application/vnd.oasis.opendocument')) return 'odf';
    }
  }
  // A package whose main part has another name: its content types say what it is.
  const types = archive.has('[Content_Types].xml') ? archive.readText('[Content_Types].xml') : null;
  if (typeof types === 'string') {
    if (types.includes('wordprocessingml.document.main')) return 'docx';
    if (types.includes('spreadsheetml.sheet.main')) return 'xlsx';
  }
  return 'other';
}

const KIND_NAMES = { docx: 'Word document', xlsx: 'Excel workbook' } as const satisfies Record<string, OfficeKind>;

export async function readOffice(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  const forced = options.format === 'docx' || options.format === 'xlsx' ? options.format : undefined;
  const expected: OfficeKind = forced ? KIND_NAMES[forced] : 'Word or Excel file';
  if (isOle(bytes)) return { ok: false, diagnostics: [unsupportedFormatDiagnostic('ole')] };
  const archive = ZipArchive.open(bytes);
  if (isZipProblem(archive)) {
    const notZip = bytes[0] !== 0x50 || bytes[1] !== 0x4b;
    return { ok: false, diagnostics: [notZip ? notOfficeDiagnostic(expected, 'not-zip') : zipProblemDiagnostic(archive, expected)] };
  }
  const kind = zipKind(archive);
  switch (kind) {
    case 'docx':
    case 'xlsx': {
      if (forced !== undefined && forced !== kind)
        return { ok: false, diagnostics: [diagnostic('office-unreadable', { kind: 'wrong-from', forced, found: kind })] };
      if (kind === 'docx') {
        const { readDocx } = await import('../docx/readDocx.js');
        return readDocx(bytes, options);
      }
      const { readXlsx } = await import('../xlsx/readXlsx.js');
      return readXlsx(bytes, options);
    }
    case 'other':
      return { ok: false, diagnostics: [notOfficeDiagnostic(expected, 'neither')] };
    default:
      return { ok: false, diagnostics: [unsupportedFormatDiagnostic(kind)] };
  }
}
