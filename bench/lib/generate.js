// Test data for the benchmark, made from the seed return (fixtures/croydon-2015.tsv): many
// varied returns, a return with one huge cell, a return with a huge number of wrapped lines.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BOROUGHS = [
  'Barking and Dagenham',
  'Barnet',
  'Bexley',
  'Brent',
  'Bromley',
  'Camden',
  'City of London',
  'Croydon',
  'Ealing',
  'Enfield',
  'Greenwich',
  'Hackney',
  'Hammersmith and Fulham',
  'Haringey',
  'Harrow',
  'Havering',
  'Hillingdon',
  'Hounslow',
  'Islington',
  'Kensington and Chelsea',
  'Kingston upon Thames',
  'Lambeth',
  'Lewisham',
  'Merton',
  'Newham',
  'Redbridge',
  'Richmond upon Thames',
  'Southwark',
  'Sutton',
  'Tower Hamlets',
  'Waltham Forest',
  'Wandsworth',
  'Westminster',
];

/** Lines of the seed (0-based) that hold a whole row on one line and can be wrapped safely. */
const WRAPPABLE_LINES = [1, 2, 3, 33, 35, 36];
/** Lines (0-based) that end a row: continuation lines may follow them without touching a row number. */
const ROW_ENDS = [1, 2, 3, 19, 23, 27, 31];
const WRAP_WIDTHS = [0, 36, 48, 60, 80];

/** The seed's text a year on, as a council updating last year's return would write it: every year and financial year one later. */
export function aYearOn(text) {
  return text
    .replace(/\b(1[5-7])\/(1[6-8])\b/g, (_, from, to) => `${Number(from) + 1}/${Number(to) + 1}`)
    .replace(/\b20(1[5-7])\b/g, (_, year) => `20${Number(year) + 1}`);
}

export function loadSeed(repoRoot) {
  return readFileSync(join(repoRoot, 'fixtures', 'croydon-2015.tsv'), 'utf8')
    .replace(/\r\n?/g, '\n')
    .split('\n');
}

function wrapText(text, width) {
  const words = text.split(/ +/).filter((word) => word !== '');
  const chunks = [];
  let current = '';
  for (const word of words) {
    if (current !== '' && current.length + 1 + word.length > width) {
      chunks.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** A one-line row as several physical lines: the number on the first, each cell wrapped at `width`. */
function wrapRow(line, width) {
  const cells = line.split('\t');
  const wrapped = cells.map((cell, index) => (index === 0 ? [cell] : wrapText(cell, width)));
  const height = Math.max(...wrapped.map((chunks) => chunks.length));
  const lines = [];
  for (let j = 0; j < height; j++) lines.push(wrapped.map((chunks) => chunks[j] ?? '').join('\t'));
  return lines;
}

/** Words councils write, swapped into the answers so that no two generated returns say the same. */
const VOCABULARY = (
  'team service partners hospice carers families review training pathway budget audit plan outcomes ' +
  'staff managers providers homes nurses commissioning strategy board survey data records practice ' +
  'support advice network leads pilot quarterly monthly weekly locality borough council health care'
).split(' ');

/**
 * A return's answers made its own: some words of each answer cell swapped for others, by the
 * return's index, so that caches of one return's text do not flatter the next one's reading.
 * Row numbers, the charter-point column, timescales' years and the tabs are kept.
 */
function ownAnswers(line, i) {
  return line
    .split('\t')
    .map((cell, column) => {
      if (column < 2 || cell === '') return cell;
      let k = 0;
      return cell.replace(/[A-Za-z]{4,}/g, (word) => {
        k++;
        if ((k + i) % 4 !== 0 || /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(word)) return word;
        return VOCABULARY[(i * 7 + k * 13) % VOCABULARY.length];
      });
    })
    .join('\t');
}

/** The i-th variant of the seed: another council's name, the period's year, a title or not, another wrapping; with `different`, answers of its own. */
export function variantReturn(seed, i, year = 2015, { different = false } = {}) {
  const borough = BOROUGHS[i % BOROUGHS.length];
  const width = WRAP_WIDTHS[Math.floor(i / BOROUGHS.length) % WRAP_WIDTHS.length];
  const out = [];
  if (i % 3 === 0) out.push(`${borough} Council: London End of Life Care Charter return`);
  seed.forEach((line, index) => {
    let text = line.replace(/\bCroydon\b/g, borough);
    if (index === 0) text = text.replace('(May 2015)', `(May ${year})`);
    else if (different) text = ownAnswers(text, i);
    if (width > 0 && WRAPPABLE_LINES.includes(index)) out.push(...wrapRow(text, width));
    else out.push(text);
  });
  return out.join('\n');
}

/**
 * `count` returns under `folder`, spread over sub-folders of `perFolder` files (one per year),
 * named after their council, like an archive. Returns the list of file paths.
 */
export function writeReturnArchive(seed, folder, count, { perFolder = 250, firstIndex = 0, different = false } = {}) {
  const paths = [];
  for (let n = 0; n < count; n++) {
    const i = firstIndex + n;
    const group = Math.floor(i / perFolder);
    const year = 2015 + (group % 10);
    const dir = join(folder, `batch-${String(group).padStart(3, '0')}`);
    if (n === 0 || i % perFolder === 0) mkdirSync(dir, { recursive: true });
    const name = `${BOROUGHS[i % BOROUGHS.length].toLowerCase().replace(/ /g, '-')}-${String(i).padStart(5, '0')}.tsv`;
    const path = join(dir, name);
    writeFileSync(path, variantReturn(seed, i, year, { different }));
    paths.push(path);
  }
  return paths;
}

const FILLER = (
  'The team reviewed the care plan with the family and agreed further actions with health partners ' +
  'including hospice staff, district nurses and the GP cluster lead to be reported at the next board '
)
  .split(' ')
  .filter(Boolean);

function fillerText(length, offset = 0) {
  const parts = [];
  let size = 0;
  for (let k = offset; size < length; k++) {
    const word = FILLER[k % FILLER.length];
    parts.push(word);
    size += word.length + 1;
  }
  return parts.join(' ').slice(0, length).trimEnd();
}

/** The seed with point 1's "Where we are now" replaced by `bytes` characters of text: one huge cell. */
export function bigCellReturn(seed, bytes) {
  return seed
    .map((line, index) => {
      if (index !== 1) return line;
      const cells = line.split('\t');
      cells[2] = fillerText(bytes);
      return cells.join('\t');
    })
    .join('\n');
}

/** The seed grown to `totalLines` lines by continuation lines (wrapped answer text) after several rows. */
export function manyLinesReturn(seed, totalLines) {
  const extra = Math.max(0, totalLines - seed.length);
  const perRow = Math.ceil(extra / ROW_ENDS.length);
  const out = [];
  let added = 0;
  seed.forEach((line, index) => {
    out.push(line);
    if (!ROW_ENDS.includes(index)) return;
    for (let k = 0; k < perRow && added < extra; k++, added++) {
      out.push(`\t\t${fillerText(24, k)}\t${fillerText(20, k + 3)}\t${fillerText(16, k + 7)}`);
    }
  });
  return out.join('\n');
}
