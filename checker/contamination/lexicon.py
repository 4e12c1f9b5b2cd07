"""The spam lexicon (rules/data/spam-lexicon.txt plus users' lexicon files) and finding its terms."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lazy_re
from ..model.record import Record
from ..resources import data_path
from ..small_files import LEXICON_LIMIT, SmallFileError, read_text

SECTIONS = ("brands", "weak-brands", "suffixes", "porn")


class LexiconError(Exception):
    pass


class Lexicon(Record):
    __slots__ = ("brands", "weak", "suffixes", "porn", "user")

    def __init__(self, brands: frozenset[str], weak: frozenset[str], suffixes: tuple[str, ...],
                 porn: frozenset[str], user: bool = False) -> None:
        self.brands, self.weak, self.porn = brands, weak, porn
        self.suffixes = suffixes        # longest first
        self.user = user                # terms from users' lexicon files: searched by an automaton


def fold(text: str) -> str:
    """Lower-case ASCII letters only: same length, so hit offsets are text offsets.

    bytes.lower() changes only the bytes A-Z, and in UTF-8 every byte of a non-ASCII character is
    0x80 or above, so the round trip lower-cases exactly the ASCII capitals (surrogatepass: a lone
    surrogate survives it too). Twice as fast as re.sub over the capitals, and str.translate looks
    up every character of a long Chinese text in its table."""
    data = text.encode("utf-8", "surrogatepass")
    low = data.lower()
    return text if low == data else low.decode("utf-8", "surrogatepass")


def parse(text: str, name: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {s: set() for s in SECTIONS}
    section = "brands"
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in out:
                raise LexiconError(f"{name}:{n}: 未知的词表分节 [{section}]（可用：{'、'.join(SECTIONS)}）")
            continue
        out[section].add(fold(line))
    return out


@lru_cache(maxsize=8)
def load(extra_files: tuple[str, ...] = ()) -> Lexicon:
    merged = parse(data_path("spam-lexicon.txt").read_text(encoding="utf-8"), "spam-lexicon.txt")
    for f in extra_files:
        try:        # regular files up to 8 MB only: a FIFO or /dev/zero would block or never end
            text = read_text(f, LEXICON_LIMIT, "词表")
        except SmallFileError as exc:
            raise LexiconError(str(exc)) from None
        for section, terms in parse(text, f).items():
            merged[section] |= terms
    return Lexicon(frozenset(merged["brands"]), frozenset(merged["weak-brands"]),
                   tuple(sorted(merged["suffixes"], key=len, reverse=True)), frozenset(merged["porn"]),
                   user=bool(extra_files))


# Lexicon first characters frequent in reports (公开, table numbers, 一二三…): their alternatives come
# first in the finder, because sre tries a branch's alternatives in order at each candidate position.
# Only speed depends on this order, never the result.
_FREQUENT_FIRST = "开13一二不三网人有中在四时国体黄无现六"


@lru_cache(maxsize=8)
def _finder(lex: Lexicon):
    """A pattern matching some term where any term starts, and the (term, section) pairs by first
    character (a term in two sections keeps the stronger: brand over weak over porn)."""
    section_of = {}
    for section, terms in (("porn", lex.porn), ("weak", lex.weak), ("brand", lex.brands)):
        for t in terms:
            section_of[t] = section
    by_first: dict[str, list[tuple[str, str]]] = {}
    for t in sorted(section_of):                # sorted: the same pattern every run
        by_first.setdefault(t[0], []).append((t, section_of[t]))
    order = sorted(by_first, key=lambda c: (c not in _FREQUENT_FIRST, _FREQUENT_FIRST.find(c), c))
    pattern = "|".join(re.escape(c) + "(?:" + "|".join(re.escape(t[1:]) for t, _ in by_first[c]) + ")"
                       for c in order)
    return lazy_re.compile(pattern), by_first


def all_hits(lex: Lexicon, text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, section, term) of every occurrence of every term, overlapping ones included, as an
    Aho-Corasick automaton reports them (tests/reliability/test_fast_paths.py compares with one), but
    with re: 0.08 ms per report instead of 0.13, as pyahocorasick scans the root's ~70 edges for every
    character. The pattern's charset prefix skips at C speed to the next position where some term
    starts; the terms starting there are taken one by one, then the search goes on one character
    later. Sorted by end, the longest of a shared end first."""
    if lex.user:
        return _automaton_hits(lex, text)
    rx, by_first = _finder(lex)
    out = []
    m = rx.search(text)
    while m is not None:
        p = m.start()
        for term, section in by_first[text[p]]:
            if text.startswith(term, p):
                out.append((p, p + len(term), section, term))
        m = rx.search(text, p + 1)
    out.sort(key=_by_end)
    return out


@lru_cache(maxsize=8)
def _automaton(lex: Lexicon):
    """Users' terms are not turned into a regular expression (its size and matching cost would grow with
    theirs): an Aho-Corasick automaton finds the same hits in time linear in the text."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for section, terms in (("porn", lex.porn), ("weak", lex.weak), ("brand", lex.brands)):
        for t in terms:
            auto.add_word(t, (section, t))          # a term in two sections keeps the stronger one
    auto.make_automaton()
    return auto


def _automaton_hits(lex: Lexicon, text: str) -> list[tuple[int, int, str, str]]:
    out = [(end + 1 - len(term), end + 1, section, term) for end, (section, term) in _automaton(lex).iter(text)]
    out.sort(key=_by_end)
    return out


def _by_end(hit: tuple[int, int, str, str]) -> tuple[int, int]:
    return hit[1], hit[0]


def hits(lex: Lexicon, text: str, sections=("brand", "weak", "porn")) -> list[tuple[int, int, str, str]]:
    """(start, end, section, term) of every lexicon term of ``sections`` in ``text`` (already folded)."""
    return [h for h in all_hits(lex, text) if h[2] in sections]