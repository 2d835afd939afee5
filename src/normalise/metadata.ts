/** The council a return belongs to, found in the document's own words. */
import { RETURN_TITLE_PREFIX } from '../charter/template.js';

/** The 32 London boroughs and the City, with the short names councils use for themselves. */
const LONDON_COUNCILS: readonly { name: string; aliases: readonly string[] }[] = [
  { name: 'Barking and Dagenham', aliases: ['Barking & Dagenham', 'Barking and Dagenham'] },
  { name: 'Barnet', aliases: ['Barnet'] },
  { name: 'Bexley', aliases: ['Bexley'] },
  { name: 'Brent', aliases: ['Brent'] },
  { name: 'Bromley', aliases: ['Bromley'] },
  { name: 'Camden', aliases: ['Camden'] },
  { name: 'City of London', aliases: ['City of London', 'City of London Corporation'] },
  { name: 'Croydon', aliases: ['Croydon'] },
  { name: 'Ealing', aliases: ['Ealing'] },
  { name: 'Enfield', aliases: ['Enfield'] },
  { name: 'Greenwich', aliases: ['Greenwich'] },
  { name: 'Hackney', aliases: ['Hackney'] },
  { name: 'Hammersmith and Fulham', aliases: ['Hammersmith and Fulham', 'Hammersmith & Fulham'] },
  { name: 'Haringey', aliases: ['Haringey'] },
  { name: 'Harrow', aliases: ['Harrow'] },
  { name: 'Havering', aliases: ['Havering'] },
  { name: 'Hillingdon', aliases: ['Hillingdon'] },
  { name: 'Hounslow', aliases: ['Hounslow'] },
  { name: 'Islington', aliases: ['Islington'] },
  { name: 'Kensington and Chelsea', aliases: ['Kensington and Chelsea', 'Kensington & Chelsea'] },
  { name: 'Kingston upon Thames', aliases: ['Kingston upon Thames', 'Kingston'] },
  { name: 'Lambeth', aliases: ['Lambeth'] },
  { name: 'Lewisham', aliases: ['Lewisham'] },
  { name: 'Merton', aliases: ['Merton'] },
  { name: 'Newham', aliases: ['Newham'] },
  { name: 'Redbridge', aliases: ['Redbridge'] },
  { name: 'Richmond upon Thames', aliases: ['Richmond upon Thames', 'Richmond'] },
  { name: 'Southwark', aliases: ['Southwark'] },
  { name: 'Sutton', aliases: ['Sutton'] },
  { name: 'Tower Hamlets', aliases: ['Tower Hamlets'] },
  { name: 'Waltham Forest', aliases: ['Waltham Forest'] },
  { name: 'Wandsworth', aliases: ['Wandsworth'] },
  { name: 'Westminster', aliases: ['Westminster', 'City of Westminster'] },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every alias in one pattern (longest first, so "Kingston upon Thames" wins over "Kingston"): one pass a text. */
const COUNCIL_BY_ALIAS = new Map(LONDON_COUNCILS.flatMap((council) => council.aliases.map((alias) => [alias, council.name] as const)));
const ANY_COUNCIL = new RegExp(
  `\\b(?:${[...COUNCIL_BY_ALIAS.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\\b`,
  'g',
);
/** Where each council stands in the list: of several named in a title, the first listed is taken. */
const LIST_ORDER = new Map(LONDON_COUNCILS.map((council, index) => [council.name, index]));

/**
 * The councils a text names, in text order, one entry an occurrence: one scan of the text (no two
 * councils' aliases overlap, so this finds every council that each council's own pattern would).
 * `exec` on the shared pattern, not `matchAll`, which copies the pattern on every call.
 */
function councilsIn(text: string): string[] {
  const names: string[] = [];
  ANY_COUNCIL.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ANY_COUNCIL.exec(text)) !== null) names.push(COUNCIL_BY_ALIAS.get(match[0])!);
  return names;
}

/** Of the councils named, the one first in the list (as a search council by council would find). */
function firstListed(names: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const name of names) if (best === undefined || LIST_ORDER.get(name)! < LIST_ORDER.get(best)!) best = name;
  return best;
}

export interface AuthorityFinding {
  authority: string;
  how: string;
}

export interface TextSample {
  text: string;
  line?: number;
  page?: number;
  /** Text outside the table (titles) is a stronger sign than a council named inside an answer. */
  title: boolean;
}

function where(sample: TextSample): string {
  if (sample.line !== undefined) return `line ${sample.line}`;
  if (sample.page !== undefined) return `page ${sample.page}`;
  return 'the text';
}

export function findAuthority(samples: readonly TextSample[]): AuthorityFinding | null {
  // Titles are read nearest the table first: a long paper names other councils in its minutes
  // long before the appendix that holds the return.
  const titles = samples.filter((sample) => sample.title).reverse();
  for (const sample of titles) {
    const own = sample.text.trim().replace(/^#+\s*/, '');
    if (own.startsWith(RETURN_TITLE_PREFIX)) {
      const name = own.slice(RETURN_TITLE_PREFIX.length).trim();
      if (name !== '') return { authority: name, how: `named in the title at ${where(sample)}` };
    }
  }
  // Each text is scanned for councils once: a title's councils serve both its own test and the count.
  const named = new Map<TextSample, string[]>();
  const councilsOf = (sample: TextSample) => {
    let names = named.get(sample);
    if (names === undefined) named.set(sample, (names = councilsIn(sample.text)));
    return names;
  };
  for (const sample of titles) {
    // The shortest name that ends the title, taken word by word (a word never ends in a space) so the
    // look-ahead scans each run of white space once: a name that could end anywhere inside a long
    // run of spaces took quadratic time.
    const titled = /\b(?:London Borough of|Royal Borough of)\s+([A-Z][A-Za-z&']*?(?: +[A-Za-z&']+?)*?)(?=[\s,.;:)]*(?:\n|$|Council\b|return\b))/.exec(
      sample.text,
    );
    const council = titled ? firstListed(councilsIn(titled[0])) : undefined;
    if (council) return { authority: council, how: `named in the title at ${where(sample)}` };
    const listed = firstListed(councilsOf(sample));
    if (listed !== undefined && /\b(return|council|borough|charter)\b/i.test(sample.text)) {
      return { authority: listed, how: `named in the title at ${where(sample)}` };
    }
  }
  const counts = new Map<string, { count: number; first: TextSample }>();
  for (const sample of samples) {
    for (const name of councilsOf(sample)) {
      const entry = counts.get(name);
      if (entry) entry.count++;
      else counts.set(name, { count: 1, first: sample });
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].count - a[1].count);
  const [best, second] = ranked;
  if (!best || (second && second[1].count === best[1].count)) return null;
  const times = best[1].count === 1 ? 'once' : `${best[1].count} times`;
  return { authority: best[0], how: `the London council named most often in the text (${times}, first at ${where(best[1].first)})` };
}
