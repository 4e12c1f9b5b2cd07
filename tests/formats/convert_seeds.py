"""Convert text reports (the seeds) into .docx and .html the way authors and web sites publish them:
one Word paragraph / one HTML <p> per line, the HTML page wrapped in site chrome (navigation, footer).

    python tests/formats/convert_seeds.py OUT_DIR [FILE.txt …]     (default: every seed)
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def to_docx(text: str, path: Path) -> Path:
    import docx

    d = docx.Document()
    for line in text.splitlines():
        d.add_paragraph(line)
    d.save(path)
    return path


def to_html(text: str, path: Path, encoding: str = "utf-8") -> Path:
    paras = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    page = f"""<!DOCTYPE html>
<html><head><meta charset="{encoding}"><title>政府信息公开年度报告</title>
<script>document.title = "年报";</script></head>
<body>
<nav><a href="/">首页</a><a href="/zwgk/">政务公开</a></nav>
<div class="main-content">
{paras}
</div>
<footer>网站标识码 0000000000 主办单位：某某人民政府</footer>
</body></html>
"""
    path.write_bytes(page.encode(encoding))
    return path


def convert(src: Path, out: Path) -> dict[str, Path]:
    text = src.read_text(encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    return {"docx": to_docx(text, out / f"{src.stem}.docx"), "html": to_html(text, out / f"{src.stem}.html")}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "seed-conversions")
    sources = [Path(p) for p in sys.argv[2:]] or sorted(SEEDS.glob("*.txt"))
    for s in sources:
        for p in convert(s, target).values():
            print(p)
