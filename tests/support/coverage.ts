/**
 * Importing with the "no text lost" check: the return, and the words of its table in the source
 * that reached neither a cell nor a diagnostic.
 */
import { importReturn, type ImportOptions, type ImportResult } from '../../src/pipeline.js';
import { readDocument } from '../../src/read/readDocument.js';
import { checkTextCoverage, type TextCoverage } from '../../src/validate/textCoverage.js';

export interface CoveredImport {
  result: ImportResult;
  coverage: TextCoverage;
}

export async function importWithCoverage(bytes: Uint8Array, options: ImportOptions): Promise<CoveredImport> {
  const result = await importReturn(bytes, options);
  // Reading is pure, so reading again gives the document the import was built from.
  const read = await readDocument(bytes, options);
  const coverage = read.ok ? checkTextCoverage(read.document, result) : { missing: [], wordsChecked: 0 };
  return { result, coverage };
}
