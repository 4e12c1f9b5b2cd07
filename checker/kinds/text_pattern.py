"""A character pattern in running text, with conditions on its neighbours and an optional fix.

Typography rules (GL7xx) are small patterns that are right in one context and wrong in another: a
comma between two hanzi is a half-width slip, the comma in ``1,234`` is not. So a match counts only
when the character before and the one after belong to the named classes (``before``/``after``, or
``around`` for pairs), and never on a table row, inside a heading (``skip``), or touching a URL or an
e-mail address. The fix is a per-character replacement (``replace`` map, or ``translate: nfkc``), a
deletion (``delete``), the match's first character (``keep_first``) or an insertion (``insert``); it
is offered only where the original text holds the characters it changes as matched, so a repaired
garble is never rewritten.

``option`` makes a rule configurable: the document option ``key`` (from the configuration file)
picks one of ``variants``, whose params are laid over the rule's; a value without a variant turns the
rule off.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from .. import lazy_re
from ..engine.user_regex import compile_param
from ..model.diagnostic import Edit, Fix
from ..parse.headings import _is_table_line

_URL_OR_MAIL = lazy_re.compile(r"(?:https?://|www\.)[!-~]+|[\w.+-]+@[\w-]+\.[\w.-]+", re.ASCII)
# sentence punctuation: a line with it is prose even when it holds many numbers
_PROSE = lazy_re.compile(r"[，。；]|[\u3400-\u9fff][,;][\u3400-\u9fff]")
_CJK_OPEN = "（《“‘【〔〈"
_CJK_CLOSE = "）》”’】〕〉"
_CJK_MID = "，。、；：？！"
CLASSES = {
    "hanzi": lambda c: "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff",
    "digit": lambda c: "0" <= c <= "9",
    "latin": lambda c: c.isascii() and c.isalpha(),
    "cjk-open": lambda c: c in _CJK_OPEN,
    "cjk-close": lambda c: c in _CJK_CLOSE,
    "cjk-mid": lambda c: c in _CJK_MID,
    "percent": lambda c: c in "%％‰",
    "edge": lambda c: c in ("", "\n", "\r"),
    "any": lambda c: True,
}
# Two-character report words (rules/data/report-words.txt): a space inside one splits a word.
_WORDS_FILE = "report-words.txt"


def compile(params):
    pattern = compile_param(params["pattern"])
    variants = (params.get("option") or {}).get("variants", {})
    return pattern, {k: compile_param(v["pattern"]) for k, v in variants.items() if "pattern" in v}


def check(doc, rule):
    p = _params(doc, rule)
    if p is None:
        return
    base, by_variant = rule.compiled
    rx = by_variant.get(p.get("_variant"), base)
    normalised = p.get("text", "normalised") == "normalised"
    text = doc.text if normalised else doc.source.text
    skip = _Skip(doc, text, normalised, p.get("skip", ("table-rows", "headings")))
    for m in rx.finditer(text):
        s, e = m.span()
        if not _fits(text, s, e, p) or skip.covers(s, e):
            continue
        diag = _finding(doc, rule, p, text, m, normalised)
        if diag is not None:
            yield diag


def _params(doc, rule) -> dict | None:
    p = rule.params
    opt = p.get("option")
    if not opt:
        return p
    value = doc.options.get(opt["key"], opt.get("default"))
    variant = opt.get("variants", {}).get(value)
    return None if variant is None else {**p, **variant, "_variant": value}


def _fits(text: str, s: int, e: int, p: dict) -> bool:
    before, after = text[s - 1] if s else "", text[e] if e < len(text) else ""
    if "before" in p and not any(CLASSES[c](before) for c in p["before"]):
        return False
    if "after" in p and not any(CLASSES[c](after) for c in p["after"]):
        return False
    if "around" in p and not any(CLASSES[a](before) and CLASSES[b](after) for a, b in p["around"]):
        return False
    if "contains" in p and not any(CLASSES[c](ch) for c in p["contains"] for ch in text[s:e]):
        return False
    if any(ch in text[s:e] for ch in p.get("excludes", "")):
        return False
    if p.get("not_english") and _english(text, s, e):
        return False
    return not p.get("splits_word") or _splits_word(text, s, e)


def _splits_word(text: str, s: int, e: int) -> bool:
    """A space that cuts a word: before Chinese punctuation (``10号 ；``), after an opening mark, or
    between hanzi where one side is a lone character (``情 形``), the two around it make a report word
    (``信 息``) or it stands inside a fixed phrase (``政府信息 公开工作年度报告``). Letter-spaced labels
    (``索 引 号``, ``概 述``) have a lone character on both sides."""
    hanzi = CLASSES["hanzi"]
    before, after = text[s - 1] if s else "", text[e] if e < len(text) else ""
    if after in _CJK_CLOSE or after in _CJK_MID:
        return hanzi(before) or before.isdigit()
    if before in _CJK_OPEN:
        return hanzi(after)
    if not (hanzi(before) and hanzi(after)):
        return False
    left = _run(text, s - 1, -1)
    right = _run(text, e, 1)
    # a lone hanzi cut off from its word stands before punctuation or a line end (情 形，), not
    # after a number (2013年 信息公开, 16日 附件): that is a date or a count ending a phrase
    if left == 1 and right > 1:
        return not _numberish(text[s - 2] if s > 1 else "")
    if right == 1 and left > 1:
        return not _numberish(text[e + 1] if e + 1 < len(text) else "")
    if left == 1 and right == 1:
        return False            # letter spacing
    return before + after in _report_words() or _cuts_phrase(text, s, e)


def _cuts_phrase(text: str, s: int, e: int) -> bool:
    """The space stands inside a fixed phrase of government writing (政府信息 公开工作年度报告)."""
    left = text[max(0, s - 16):s]
    joined = left + text[e:e + 16]
    cut = len(left)
    for phrase in _fixed_phrases():
        i = joined.find(phrase, max(0, cut - len(phrase) + 1))
        while 0 <= i < cut:
            if i + len(phrase) > cut:
                return True
            i = joined.find(phrase, i + 1)
    return False


_ENGLISH = lazy_re.compile(r"[A-Za-z]+[ ,'-]+[A-Za-z]+")
_ENGLISH_BEFORE = lazy_re.compile(r"[A-Za-z]+[ ,'-]+[A-Za-z]+$")


def _english(text: str, s: int, e: int) -> bool:
    """The match stands next to an English passage (two Latin words in a row): spacing there is English."""
    return bool(_ENGLISH.match(text, e, e + 40) or _ENGLISH_BEFORE.search(text, max(0, s - 40), s))


def _numberish(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _run(text: str, i: int, step: int) -> int:
    """The number of hanzi from ``i`` on in direction ``step`` (at most 3: more says nothing more)."""
    hanzi, n = CLASSES["hanzi"], 0
    while 0 <= i < len(text) and n < 3 and hanzi(text[i]):
        n, i = n + 1, i + step
    return n


@lru_cache(maxsize=1)
def _fixed_phrases() -> tuple[str, ...]:
    """The fixed phrases of rules/data/fixed-phrases.txt of four characters or more."""
    from ..resources import data_path

    lines = data_path("fixed-phrases.txt").read_text(encoding="utf-8").splitlines()
    return tuple(w for line in lines if not line.startswith(("#", "[")) for w in line.split() if len(w) >= 4)


@lru_cache(maxsize=1)
def _report_words() -> frozenset[str]:
    from ..resources import data_path

    lines = data_path(_WORDS_FILE).read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def _finding(doc, rule, p: dict, text: str, m, normalised: bool):
    s, e = m.span()
    found = m.group()
    new = _replacement(p, m)
    os, oe = doc.orig_span(s, e) if normalised else (s, e)
    src = doc.source.text
    if new is not None and len(new) == len(found) and new != found:
        # per-character fix (brackets, punctuation): only the changed characters must be as matched —
        # the text between two brackets may have been converted (t2s) by normalisation
        edits = _char_edits(doc, src, s, found, new, normalised)
    elif src[os:oe] == found or (new == "" and src[os:oe].isspace()):
        edits = () if new is None else (Edit(os, oe, new),)
    else:
        edits = None
    if edits is None:
        return None             # the match lies in text normalisation rewrote: its own rule reports it
    fix = None
    if edits and p.get("fix", "safe") != "none":
        fix = Fix(edits, safe=p.get("fix", "safe") == "safe", description=p.get("fix_description", ""))
    char = found.strip() or found
    context = text[max(0, s - 4):s].rsplit("\n", 1)[-1] + found + text[e:e + 4].split("\n", 1)[0]
    return rule.diag(doc, os, oe, normalised=False, fix=fix, found=found, expected=new or "",
                     char=char, codepoint=" ".join(f"U+{ord(c):04X}" for c in char[:3]), context=context)


def _char_edits(doc, src: str, s: int, old: str, new: str, normalised: bool) -> tuple[Edit, ...] | None:
    """One edit per changed character, in original offsets; None when one of them is not in the original
    as matched. A bracket pair's fix leaves the text between the brackets alone."""
    edits = []
    for i, (a, b) in enumerate(zip(old, new)):
        if a == b:
            continue
        os, oe = doc.orig_span(s + i, s + i + 1) if normalised else (s + i, s + i + 1)
        if src[os:oe] != a:
            return None
        edits.append(Edit(os, oe, b))
    return tuple(edits)


