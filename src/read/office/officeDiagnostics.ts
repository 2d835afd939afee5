/**
 * The diagnostics of the Office containers, made in one place: a zip that cannot be read or
 * unpacks to too much, and the formats charter does not read (Word 97–2003, OpenDocument), each
 * named with what to save it as instead.
 */
import type { Diagnostic } from '../../model.js';
import type { ZipProblem } from './zipArchive.js';

export type OfficeKind = 'Word document' | 'Excel workbook' | 'Word or Excel file';

export function zipProblemDiagnostic(problem: ZipProblem, kind: OfficeKind): Diagnostic {
  if (problem.kind === 'too-large') {
    return { severity: 'error', code: 'office-too-large', message: `the ${kind} was not read: ${problem.detail} (a damaged or hostile file?)` };
  }
  return { severity: 'error', code: 'office-unreadable', message: `the ${kind} cannot be read; it may be truncated or damaged: ${problem.detail}` };
}

export function withArticle(kind: OfficeKind): string {
  return kind === 'Excel workbook' ? `an ${kind}` : `a ${kind}`;
}

export function notOfficeDiagnostic(kind: OfficeKind, detail: string): Diagnostic {
  return { severity: 'error', code: 'office-unreadable', message: `the input is not ${withArticle(kind)}: ${detail}` };
}

export type UnsupportedFormat = 'ole' | 'odt' | 'ods' | 'odf';

const UNSUPPORTED: Record<UnsupportedFormat, string> = {
  ole: 'an older Office file (a Word 97–2003 .doc or Excel 97–2003 .xls), or an Office file protected with a password; charter reads neither: open it in Word or Excel, remove any password, and save it as .docx, .xlsx or PDF',
  odt: 'an OpenDocument text (.odt); charter does not read it: save it as .docx or PDF',
  ods: 'an OpenDocument spreadsheet (.ods); charter does not read it: save it as .xlsx, CSV or PDF',
  odf: 'an OpenDocument file; charter does not read it: save it as .docx, .xlsx or PDF',
};

export function unsupportedFormatDiagnostic(format: UnsupportedFormat): Diagnostic {
  return { severity: 'error', code: 'unsupported-format', message: `the input is ${UNSUPPORTED[format]}` };
}
