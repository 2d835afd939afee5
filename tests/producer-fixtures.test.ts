/**
 * Every producer fixture (fixtures/producers/manifest.json: PDFs from Chromium, LibreOffice and
 * Word, and the text three extractors make of each) against its expected return, as one table:
 * each input gives exactly its return, or fails with the error codes listed here, and none is ever
 * valid yet wrong. For plain pdftotext a word may come back without the hyphen poppler drops at a
 * line end (compare.mjs), which no reader can put back. A document holding two returns is compared
 * on both: exact means every return it holds, and no other.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareReturn, counterpart, droppedHyphens } from '../fixtures/producers/compare.mjs';
import type { CharterReturn } from '../src/model.js';
import { importWithCoverage } from './support/coverage.js';

type Extractor = 'pdf' | 'pdftotext' | 'pdftotext-layout' | 'pdf-parse';

interface ManifestEntry {
  name: string;
  pdf: string;
  producer: string;
  expected: string;
  extracts: Record<Exclude<Extractor, 'pdf'>, string>;
}

const DIRECTORY = new URL('../fixtures/producers/', import.meta.url);
const MANIFEST = JSON.parse(readFileSync(new URL('manifest.json', DIRECTORY), 'utf8')) as ManifestEntry[];

/**
 * The inputs that do not come back exact, by `name/extractor`: the error codes they fail with.
 * Every other input gives exactly its expected return.
 */
const NOT_EXACT: Record<string, string[]> = {
  // Word cut charter words over two lines without a hyphen ("assessments/car e"): nothing on the
  // page tells such a cut in an answer from two words, so the import fails (pdf-words-cut) though
  // every answer came back whole.
  'ashgrove-2016-2017-docx-two-returns/pdf': ['pdf-words-cut'],
  'ashgrove-2016-2017-docx-two-returns/pdftotext-layout': ['pdf-words-cut'],
  // pdftotext -layout ran "...for people on" and "have no co-ordinator." together with one space
  // (point 10): "on" fits the end of either cell, by how both columns wrap and where their cells
  // start, so which holds it is a guess (layout-cells-guessed), though the guess was right.
  'ashgrove-2017-libreoffice-html/pdftotext-layout': ['layout-cells-guessed'],
  // Text in reading order keeps too little to tell every cell's end in these tables: each names
  // the rows it could not rebuild (text-cells-guessed), misses rows it could not find, or fails on
  // text it could not place between rows (text-between-rows). pdf-parse's Chromium texts once
  // failed on missing points: the tab it writes between a heading's titles passed for columns.
  // Point 17 went missing from several: its first line holds one short word ("17 Use"). Point 1
  // went missing from two: its number, right under the heading, was taken for page 1's number;
  // point 7 from the two-return paper: its first line, under both returns' headings, for a running header.
  'ashgrove-2017-chromium/pdftotext': ['text-cells-guessed'],
  'ashgrove-2017-chromium/pdf-parse': ['text-cells-guessed'],
  'kingsmead-2017-chromium-middle/pdftotext': ['text-cells-guessed'],
  'kingsmead-2017-chromium-middle/pdf-parse': ['text-cells-guessed'],
  'fernleigh-2017-chromium-number-middle/pdftotext': ['missing-point', 'text-cells-guessed'],
  'fernleigh-2017-chromium-number-middle/pdf-parse': ['text-cells-guessed'],
  'ashgrove-2016-chromium-header-footer/pdftotext': ['text-cells-guessed'],
  'ashgrove-2016-chromium-header-footer/pdf-parse': ['text-cells-guessed'],
  'kingsmead-2016-chromium-header-footer-middle/pdftotext': ['missing-point', 'text-cells-guessed'],
  'kingsmead-2016-chromium-header-footer-middle/pdf-parse': ['text-cells-guessed'],
  'fernleigh-2017-chromium-header-footer-paper/pdftotext': ['text-cells-guessed'],
  'fernleigh-2017-chromium-header-footer-paper/pdf-parse': ['text-cells-guessed'],
  'kingsmead-2016-2017-chromium-header-footer-two-returns/pdftotext': ['text-cells-guessed'],
  'kingsmead-2016-2017-chromium-header-footer-two-returns/pdf-parse': ['text-cells-guessed'],
  'croydon-2015-chromium-header-footer/pdftotext': ['text-cells-guessed'],
  'croydon-2015-chromium-header-footer/pdf-parse': ['text-cells-guessed'],
  'ashgrove-2017-libreoffice-html/pdftotext': ['text-cells-guessed'],
  'ashgrove-2017-libreoffice-html/pdf-parse': ['text-cells-guessed'],
  'fernleigh-2017-libreoffice-html-middle/pdftotext': ['missing-point', 'text-between-rows', 'text-cells-guessed', 'text-columns-guessed'],
  'fernleigh-2017-libreoffice-html-middle/pdf-parse': ['text-cells-guessed'],
  'kingsmead-2017-libreoffice-html-paper/pdftotext': ['missing-point', 'text-between-rows', 'text-cells-guessed'],
  'kingsmead-2017-libreoffice-html-paper/pdf-parse': ['text-cells-guessed'],
  'ashgrove-2016-libreoffice-html-number-middle/pdftotext': ['missing-point', 'text-between-rows', 'text-cells-guessed'],
  'ashgrove-2016-libreoffice-html-number-middle/pdf-parse': ['text-cells-guessed'],
  'ashgrove-2017-docx/pdftotext': ['text-cells-guessed'],
  'ashgrove-2017-docx/pdf-parse': ['text-cells-guessed'],
  'ashgrove-2017-docx-cabinet-paper/pdftotext': ['text-cells-guessed'],
  'ashgrove-2017-docx-cabinet-paper/pdf-parse': ['text-cells-guessed'],
  'ashgrove-2016-2017-docx-two-returns/pdftotext': ['missing-point', 'pdf-words-cut', 'text-cells-guessed'],
  'ashgrove-2016-2017-docx-two-returns/pdf-parse': ['pdf-words-cut', 'text-cells-guessed'],
  'kingsmead-2017-docx-middle/pdftotext': ['missing-point', 'text-cells-guessed'],
  'kingsmead-2017-docx-middle/pdf-parse': ['text-cells-guessed'],
  'fernleigh-2017-docx-landscape/pdftotext': ['missing-point', 'text-between-rows', 'text-cells-guessed'],
  'fernleigh-2017-docx-landscape/pdf-parse': ['text-cells-guessed'],
  'croydon-2015-docx/pdftotext': ['text-cells-guessed'],
  'croydon-2015-docx/pdf-parse': ['text-cells-guessed'],
};

