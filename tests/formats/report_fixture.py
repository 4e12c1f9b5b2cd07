"""One annual report as data — paragraphs and tables with merged cells — and writers that save it as
.txt, .docx, .html (any encoding) and .pdf. The format tests check that every reader gives the findings
the .txt gives; bench/pdf40.py uses ``write_pdf`` for its 40-page PDF.

Run as a script to write the fixtures for a look: python tests/formats/report_fixture.py OUT_DIR

The .txt rendering is written here independently of checker.read.render: a table row is one line, the
texts of the cells that start in that row joined by " | " (the documented rendering of structured tables).
"""

from __future__ import annotations

import copy
import html
import sys
from dataclasses import dataclass, field
from pathlib import Path

Cell = tuple[str, int, int]            # text, rowspan, colspan — only cells that START in a row are listed


@dataclass
class Table:
    rows: list[list[Cell]]


@dataclass
class Report:
    blocks: list = field(default_factory=list)     # str paragraphs and Table objects, in order


def _c(text, rowspan=1, colspan=1) -> Cell:
    return (str(text), rowspan, colspan)


def grid_positions(table: Table) -> list[tuple[int, int, Cell]]:
    """(row, col, cell) for every cell, placing cells like the HTML table model does."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(table.rows):
        col = 0
        for cell in row:
            while (r, col) in taken:
                col += 1
            out.append((r, col, cell))
            taken.update((r + dr, col + dc) for dr in range(cell[1]) for dc in range(cell[2]))
            col += cell[2]
    return out


def width(table: Table) -> int:
    return max(c + cell[2] for _, c, cell in grid_positions(table))


# -- the report ---------------------------------------------------------------------------------------

def _table2() -> Table:
    return Table([
        [_c("第二十条第（一）项", 1, 4)],
        [_c("信息内容"), _c("本年制发件数"), _c("本年废止件数"), _c("现行有效件数")],
        [_c("规章"), _c(0), _c(0), _c(0)],
        [_c("行政规范性文件"), _c(5), _c(2), _c(40)],
        [_c("第二十条第（五）项", 1, 4)],
        [_c("信息内容"), _c("本年处理决定数量", 1, 3)],
        [_c("行政许可"), _c(1200, 1, 3)],
        [_c("第二十条第（六）项", 1, 4)],
        [_c("信息内容"), _c("本年处理决定数量", 1, 3)],
        [_c("行政处罚"), _c(300, 1, 3)],
        [_c("行政强制"), _c(20, 1, 3)],
        [_c("第二十条第（八）项", 1, 4)],
        [_c("信息内容"), _c("本年收费金额（单位：万元）", 1, 3)],
        [_c("行政事业性收费"), _c(0, 1, 3)],
    ])


# label → counts for 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 (总计 computed)
_T3 = {
    "新收": [50, 3, 0, 1, 2, 0], "结转": [2, 0, 0, 0, 0, 0],
    "予以公开": [20, 1, 0, 0, 1, 0], "部分公开": [5, 0, 0, 0, 0, 0],
    "不予公开": [[0] * 6, [0] * 6, [0] * 6, [2, 0, 0, 0, 0, 0], [0] * 6, [0] * 6, [0] * 6, [0] * 6],
    "无法提供": [[15, 1, 0, 1, 0, 0], [0] * 6, [0] * 6],
    "不予处理": [[0] * 6, [3, 0, 0, 0, 0, 0], [0] * 6, [0] * 6, [0] * 6],
    "其他处理": [[0] * 6, [0] * 6, [2, 0, 0, 0, 1, 0]],
}
_T3_ITEMS = {
    "不予公开": ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
             "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"],
    "无法提供": ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"],
    "不予处理": ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
             "5.要求行政机关确认或重新出具已获取信息"],
    "其他处理": ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
             "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"],
}
_T3_GROUPS = [("不予公开", "（三）不予公开"), ("无法提供", "（四）无法提供"), ("不予处理", "（五）不予处理"),
              ("其他处理", "（六）其他处理")]


def _counts(values: list[int]) -> list[Cell]:
    return [_c(v) for v in values] + [_c(sum(values))]


def _table3(data: dict) -> Table:
    closed = [data["予以公开"], data["部分公开"]] + [v for key, _ in _T3_GROUPS for v in data[key]]
    total = [sum(col) for col in zip(*closed)]
    carried = [a + b - c for a, b, c in zip(data["新收"], data["结转"], total)]
    if "总计" in data:
        total = data["总计"]
    rows = [
        [_c("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), _c("申请人情况", 1, 7)],
        [_c("自然人", 2), _c("法人或其他组织", 1, 5), _c("总计", 2)],
        [_c("商业企业"), _c("科研机构"), _c("社会公益组织"), _c("法律服务机构"), _c("其他")],
        [_c("一、本年新收政府信息公开申请数量", 1, 3)] + _counts(data["新收"]),
        [_c("二、上年结转政府信息公开申请数量", 1, 3)] + _counts(data["结转"]),
        [_c("三、本年度办理结果", 22), _c("（一）予以公开", 1, 2)] + _counts(data["予以公开"]),
        [_c("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2)] + _counts(data["部分公开"]),
    ]
    for key, label in _T3_GROUPS:
        items = _T3_ITEMS[key]
        for i, (item, values) in enumerate(zip(items, data[key])):
            head = [_c(label, len(items))] if i == 0 else []
            rows.append(head + [_c(item)] + _counts(values))
    rows.append([_c("（七）总计", 1, 2)] + _counts(total[:6]))
    rows.append([_c("四、结转下年度继续办理", 1, 3)] + _counts(carried))
    return Table(rows)


def _table4() -> Table:
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return Table([
        [_c("行政复议", 1, 5), _c("行政诉讼", 1, 10)],
        [_c(h, 2) for h in heads] + [_c("未经复议直接起诉", 1, 5), _c("复议后起诉", 1, 5)],
        [_c(h) for h in heads * 2],
        [_c(v) for v in [1, 0, 0, 1, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]],
    ])


def complete_report() -> Report:
    return Report([
        "某某市某某区人民政府2023年政府信息公开工作年度报告",
        "本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》编制。"
        "报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
        "一、总体情况",
        "2023年，某某区人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
        "持续提升政务公开质量，各项工作有序推进。",
        "（一）主动公开",
        "全年通过政府门户网站主动公开政府信息3650条，发布政策解读材料85篇，召开新闻发布会12场，"
        "及时回应社会关切，主动公开的范围和深度进一步拓展。",
        "（二）依申请公开",
        "全年新收政府信息公开申请56件，上年结转2件，办结52件，结转下年度继续办理6件，均在法定期限内答复。",
        "（三）政府信息管理",
        "开展规范性文件清理，对行政规范性文件实行动态管理，现行有效行政规范性文件40件。",
        "（四）平台建设",
        "优化政府门户网站政府信息公开专栏，完善政务新媒体管理，提升平台集约化水平。",
        "（五）监督保障",
        "将政务公开纳入年度绩效考核，组织业务培训3次，开展网站内容检查4次。",
        "二、主动公开政府信息情况",
        _table2(),
        "三、收到和处理政府信息公开申请情况",
        _table3(_T3),
        "四、政府信息公开行政复议、行政诉讼情况",
        _table4(),
        "五、存在的主要问题及改进情况",
        "一是政策解读的形式还不够丰富；二是基层政务公开标准化建设有待加强。下一步将丰富解读形式，"
        "加强业务培训，推动基层政务公开标准化规范化。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。本机关未发生其他需要报告的事项。",
    ])


def broken_report() -> Report:
    """The complete report with typical faults: wrong section title, no word on fees, a wrong total."""
    r = complete_report()
    blocks = r.blocks
    blocks[blocks.index("五、存在的主要问题及改进情况")] = "五、下一步工作计划"
    blocks[-1] = "无。"
    t3 = copy.deepcopy(_T3)
    t3["总计"] = [48, 2, 0, 1, 2, 0]
    blocks[blocks.index(next(b for b in blocks if isinstance(b, Table) and "申请人情况" in str(b.rows[0])))] = _table3(t3)
    return r


# -- writers --------------------------------------------------------------------------------------------

def as_text(report: Report) -> str:
    lines: list[str] = []
    for b in report.blocks:
        if isinstance(b, Table):
            lines.extend(" | ".join(text for text, _, _ in row) for row in b.rows)
        else:
            lines.append(b)
    return "\n".join(lines) + "\n"


def write_txt(report: Report, path: Path) -> Path:
    path.write_text(as_text(report), encoding="utf-8")
    return path


def write_docx(report: Report, path: Path) -> Path:
    import docx

    d = docx.Document()
    for b in report.blocks:
        if isinstance(b, str):
            d.add_paragraph(b)
            continue
        t = d.add_table(rows=len(b.rows), cols=width(b))
        t.style = "Table Grid"
        for r, c, (text, rs, cs) in grid_positions(b):
            cell = t.cell(r, c)
            if rs > 1 or cs > 1:
                cell = cell.merge(t.cell(r + rs - 1, c + cs - 1))
            cell.text = text
        d.add_paragraph("")
    d.save(path)
    return path


def as_html(report: Report, charset: str = "utf-8") -> str:
    body: list[str] = []
    for b in report.blocks:
        if isinstance(b, str):
            style = "" if b.startswith(("一", "二", "三", "四", "五", "六", "（")) else ' style="text-indent:2em"'
            body.append(f"<p{style}>&nbsp;&nbsp;{html.escape(b)}</p>")
            continue
        body.append('<table border="1" cellspacing="0">')
        for row in b.rows:
            tds = "".join(
                "<td" + (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
                + f"><p>{html.escape(text)}</p></td>" for text, rs, cs in row)
            body.append(f"  <tr>{tds}</tr>")
        body.append("</table>")
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>年度报告_某某区人民政府门户网站</title>
<style>p {{ line-height: 2; }}</style>
<script>var nav = "首页 政务公开";</script>
</head>
<body>
<div class="top-nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>
<div class="article-content">
{chr(10).join(body)}
</div>
<div class="footer">主办：某某区人民政府办公室 版权所有</div>
</body>
</html>
"""


