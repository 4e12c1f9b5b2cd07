"""Style and script of the ``--format html`` page, inlined so the page needs no network.

The script only reads the page (text, data attributes) and moves rows; it never builds markup from
text, so nothing taken from a report can become code. The page's Content-Security-Policy allows this
script by its hash and nothing else. The view (filter, status, sort) lives in the address's fragment
(``#q=…&status=error&sort=4&dir=desc``), so a reviewer can send a colleague the same view.
"""

CSS = """
:root{--err:#c62828;--warn:#b26a00;--ok:#2e7d32;--muted:#666;--line:#ddd}
*{box-sizing:border-box}
body{font:14px/1.55 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;color:#222;background:#fafafa}
main{max-width:1280px;margin:0 auto;padding:16px 24px 64px}
h1{font-size:22px;margin:8px 0}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid var(--line)}
h3{font-size:15px;margin:18px 0 6px}h4{font-size:14px;margin:10px 0 4px}
.meta{color:var(--muted);margin:4px 0}
.chart-box{margin:12px 0;padding:8px 12px;background:#fff;border:1px solid var(--line);display:inline-block}
.chart-box figcaption{font-weight:bold;margin-bottom:6px}
.chart .lbl,.chart .num{font-size:12px;fill:#333}.b-err{fill:var(--err)}.b-warn{fill:#f0a500}
.filters{margin:8px 0;display:flex;gap:16px;align-items:center;flex-wrap:wrap}
.filters input{width:260px;padding:4px 6px}#shown{color:var(--muted)}
table{border-collapse:collapse;background:#fff}
.overview{width:100%}
.overview th,.overview td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
.overview th{background:#f0f0f0;cursor:pointer;user-select:none;white-space:nowrap}
.overview th[aria-sort=ascending]::after{content:" ▲"}.overview th[aria-sort=descending]::after{content:" ▼"}
.overview td a{word-break:break-all}
td.n{text-align:right;white-space:nowrap}.zero{color:#bbb}.ce{color:var(--err)}.cw{color:var(--warn)}
.st{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;color:#fff;white-space:nowrap}
.st-error{background:var(--err)}.st-warning{background:var(--warn)}.st-ok{background:var(--ok)}.st-unreadable{background:#555}
details.report{background:#fff;border:1px solid var(--line);margin:8px 0;padding:4px 12px}
details.report>summary{cursor:pointer;padding:4px 0;font-weight:bold}
details.report>summary .cnt{font-weight:normal;color:var(--muted);margin-left:8px}
ol.findings{padding-left:28px}
li.f{margin:6px 0;padding:4px 8px;border-left:4px solid var(--line)}
li.f-error{border-color:var(--err)}li.f-warning{border-color:#f0a500}li.f-info{border-color:#1976d2}
.sev{font-weight:bold}.f-error .sev{color:var(--err)}.f-warning .sev{color:var(--warn)}.f-info .sev{color:#1976d2}
.code{background:#eee;padding:0 4px}.fam{color:var(--muted);font-size:12px}
.where{color:var(--muted);font-size:12px}
pre{white-space:pre-wrap;word-break:break-all;margin:4px 0;font:13px/1.5 "Noto Sans Mono CJK SC",monospace}
pre.snip{background:#f6f6f6;padding:4px 8px}
mark{background:#ffe08a;padding:0 1px}mark.point{display:inline-block;width:2px;height:1em;background:var(--err)}
.el{color:var(--muted)}
.fix{margin:4px 0;border:1px dashed #999;padding:4px 8px}.fk{font-size:12px;color:var(--muted)}
.fb,.fa{display:flex;gap:8px}.fb span,.fa span{flex:none;width:4em;color:var(--muted);font-size:12px;padding-top:6px}
del{background:#fdd;color:var(--err)}ins{background:#dfd;color:var(--ok);text-decoration:none}
.ef code{background:#f6f6f6;padding:0 4px}
.stat{margin:8px 0 16px}
table.grid th,table.grid td{border:1px solid #ccc;padding:2px 6px;font-size:13px}
table.grid thead th{background:#f0f0f0;font-weight:normal}
table.grid tbody th{text-align:left;font-weight:normal;max-width:360px}
table.grid tr.grp th{background:#fafafa;color:var(--muted)}
table.grid caption{text-align:left;color:var(--muted);font-size:12px}
td.bad{background:#ffcdd2;outline:2px solid var(--err);outline-offset:-2px;font-weight:bold}
td.warn{background:#fff3c4}td.blank{background-image:repeating-linear-gradient(45deg,#fff,#fff 4px,#eee 4px,#eee 8px)}
td.missing{color:#bbb}
ul.eqs{margin:4px 0;padding-left:20px;color:var(--err)}ul.eqs a{color:inherit}
table.outline th,table.outline td{border:1px solid var(--line);padding:2px 8px}
tr.o-missing td,tr.o-differs td{color:var(--err)}tr.o-extra td{color:var(--warn)}
.clean{color:var(--ok)}.unreadable{color:var(--err)}
@media print{details.report{break-inside:avoid}.filters{display:none}}
"""

