"""A model of page-chrome lines: what a web page prints around a report, wherever it sits.

A line is chrome when its SHAPE is that of page furniture, not because a site's string is listed:
- a metadata field at the start of the line (``发布时间：2022-01-21``, ``索 引 号：…``, ``| 发布机构 | … |``),
  labels from rules/data/page-chrome.txt, letter-spacing allowed;
- a breadcrumb (``当前位置：首页 > …``, ``首页 > 政府信息公开 > …``, a line starting with ``>``);
- a line of navigation/widget words (``简体 繁体 无障碍阅读 长者模式``, ``打印 分享到``, ``字体：[ ]``);
- a bare ISO date or time stamp, an index-number value (``FZ0041/2024-53716``), a lone separator;
- welcome banners, QR-code footers, editor credits, an English portal subtitle.
Strong shapes are chrome on their own; weak ones (a short line with no sentence punctuation) only
between two chrome lines of the head block. Where a line sits decides the rule: head (before the
report's body starts, title excluded), tail, or between blocks of the body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lazy_re
from ..resources import data_path

STRONG, WEAK = 2, 1


@lru_cache(maxsize=1)
def vocab() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"labels": [], "weak-labels": [], "nav": []}
    section = None
    for raw in data_path("page-chrome.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        out[section].append(line.lower())
    return out


def _spaced(label: str) -> str:
    """索引号 → 索\\s*引\\s*号: CMS templates letter-space short labels to align them."""
    return r"\s*".join(re.escape(c) for c in label)


_BULLET = r"^[\s•·●▪◆■*\-|｜]*[【\[(（]?\s*"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    v = vocab()
    strong = "|".join(_spaced(x) for x in sorted(v["labels"], key=len, reverse=True))
    weak = "|".join(_spaced(x) for x in sorted(v["weak-labels"], key=len, reverse=True))
    return {
        "strong": lazy_re.compile(_BULLET + rf"(?:{strong})\s*(?:[:：|｜]|$)"),
        "weak": lazy_re.compile(_BULLET + rf"(?:{weak})\s*(?:[:：|｜]|$)"),
        # a second field further on the line: “来源：… 时间：…”, “… 字号：”
        "more": lazy_re.compile(rf"\s(?:{strong}|{weak})\s*[:：]"),
        "cell": lazy_re.compile(rf"^\s*(?:{strong}|{weak})\s*$"),
    }


_DATE = lazy_re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_ISO_LINE = lazy_re.compile(
    r"^[\s•·●\-]*[(（]?\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[)）]?$")
_INDEX_NO = lazy_re.compile(r"^[A-Za-z0-9]{2,}(?:-[A-Za-z0-9]+)?/(?:19|20)\d{2}[-_]?\d{2,}$")
_BREADCRUMB = lazy_re.compile(
    r"(?:当前|现在|所在|目前)(?:的)?(?:所在)?(?:的)?位置\s*[:：]|^(?:您|你)?的?位置\s*[:：]|^首页\s*(?:[>›»/]|$)|^[>›»]\s*\S|"
    r"\S\s*[>›»]\s*\S[^>›»]*[>›»]\s*\S")
# a date-time stamp leading a line of page fields: “2010/1/6 16:43:13 次浏览 分类:… 来源:”
_STAMPED = lazy_re.compile(r"^[\s(（]*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*"
                           r"(?:次浏览|浏览|来源|分类|字体|字号|作者|点击|阅读|【|信息来源)")
_LISTEN = lazy_re.compile(r"点击收听|语音朗读|语音播报|听全文")
_SEPARATOR = lazy_re.compile(r"^[\s•·●\-—_=|｜>*]+$")
# a rule with a word in it: “==================== 正文 ====================”
_RULED = lazy_re.compile(r"^[=\-_*—~]{4,}\s*[^\s=\-_*—~]{0,8}\s*[=\-_*—~]{4,}$")
_WELCOME = lazy_re.compile(r"^(?:您好\s*[,，!！]?\s*)?欢迎(?:您)?(?:访问|来到|光临|进入)")
_FOOTER = lazy_re.compile(
    r"扫一扫|扫描.{0,12}二维码|更多精彩内容|在手机(?:上)?打开|用手机扫|手机扫码|关注.{0,10}(?:微信公众号|公众号)[!！。]?$")
_CREDIT = lazy_re.compile(r"^[(（]?\s*(?:责任编辑|编辑|审核|校对|供稿|终审|来源)\s*[:：][^。，,]{0,40}[)）]?$")
_ENGLISH_WORD = lazy_re.compile(r"[A-Za-z]{2,}")        # a portal's English subtitle has four or more
_OPEN_STATUS = lazy_re.compile(r"^(?:主动公开|依申请公开|不予公开)$")      # the value of a 公开方式 field
_TOKENS = lazy_re.compile(r"[\s|｜【】\[\]()（）:：·•,，/]+")  # 我要纠错 我要打印 → tokens
_SENTENCE = lazy_re.compile(r"[。；;]|[，,].*[，,]")
_WIDGET_EMPTY = lazy_re.compile(r"^[\s【\[]*(?:字号|字体)\s*[:：]?[\s\[\]【】()（）]*$")


def classify(line: str) -> int:
    """STRONG for a line whose shape is page chrome on its own, WEAK for a short line that is chrome
    only inside a chrome block, 0 for report text."""
    s = line.strip()
    if not s:
        return 0
    low = s.lower()
    p = _patterns()
    if len(s) <= 200 and not s.endswith("。"):
        field = _may_be_field(low)
        if field and _strong_field(low) or "|" in low and _pipe_fields(low, p) >= 1:
            return STRONG
        weak = _field_end(low, "weak") if field else None
        if weak is not None and (_value_shape(low) or p["more"].search(low) or is_title_like(low[weak:])):
            return STRONG
    if (_ISO_LINE.match(s) or _STAMPED.match(s) or _RULED.match(s) or _INDEX_NO.match(s) or _OPEN_STATUS.match(s) or _WIDGET_EMPTY.match(s) or _WELCOME.match(s)
            or _CREDIT.match(s) or _nav_line(low)):
        return STRONG
    if len(s) <= 120 and (_BREADCRUMB.search(s) and not _SENTENCE.search(s) or _FOOTER.search(s)):
        return STRONG
    if len(s) <= 80 and _latin_share(s) > 0.4 and len(_ENGLISH_WORD.findall(s)) >= 4:
        return STRONG
    if _SEPARATOR.match(s):
        return WEAK
    if len(s) <= 30 and not _SENTENCE.search(s) and not s.endswith(("。", "：", ":")):
        return WEAK
    return 0


def classify_body(line: str) -> bool:
    """Between blocks of the report a line needs more evidence: a field with a date or a second field,
    two navigation words, or one of the unmistakable shapes (breadcrumb, footer, credit, pipe fields).

    Most body lines are report text, so each shape is tried only when a string that every match of it
    holds is in the line (a year's 19/20, a colon, 字号/字体, 首页/位置 …) and the length allows it."""
    s = line.strip()
    if not s or len(s) > 160 or s.endswith("。"):
        return False
    low = s.lower()
    year = "19" in low or "20" in low
    colon = ":" in low or "：" in low
    if (year or colon or "字号" in s or "字体" in s) and _may_be_field(low):
        p = _patterns()
        if _strong_field(low) or _field_end(low, "weak") is not None:
            if year and _DATE.search(low) or colon and (p["more"].search(low) or _empty_value(low)) \
                    or _WIDGET_EMPTY.match(s):
                return True
    if "|" in low and _pipe_fields(low, _patterns()) >= 2:
        return True
    if _nav_line(low, need=2) or len(s) <= 60 and _FOOTER.search(s) \
            or colon and _CREDIT.match(s) and "来源" not in s[:4] \
            or year and _STAMPED.match(s) or len(s) <= 20 and _LISTEN.search(s):
        return True
    return bool(("首页" in s or "位置" in s) and _BREADCRUMB.search(s) and not _SENTENCE.search(s))


# what _BULLET lets a field label follow: bullets and spaces, then at most one bracket and spaces
_BULLET_CHARS = frozenset("•·●▪◆■*-|｜")
_OPENING = frozenset("【[(（")


@lru_cache(maxsize=1)
def _label_heads() -> tuple[frozenset[str], frozenset[str]] | None:
    """The field labels' first two characters, and the labels; None when a label could hold or start
    with a bullet, a bracket or a space (then where a label starts cannot be told without the pattern)."""
    v = vocab()
    labels = [x for x in v["labels"] + v["weak-labels"] if x]
    if any(len(x) < 2 or any(c in _BULLET_CHARS or c in _OPENING or c.isspace() for c in x) for x in labels):
        return None
    return frozenset(x[:2] for x in labels), frozenset(labels)


def _label_start(low: str) -> int:
    """Where _BULLET ends: after the bullets and spaces, one opening bracket and its spaces."""
    i, n = 0, len(low)
    while i < n and (low[i] in _BULLET_CHARS or low[i].isspace()):
        i += 1
    if i < n and low[i] in _OPENING:
        i += 1
        while i < n and low[i].isspace():
            i += 1
    return i


@lru_cache(maxsize=2)
def _field_labels(kind: str) -> tuple[frozenset[str], int]:
    labels = frozenset(x for x in vocab()["labels" if kind == "strong" else "weak-labels"] if x)
    return labels, max(map(len, labels), default=0)


def _field_end(low: str, kind: str) -> int | None:
    """End of ``_patterns()[kind].match(low)`` (kind "strong": vocab labels, "weak": weak-labels), or
    None, without compiling it (one alternative per letter-spaced label, dear to compile): a label
    after _BULLET, its characters separated by spaces only, then spaces and a colon, a bar or the end.
    The pattern tries longer labels first: of the labels that fit, the longest decides the end."""
    if _label_heads() is None:
        m = _patterns()[kind].match(low)
        return None if m is None else m.end()
    labels, longest = _field_labels(kind)
    j, n = _label_start(low), len(low)
    word, end = "", None
    while j < n and len(word) < longest:
        c = low[j]
        j += 1
        if c.isspace():
            continue
        word += c
        if word in labels:
            k = j
            while k < n and low[k].isspace():
                k += 1
            if k == n:
                end = n
            elif low[k] in ":：|｜":
                end = k + 1
    return end


def _strong_field(low: str) -> bool:
    return _field_end(low, "strong") is not None


def _may_be_field(low: str) -> bool:
    """Whether the strong or weak field pattern could match ``low``: after the bullets, one bracket and
    the spaces (_BULLET) the line must start with a label's first two characters (letter-spaced), and
    the label be followed by a colon or a bar somewhere, or by nothing but spaces."""
    known = _label_heads()
    if known is None:
        return True
    heads, labels = known
    i, n = _label_start(low), len(low)
    j = i + 1
    while j < n and low[j].isspace():
        j += 1
    if j >= n or low[i] + low[j] not in heads:
        return False
    return any(c in low for c in ":：|｜") or "".join(low[i:].split()) in labels


def _value_shape(low: str) -> bool:
    return bool(_DATE.search(low)) or _empty_value(low)


def _empty_value(low: str) -> bool:
    """“字号：”, “文件有效性：”, “点击数：人次”: the value a script would have filled in is missing."""
    m = _COLON.search(low)
    return m is not None and low[m.end():].strip() in ("", "人次", "次", "[ ]", "[]", "【", "[", "无", ")", "）")


_COLON = lazy_re.compile(r"[:：]")


def _pipe_fields(low: str, p) -> int:
    return sum(1 for cell in low.split("|") if cell.strip() and p["cell"].match(cell))


def _nav_line(low: str, need: int = 1) -> bool:
    parts = _TOKENS.split(low)
    nav = _nav_words()
    if nav.isdisjoint(parts) and "首页" not in low and "走进" not in low and "网" not in low:
        return False                     # most lines: the test below fails, told before building tokens
    tokens = [t for t in parts if t]
    if not tokens or len("".join(tokens)) > 80:
        return False
    if nav.isdisjoint(tokens) and tokens[0] != "首页" and "走进" not in low and ("网" not in low or len(tokens) < 3):
        return False                     # no token counts below, and the line is no 首页 menu
    portal = len(tokens) >= 3          # a row of portal links: 中国政府网|重庆市人民政府网|…
    hits = sum(1 for t in tokens if t in nav or t.startswith("走进") or portal and t.endswith("网"))
    if hits >= max(need, 1) and hits * 2 >= len(tokens) + (1 if len(tokens) == 1 and need > 1 else 0):
        return True
    if hits >= 3:                        # a long portal header with foreign-language links and menus
        return True
    # a portal menu: 首页 and four or more short items (首页 政务资讯 政务公开 政府领导 …)
    return tokens[0] == "首页" and len(tokens) >= 4 and all(len(t) <= 8 for t in tokens)


@lru_cache(maxsize=1)
def _nav_words() -> frozenset[str]:
    return frozenset(vocab()["nav"])


def _latin_share(s: str) -> float:
    return sum(1 for c in s if c.isascii() and c.isalpha()) / max(1, len(s.replace(" ", "")))


_TITLE_LIKE = lazy_re.compile(r"(?:年度?报告?|年报|工作报告|工作情况|年度报)\s*[|｜\s]*$")
_HEADING = lazy_re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．,，]|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)")


