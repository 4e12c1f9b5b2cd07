"""Screenshots of the --format html page for the README (docs/html-report-*.png), taken with headless Chromium.

Usage: python scripts/html_screenshots.py [--corpus ../shared/corpus/full]

The batch is the bundled seeds plus, when present, the real PDF/HTML/text reports of the corpus; the second
picture opens one PDF report at its statistics tables.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shoot(browser: str, url: str, target: Path, size: str) -> None:
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size={size}", f"--screenshot={target}", url], check=True, capture_output=True)
    print(f"wrote {target.relative_to(ROOT)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "full")
    a = ap.parse_args()
    browser = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
    if browser is None:
        print("no chromium on PATH (apt-get install chromium fonts-noto-cjk)", file=sys.stderr)
        return 2
    inputs = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    pdfs = sorted(a.corpus.glob("*.pdf")) if a.corpus.is_dir() else []
    inputs += sorted(str(p) for p in a.corpus.glob("d*.*")) if a.corpus.is_dir() else []
    with tempfile.TemporaryDirectory() as tmp:
        page, single = Path(tmp) / "batch.html", Path(tmp) / "one.html"
        check = [sys.executable, "-m", "checker", "check", "--isolated", "--format", "html"]
        subprocess.run([*check, *inputs, "-o", str(page)], cwd=ROOT)
        shoot(browser, page.as_uri(), ROOT / "docs" / "html-report-overview.png", "1280,1000")
        if pdfs:
            subprocess.run([*check, str(pdfs[0]), "-o", str(single)], cwd=ROOT)
            shoot(browser, single.as_uri(), ROOT / "docs" / "html-report-table.png", "1280,1700")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
