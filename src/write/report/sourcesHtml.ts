/** "Sources": where each return was read from, its errors and warnings, its repairs counted, and the inputs that held none. */
import type { Comparison } from '../../compare/comparison.js';
import type { Diagnostic } from '../../model.js';
import { escapeHtml } from './htmlShell.js';
import { periodOf, placeText, sourceWhere } from './htmlText.js';
import { plural } from '../../text/plural.js';

function problemLine(diagnostic: Diagnostic): string {
  const where = [placeText(diagnostic), diagnostic.point === undefined ? '' : `point ${diagnostic.point}`].filter(Boolean).join(' · ');
  return `<li class="${diagnostic.severity}">${where === '' ? '' : `${escapeHtml(where)} · `}${diagnostic.severity} <code>${escapeHtml(diagnostic.code)}</code>: ${escapeHtml(diagnostic.message)}`;
}

export function sourcesSection(comparison: Comparison): string {
  const rows = comparison.returns.map(
    (entry) =>
      `<tr id="src-${entry.id}"><th>${escapeHtml(entry.council)}<td>${escapeHtml(periodOf(entry))}` +
      `<td><code>${escapeHtml(entry.source.path ?? 'standard input')}</code><td>${escapeHtml(entry.source.format)}<td>${escapeHtml(sourceWhere(entry.source))}` +
      `<td>${entry.valid ? 'yes' : '<b>no</b>'}<td>${entry.errors}<td>${entry.warnings}` +
      `<td>${entry.repairs.map((repair) => `${repair.count} <code>${escapeHtml(repair.code)}</code>`).join(', ')}`,
  );
  const details = comparison.returns
    .filter((entry) => entry.problems.length > 0)
    .map((entry) => {
      const counts = [entry.errors > 0 ? plural(entry.errors, 'error') : '', entry.warnings > 0 ? plural(entry.warnings, 'warning') : '']
        .filter(Boolean)
        .join(', ');
      return `<details><summary>${escapeHtml(entry.council)}, ${escapeHtml(periodOf(entry))}: ${counts}</summary><ul>${entry.problems.map(problemLine).join('')}</ul></details>`;
    });
  const unread =
    comparison.unread.length === 0
      ? ''
      : `<h3>Inputs with no return</h3><ul>${comparison.unread
          .map((input) => `<li><code>${escapeHtml(input.path ?? 'standard input')}</code><ul>${input.diagnostics.map(problemLine).join('')}</ul>`)
          .join('')}</ul>`;
  return (
    '<section id="sources"><h2>Sources</h2><p class="note">Where each return was read from, and what charter found doubtful or wrong in it; repairs are counted by code.</p>' +
    '<table><thead><tr><th scope="col">Council</th><th scope="col">Period</th><th scope="col">Source</th><th scope="col">Format</th><th scope="col">Where in it</th><th scope="col">Valid</th><th scope="col">Errors</th><th scope="col">Warnings</th><th scope="col">Repairs</th></tr></thead>' +
    `<tbody>${rows.join('\n')}</tbody></table>${details.join('\n')}${unread}</section>`
  );
}
