"""Benchmark inputs built from the seed reports plus generated, arithmetically consistent 2021 tables.

Usage: python bench/corpus.py OUT_DIR [--reports 2000] [--seed 7]

Writes (deterministic for a given --seed):
  OUT_DIR/report10k.txt      one ~10 KB UTF-8 report (seed text + complete tables), the single-file input
  OUT_DIR/txt/NNNN.txt       the .txt corpus: UTF-8 (most), UTF-8 with BOM, GB18030, CRLF line ends;
                             one in ten in traditional characters, as mirrored copies are
  OUT_DIR/mixed/NNNN.*       a smaller mixed-format corpus: .md (pipe tables), .html, .docx (tables as
                             real Word tables), plus .txt — the formats govlint reads
  OUT_DIR/big100m.txt        a 100 MB text file (the large-input case), written only with --big
"""

from __future__ import annotations

import argparse
import sys
import random
import re
import zipfile
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

T2_BLOCKS = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
    ("第二十条第（五）项", ["本年处理决定数量"], ["行政许可"]),
    ("第二十条第（六）项", ["本年处理决定数量"], ["行政处罚", "行政强制"]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["行政事业性收费"]),
]
T3_COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
T3_RESULT_ROWS = [
    "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
    "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
]
T3_GROUP_BEFORE = {2: "（三）不予公开", 10: "（四）无法提供", 13: "（五）不予处理", 18: "（六）其他处理"}
T4_GROUPS = ["行政复议", "未经复议直接起诉", "复议后起诉"]
T4_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
SECTION_TABLE = {"二": "t2", "三": "t3", "四": "t4"}
HEADING = re.compile(r"^([一二三四五六])[、，.．\s]")

Table = list[list[str]]


def t2(rng: random.Random) -> Table:
    rows: Table = []
    for caption, cols, labels in T2_BLOCKS:
        rows.append([caption])
        rows.append(["信息内容", *cols])
        for label in labels:
            if "收费" in cols[0]:
                rows.append([label, f"{rng.randint(0, 5000) / 100:.2f}"])
            else:
                rows.append([label, *(str(rng.randint(0, 400)) for _ in cols)])
    return rows


def t3(rng: random.Random) -> Table:
    """Per column: new + carried over = results total + carried forward; totals are row sums."""
    per_col = []
    for _ in range(6):
        results = [rng.choice((0, 0, 0, rng.randint(0, 30))) for _ in T3_RESULT_ROWS]
        forward, carried = rng.randint(0, 5), rng.randint(0, 5)
        new = sum(results) + forward - carried
        if new < 0:
            carried, new = carried + new, 0
        per_col.append([new, carried, *results, sum(results), forward])
    totals = [sum(c[i] for c in per_col) for i in range(len(per_col[0]))]
    values = [[*(c[i] for c in per_col), totals[i]] for i in range(len(totals))]
    labels = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", *T3_RESULT_ROWS,
              "（七）总计", "四、结转下年度继续办理"]
    rows: Table = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
                   ["", *T3_COLUMNS]]
    for i, (label, vals) in enumerate(zip(labels, values)):
        if i == 2:
            rows.append(["三、本年度办理结果"])
        if i - 2 in T3_GROUP_BEFORE:
            rows.append([T3_GROUP_BEFORE[i - 2]])
        rows.append([label, *map(str, vals)])
    return rows


def t4(rng: random.Random) -> Table:
    cells = []
    for _ in T4_GROUPS:
        parts = [rng.choice((0, 0, rng.randint(0, 6))) for _ in range(4)]
        cells.extend([*parts, sum(parts)])
    return [["行政复议", "", "", "", "", "行政诉讼"], [*T4_GROUPS], [*T4_COLUMNS * 3], list(map(str, cells))]


TABLES = {"t2": t2, "t3": t3, "t4": t4}


def as_tsv(rows: Table) -> str:
    return "".join("\t".join(r) + "\n" for r in rows)


def as_pipe(rows: Table) -> str:
    width = max(len(r) for r in rows)
    padded = [r + [""] * (width - len(r)) for r in rows]
    head = "| " + " | ".join(padded[0]) + " |\n|" + "---|" * width + "\n"
    return head + "".join("| " + " | ".join(r) + " |\n" for r in padded[1:])


def as_html_table(rows: Table) -> str:
    return "<table>" + "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in rows) + "</table>"


def report_parts(seed_text: str, rng: random.Random) -> list[tuple[str, object]]:
    """The seed as ("p", line) paragraphs with a ("table", rows) after each table-section heading."""
    parts: list[tuple[str, object]] = []
    for line in seed_text.splitlines():
        parts.append(("p", line))
        m = HEADING.match(line.strip())
        if m and m.group(1) in SECTION_TABLE:
            parts.append(("table", TABLES[SECTION_TABLE[m.group(1)]](rng)))
    return parts


def render_text(parts, table_fmt=as_tsv) -> str:
    return "".join(p + "\n" if kind == "p" else table_fmt(p) for kind, p in parts)


def render_html(parts, title: str) -> str:
    body = "".join(f"<p>{escape(p)}</p>\n" if kind == "p" else as_html_table(p) + "\n" for kind, p in parts)
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{escape(title)}</title></head>"
            f"<body><div class=\"nav\">首页 &gt; 政府信息公开 &gt; 年度报告</div>\n{body}"
            f"<div class=\"footer\">主办单位：某某人民政府办公室</div></body></html>\n")


