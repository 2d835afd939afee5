/**
 * The workbook of an Excel file (SpreadsheetML): its sheets in tab order with the parts that hold
 * them, and the shared strings that most text cells point into.
 */
import { relationshipsOf } from '../office/packageParts.js';
import { attribute, readXmlEvents } from '../office/xmlEvents.js';
import { isZipProblem, type ZipArchive, type ZipProblem } from '../office/zipArchive.js';

export interface SheetPart {
  name: string;
  part: string;
}

function damagedPart(part: string, problem: string): ZipProblem {
  return { kind: 'damaged', detail: `its part ${part} is not well-formed XML (${problem})` };
}

export interface Workbook {
  sheets: SheetPart[];
  /** Dates count from 1904 rather than 1900 (old Mac workbooks). */
  date1904: boolean;
}

export function sheetsOf(archive: ZipArchive, workbook: string): Workbook | ZipProblem {
  const xml = archive.readText(workbook);
  if (xml === null) return { kind: 'damaged', detail: `${workbook} is missing` };
  if (isZipProblem(xml)) return xml;
  const relationships = relationshipsOf(archive, workbook);
  if (isZipProblem(relationships)) return relationships;
  const targets = new Map(relationships.map((relationship) => [relationship.id, relationship.target]));
  const sheets: SheetPart[] = [];
  let date1904 = false;
  const problem = readXmlEvents(xml, {
    open(name, attributes) {
      if (localName(name) === 'workbookPr') {
        const value = attribute(attributes, 'date1904');
        date1904 = value === '1' || value === 'true';
      }
      if (name !== 'sheet' && !name.endsWith(':sheet')) return;
      const part = targets.get(attribute(attributes, 'id') ?? '');
      if (part !== undefined && archive.has(part)) sheets.push({ name: attribute(attributes, 'name') ?? `Sheet${sheets.length + 1}`, part });
    },
    close() {},
    text() {},
  });
  if (problem !== null) return damagedPart(workbook, problem);
  return { sheets, date1904 };
}

/** The workbook's styles part, where number formats say which cells show dates; null where it has none. */
export function stylesOf(archive: ZipArchive, workbook: string): string | null | ZipProblem {
  const relationships = relationshipsOf(archive, workbook);
  if (isZipProblem(relationships)) return relationships;
  const part = relationships.find((relationship) => relationship.type.endsWith('/styles'))?.target ?? 'xl/styles.xml';
  return archive.readText(part);
}

/** `_x000D_` and the like: SpreadsheetML's escapes for characters XML cannot hold. */
export function unescapeSpreadsheetText(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/**
 * The text of rich or plain strings (`<si>` in the shared strings, `<is>` in a cell): every `<t>`
 * in turn, leaving out the phonetic guides (`<rPh>`) that East Asian text carries above it.
 */
export class StringCollector {
  private inText = false;
  private phonetic = 0;
  private current = '';

  open(name: string): void {
    if (name === 't') this.inText = true;
    else if (name === 'rPh') this.phonetic++;
  }

  close(name: string): void {
    if (name === 't') this.inText = false;
    else if (name === 'rPh') this.phonetic--;
  }

  text(value: string): void {
    if (this.inText && this.phonetic === 0) this.current += value;
  }

  take(): string {
    const text = unescapeSpreadsheetText(this.current);
    this.current = '';
    return text;
  }
}

export function sharedStringsOf(archive: ZipArchive, workbook: string): string[] | ZipProblem {
  const relationships = relationshipsOf(archive, workbook);
  if (isZipProblem(relationships)) return relationships;
  const part = relationships.find((relationship) => relationship.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
  const xml = archive.readText(part);
  if (xml === null) return [];
  if (isZipProblem(xml)) return xml;
  const strings: string[] = [];
  const collector = new StringCollector();
  const problem = readXmlEvents(xml, {
    open: (name) => collector.open(localName(name)),
    close(name) {
      const local = localName(name);
      collector.close(local);
      if (local === 'si') strings.push(collector.take());
    },
    text: (value) => collector.text(value),
  });
  if (problem !== null) return damagedPart(part, problem);
  return strings;
}

export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}
