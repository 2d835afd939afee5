/**
 * The report page's style and script, inline in the page (the page fetches nothing). The script
 * draws the period-to-period tables and the timeline from the data island and the point tables;
 * on hover or keyboard focus of a square it shows that answer beside the matrix; arrow keys move
 * between squares. Text only ever goes in with textContent, never parsed as markup.
 */
export const REPORT_STYLE = `
:root{--ink:#1b1b1b;--muted:#555;--line:#ccc;--pale:#f4f6f8;--accent:#1f5f8b}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);margin:0 auto;padding:1rem 1.5rem 3rem;max-width:110rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.3rem;margin:2.5rem 0 .5rem;border-bottom:2px solid var(--accent)}
h3{font-size:1.1rem;margin:1.6rem 0 .4rem}h4{font-size:1rem;margin:1.4rem 0 .3rem}
a{color:var(--accent)}nav a{margin-right:1rem}
.lede,.note,.frame,.tally{color:var(--muted);margin:.2rem 0}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.4rem;list-style:none;padding:0;margin:.6rem 0}
.legend li{display:flex;align-items:center;gap:.4rem}.legend svg{flex:none}
.matrix-wrap{display:flex;gap:1.5rem;align-items:flex-start}
.matrix-scroll{overflow:auto;flex:none;max-width:100%}
.matrix text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
.matrix .num{text-anchor:middle;fill:var(--muted);font-size:11px}.matrix .council{font-weight:600}
.matrix .band rect{fill:var(--pale);stroke:var(--line)}.matrix .band text{font-size:11px;font-weight:600}
.matrix .sep{stroke:var(--line)}
.matrix a:focus{outline:none}.matrix a:focus-visible use{outline:3px solid #000;outline-offset:1px}
.cursor{fill:none;stroke:#000;stroke-width:2.5;pointer-events:none}
#detail{position:sticky;top:1rem;flex:1 1 18rem;max-width:34rem;min-height:8rem;border:1px solid var(--line);background:var(--pale);padding:.6rem .9rem;font-size:.9rem}
#detail h3{font-size:.85rem;margin:.6rem 0 .1rem;color:var(--muted)}#detail p{margin:0}.d-head{font-weight:600}
table{border-collapse:collapse;width:100%;margin:.4rem 0}
th,td{border:1px solid var(--line);padding:.3rem .45rem;vertical-align:top;text-align:left}
thead th{background:var(--pale);font-size:.85rem}
.point tbody td:nth-last-child(-n+3){width:26%}td[class^="s-"]{white-space:nowrap}
[class^="s-"]::before{content:"";display:inline-block;width:14px;height:14px;margin-right:.3rem;vertical-align:-2px;background-size:14px 14px}
span[class^="s-"]{white-space:nowrap}
tr:target,tr:target th,tr:target td{background:#fff3c4}
small,.place{color:var(--muted);font-size:.8rem}th small{display:block;font-weight:400}
.point td:nth-child(2),.states td{white-space:nowrap}
.chip{display:inline-block;border:1px solid var(--accent);border-radius:.6rem;padding:0 .4rem;font-size:.78rem;margin-right:.25rem;color:var(--accent)}
.same{display:inline-block;background:#fff3c4;border:1px solid #b08900;border-radius:.3rem;padding:0 .3rem;font-size:.78rem}
ul.due{margin:0;padding-left:1rem}
.bars rect{fill:var(--accent)}.bars text{font:11px system-ui,sans-serif;fill:var(--ink)}.bars .axis{fill:var(--muted)}
details{margin:.3rem 0}summary{cursor:pointer}
li.error{color:#a40000}li.warning{color:#7a4b00}
.defs{position:absolute;width:0;height:0;overflow:hidden}
/* Sections below the first screen are laid out only when scrolled to: a large report draws at once. */
section.point,section.pair,#timeline table,#sources details{content-visibility:auto;contain-intrinsic-size:auto 40rem}
@media print{.matrix-wrap{display:block}#detail{display:none}}
`.trim();