def render_docx(parts, path: Path) -> None:
    """A minimal but valid WordprocessingML package: paragraphs and real w:tbl tables."""
    def para(text: str) -> str:
        return f"<w:p><w:r><w:t xml:space=\"preserve\">{xml_escape(text)}</w:t></w:r></w:p>"

    body = []
    for kind, p in parts:
        if kind == "p":
            body.append(para(p))
        else:
            rows = "".join("<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in r) + "</w:tr>" for r in p)
            body.append(f"<w:tbl>{rows}</w:tbl>")
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = (f"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{ns}\">"
                f"<w:body>{''.join(body)}</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/"
            "2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-"
            "package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
            "officedocument.wordprocessingml.document.main+xml\"/></Types>"))
        z.writestr("_rels/.rels", (
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
            "package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
            "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"))
        z.writestr("word/document.xml", document)


def simplified_seeds() -> tuple[list[str], list[str]]:
    from checker.normalise.script import count_traditional

    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return [t for t in texts if count_traditional(t) < 20], [t for t in texts if count_traditional(t) >= 20]


def write_txt(path: Path, text: str, variant: str) -> None:
    if variant == "gb18030":
        path.write_bytes(text.encode("gb18030"))
    elif variant == "bom":
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    elif variant == "crlf":
        path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    else:
        path.write_bytes(text.encode("utf-8"))


TXT_VARIANTS = ["utf-8"] * 14 + ["bom", "gb18030", "gb18030", "crlf", "crlf", "utf-8"]


def make_report(rng: random.Random, simp: list[str], trad: list[str]) -> list[tuple[str, object]]:
    """One report: a seed (traditional one time in ten) with tables, sometimes two seeds' bodies joined."""
    base = rng.choice(trad) if trad and rng.random() < 0.1 else rng.choice(simp)
    parts = report_parts(base, rng)
    if rng.random() < 0.3:          # longer reports: a second body appended (as in multi-part pages)
        parts += report_parts(rng.choice(simp), rng)
    return parts


def build(out: Path, reports: int, seed: int, big: bool) -> dict:
    rng = random.Random(seed)
    simp, trad = simplified_seeds()
    (out / "txt").mkdir(parents=True, exist_ok=True)
    (out / "mixed").mkdir(parents=True, exist_ok=True)
    txt_bytes = 0
    for i in range(reports):
        text = render_text(make_report(rng, simp, trad))
        path = out / "txt" / f"{i:04d}.txt"
        write_txt(path, text, TXT_VARIANTS[i % len(TXT_VARIANTS)])
        txt_bytes += path.stat().st_size
    mixed = max(40, reports // 10)
    build_mixed(out / "mixed", mixed, rng, simp, trad)
    write_single(out / "report10k.txt", rng, simp)
    if big:
        write_big(out / "big100m.txt")
    return {"txt_reports": reports, "txt_bytes": txt_bytes, "mixed_reports": mixed}


def build_sizes(out: Path, sizes: list[int], seed: int) -> dict[int, Path]:
    """Folders ``out/N`` of the first N .txt reports for each N in ``sizes`` (the memory measurement): the
    largest is generated once, the smaller ones are hard links to its first files."""
    largest = max(sizes)
    top = out / str(largest)
    stamp = top / ".complete"
    if not stamp.exists():
        top.mkdir(parents=True, exist_ok=True)
        rng = random.Random(seed)
        simp, trad = simplified_seeds()
        for i in range(largest):
            write_txt(top / f"{i:05d}.txt", render_text(make_report(rng, simp, trad)), TXT_VARIANTS[i % len(TXT_VARIANTS)])
        stamp.write_text("")
    folders = {largest: top}
    for n in sizes:
        if n == largest:
            continue
        folder = folders[n] = out / str(n)
        folder.mkdir(exist_ok=True)
        for i in range(n):
            link = folder / f"{i:05d}.txt"
            if not link.exists():
                try:
                    link.hardlink_to(top / f"{i:05d}.txt")
                except OSError:          # no hard links here: a copy
                    link.write_bytes((top / f"{i:05d}.txt").read_bytes())
    return folders


def build_mixed(folder: Path, count: int, rng: random.Random, simp: list[str], trad: list[str]) -> None:
    """``count`` reports in turn as .md (pipe tables), .html, .docx and .txt."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        parts = make_report(rng, simp, trad)
        fmt = ("md", "html", "docx", "txt")[i % 4]
        path = folder / f"{i:04d}.{fmt}"
        if fmt == "md":
            path.write_text(render_text(parts, as_pipe), encoding="utf-8")
        elif fmt == "html":
            path.write_text(render_html(parts, str(parts[0][1])), encoding="utf-8")
        elif fmt == "docx":
            render_docx(parts, path)
        else:
            path.write_text(render_text(parts), encoding="utf-8")


def write_single(path: Path, rng: random.Random, simp: list[str], target: int = 10 * 1024) -> None:
    """A ~10 KB simplified report: seed + tables, extended with more body text, cut on a line boundary."""
    text = render_text(report_parts(simp[0], rng))
    while len(text.encode()) < target:
        text += render_text([p for p in report_parts(rng.choice(simp), rng) if p[0] == "p"][8:])
    out, size = [], 0
    for line in text.splitlines(keepends=True):
        size += len(line.encode())
        if size > target:
            break
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")


def write_big(path: Path, size: int = 100 * 1024 * 1024) -> None:
    if path.exists() and path.stat().st_size >= size:
        return
    block = "".join(p.read_text(encoding="utf-8") for p in SEEDS).encode()
    with open(path, "wb") as fh:
        written = 0
        while written < size:
            fh.write(block)
            written += len(block)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--big", action="store_true", help="also write the 100 MB input")
    a = ap.parse_args()
    print(build(a.out, a.reports, a.seed, a.big))


if __name__ == "__main__":
    main()