const EXTRACTORS: Extractor[] = ['pdf', 'pdftotext-layout', 'pdftotext', 'pdf-parse'];

const cases = MANIFEST.flatMap((entry) => EXTRACTORS.map((extractor) => ({ entry, extractor })));

describe('producer fixtures: each input gives exactly its return, or fails loudly', () => {
  for (const { entry, extractor } of cases) {
    const file = extractor === 'pdf' ? entry.pdf : entry.extracts[extractor];
    const key = `${entry.name}/${extractor}`;
    it(key, { timeout: 60_000 }, async () => {
      const bytes = readFileSync(new URL(file, DIRECTORY));
      const expected = JSON.parse(readFileSync(new URL(entry.expected, DIRECTORY), 'utf8')) as Parameters<typeof compareReturn>[1][];
      const joins = extractor === 'pdftotext' ? droppedHyphens(expected, bytes.toString('utf8')) : [];
      const { result, coverage } = await importWithCoverage(new Uint8Array(bytes), { path: file });
      const found: CharterReturn[] = result.returns;
      const comparisons = expected.map((want, index) => compareReturn(counterpart(found, want, index), want, joins));
      const outcome = { returns: found.length, compared: comparisons.map(({ wrong, metadata, exact }) => ({ wrong, metadata, exact })) };
      const exactly = { returns: expected.length, compared: expected.map(() => ({ wrong: [], metadata: true, exact: true })) };
      expect(coverage.missing, 'text of the table reached no cell and no diagnostic').toEqual([]);
      // The worst bug: a return that passes as valid but is not the one in the document.
      if (result.valid) expect(outcome, 'valid but wrong').toEqual(exactly);
      const errors = [...new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();
      const failing = NOT_EXACT[key];
      if (failing) {
        expect(result.valid).toBe(false);
        expect(errors).toEqual(failing);
      } else {
        expect({ ...outcome, errors }).toEqual({ ...exactly, errors: [] });
        expect(result.valid).toBe(true);
      }
    });
  }
});

/**
 * Rows of reading-order text taken though wrong, by `name/extractor`: the points, one list per
 * return. In each the extractor moved a row's lines into the next row's place, and the row they
 * came from is named in an error, so the document fails.
 */
const ROWS_MOVED: Record<string, number[][]> = {
  'ashgrove-2016-2017-docx-two-returns/pdftotext': [[14, 17, 18], [17]],
  'kingsmead-2016-2017-chromium-header-footer-two-returns/pdftotext': [[], [21]],
  'kingsmead-2017-libreoffice-html-paper/pdftotext': [[19]],
};

describe('producer fixtures: every row rebuilt from reading-order text is the row in the document', () => {
  for (const { entry, extractor } of cases.filter(({ extractor }) => extractor === 'pdftotext' || extractor === 'pdf-parse')) {
    const key = `${entry.name}/${extractor}`;
    it(key, { timeout: 60_000 }, async () => {
      const file = entry.extracts[extractor];
      const bytes = readFileSync(new URL(file, DIRECTORY));
      const expected = JSON.parse(readFileSync(new URL(entry.expected, DIRECTORY), 'utf8')) as Parameters<typeof compareReturn>[1][];
      const joins = extractor === 'pdftotext' ? droppedHyphens(expected, bytes.toString('utf8')) : [];
      const { result } = await importWithCoverage(new Uint8Array(bytes), { path: file });
      // A row whose cells were taken says where each ended (cell-end-inferred); its point numbers
      // start again with each return.
      const taken: number[][] = [];
      for (const d of result.diagnostics.filter((d) => d.code === 'cell-end-inferred')) {
        const list = taken.at(-1);
        if (!list || d.point! < list.at(-1)!) taken.push([d.point!]);
        else if (list.at(-1) !== d.point) list.push(d.point!);
      }
      const wrongRows = expected.map((want, index) => {
        const { wrong } = compareReturn(counterpart(result.returns, want, index), want, joins);
        return (taken[index] ?? []).filter((point) => wrong.some((field) => field.point === point));
      });
      expect(wrongRows).toEqual(ROWS_MOVED[key] ?? expected.map(() => []));
    });
  }
});
