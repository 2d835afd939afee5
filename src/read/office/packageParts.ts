/**
 * Finding parts in an Office package (Open Packaging Conventions): the main document through the
 * package's relationships, and the targets a part's relationships name, resolved to entry names.
 */
import { attribute, readXmlEvents } from './xmlEvents.js';
import { isZipProblem, type ZipArchive, type ZipProblem } from './zipArchive.js';

export interface Relationship {
  id: string;
  type: string;
  /** The entry name the target resolves to, such as `xl/worksheets/sheet2.xml`. */
  target: string;
}

/** The relationships of the part `owner` (`''` for the package itself). */
export function relationshipsOf(archive: ZipArchive, owner: string): Relationship[] | ZipProblem {
  const slash = owner.lastIndexOf('/');
  const folder = slash >= 0 ? owner.slice(0, slash + 1) : '';
  const file = owner.slice(slash + 1);
  const xml = archive.readText(`${folder}_rels/${file}.rels`);
  if (xml === null) return [];
  if (isZipProblem(xml)) return xml;
  const found: Relationship[] = [];
  const problem = readXmlEvents(xml, {
    open(name, attributes) {
      if (name !== 'Relationship' && !name.endsWith(':Relationship')) return;
      const target = attribute(attributes, 'Target');
      if (target === undefined || attribute(attributes, 'TargetMode') === 'External') return;
      found.push({ id: attribute(attributes, 'Id') ?? '', type: attribute(attributes, 'Type') ?? '', target: resolveTarget(folder, target) });
    },
    close() {},
    text() {},
  });
  if (problem !== null) return { kind: 'damaged', detail: `${folder}_rels/${file}.rels is not well-formed XML (${problem})` };
  return found;
}

function resolveTarget(folder: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${folder}${target}`).split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

/** The package's main part: where the package's relationships say, or the usual name. */
export function mainPartOf(archive: ZipArchive, usual: string): string | ZipProblem | null {
  const relationships = relationshipsOf(archive, '');
  if (isZipProblem(relationships)) return relationships;
  const main = relationships.find((relationship) => relationship.type.endsWith('/officeDocument') && archive.has(relationship.target));
  if (main) return main.target;
  return archive.has(usual) ? usual : null;
}
