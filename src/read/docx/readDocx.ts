/**
 * Word (.docx) reader: the main document part's body, read as it prints with tracked changes
 * accepted (src/read/docx/wordBody.ts), to the same raw blocks as every other reader, so that the
 * return is found and normalised like any other. Page headers and footers, footnotes, endnotes and
 * comments live in parts of their own; they are not the table's content and are not read into
 * it, but an info says what they held. Word places nothing by line: rows carry no place.
 */
import type { Diagnostic, RawDocument } from '../../model.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticArguments } from '../../diagnostics/codes.js';
import type { ReadOptions, ReadResult } from '../reader.js';
import { noMainPartDiagnostic, zipProblemDiagnostic } from '../office/officeDiagnostics.js';
import { mainPartOf } from '../office/packageParts.js';
import { DEFAULT_ZIP_LIMITS, isZipProblem, ZipArchive, type ZipLimits } from '../office/zipArchive.js';
import { partText, readWordBody, type WordBody } from './wordBody.js';

const KIND = 'Word document';

/** A part outside the body that is left out, and what it says (or how many references point to it). */
type LeftOut = Extract<DiagnosticArguments<'notes-left-out'>, { kind: 'word' }>['notes'][number];

const NOTE_PARTS: readonly { pattern: RegExp; part: 'header' | 'footer' | 'footnotes' | 'endnotes' | 'comments' }[] = [
  { pattern: /^word\/header\d*\.xml$/, part: 'header' },
  { pattern: /^word\/footer\d*\.xml$/, part: 'footer' },
  { pattern: /^word\/footnotes\.xml$/, part: 'footnotes' },
  { pattern: /^word\/endnotes\.xml$/, part: 'endnotes' },
  { pattern: /^word\/comments\.xml$/, part: 'comments' },
];

function leftOutParts(archive: ZipArchive, body: WordBody): LeftOut[] {
  const found: LeftOut[] = [];
  for (const { pattern, part } of NOTE_PARTS) {
    const texts = archive
      .names()
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => archive.readText(name))
      .map((xml) => (typeof xml === 'string' ? partText(xml) : ''))
      .filter((text) => text !== '');
    // Word writes footnote and comment parts holding only separators: only text counts.
    const unique = [...new Set(texts)];
    if (unique.length > 0) found.push({ part, text: unique.join(' | ') });
  }
  const counted = found.map((entry) => entry.part);
  if (body.footnoteReferences > 0 && !counted.includes('footnotes') && !counted.includes('endnotes')) {
    found.push({ part: 'footnote-references', count: body.footnoteReferences });
  }
  if (body.commentReferences > 0 && !counted.includes('comments')) found.push({ part: 'comment-references', count: body.commentReferences });
  return found;
}

/** What the parts left out say, whole, for the diagnostic's `text`: nothing is lost without a trace. */
function leftOutDiagnostic(notes: readonly LeftOut[]): Diagnostic {
  const text = notes
    .map((entry) => ('text' in entry ? entry.text : ''))
    .filter((part) => part !== '')
    .join(' | ');
  return diagnostic('notes-left-out', { kind: 'word', notes }, text !== '' ? { text } : {});
}

export async function readDocx(bytes: Uint8Array, _options: ReadOptions, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ReadResult> {
  const archive = ZipArchive.open(bytes, limits);
  if (isZipProblem(archive)) return { ok: false, diagnostics: [zipProblemDiagnostic(archive, KIND)] };
  const main = mainPartOf(archive, 'word/document.xml');
  if (isZipProblem(main)) return { ok: false, diagnostics: [zipProblemDiagnostic(main, KIND)] };
  if (main === null) return { ok: false, diagnostics: [noMainPartDiagnostic(KIND, 'word/document.xml')] };
  const xml = archive.readText(main);
  if (xml === null || isZipProblem(xml))
    return { ok: false, diagnostics: [zipProblemDiagnostic(xml ?? { kind: 'damaged', detail: `${main} is missing` }, KIND)] };
  const body = readWordBody(xml);
  if ('problem' in body)
    return { ok: false, diagnostics: [diagnostic('office-unreadable', { kind: 'bad-part', container: KIND, part: main, problem: body.problem })] };
  const diagnostics: Diagnostic[] = [];
  if (body.trackedChanges > 0) diagnostics.push(diagnostic('tracked-changes-accepted', { count: body.trackedChanges }));
  if (body.spannedCells > 0) diagnostics.push(diagnostic('cell-span-expanded', { table: 'word', spans: body.spannedCells }));
  const leftOut = leftOutParts(archive, body);
  if (leftOut.length > 0) diagnostics.push(leftOutDiagnostic(leftOut));
  const document: RawDocument = { format: 'docx', blocks: body.blocks, diagnostics };
  return { ok: true, document };
}
