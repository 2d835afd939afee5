/**
 * How a PDF was read, drawn (`charter import x.pdf --inspect out.html`): each page of the return
 * with its words where they sit, coloured by the column they went to, the row bands and column
 * edges the layout chose, the ruling lines it found, page furniture in grey and any word that came
 * out in no cell and no diagnostic in red — so that an analyst sees at a glance why a cell is
 * wrong. One self-contained HTML file: inline SVG, no script, no network.
 */
import type { CharterReturn, InspectedPage, InspectedWord } from '../model.js';

export interface InspectionInput {
  /** The input as the user named it. */
  path: string | null;
  pages: readonly InspectedPage[];
  lost: readonly { word: string; page?: number | undefined; line?: number | undefined }[];
  returns: readonly CharterReturn[];
}

/** Colours of the five columns, told apart by people with any colour vision (Okabe–Ito). */
const COLUMN_COLOURS = ['#555555', '#0072b2', '#009e73', '#d55e00', '#cc79a7'];
const COLUMN_NAMES = ['No.', 'Charter point', 'Where we are now', 'Where we need to improve', 'Next steps'];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const number = (value: number) => (Math.round(value * 10) / 10).toString();

/** The pages worth drawing: the returns' own, or where none was found, the pages that hold a table. */
function pagesToDraw(input: InspectionInput): InspectedPage[] {
  const wanted = new Set(input.returns.flatMap((one) => one.source.pages ?? []));
  if (wanted.size === 0) for (const page of input.pages) if (page.bands.length > 0) wanted.add(page.page);
  const drawn = input.pages.filter((page) => wanted.has(page.page));
  return drawn.length > 0 ? drawn : input.pages.slice(0, 5);
}

function wordStyle(word: InspectedWord, lost: boolean): { fill: string; weight: string; decoration: string } {
  if (lost) return { fill: '#c00000', weight: 'bold', decoration: 'underline' };
  switch (word.role) {
    case 'cell':
      return { fill: COLUMN_COLOURS[word.column ?? 0] ?? '#000', weight: 'normal', decoration: 'none' };
    case 'heading':
      return { fill: '#000000', weight: 'bold', decoration: 'none' };
    case 'furniture':
      return { fill: '#aaaaaa', weight: 'normal', decoration: 'line-through' };
    case 'outside':
      return { fill: '#888888', weight: 'normal', decoration: 'none' };
  }
}