def is_separator(line: str) -> bool:
    return bool(_SEPARATOR.match(line))


def is_title_like(line: str) -> bool:
    s = line.strip()
    return bool(s) and len(s) <= 60 and bool(_TITLE_LIKE.search(s)) and not _SENTENCE.search(s)


def is_prose(line: str) -> bool:
    """A line of report text that ends the head: a sentence, or a section heading."""
    s = line.strip()
    return bool(_HEADING.match(s)) or len(s) >= 40 and bool(re.search(r"[。，,；;]", s))


def _lines(text: str, start: int, end: int):
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body), body
        pos += len(line)


def head_end(text: str, first_heading: int, max_lines: int = 40) -> int:
    """Where the report's own text starts: the first section heading or the first prose line that is
    not chrome, whichever comes first (at most ``max_lines`` lines in)."""
    for n, (s, _, body) in enumerate(_lines(text, 0, first_heading)):
        if n >= max_lines or is_prose(body) and classify(body) != STRONG:
            return s
    return first_heading


def head_blocks(text: str, end: int, title_lines: tuple[int, ...] = (), extra=None) -> list[tuple[int, int]]:
    """Blocks of chrome lines before ``end``: strong lines, weak lines between two of them, and lone
    separators next to one. ``title_lines``: starts of the report's title lines (never chrome unless
    their shape is strong). ``extra``: a predicate for other strong lines (the data file's patterns)."""
    marks = []                           # (start, end, mark) for non-blank lines; mark: 2 strong, 1 weak, 0 text
    for s, e, body in _lines(text, 0, end):
        if not body.strip():
            continue
        cls = STRONG if extra is not None and extra(body) else classify(body)
        if cls != STRONG and (s in title_lines or is_title_like(body)):
            cls = 0
        marks.append([s, e, cls, body])
    _resolve_weak(marks)
    return _blocks(text, [(s, e) for s, e, c, _ in marks if c == STRONG], marks)