def _replacement(p: dict, m) -> str | None:
    found = m.group()
    if p.get("delete"):
        return ""
    if p.get("keep_first"):
        return found[:1]
    if p.get("insert") is not None:
        return found + p["insert"]
    if p.get("translate") == "nfkc":
        return unicodedata.normalize("NFKC", found)
    if "replace" in p:
        return "".join(p["replace"].get(c, c) for c in found)
    return None


def table_row(line: str) -> bool:
    """A row of a table drawn in text: cells split by bars or tabs, or numbers in a line without sentence
    punctuation (a prose line with many numbers — 收到申请12件，办结10件 — is not a row)."""
    if "|" in line or "\t" in line or "｜" in line:
        return True
    return _is_table_line(line) and not _PROSE.search(line)


def _table_spans(doc, normalised: bool) -> list[tuple[int, int]]:
    """The statistics tables the table rules read, in the offsets of the text checked: a table laid
    out with spaces (行政许可 38 2 1) has rows no line test can tell from prose."""
    from ..tables.extract import document_tables

    out = []
    for t in document_tables(doc).values():
        if t.start < 0 or t.end <= t.start:
            continue
        if t.normalised == normalised:
            out.append((t.start, t.end))
        elif t.normalised:                      # a text-layout table, checked in the original
            out.append(doc.orig_span(t.start, t.end))
    return out


