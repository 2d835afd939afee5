/**
 * "Period to period" and "Timeline": the frames of the two views that rearrange answers, which
 * the page's script fills from the data island (pageData.ts) and the point tables; and the
 * timeline's chart of next steps falling due in each quarter, drawn here.
 */
import type { Comparison, TimelineEntry } from '../../compare/comparison.js';
import { escapeHtml } from './htmlShell.js';
import { periodOf } from './htmlText.js';
import { plural } from '../../text/plural.js';
import type { PageData } from './pageData.js';

const NEEDS_SCRIPT = '<p class="needs-script note">The page’s script draws this table from the answers under Point by point.</p>';

export function periodToPeriod(comparison: Comparison, data: PageData): string {
  const parts = [
    '<section id="councils"><h2>Period to period</h2><p class="note">For each council with several returns: what the earlier return said it would do next, its timescales that fell due before the later return, and what the later return says now, point by point.</p>',
  ];
  data.pairs.forEach((pair, index) => {
    const [, council, before] = data.returns[pair.before]!;
    const [afterId, , after] = data.returns[pair.after]!;
    const repeats = pair.points.filter((point) => point[3].length > 0).length;
    parts.push(
      `<section id="c-${afterId}" class="pair" data-pair="${index}"><h3>${escapeHtml(council)}: ${escapeHtml(before)} → ${escapeHtml(after)}</h3>` +
        `<p class="note">${plural(repeats, 'point repeats', 'points repeat')} words of the ${escapeHtml(before)} return.</p>` +
        `<table><thead><tr><th scope="col">Point</th><th scope="col">Next steps, ${escapeHtml(before)}</th><th scope="col">Fell due in between</th><th scope="col">Where we are now, ${escapeHtml(after)}</th><th scope="col">State then → now</th></tr></thead><tbody></tbody></table>${NEEDS_SCRIPT}</section>`,
    );
  });
  const single = comparison.councils.filter((council) => council.returns.length === 1);
  if (single.length > 0) {
    const returns = new Map(comparison.returns.map((entry) => [entry.id, entry]));
    const names = single.map((council) => `${escapeHtml(council.name)} (${escapeHtml(periodOf(returns.get(council.returns[0]!)!))})`);
    parts.push(`<p class="note">One return only, so nothing to compare: ${names.join(', ')}.</p>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

function quarterKey(quarter: string): number {
  return Number(quarter.slice(3, 7)) * 4 + Number(quarter[1]) - 1;
}

function quarterName(key: number): string {
  const year = Math.floor(key / 4);
  return `Q${(key % 4) + 1} ${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** Bars of dated next steps falling due in each quarter; quarters without any are gaps where the span is under 12 years. */
export function quarterBars(timeline: readonly TimelineEntry[]): string {
  const counts = new Map<string, number>();
  for (const entry of timeline) counts.set(entry.quarter, (counts.get(entry.quarter) ?? 0) + 1);
  const present = [...counts.keys()].sort((a, b) => quarterKey(a) - quarterKey(b));
  if (present.length === 0) return '';
  const first = quarterKey(present[0]!);
  const last = quarterKey(present.at(-1)!);
  const quarters = last - first < 48 ? Array.from({ length: last - first + 1 }, (_, i) => quarterName(first + i)) : present;
  const max = Math.max(...counts.values());
  const barWidth = 34;
  const height = 120;
  const bars = quarters.map((quarter, index) => {
    const count = counts.get(quarter) ?? 0;
    const barHeight = count === 0 ? 0 : Math.max(2, Math.round((count / max) * height));
    const x = index * barWidth;
    const year = quarter.startsWith('Q1') || index === 0 ? `<text class="axis" x="${x + 4}" y="${height + 44}">${quarter.slice(3)}</text>` : '';
    return (
      `<g><title>${quarter}: ${plural(count, 'next step')} due</title>` +
      `<rect x="${x + 4}" y="${height - barHeight + 16}" width="${barWidth - 8}" height="${barHeight}"/>` +
      (count === 0 ? '' : `<text x="${x + barWidth / 2}" y="${height - barHeight + 12}" text-anchor="middle">${count}</text>`) +
      `<text class="axis" x="${x + barWidth / 2}" y="${height + 30}" text-anchor="middle">${quarter.slice(0, 2)}</text>${year}</g>`
    );
  });
  const width = quarters.length * barWidth;
  return `<svg class="bars" role="img" aria-label="Dated next steps falling due in each quarter of the financial year" width="${width}" height="${height + 50}" viewBox="0 0 ${width} ${height + 50}">${bars.join('')}</svg>`;
}

export function timelineFrame(comparison: Comparison, data: PageData): string {
  const parts = [
    '<section id="timeline"><h2>Timeline of dated next steps</h2>' +
      `<p class="note">Every next step that names a date, by the day it falls due: the last day of the month, quarter, financial year or other span its timescale names. ${plural(comparison.timeline.length, 'dated next step')} in all.</p>` +
      quarterBars(comparison.timeline),
  ];
  data.timeline.forEach((year, index) => {
    const start = Number(year.year.slice(0, 4));
    parts.push(
      `<h3>${year.year} <small>1 April ${start} to 31 March ${start + 1} · ${plural(year.entries.length, 'next step')}</small></h3>` +
        `<table class="year" data-year="${index}"><thead><tr><th scope="col">Due</th><th scope="col">Quarter · month</th><th scope="col">Timescale</th><th scope="col">Return</th><th scope="col">Point</th></tr></thead><tbody></tbody></table>${NEEDS_SCRIPT}`,
    );
  });
  parts.push('</section>');
  return parts.join('\n');
}
