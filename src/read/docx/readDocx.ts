/**
 * Word (.docx) reader: the main document part's body, read as it prints with tracked changes
 * accepted (src/read/docx/wordBody.ts), to the same raw blocks as every other reader, so that the
 * return is found and normalised like any other. Page headers and footers, footnotes, endnotes and
 * comments live in parts of their own; they are not the table's content and are not read into
 * it, but an info says what they held. Word places nothing by line: rows carry no place.
 */
import type { Diagnostic, RawDocument } from '../../model.js';
import type { ReadOptions, ReadResult } from '../readDocument.js';
import { notOfficeDiagnostic, zipProblemDiagnostic } from '../office/officeDiagnostics.js';
import { mainPartOf } from '../office/packageParts.js';
import { DEFAULT_ZIP_LIMITS, isZipProblem, ZipArchive, type ZipLimits } from '../office/zipArchive.js';
import { partText, readWordBody, type WordBody } from './wordBody.js';

const KIND = 'Word document';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function shorten(text: string, max = 60): string {
  return JSON.stringify(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

/** The parts outside the body that are left out, and what they say. */
interface LeftOut {
  label: string;
  text: string;
}

/** This reader's diagnostics, made in one place. */
const docxDiagnostic = {
  unreadablePart: (part: string, problem: string): Diagnostic => ({
    severity: 'error',
    code: 'office-unreadable',
    message: `the ${KIND} cannot be read: its part ${part} is not well-formed XML (${problem})`,
  }),
  trackedChanges: (count: number): Diagnostic => ({
    severity: 'info',
    code: 'tracked-changes-accepted',
    message: `the document has ${plural(count, 'tracked change')}; it was read as it prints with every change accepted (insertions kept, deletions left out)`,
  }),
  spans: (count: number): Diagnostic => ({
    severity: 'info',
    code: 'cell-span-expanded',
    message: `${plural(count, 'cell')} of the Word table ${count === 1 ? 'spans' : 'span'} several columns or rows: each was read in its first cell, with the cells it covers empty, to keep the columns in line`,
  }),
  leftOut: (parts: readonly LeftOut[]): Diagnostic => {
    const text = parts.map((part) => part.text).filter((part) => part !== '').join(' | ');
    return {
      severity: 'info',
      code: 'notes-left-out',
      message: `${parts.map((part) => (part.text === '' ? part.label : `${part.label} (${shorten(part.text)})`)).join(', ')} ${parts.length === 1 ? 'is' : 'are'} outside the document's body and not read as table content`,
      ...(text !== '' ? { text } : {}),
    };
  },
};

const NOTE_PARTS: readonly { pattern: RegExp; label: string }[] = [
  { pattern: /^word\/header\d*\.xml$/, label: 'the page header' },
  { pattern: /^word\/footer\d*\.xml$/, label: 'the page footer' },
  { pattern: /^word\/footnotes\.xml$/, label: 'the footnotes' },
  { pattern: /^word\/endnotes\.xml$/, label: 'the endnotes' },
  { pattern: /^word\/comments\.xml$/, label: 'the comments' },
];

function leftOutParts(archive: ZipArchive, body: WordBody): LeftOut[] {
  const found: LeftOut[] = [];
  for (const { pattern, label } of NOTE_PARTS) {
    const texts = archive
      .names()
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => archive.readText(name))
      .map((xml) => (typeof xml === 'string' ? partText(xml) : ''))
      .filter((text) => text !== '');
    // Word writes footnote and comment parts holding only separators: only text counts.
    const unique = [...new Set(texts)];
    if (unique.length > 0) found.push({ label, text: unique.join(' | ') });
  }
  const counted = found.map((part) => part.label);
  if (body.footnoteReferences > 0 && !counted.includes('the footnotes') && !counted.includes('the endnotes')) {
    found.push({ label: plural(body.footnoteReferences, 'footnote reference'), text: '' });
  }
  if (body.commentReferences > 0 && !counted.includes('the comments')) found.push({ label: plural(body.commentReferences, 'comment'), text: '' });
  return found;
}

export async function readDocx(bytes: Uint8Array, _options: ReadOptions, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ReadResult> {
  const archive = ZipArchive.open(bytes, limits);
  if (isZipProblem(archive)) return { ok: false, diagnostics: [zipProblemDiagnostic(archive, KIND)] };
  const main = mainPartOf(archive, 'word/document.xml');
  if (isZipProblem(main)) return { ok: false, diagnostics: [zipProblemDiagnostic(main, KIND)] };
  if (main === null) return { ok: false, diagnostics: [notOfficeDiagnostic(KIND, 'the archive has no word/document.xml')] };
  const xml = archive.readText(main);
  if (xml === null || isZipProblem(xml)) return { ok: false, diagnostics: [zipProblemDiagnostic(xml ?? { kind: 'damaged', detail: `${main} is missing` }, KIND)] };
  const body = readWordBody(xml);
  if ('problem' in body) return { ok: false, diagnostics: [docxDiagnostic.unreadablePart(main, body.problem)] };
  const diagnostics: Diagnostic[] = [];
  if (body.trackedChanges > 0) diagnostics.push(docxDiagnostic.trackedChanges(body.trackedChanges));
  if (body.spannedCells > 0) diagnostics.push(docxDiagnostic.spans(body.spannedCells));
  const leftOut = leftOutParts(archive, body);
  if (leftOut.length > 0) diagnostics.push(docxDiagnostic.leftOut(leftOut));
  const document: RawDocument = { format: 'docx', blocks: body.blocks, diagnostics };
  return { ok: true, document };
}