class _Skip:
    """Spans no typography finding may touch: table rows, headings, URLs and e-mail addresses."""

    def __init__(self, doc, text: str, normalised: bool, what) -> None:
        self.text, self.what = text, set(what)
        self.spans = [m.span() for m in _URL_OR_MAIL.finditer(text)] if "@" in text or "www" in text or \
            "://" in text else []
        if "headings" in self.what and normalised:
            st = doc.structure
            self.spans += [(h.start, h.title_end) for h in (*st.headings, *st.subheadings)]
        if "table-rows" in self.what:
            self.spans += _table_spans(doc, normalised)
        self.spans.sort()
        self.starts = [a for a, _ in self.spans]
        self.max_end = list(accumulate((b for _, b in self.spans), max))
        self._line = (-1, -1, False)

    def covers(self, s: int, e: int) -> bool:
        """Touches a skipped span (spans are sorted; the running maximum of their ends answers in
        O(log n) — a long report has hundreds of headings and thousands of matches)."""
        i = bisect_right(self.starts, e)        # spans[:i] start at or before e
        if i and self.max_end[i - 1] >= s:
            return True
        return "table-rows" in self.what and self._table_row(s)

    def _table_row(self, i: int) -> bool:
        lo, hi, table = self._line
        if not lo <= i < hi:
            lo = self.text.rfind("\n", 0, i) + 1
            hi = self.text.find("\n", i)
            hi = len(self.text) if hi < 0 else hi
            table = table_row(self.text[lo:hi])
            self._line = (lo, hi + 1, table)
        return table
