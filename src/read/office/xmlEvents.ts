/**
 * The XML parts of Office files as a stream of events (saxes, a strict streaming parser): element
 * names as written with their prefix (`w:tc`), attributes, and character data. A part with a
 * DOCTYPE is refused, so that no entity declared in one can expand; any other malformation ends
 * the part with a message, not an exception.
 */
import { SaxesParser } from 'saxes';

export interface XmlEvents {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(value: string): void;
}

/** Null where the part was read to its end; otherwise what is wrong with it. */
export function readXmlEvents(xml: string, events: XmlEvents): string | null {
  const parser = new SaxesParser({ xmlns: false });
  let problem: string | null = null;
  parser.on('doctype', () => {
    problem ??= 'it declares a DOCTYPE, which Office never writes';
  });
  parser.on('opentag', (tag) => events.open(tag.name, tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => events.close(tag.name));
  parser.on('text', (value) => events.text(value));
  parser.on('cdata', (value) => events.text(value));
  try {
    parser.write(xml).close();
  } catch (error) {
    problem ??= error instanceof Error ? error.message.replace(/\s+/g, ' ').trim() : String(error);
  }
  return problem;
}

/** The value of a `w:val`-style attribute, whatever prefix the part gives it. */
export function attribute(attributes: Readonly<Record<string, string>>, localName: string): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (name === localName || name.endsWith(`:${localName}`)) return value;
  }
  return undefined;
}