function drawPage(page: InspectedPage, lost: ReadonlySet<string>): string {
  const parts: string[] = [];
  const left = page.columns[0] ?? 0;
  const right = Math.max(left, ...page.words.filter((word) => word.role === 'cell' || word.role === 'heading').map((word) => word.x1));
  parts.push(`<rect x="0" y="0" width="${number(page.width)}" height="${number(page.height)}" fill="#ffffff" stroke="#999999"/>`);
  page.bands.forEach((band, index) => {
    const fill = index % 2 === 0 ? '#eef3f8' : '#f8f4ec';
    const label = band.number === '' ? 'row carried over' : `row ${band.number}`;
    parts.push(
      `<rect class="band" x="${number(left - 2)}" y="${number(band.top - 1)}" width="${number(right - left + 4)}" height="${number(band.bottom - band.top + 2)}" fill="${fill}" stroke="#c8d0d8" stroke-width="0.5"><title>${escape(label)}</title></rect>`,
    );
    parts.push(
      `<text x="${number(Math.max(2, left - 4))}" y="${number(band.top + 6)}" font-size="5" text-anchor="end" fill="#446">${escape(band.number === '' ? '↳' : band.number)}</text>`,
    );
  });
  for (const y of page.rules)
    parts.push(`<line x1="${number(left)}" x2="${number(right)}" y1="${number(y)}" y2="${number(y)}" stroke="#56b4e9" stroke-width="0.6"/>`);
  page.columns.slice(1).forEach((x, index) => {
    parts.push(
      `<line class="gutter" x1="${number(x)}" x2="${number(x)}" y1="0" y2="${number(page.height)}" stroke="${COLUMN_COLOURS[index + 1]}" stroke-width="0.6" stroke-dasharray="3 2"><title>${escape(COLUMN_NAMES[index + 1]!)} starts here</title></line>`,
    );
  });
  for (const word of page.words) {
    const isLost =
      lost.has(`${page.page}\u0000${word.line}\u0000${word.text}`) ||
      [...word.text.matchAll(/[\p{L}\p{N}]+/gu)].some((match) => lost.has(`${page.page}\u0000${word.line}\u0000${match[0]}`));
    const style = wordStyle(word, isLost);
    const size = Math.max(1, (word.bottom - word.top) * 0.8);
    if (isLost)
      parts.push(
        `<rect x="${number(word.x0)}" y="${number(word.top)}" width="${number(word.x1 - word.x0)}" height="${number(word.bottom - word.top)}" fill="#ffd6d6"/>`,
      );
    parts.push(
      `<text class="${isLost ? 'lost' : word.role}" x="${number(word.x0)}" y="${number(word.top + size)}" font-size="${number(size)}" textLength="${number(Math.max(0.5, word.x1 - word.x0))}" lengthAdjust="spacingAndGlyphs" fill="${style.fill}" font-weight="${style.weight}" text-decoration="${style.decoration}">${escape(word.text)}</text>`,
    );
  }
  const aside =
    page.aside.length > 0
      ? `<p class="aside">Not written left to right (left out of every cell): ${page.aside.map((text) => `<q>${escape(text)}</q>`).join(', ')}</p>`
      : '';
  return `<section><h2>Page ${page.page}</h2>${aside}<svg role="img" aria-label="Page ${page.page} as charter read it" viewBox="0 0 ${number(page.width)} ${number(page.height)}" width="${number(page.width * 1.4)}" height="${number(page.height * 1.4)}" font-family="Helvetica, Arial, sans-serif">${parts.join('')}</svg></section>`;
}

export function writeInspection(input: InspectionInput): string {
  const lost = new Set(input.lost.map((word) => `${word.page ?? 0}\u0000${word.line ?? 0}\u0000${word.word}`));
  const title = `How charter read ${input.path ?? 'standard input'}`;
  const returns =
    input.returns.length === 0
      ? 'No return was found.'
      : input.returns
          .map(
            (one) =>
              `${escape(one.authority ?? 'Unknown council')}, ${escape(one.period ?? 'no period')}: pages ${escape((one.source.pages ?? []).join(', '))}`,
          )
          .join('; ');
  const legend = [
    ...COLUMN_NAMES.map((name, column) => `<li><span style="color:${COLUMN_COLOURS[column]}">■</span> ${escape(name)}</li>`),
    '<li><b>■</b> heading</li>',
    '<li><span style="color:#aaaaaa;text-decoration:line-through">Page 3</span> page furniture, dropped</li>',
    '<li><span style="color:#888888">■</span> outside the table</li>',
    '<li><span style="color:#c00000;background:#ffd6d6;font-weight:bold">lost</span> in no cell and no diagnostic</li>',
    '<li><span style="color:#56b4e9">━</span> ruling line; dashed: where a column starts; shaded: a row band</li>',
  ].join('');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escape(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
section { margin: 1.5rem 0; }
svg { border: 1px solid #ccc; max-width: 100%; height: auto; background: #fff; }
p.aside { color: #a05000; }
</style></head>
<body>
<h1>${escape(title)}</h1>
<p>${returns} ${input.lost.length > 0 ? `<strong style="color:#c00000">${input.lost.length} word${input.lost.length === 1 ? '' : 's'} came out in no cell and no diagnostic.</strong>` : 'Every word of the table came out in a cell or a diagnostic.'}</p>
<ul class="legend">${legend}</ul>
${pagesToDraw(input)
  .map((page) => drawPage(page, lost))
  .join('\n')}
</body></html>
`;
}
