"""The spam lexicon (rules/data/spam-lexicon.txt plus users' lexicon files) and its Aho-Corasick automaton."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .. import rxcache
from ..model.record import Record
from ..resources import data_path

SECTIONS = ("brands", "weak-brands", "suffixes", "porn")
# only runs of ASCII capitals are rewritten: str.translate looks up every character of a long
# Chinese text in the table, six times slower than finding the (few) capitals
_ASCII_UPPER = rxcache.compile("[A-Z]+")


class LexiconError(Exception):
    pass


class Lexicon(Record):
    __slots__ = ("brands", "weak", "suffixes", "porn")

    def __init__(self, brands: frozenset[str], weak: frozenset[str], suffixes: tuple[str, ...],
                 porn: frozenset[str]) -> None:
        self.brands, self.weak, self.porn = brands, weak, porn
        self.suffixes = suffixes        # longest first


def fold(text: str) -> str:
    """Lower-case ASCII letters only: same length, so automaton offsets are text offsets."""
    return _ASCII_UPPER.sub(_lower, text)


def _lower(m: re.Match) -> str:
    return m.group().lower()


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
        try:
            text = Path(f).read_text(encoding="utf-8")
        except OSError as exc:
            raise LexiconError(f"{f}: 无法读取词表：{exc.strerror}") from None
        for section, terms in parse(text, f).items():
            merged[section] |= terms
    return Lexicon(frozenset(merged["brands"]), frozenset(merged["weak-brands"]),
                   tuple(sorted(merged["suffixes"], key=len, reverse=True)), frozenset(merged["porn"]))


@lru_cache(maxsize=8)
def automaton(lex: Lexicon):
    """One automaton for brands, weak brands and porn tokens; values are (section, term)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for section, terms in (("porn", lex.porn), ("weak", lex.weak), ("brand", lex.brands)):
        for t in terms:
            auto.add_word(t, (section, t))          # a term in two sections keeps the stronger one
    auto.make_automaton()
    return auto


def hits(lex: Lexicon, text: str, sections=("brand", "weak", "porn")):
    """(start, end, section, term) of every lexicon term in ``text`` (already folded)."""
    for end, (section, term) in automaton(lex).iter(text):
        if section in sections:
            yield end + 1 - len(term), end + 1, section, term