def _resolve_weak(marks: list) -> None:
    i = 0
    while i < len(marks):
        if marks[i][2] != WEAK:
            i += 1
            continue
        j = i
        while j < len(marks) and marks[j][2] == WEAK:
            j += 1
        above = i == 0 or marks[i - 1][2] == STRONG
        below = j < len(marks) and marks[j][2] == STRONG
        seps = all(_SEPARATOR.match(m[3].strip()) for m in marks[i:j])
        chrome = above and below and (i > 0 or j - i <= 2) or seps and (above and i > 0 or below)
        for m in marks[i:j]:
            m[2] = STRONG if chrome else 0
        i = j


def _blocks(text: str, lines: list[tuple[int, int]], marks: list) -> list[tuple[int, int]]:
    """Join chrome lines that no report line separates (blank lines do not separate)."""
    order = {s: k for k, (s, *_rest) in enumerate(marks)}
    out: list[list[int]] = []
    last = -2
    for s, e in lines:
        k = order[s]
        if out and k == last + 1:
            out[-1][1] = e
        else:
            out.append([s, e])
        last = k
    return [tuple(b) for b in out]


def body_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Chrome between blocks of the report: lines ``classify_body`` accepts, joined with the strong
    chrome lines right next to them (an infobox title 基本介绍 above its • 中文名：… fields)."""
    marks = [[s, e, 0, body] for s, e, body in _lines(text, start, end) if body.strip()]
    # prose lines end in sentence punctuation and run long: most lines stop at the length test
    chrome = [k for k, m in enumerate(marks) if len(m[3]) <= 160 and classify_body(m[3])]
    if not chrome:
        return []                        # most reports: no body chrome, so no strong line joins one
    for k in chrome:
        marks[k][2] = 3
    # only the neighbours of a body chrome line can join it (marking them 2 never makes a new 3)
    for k in sorted({j for k in chrome for j in (k - 1, k + 1) if 0 <= j < len(marks)}):
        m = marks[k]
        if m[2] == 0 and classify(m[3]) == STRONG:
            m[2] = 2
    return _blocks(text, [(s, e) for s, e, c, _ in marks if c], marks)
