"""Spam names in a report and where they sit.

A spam name is a lexicon brand (plus any spam suffix: bet365 → bet365亚洲官网), a weak brand that a
spam suffix follows (金沙娱乐, never 金沙县), or the shape <Latin+digit brand><spam suffix>. Its
position decides the rule: where the issuing body's name belongs (title line, before 门户网站/年度报告/
办公室/政务公开, after 加强与/来源:) it replaced the agency name — and then every occurrence of that
name did; where 政府信息公开 belongs (…工作年度报告, 《中华人民共和国…条例》) it replaced that phrase.
"""

from __future__ import annotations

from .. import lazy_re
from ..model.record import MutableRecord
from . import lexicon as lx
from . import shapes

_LATIN_SHAPE = lazy_re.compile(
    r"(?<![a-z0-9.])(?=[a-z0-9.]*[a-z])(?=[a-z0-9.]*[0-9])[a-z0-9][a-z0-9.]{2,}"
    r"(?=亚洲官网|\(中国\)官方网站|（中国）官方网站|官方网站|官网|app官网下载|app下载|网页版|体育|娱乐|最新网址)"
)
# the suffixes _LATIN_SHAPE needs, searched for first: the full pattern starts with look-arounds,
# which make the regex engine try every position of the text, and a search led by [a-z0-9.] would
# stop at every digit of the tables; the suffixes' first characters are rarer (网 and 体 first)
_LATIN_SUFFIX = lazy_re.compile(r"网页版|体育|亚洲官网|\(中国\)官方网站|（中国）官方网站|官方网站|官网|app官网下载|app下载|"
                           r"娱乐|最新网址")
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.")
_AGENCY_AFTER = lazy_re.compile(r" ?(?:(?:19|20)\d{2}\s*年|门户网站|政府门户|年度报告|办公室|政务公开|政务服务|人民政府|"
                           r"党工委|管委会|信息公开|[^\s，。、；：,.;:]{0,8}(?:大道|路|街)\d+号)")
_AGENCY_BEFORE = lazy_re.compile(r"(?:加强与|来源[:：]|发布机构[:：]|联系地址[:：]|地址[:：]|请联系|请与|由)\s*$")
_PHRASE_AFTER = lazy_re.compile(r" ?(?:工作)?(?:年度)?报告|条例|工作要点|工作年度报告")
_PHRASE_BEFORE = lazy_re.compile(r"(?:中华人民共和国|(?:19|20)\d{2}\s*年度?)\s*$")
AGENCY, PHRASE, FREE = "agency", "phrase", "free"


class SpamName(MutableRecord):
    __slots__ = ("start", "end", "name", "slot", "role")

    def __init__(self, start: int, end: int, name: str, slot: str = FREE, role: str = FREE) -> None:
        self.start, self.end, self.name = start, end, name     # normalised offsets
        self.slot = slot        # where this occurrence sits
        self.role = role        # what the name replaced, judged over all its occurrences


def names(doc) -> list[SpamName]:
    cached = doc.cache.get("spam-names")
    if cached is None:
        cached = doc.cache["spam-names"] = _analyse(doc)
    return cached


def lexicon_for(doc) -> lx.Lexicon:
    return lx.load(tuple(doc.options.get("lexicon_files", []) or ()))


def folded_hits(doc) -> tuple[str, list[tuple[int, int, str, str]]]:
    """The folded text and every lexicon hit in it: one scan per document, shared by the spam kinds."""
    cached = doc.cache.get("spam-hits")
    if cached is None:
        folded = lx.fold(doc.text)
        cached = doc.cache["spam-hits"] = (folded, lx.all_hits(lexicon_for(doc), folded))
    return cached


def _analyse(doc) -> list[SpamName]:
    text = doc.text
    folded, found_hits = folded_hits(doc)
    lex = lexicon_for(doc)
    spans = _merge(list(_brand_spans(lex, folded, found_hits)) + latin_shapes(folded) + shapes.spans(folded))
    spans = _merge(spans + shapes.stem_spans(folded, [folded[s:e] for s, e in spans]))
    found = [SpamName(s, e, text[s:e]) for s, e in (_with_suffix(lex, folded, s, e) for s, e in spans)]
    title = doc.title
    for n in found:
        n.slot = _slot(text, n, title)
    agency_names = {n.name for n in found if n.slot == AGENCY}
    for n in found:
        n.role = PHRASE if n.slot == PHRASE else AGENCY if n.name in agency_names else FREE
    return found


def latin_shapes(folded: str) -> list[tuple[int, int]]:
    """Spans of ``_LATIN_SHAPE.finditer(folded)``, found without trying the pattern at every position.

    A match starts where a run of [a-z0-9.] starts and ends inside that run, right before a suffix; so
    the pattern is tried only at the starts of runs that a suffix follows somewhere (``_LATIN_SUFFIX``
    finds those at C speed). Runs are maximal, so matches of different runs never overlap and each run
    start is tried exactly as finditer would try it. A suffix hidden inside another (官网 in app官网下载)
    is missed only when the outer one follows no run character: then the run before the inner one is
    "app", which has no digit and never matches."""
    out, tried = [], -1
    for hit in _LATIN_SUFFIX.finditer(folded):
        start = hit.start()
        if not start or folded[start - 1] not in _RUN_CHARS:
            continue
        while start and folded[start - 1] in _RUN_CHARS:
            start -= 1
        if start != tried:
            tried = start
            m = _LATIN_SHAPE.match(folded, start)
            if m:
                out.append(m.span())
    return out


def _brand_spans(lex, folded: str, found_hits):
    for s, e, section, term in found_hits:
        if section not in ("brand", "weak"):
            continue
        if term.isascii() and not _ascii_bounded(folded, s, e):
            continue
        if section == "weak" and not _suffix_at(lex, folded, e, strict=True):
            continue
        yield s, e


def _ascii_bounded(text: str, s: int, e: int) -> bool:
    before = text[s - 1] if s else " "
    return not (before.isascii() and before.isalnum())


def _suffix_at(lex, text: str, pos: int, strict: bool = False) -> str:
    for suf in lex.suffixes:
        if text.startswith(suf, pos) and not (strict and suf in ("平台", "app")):
            return suf
    return ""


def _with_suffix(lex, folded: str, s: int, e: int) -> tuple[int, int]:
    while True:                                   # bet365 + 亚洲官网, 九游 + 体育 + 官网 …
        suf = _suffix_at(lex, folded, e)
        if not suf:
            return s, e
        e += len(suf)


def _merge(spans):
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [tuple(x) for x in out]


def _slot(text: str, n: SpamName, title) -> str:
    before = text[max(0, n.start - 12):n.start]
    after = text[n.end:n.end + 24]
    if _PHRASE_BEFORE.search(before) and _PHRASE_AFTER.match(after):
        return PHRASE
    if title is not None and title.line_start <= n.start < title.end and title.agency and n.name in title.agency:
        return AGENCY
    if _AGENCY_AFTER.match(after) or _AGENCY_BEFORE.search(before):
        return AGENCY
    return FREE


def replacement_span(doc, n: SpamName) -> tuple[int, int]:
    """Original span of the name plus the ASCII space the agency's replacement left behind."""
    end = n.end + 1 if doc.text[n.end:n.end + 1] == " " else n.end
    return doc.orig_span(n.start, end)
