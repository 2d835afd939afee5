/**
 * The diagnostics the Office containers share: a zip that cannot be read or unpacks to too much,
 * a file that is not the Word or Excel file it was taken for, and the formats charter does not
 * read (Word 97–2003, OpenDocument). Their words are in src/diagnostics/codes.ts.
 */
import type { Diagnostic } from '../../model.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticArguments } from '../../diagnostics/codes.js';
import type { ZipProblem } from './zipArchive.js';

export type OfficeKind = DiagnosticArguments<'office-too-large'>['container'];

export function zipProblemDiagnostic(problem: ZipProblem, container: OfficeKind): Diagnostic {
  if (problem.kind === 'too-large') return diagnostic('office-too-large', { container, detail: problem.detail });
  return diagnostic('office-unreadable', { kind: 'damaged', container, detail: problem.detail });
}

export type NotOfficeReason = Extract<DiagnosticArguments<'office-unreadable'>, { kind: 'not-office' }>['why'];

export function notOfficeDiagnostic(container: OfficeKind, why: NotOfficeReason): Diagnostic {
  return diagnostic('office-unreadable', { kind: 'not-office', container, why });
}

/** An archive without the part that makes it a Word document or an Excel workbook. */
export function noMainPartDiagnostic(container: OfficeKind, part: string): Diagnostic {
  return diagnostic('office-unreadable', { kind: 'no-main-part', container, part });
}

export type UnsupportedFormat = DiagnosticArguments<'unsupported-format'>['format'];

export function unsupportedFormatDiagnostic(format: UnsupportedFormat): Diagnostic {
  return diagnostic('unsupported-format', { format });
}
