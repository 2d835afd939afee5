/**
 * Producer fixtures set in other fonts and sizes (fixtures/font-variants/: Calibri and Cambria
 * by their metric twins Carlito and Caladea, a narrow font charter knows no widths of, a point
 * larger or smaller). Where a line wraps, and where `pdftotext -layout` runs two cells together
 * with one space, moves with the font: each of these once gave a wrong return from its
 * `pdftotext -layout` text with exit 0. Every input must give exactly its return or fail; those
 * listed must come back exact, the rest fail with the codes listed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareReturn, counterpart, droppedHyphens } from '../fixtures/producers/compare.mjs';
import { importWithCoverage } from './support/coverage.js';

const DIRECTORY = new URL('../fixtures/font-variants/', import.meta.url);
const NAMES = readdirSync(DIRECTORY)
  .filter((file) => file.endsWith('.expected.json'))
  .map((file) => file.replace(/\.expected\.json$/, ''))
  .sort();

const EXTRACTS = { pdf: '.pdf', 'pdftotext-layout': '.pdftotext-layout.txt', pdftotext: '.pdftotext.txt', 'pdf-parse': '.pdf-parse.txt' };

/**
 * The error codes each `pdftotext -layout` text fails with (every PDF comes back exact, every
 * reading-order text fails with text-cells-guessed or more). A text not listed comes back exact.
 */
const LAYOUT_ERRORS: Record<string, string[]> = {
  // Point 18: "...partners on this and on-going", the last word the next steps' whole cell: "and"
  // fits the end of the one cell and the start of the other.
  'calibri-croydon-2015-chromium-header-footer': ['layout-cells-guessed'],
  // "end of life care for is still being built.": "for" fits the end of the one cell and the start of the other.
  'calibri-fernleigh-2017-chromium-number-middle': ['layout-cells-guessed'],
  'calibri-fernleigh-2017-docx-landscape': ['layout-cells-guessed', 'text-between-rows'],
  'larger-fernleigh-2017-libreoffice-html-middle': ['layout-cells-guessed'],
  // No widths are known for the narrow font: where cells run together, only where they start is left.
  'narrow-ashgrove-2016-libreoffice-html-number-middle': ['layout-cells-guessed'],
  'narrow-fernleigh-2017-docx-landscape': ['layout-cells-guessed'],
  'smaller-ashgrove-2016-libreoffice-html-number-middle': ['layout-cells-guessed'],
  'smaller-fernleigh-2017-chromium-number-middle': ['layout-cells-guessed'],
};

describe('font variants: each input gives exactly its return, or fails loudly', () => {
  for (const name of NAMES) {
    for (const [extractor, suffix] of Object.entries(EXTRACTS)) {
      it(`${name}/${extractor}`, { timeout: 60_000 }, async () => {
        const bytes = readFileSync(new URL(name + suffix, DIRECTORY));
        const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIRECTORY), 'utf8')) as Parameters<typeof compareReturn>[1][];
        const joins = extractor === 'pdftotext' ? droppedHyphens(expected, bytes.toString('utf8')) : [];
        const { result, coverage } = await importWithCoverage(new Uint8Array(bytes), { path: name + suffix });
        const comparisons = expected.map((want, index) => compareReturn(counterpart(result.returns, want, index), want, joins));
        const exact = result.returns.length === expected.length && comparisons.every((comparison) => comparison.exact);
        expect(coverage.missing, 'text of the table reached no cell and no diagnostic').toEqual([]);
        // The worst bug: a return that passes as valid but is not the one in the document.
        if (result.valid) expect(exact, 'valid but wrong').toBe(true);
        const errors = [...new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();
        if (extractor === 'pdf' || (extractor === 'pdftotext-layout' && !LAYOUT_ERRORS[name])) {
          expect({ exact, errors }).toEqual({ exact: true, errors: [] });
        } else if (extractor === 'pdftotext-layout') {
          expect(errors).toEqual(LAYOUT_ERRORS[name]);
        } else {
          // Reading-order text: the cells of some rows, or the table itself, could not be told.
          expect(result.valid).toBe(false);
        }
      });
    }
  }
});
