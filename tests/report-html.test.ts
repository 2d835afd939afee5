/**
 * The report's HTML page without a browser: every piece of council text escaped, nothing that
 * could reach a network, the matrix whole, and small enough for 33 councils over two periods.
 * (tests/report-browser.test.ts opens it in Chromium.)
 */
import { describe, expect, it } from 'vitest';
import { compareReturns } from '../src/compare/comparison.js';
import { escapeHtml } from '../src/write/report/htmlShell.js';
import { dataIsland } from '../src/write/report/pageData.js';
import { writeHtmlReport } from '../src/write/report/reportHtml.js';
import { HOSTILE, hostileReturns } from './support/hostile.js';
import { londonReturns } from './support/manyReturns.js';

describe('the report page', () => {
  it('escapes every piece of text from a return: no element, attribute or script from it survives', () => {
    const html = writeHtmlReport(compareReturns(hostileReturns()), { title: HOSTILE[1]! });
    expect(html).not.toMatch(/<img|<b>\d|alert\(\d\)<\/script>|<!--/i);
    // Our own two: the data island (which nothing runs) and the page's script.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&#39;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain(`<title>${escapeHtml(HOSTILE[1]!)}</title>`);
  });

  it('keeps the data island one inert element whatever the text in it', () => {
    const island = dataIsland({ labels: {} as never, returns: [['r1', '</script><script>x()</script>', '<!--']], timeline: [], pairs: [] });
    expect(island).toBe(
      '<script type="application/json" id="report-data">{"labels":{},"returns":[["r1","\\u003c/script\\u003e\\u003cscript\\u003ex()\\u003c/script\\u003e","\\u003c!--"]],"timeline":[],"pairs":[]}</script>',
    );
    expect(JSON.parse(island.slice(island.indexOf('>') + 1, -'</script>'.length))).toEqual({
      labels: {},
      returns: [['r1', '</script><script>x()</script>', '<!--']],
      timeline: [],
      pairs: [],
    });
  });

  it('loads nothing: no external address, a policy that forbids the network, its own style and script only', async () => {
    const html = writeHtmlReport(compareReturns(await londonReturns({ periods: ['May 2015'] })));
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'; img-src data:;/,
    );
    expect(html).not.toMatch(/\ssrc=|<link|<iframe|<object|@import|url\((?!"data:)/i);
    // The only address is SVG's namespace inside the icons' data: URIs.
    expect(html.match(/https?:/g) ?? []).toEqual([]);
    expect(html.match(/http%3A%2F%2Fwww\.w3\.org%2F2000%2Fsvg/g)).toHaveLength(5);
  });

  it('draws 21 squares a return, each a link to its answer with a title', async () => {
    const comparison = compareReturns(await londonReturns({ periods: ['May 2015'] }));
    const html = writeHtmlReport(comparison);
    const squares = [...html.matchAll(/<a href="#(r\d+p\d+)"><title>([^<]*)<\/title><use href="#s-(\w+)" x="\d+"\/><\/a>/g)];
    expect(squares).toHaveLength(33 * 21);
    for (const [, id] of squares) expect(html).toContain(`<tr id="${id}"`);
    expect(squares[0]![2]).toBe('Barking and Dagenham, May 2015, point 1: dated');
  });

  it('stays under 1 MB for 33 councils over two periods', async () => {
    const html = writeHtmlReport(compareReturns(await londonReturns()));
    const bytes = Buffer.byteLength(html, 'utf8');
    expect(bytes).toBeLessThan(1_000_000);
    // Each answer's text is there once: the Croydon seed's longest answer, once a return.
    expect(html.split('The adoption of Croydon&#39;s first End of life care strategy').length - 1).toBe(66);
  });
});