def write_html(report: Report, path: Path, encoding: str = "utf-8") -> Path:
    label = {"gb18030": "gbk", "gbk": "gbk"}.get(encoding, encoding)
    path.write_bytes(as_html(report, label).encode(encoding))
    return path


def write_pdf(report: Report, path: Path, repeat: int = 1) -> Path:
    """A4 PDF in the STSong-Light CID font reportlab ships; ``repeat`` > 1 pads section 一 for long PDFs."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table as RLTable, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=18, firstLineIndent=22,
                          wordWrap="CJK")
    head = ParagraphStyle("head", parent=body, firstLineIndent=0)
    cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=7.5, leading=9, wordWrap="CJK")
    story = []
    for b in report.blocks:
        if isinstance(b, str):
            is_head = b.startswith(("一", "二", "三", "四", "五", "六", "（")) or b is report.blocks[0]
            n = repeat if b.startswith("2023年，某某区人民政府认真") else 1
            story.extend(Paragraph(html.escape(b), head if is_head else body) for _ in range(n))
            continue
        w = width(b)
        data = [[""] * w for _ in b.rows]
        spans = []
        for r, c, (text, rs, cs) in grid_positions(b):
            data[r][c] = Paragraph(html.escape(text), cell)
            if rs > 1 or cs > 1:
                spans.append(("SPAN", (c, r), (c + cs - 1, r + rs - 1)))
        t = RLTable(data, colWidths=_column_widths(b, A4[0] - 144))
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
                              + spans))
        story.extend([t, Spacer(1, 8)])
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=72, rightMargin=72, topMargin=72,
                      bottomMargin=72).build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return path


def _column_widths(table: Table, total: float) -> list[float]:
    """Label columns wide, number columns narrow, so the tall statistics table fits on one page."""
    w = width(table)
    wordy = [False] * w
    for _, c, (text, _, cs) in grid_positions(table):
        if cs == 1 and not text.isdigit() and len(text) > 4:
            wordy[c] = True
    weights = [4 if x else 1 for x in wordy]
    return [total * x / sum(weights) for x in weights]


def _page_number(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("STSong-Light", 9)
    canvas.drawCentredString(297, 30, f"- {doc.page} -")
    canvas.restoreState()


WRITERS = {
    "txt": write_txt,
    "docx": write_docx,
    "html": write_html,
    "gbk.html": lambda r, p: write_html(r, p, "gb18030"),
    "pdf": write_pdf,
}


def write_all(report: Report, out: Path, stem: str) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    return {ext: fn(report, out / f"{stem}.{ext}") for ext, fn in WRITERS.items()}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "formats-fixtures")
    for stem, rep in (("complete", complete_report()), ("broken", broken_report())):
        for ext, p in write_all(rep, target, stem).items():
            print(p)
