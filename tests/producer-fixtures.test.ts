/**
 * Every producer fixture (fixtures/producers/manifest.json: PDFs from Chromium, LibreOffice and
 * Word, and the text three extractors make of each) against its expected return, as one table:
 * each input gives exactly its return, or fails with the error codes listed here, and none is ever
 * valid yet wrong. For plain pdftotext a word may come back without the hyphen poppler drops at a
 * line end (compare.mjs), which no reader can put back. A document holding two returns is compared
 * on its first, the one the pipeline gives.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareReturn, droppedHyphens } from '../fixtures/producers/compare.mjs';
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
const NOT_EXACT: Record<string, string[]> = {};

// The text without layout (pdftotext, pdf-parse) joins this table with its reader.
const EXTRACTORS: Extractor[] = ['pdf', 'pdftotext-layout'];

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
      const comparison = compareReturn(result.charterReturn as CharterReturn | null, expected[0]!, joins);
      expect(coverage.missing, 'text of the table reached no cell and no diagnostic').toEqual([]);
      // The worst bug: a return that passes as valid but is not the one in the document.
      if (result.valid) expect(comparison.wrong, 'valid but wrong').toEqual([]);
      const errors = [...new Set(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();
      const failing = NOT_EXACT[key];
      if (failing) {
        expect(result.valid).toBe(false);
        expect(errors).toEqual(failing);
      } else {
        expect({ wrong: comparison.wrong, metadata: comparison.metadata, errors }).toEqual({ wrong: [], metadata: true, errors: [] });
        expect(result.valid).toBe(true);
      }
    });
  }
});
