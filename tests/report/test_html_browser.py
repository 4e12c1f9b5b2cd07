"""The --format html page in a real browser: headless Chromium (Debian's package, installed by .ci/run).

The page's view lives in the address fragment (``#sort=4&dir=desc``, ``#status=ok``), so a headless
browser can load a view and dump the DOM its script produced: sorting, filtering, an injected script from
a report that must not run, and a screenshot that must show something.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from batch_fixtures import make_batch
from conftest import run_cli

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no headless Chromium on this machine (.ci/run installs Debian's chromium package)")


def _browser(*args) -> str:
    home = os.environ.get("TMPDIR", "/tmp")
    proc = subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           f"--user-data-dir={home}/govlint-chromium-{os.getpid()}", *args],
                          capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    return proc.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    files = make_batch(folder / "reports")
    target = folder / "report.html"
    out = run_cli("check", *map(str, files.values()), "--isolated", "-j", "1", "--format", "html", "-o", str(target))
    assert out.returncode == 2, out.stderr.decode()        # the unreadable .doc
    return target, files


def _overview_rows(dom: str) -> list[tuple[str, bool, str]]:
    """(status, hidden, file) of each overview row, in DOM order."""
    body = dom.split('<table id="overview"', 1)[1].split("</table>", 1)[0]
    return [(m.group(1), "hidden" in m.group(2), m.group(3))
            for m in re.finditer(r'<tr data-status="(\w+)"([^>]*)><td><a href="#r\d+">([^<]+)</a>', body)]


def test_sorting_by_errors(page):
    target, files = page
    rows = _overview_rows(_browser("--dump-dom", f"{target.as_uri()}#sort=4&dir=desc"))
    assert len(rows) == len(files)
    errors_first = [status for status, _, _ in rows]
    assert errors_first[0] == "error" and errors_first.index("ok") > errors_first.index("error")
    dom = _browser("--dump-dom", f"{target.as_uri()}#sort=0&dir=asc")
    names = [name for _, _, name in _overview_rows(dom)]
    assert names == sorted(names)
    assert 'aria-sort="ascending"' in dom


def test_filtering_by_status_and_text(page):
    target, files = page
    rows = _overview_rows(_browser("--dump-dom", f"{target.as_uri()}#status=ok"))
    visible = [name for _, hidden, name in rows if not hidden]
    assert visible == [str(files["clean"])]
    rows = _overview_rows(_browser("--dump-dom", f"{target.as_uri()}#q=wrong_cell"))
    assert [name for _, hidden, name in rows if not hidden] == [str(files["wrong"])]


def test_injected_script_did_not_run_and_failing_cell_is_marked(page):
    target, _ = page
    dom = _browser("--dump-dom", target.as_uri())
    assert "<title>govlint 检查报告" in dom and "PWNED" not in dom.split("</title>", 1)[0]
    assert "data-pwned" not in dom.split("<main>", 1)[0]          # <body> untouched by the injected code
    assert "&lt;script&gt;document.title" in dom                  # shown as text
    assert re.search(r'<td class="n bad"[^>]*>5</td>', dom)
    assert "显示 4 / 4 份" in dom                                   # the page's own script did run


def test_screenshot(page, tmp_path):
    target, _ = page
    shot = tmp_path / "overview.png"
    _browser("--window-size=1280,900", f"--screenshot={shot}", target.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000      # a rendered page, not a blank one