SCRIPT = """
document.addEventListener("DOMContentLoaded", function () {
  var table = document.getElementById("overview");
  if (!table) return;
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var q = document.getElementById("q");
  var status = document.getElementById("status");
  var shown = document.getElementById("shown");
  var view = {q: "", status: "", sort: -1, dir: "asc"};

  function key(row, col, type) {
    var cell = row.cells[col];
    if (type === "num") {
      var v = parseFloat(cell.getAttribute("data-v"));
      return isNaN(v) ? 0 : v;
    }
    return cell.textContent.trim();
  }
  function sortRows() {
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    if (view.sort < 0 || view.sort >= heads.length) return;
    var type = heads[view.sort].getAttribute("data-type");
    var rows = Array.prototype.slice.call(body.rows);
    var sign = view.dir === "desc" ? -1 : 1;
    rows.sort(function (a, b) {
      var x = key(a, view.sort, type), y = key(b, view.sort, type);
      if (type === "num") return sign * (x - y);
      return sign * x.localeCompare(y, "zh-CN");
    });
    rows.forEach(function (r) { body.appendChild(r); });
    heads[view.sort].setAttribute("aria-sort", view.dir === "desc" ? "descending" : "ascending");
  }
  function filterRows() {
    var needle = view.q.toLowerCase(), count = 0;
    Array.prototype.forEach.call(body.rows, function (r) {
      var ok = (!view.status || r.getAttribute("data-status") === view.status) &&
               (!needle || r.textContent.toLowerCase().indexOf(needle) >= 0);
      r.hidden = !ok;
      if (ok) count++;
    });
    shown.textContent = "显示 " + count + " / " + body.rows.length + " 份";
  }
  function save() {
    var parts = [];
    if (view.q) parts.push("q=" + encodeURIComponent(view.q));
    if (view.status) parts.push("status=" + encodeURIComponent(view.status));
    if (view.sort >= 0) parts.push("sort=" + view.sort, "dir=" + view.dir);
    try {
      history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
    } catch (err) { /* some browsers refuse history changes on file:// pages; the view still works */ }
  }
  function load() {
    var h = location.hash.replace(/^#/, "");
    if (/^r\\d+/.test(h)) { openReport(h); return; }
    h.split("&").forEach(function (kv) {
      var i = kv.indexOf("=");
      if (i < 0) return;
      var k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
      if (k === "q") view.q = v;
      else if (k === "status") view.status = v;
      else if (k === "sort") view.sort = parseInt(v, 10);
      else if (k === "dir") view.dir = v === "desc" ? "desc" : "asc";
    });
    q.value = view.q;
    status.value = view.status;
  }
  function openReport(id) {
    var el = document.getElementById(id.split("-")[0]);
    if (el && el.tagName === "DETAILS") el.open = true;
    var target = document.getElementById(id);
    if (target) target.scrollIntoView();
  }
  Array.prototype.forEach.call(heads, function (th, i) {
    th.addEventListener("click", function () {
      view.dir = view.sort === i && view.dir === "asc" ? "desc" : "asc";
      view.sort = i;
      sortRows(); save();
    });
  });
  q.addEventListener("input", function () { view.q = q.value; filterRows(); save(); });
  status.addEventListener("change", function () { view.status = status.value; filterRows(); save(); });
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[href^='#r']") : null;
    if (a) openReport(a.getAttribute("href").slice(1));
  });
  load(); sortRows(); filterRows();
});
"""