export const REPORT_SCRIPT = `
(function () {
  var FIELDS = ['Where we are now', 'Where we need to improve', 'Next steps (with timescales)'];
  var FIELD_WORDS = ['where we are now', 'where we need to improve', 'next steps'];
  var MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  var island = document.getElementById('report-data');
  var data = island ? JSON.parse(island.textContent) : { labels: {}, returns: [], timeline: [], pairs: [] };

  function el(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== null && text !== undefined) element.textContent = text;
    if (className) element.className = className;
    return element;
  }
  // The last three cells of an answer's row in its point's table hold its three answers.
  function answerCells(row) {
    return Array.prototype.slice.call(row.cells, row.cells.length - 3);
  }
  function answerId(returnIndex, point) {
    return data.returns[returnIndex][0] + 'p' + point;
  }
  function answerText(returnIndex, point, field) {
    var row = document.getElementById(answerId(returnIndex, point));
    if (!row || row.className === 'st-missing') return null;
    return answerCells(row)[field].textContent;
  }
  function textCell(text) {
    return text === null ? el('td', 'not in the return', 'note') : el('td', text);
  }
  function link(returnIndex, point, text) {
    var a = el('a', text);
    a.href = '#' + answerId(returnIndex, point);
    return a;
  }
  function stateWord(state) {
    return el('span', data.labels[state], 's-' + state);
  }
  function withChildren(element, children) {
    for (var i = 0; i < children.length; i++) element.appendChild(typeof children[i] === 'string' ? document.createTextNode(children[i]) : children[i]);
    return element;
  }
  function timescale(entry, withDue) {
    return ['\u201c' + entry[1] + '\u201d ', el('small', entry[2] + (withDue ? ', due ' + entry[0] : ''))];
  }
  function done(section) {
    var note = section.querySelector('.needs-script');
    if (note) note.parentNode.removeChild(note);
  }

  var flat = [];
  data.timeline.forEach(function (year) { year.entries.forEach(function (entry) { flat.push(entry); }); });

  // Period to period: the earlier next steps, what fell due, the later where-we-are-now.
  Array.prototype.forEach.call(document.querySelectorAll('section.pair'), function (section) {
    var pair = data.pairs[Number(section.getAttribute('data-pair'))];
    if (!pair) return;
    var rows = document.createDocumentFragment();
    pair.points.forEach(function (point, index) {
      var number = index + 1;
      var due;
      if (point[2] === null) due = el('td', 'one of the periods names no date', 'note');
      else if (point[2].length === 0) due = el('td', '\u2014', 'note');
      else {
        var list = el('ul', null, 'due');
        point[2].forEach(function (at) { list.appendChild(withChildren(el('li'), timescale(flat[at], true))); });
        due = withChildren(el('td'), [list]);
      }
      var states = withChildren(el('td'), [stateWord(point[0]), ' \u2192 ', stateWord(point[1])]);
      if (point[3].length > 0) {
        withChildren(states, [' ', el('span', 'same words: ' + point[3].map(function (field) { return FIELD_WORDS[field]; }).join(', '), 'same')]);
      }
      rows.appendChild(
        withChildren(el('tr'), [
          withChildren(el('th'), [link(pair.after, number, String(number))]),
          textCell(answerText(pair.before, number, 2)),
          due,
          textCell(answerText(pair.after, number, 0)),
          states,
        ]),
      );
    });
    section.querySelector('tbody').appendChild(rows);
    done(section);
  });

  // Timeline: each financial year's dated next steps, by the day they fall due.
  var timelineSection = document.getElementById('timeline');
  Array.prototype.forEach.call(document.querySelectorAll('table.year'), function (table) {
    var year = data.timeline[Number(table.getAttribute('data-year'))];
    if (!year) return;
    var rows = document.createDocumentFragment();
    year.entries.forEach(function (entry) {
      var month = Number(entry[0].slice(5, 7));
      var quarter = 'Q' + (Math.floor(((month + 8) % 12) / 3) + 1);
      var what = withChildren(el('td'), timescale(entry, false));
      if (entry[5] === 1) withChildren(what, [' ', el('small', '(already past at the return\u2019s period)')]);
      var source = data.returns[entry[3]];
      rows.appendChild(
        withChildren(el('tr'), [
          el('td', entry[0]),
          el('td', quarter + ' \u00b7 ' + MONTHS[month - 1] + ' ' + entry[0].slice(0, 4)),
          what,
          el('td', source[1] + ', ' + source[2]),
          withChildren(el('td'), [link(entry[3], entry[4], String(entry[4]))]),
        ]),
      );
    });
    table.querySelector('tbody').appendChild(rows);
    var note = table.nextElementSibling;
    if (note && note.className.indexOf('needs-script') >= 0) note.parentNode.removeChild(note);
  });
  if (timelineSection) timelineSection.setAttribute('data-drawn', 'true');

  // The matrix: on hover or focus, the square's answers beside it; arrow keys move between squares.
  var svg = document.getElementById('matrix-svg');
  var panel = document.getElementById('detail');
  var cursor = document.getElementById('cursor');
  if (!svg || !panel || !cursor) return;
  var shown = null;
  function squareOf(node) {
    while (node && node !== svg) {
      if (node.localName === 'a') return node;
      node = node.parentNode;
    }
    return null;
  }
  function show(square) {
    if (square === shown) return;
    shown = square;
    var use = square.querySelector('use');
    square.parentNode.appendChild(cursor);
    cursor.setAttribute('x', String(Number(use.getAttribute('x')) - 2));
    cursor.setAttribute('y', '-2');
    panel.textContent = '';
    panel.appendChild(el('p', square.querySelector('title').textContent, 'd-head'));
    var row = document.getElementById(square.getAttribute('href').slice(1));
    if (!row) return;
    if (row.className === 'st-missing') {
      panel.appendChild(el('p', 'The point is not in this return.'));
      return;
    }
    var cells = answerCells(row);
    for (var i = 0; i < cells.length; i++) {
      panel.appendChild(el('h3', FIELDS[i]));
      panel.appendChild(el('p', cells[i].textContent || '(empty)'));
    }
  }
  function follow(event) {
    var square = squareOf(event.target);
    if (square) show(square);
  }
  svg.addEventListener('mouseover', follow);
  svg.addEventListener('focusin', follow);
  svg.addEventListener('keydown', function (event) {
    var square = squareOf(event.target);
    if (!square) return;
    var row = square.parentNode;
    var squares = row.querySelectorAll('a');
    var index = Array.prototype.indexOf.call(squares, square);
    var next = null;
    if (event.key === 'ArrowRight') next = squares[index + 1];
    else if (event.key === 'ArrowLeft') next = squares[index - 1];
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      var rows = svg.querySelectorAll('g.row');
      var other = rows[Array.prototype.indexOf.call(rows, row) + (event.key === 'ArrowDown' ? 1 : -1)];
      if (other) next = other.querySelectorAll('a')[index];
    }
    if (next) {
      next.focus();
      event.preventDefault();
    }
  });
})();
`.trim();
