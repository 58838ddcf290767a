"""HTML: one self-contained file to read a run in a browser and to keep with the archive.

No request leaves the page: styles and script are inline, and a Content-Security-Policy
forbids everything else, including any script but the report's own (allowed by its
hash). Every string that came from a fetched page is escaped; the policy is the second
lock should an escape ever be missed. Links to cited pages are only made for http(s)
URLs, so a cited "javascript:" URL stays text.

Filters live in the URL fragment (#status=dead&drift=changed&q=words) so a filtered
view can be bookmarked or sent; expand=1 opens every shown row, expand=changed (or any
status or drift) the rows with it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterator
from typing import Any

from archiver.model import DRIFTS, STATUSES
from archiver.report import LinkEntry, ReportData, Tally
from archiver.report.common import (
    STATUS_ORDER,
    clean,
    clean_block,
    clean_history,
    settings_text,
    sort_key,
    summary_line,
    text_href,
)

_CSS = """
:root{--fg:#1d2330;--muted:#5b6475;--line:#dde1e8;--bg:#fff;--soft:#f5f6f8;
--dead:#c62828;--soft404:#8e24aa;--blocked:#b26a00;--unreachable:#8d6e00;
--redirected:#00796b;--ok:#2e7d32}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);
background:var(--bg);margin:0;padding:24px 32px}
h1{font-size:22px;margin:0 0 4px}h1 small{color:var(--muted);font-weight:400}
.meta{color:var(--muted);margin:0 0 16px}
.offline{border:2px solid var(--dead);padding:12px 16px;border-radius:6px;max-width:60em}
.cards{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 16px}
.card{border:1px solid var(--line);border-radius:6px;padding:6px 12px;background:var(--soft);
cursor:pointer;font:inherit;text-align:left;min-width:92px}
.card b{display:block;font-size:20px}.card.on{outline:2px solid var(--fg)}
.card.zero{opacity:.45}
.controls{display:flex;gap:8px;align-items:center;margin:0 0 12px;flex-wrap:wrap}
.controls input{flex:1;min-width:220px;padding:6px 8px;font:inherit;border:1px solid var(--line);
border-radius:4px}
.controls select{padding:5px;font:inherit}#shown{color:var(--muted)}
table{border-collapse:collapse;width:100%}
th{position:sticky;top:0;background:var(--bg);text-align:left;border-bottom:2px solid var(--line);
padding:6px 8px;cursor:pointer;user-select:none;white-space:nowrap}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td{border-bottom:1px solid var(--line);padding:6px 8px;vertical-align:top}
tr.row{cursor:pointer}tr.row:hover td{background:var(--soft)}
.url{word-break:break-all}.url a{color:inherit}.title{color:var(--muted)}
.badge{display:inline-block;border-radius:3px;padding:0 6px;color:#fff;font-weight:600;
font-size:12px;white-space:nowrap}
.s-dead{background:var(--dead)}.s-soft-404{background:var(--soft404)}
.s-blocked{background:var(--blocked)}.s-unreachable{background:var(--unreachable)}
.s-redirected{background:var(--redirected)}.s-ok{background:var(--ok)}
.d-changed{font-weight:600}.d-gone{color:var(--dead);font-weight:600}
.hist{white-space:nowrap}.sq{display:inline-block;width:10px;height:10px;margin-right:2px;
border-radius:2px}
.detail td{background:var(--soft);padding:12px 16px}
.detail h3{font-size:13px;margin:8px 0 4px;text-transform:uppercase;color:var(--muted)}
.detail table{width:auto}.detail td,.detail th{background:none;padding:2px 10px 2px 0;
border:0;position:static;cursor:auto}
pre.diff{white-space:pre-wrap;word-break:break-word;background:var(--bg);
border:1px solid var(--line);padding:8px;max-height:28em;overflow:auto;margin:0}
del{background:#fde0e0;color:#8a1c1c}ins{background:#dff3e0;color:#1b5e20;text-decoration:none}
.toggle{color:var(--muted);display:inline-block;width:1em}
footer{color:var(--muted);margin-top:24px;font-size:12px}
"""

_JS = r"""
(function () {
  var table = document.getElementById('links');
  if (!table) { document.body.setAttribute('data-ready', '1'); return; }
  var bodies = Array.prototype.slice.call(table.querySelectorAll('tbody.link'));
  var q = document.getElementById('q'), st = document.getElementById('status'),
      dr = document.getElementById('drift'), shown = document.getElementById('shown');
  function apply() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean), n = 0;
    bodies.forEach(function (b) {
      var text = b.getAttribute('data-text');
      var ok = (!st.value || b.getAttribute('data-status') === st.value) &&
               (!dr.value || b.getAttribute('data-drift') === dr.value) &&
               words.every(function (w) { return text.indexOf(w) >= 0; });
      b.hidden = !ok; if (ok) n++;
    });
    shown.textContent = n + ' of ' + bodies.length + ' links shown';
    document.querySelectorAll('.card').forEach(function (c) {
      var k = c.getAttribute('data-status'), d = c.getAttribute('data-drift');
      c.classList.toggle('on', (k && k === st.value) || (d && d === dr.value));
    });
    var parts = [];
    if (st.value) parts.push('status=' + encodeURIComponent(st.value));
    if (dr.value) parts.push('drift=' + encodeURIComponent(dr.value));
    if (q.value) parts.push('q=' + encodeURIComponent(q.value));
    if (expand) parts.push('expand=' + encodeURIComponent(expand));
    var hash = parts.length ? '#' + parts.join('&') : '';
    if (location.hash !== hash && history.replaceState) {
      history.replaceState(null, '', hash || location.pathname + location.search);
    }
  }
  function fromHash() {
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      var i = kv.indexOf('='); if (i < 0) return;
      var k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
      if (k === 'status') st.value = v;
      if (k === 'drift') dr.value = v;
      if (k === 'q') q.value = v;
      if (k === 'expand') expand = v;
    });
  }
  var expand = '';
  function expandShown() {
    bodies.forEach(function (b) {
      if (b.hidden) return;
      if (expand !== '1' && b.getAttribute('data-status') !== expand &&
          b.getAttribute('data-drift') !== expand) return;
      b.rows[1].hidden = false; b.querySelector('.toggle').textContent = '▾';
    });
  }
  var sortKey = null, sortDir = 1;
  function sortBy(key) {
    sortDir = sortKey === key ? -sortDir : 1; sortKey = key;
    var tb = table.tBodies, parent = table;
    bodies.sort(function (a, b) {
      var x = a.getAttribute('data-' + key), y = b.getAttribute('data-' + key);
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : (x < y ? -1 : x > y ? 1 : 0);
      return c * sortDir || (a.getAttribute('data-order') - b.getAttribute('data-order'));
    });
    bodies.forEach(function (b) { parent.appendChild(b); });
    table.querySelectorAll('thead th').forEach(function (th) {
      th.setAttribute('aria-sort', th.getAttribute('data-key') === key ?
        (sortDir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }
  table.querySelectorAll('thead th[data-key]').forEach(function (th) {
    th.addEventListener('click', function () { sortBy(th.getAttribute('data-key')); });
  });
  table.addEventListener('click', function (e) {
    var row = e.target.closest('tr.row'); if (!row || e.target.closest('a')) return;
    var detail = row.nextElementSibling; if (!detail) return;
    detail.hidden = !detail.hidden;
    row.querySelector('.toggle').textContent = detail.hidden ? '▸' : '▾';
  });
  document.querySelectorAll('.card').forEach(function (c) {
    c.addEventListener('click', function () {
      var k = c.getAttribute('data-status'), d = c.getAttribute('data-drift');
      if (k) st.value = st.value === k ? '' : k;
      if (d) dr.value = dr.value === d ? '' : d;
      apply();
    });
  });
  [q, st, dr].forEach(function (el) { el.addEventListener('input', apply); });
  window.addEventListener('hashchange', function () { fromHash(); apply(); });
  fromHash(); apply(); if (expand) expandShown();
  document.body.setAttribute('data-ready', '1');
})();
"""

_COLOURS = {
    "dead": "#c62828",
    "soft-404": "#8e24aa",
    "blocked": "#b26a00",
    "unreachable": "#8d6e00",
    "redirected": "#00796b",
    "ok": "#2e7d32",
}
_DIFF_PIECE = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.DOTALL)


def _e(value: Any) -> str:
    return html.escape(clean(value), quote=True)


def _diff_html(diff: str) -> str:
    """The word diff with its [-removed-] and {+added+} marks turned into <del>/<ins>."""
    text = clean_block(diff)
    out, pos = [], 0
    for m in _DIFF_PIECE.finditer(text):
        out.append(html.escape(text[pos : m.start()]))
        if m.group(1) is not None:
            out.append(f"<del>{html.escape(m.group(1))}</del>")
        else:
            out.append(f"<ins>{html.escape(m.group(2))}</ins>")
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def _url_cell(url: str) -> str:
    shown = _e(url)
    if re.match(r"^https?://", clean(url), re.IGNORECASE):
        return f'<a href="{shown}" rel="noreferrer noopener" target="_blank">{shown}</a>'
    return shown


def _squares(rows: list[dict[str, Any]]) -> str:
    out = []
    for r in rows[-12:]:
        colour = _COLOURS.get(r["status"], "#999")
        tip = f"run {r['run']} · {r['date']} · {r['status']} · {r['drift']}"
        out.append(f'<span class="sq" style="background:{colour}" title="{_e(tip)}"></span>')
    return "".join(out)


def _detail(data: ReportData, entry: LinkEntry, rows: list[dict[str, Any]]) -> str:
    v = entry.verdict
    parts = ["<h3>Evidence</h3>", f"<p>{_e(v.reason)}"]
    if v.http_status is not None:
        parts.append(f" · HTTP {v.http_status}")
    parts.append("</p>")
    if v.final_url and v.final_url != v.url:
        parts.append(f"<p>Ended at {_url_cell(v.final_url)}</p>")
    if v.warc_file:
        offset = f" at offset {v.warc_offset}" if v.warc_offset is not None else ""
        parts.append(f"<p>WARC record: <code>{_e(v.warc_file)}</code>{offset}</p>")
    href = text_href(data.texts_base, v.text_path)
    if href:
        parts.append(f'<p><a href="{html.escape(href, quote=True)}">Captured text</a></p>')
    cited = entry.cited
    if cited:
        parts.append(f"<p>Cited in {', '.join(_e(c) for c in cited)}</p>")
    if v.diff:
        sim = f" (similarity {v.similarity:.2f})" if v.similarity is not None else ""
        parts.append(f"<h3>What changed{sim}</h3>")
        parts.append(f'<pre class="diff">{_diff_html(v.diff)}</pre>')
    if rows:
        parts.append("<h3>History</h3><table><tr><th>Run</th><th>Date</th><th>Status</th>")
        parts.append("<th>Drift</th></tr>")
        for r in reversed(rows):
            parts.append(
                f"<tr><td>{_e(r['run'])}</td><td>{_e(r['date'])}</td>"
                f'<td><span class="badge s-{_e(r["status"])}">{_e(r["status"])}</span></td>'
                f"<td>{_e(r['drift'])}</td></tr>"
            )
        parts.append("</table>")
    return "".join(parts)


def _link_body(data: ReportData, entry: LinkEntry, order: int) -> str:
    v = entry.verdict
    rows = clean_history(entry.history)
    status_rank, drift_rank, _ = sort_key(v)
    searchable = " ".join(clean(x) for x in (v.url, v.title, v.reason, v.final_url)).lower()
    title = clean(v.title)
    drift = v.drift
    if v.drift == "changed" and v.similarity is not None:
        drift = f"changed {v.similarity:.0%}"
    attrs = (
        f'data-status="{_e(v.status)}" data-drift="{_e(v.drift)}" data-order="{order}" '
        f'data-s="{status_rank}" data-d="{drift_rank}" '
        f'data-http="{v.http_status if v.http_status is not None else ""}" '
        f'data-url="{_e(v.url.lower())}" data-text="{html.escape(searchable, quote=True)}"'
    )
    return (
        f'<tbody class="link" {attrs}><tr class="row">'
        f'<td><span class="toggle">▸</span><span class="badge s-{_e(v.status)}">'
        f"{_e(v.status)}</span></td>"
        f'<td class="d-{_e(v.drift)}">{_e(drift)}</td>'
        f"<td>{v.http_status if v.http_status is not None else ''}</td>"
        f'<td class="url">{_url_cell(v.url)}'
        + (f'<div class="title">{_e(title)}</div>' if title else "")
        + f"</td><td>{_e(v.reason)}</td>"
        f'<td class="hist">{_squares(rows)}</td></tr>'
        f'<tr class="detail" hidden><td colspan="6">{_detail(data, entry, rows)}</td></tr>'
        "</tbody>"
    )


def _cards(tally: Tally) -> str:
    statuses, drifts = tally.statuses, tally.drifts
    out = ['<div class="cards">']
    for s in STATUS_ORDER:
        zero = " zero" if not statuses[s] else ""
        out.append(
            f'<button class="card{zero}" data-status="{s}"><b>{statuses[s]}</b>'
            f'<span class="badge s-{s}">{s}</span></button>'
        )
    for d in ("changed", "gone"):
        zero = " zero" if not drifts[d] else ""
        out.append(f'<button class="card{zero}" data-drift="{d}"><b>{drifts[d]}</b>{d}</button>')
    out.append("</div>")
    return "".join(out)


def _options(values: tuple[str, ...], label: str) -> str:
    return f'<option value="">{label}</option>' + "".join(
        f'<option value="{v}">{v}</option>' for v in values
    )


def html_chunks(data: ReportData) -> Iterator[str]:
    """The page head and the counts first, then one <tbody> per link as it comes."""
    script_hash = base64.b64encode(hashlib.sha256(_JS.encode()).digest()).decode()
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{script_hash}'; base-uri 'none'; form-action 'none'"
    )
    title = f"Link report · run {clean(data.run_id)}"
    when = " → ".join(x for x in (clean(data.started), clean(data.finished)) if x)
    tally = None if data.offline else data.tally()
    yield "".join(
        [
            "<!doctype html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>",
            f"<header><h1>Link report <small>run {_e(data.run_id)}</small></h1>",
            f'<p class="meta">{_e(when)}'
            + (f" · {_e(summary_line(tally))}" if tally is not None else "")
            + "</p></header>",
        ]
    )
    if tally is None:
        yield (
            '<p class="offline"><b>Offline run.</b> No host could be reached at the network '
            "level, so no link was judged and the history was left as it was.</p>"
        )
    else:
        yield _cards(tally)
        yield (
            '<div class="controls"><input id="q" type="search" '
            'placeholder="Filter by URL, title or evidence" aria-label="Filter">'
            f'<select id="status" aria-label="Status">{_options(STATUSES, "any status")}</select>'
            f'<select id="drift" aria-label="Drift">{_options(DRIFTS, "any drift")}</select>'
            '<span id="shown"></span></div>'
        )
        yield (
            '<table id="links"><thead><tr><th data-key="s">Status</th>'
            '<th data-key="d">Drift</th><th data-key="http">HTTP</th>'
            '<th data-key="url">Link</th><th>Evidence</th><th>History</th></tr></thead>'
        )
        for i, entry in enumerate(data.entries()):
            yield _link_body(data, entry, i)
        yield "</table>"
    settings = settings_text(data.settings)
    foot = "<footer>Click a row for its evidence, history and diff; click a heading to sort."
    if settings:
        foot += f"<br>Settings: {_e(settings)}"
    foot += "</footer>"
    yield foot + f"<script>{_JS}</script></body></html>\n"


def render_html(data: ReportData) -> str:
    return "".join(html_chunks(data))
