"""Traditional characters → simplified, per character so every position maps back exactly.

A search for the characters of a generated list of traditional-only characters decides whether any
conversion is needed at all; mainland reports never pay for loading the conversion tables.

The conversion is OpenCC ``t2s`` as implemented by opencc-python-reimplemented, computed from that
library's own dictionaries (see ``t2s``): a per-character ``str.translate`` everywhere, except in the
rare lines holding a phrase whose conversion differs from the per-character one (答覆 → 答复, where
覆 alone stays), which replay the library's phrase matching. The library's tree-based matcher costs
~0.6 ms per traditional report; tests/core/test_t2s.py proves both paths equal to it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lazy_re
from ..resources import data_path
from .mapped import CharEdits, StepEdit

# the sentence separators opencc-python-reimplemented splits on before matching phrases (its
# OpenCC.split_chars_re): no phrase spans one
_SEPARATORS = lazy_re.compile(
    r'(\s+|-|,|\.|\?|!|\*|　|，|。|、|；|：|？|！|…|“|”|‘|’|『|』|「|」|﹁|﹂|—|－|（|）|《|》|〈|〉|～|．|／|＼|︒|︑|︔|︓|︿|﹀|︹|︺|︙|︐|［|﹇|］|﹈|︕|︖|︰|︳|︴|︽|︾|︵|︶|｛|︷|｝|︸|﹃|﹄|【|︻|】|︼)')


# A set test costs ~0.1 ms per report, a compiled class ~0.01 ms but 2–5 ms to compile: the first few
# documents of a run are tested with the set, the rest with the class.
_SET_TESTS = 20


def has_astral(text: str) -> bool:
    """Whether ``text`` holds a character outside the BMP (each is two UTF-16 code units)."""
    return len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)


class CharSet:
    """A large set of characters, searched for as a regex character class. sre tests BMP members of a
    class in constant time but astral ones one by one (0.7 ms per report for this list), so the astral
    members are looked for only in text that holds an astral character at all. Both classes are
    compiled on first use: compiling is the costly part of a one-file run."""

    __slots__ = ("members", "_bmp", "_full", "_uses")

    def __init__(self, chars) -> None:
        self.members = frozenset(chars)
        self._bmp: re.Pattern | None = None
        self._full: re.Pattern | None = None
        self._uses = 0

    def occurs_in(self, text: str) -> bool:
        self._uses += 1
        if self._uses <= _SET_TESTS:
            return not self.members.isdisjoint(text)
        return self.pattern(text).search(text) is not None

    def pattern(self, text: str) -> re.Pattern:
        """A pattern matching exactly the members, for searching ``text``."""
        if has_astral(text):
            if self._full is None:
                self._full = lazy_re.compile(_class(sorted(self.members)))
            return self._full
        if self._bmp is None:
            self._bmp = lazy_re.compile(_class(sorted(c for c in self.members if c <= "\uffff")))
        return self._bmp


def _class(chars: list[str]) -> str:
    return "[%s]" % "".join(map(re.escape, chars)) if chars else "(?!)"


@lru_cache(maxsize=1)
def traditional_chars() -> frozenset[str]:
    lines = data_path("traditional-chars.txt").read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")))


@lru_cache(maxsize=1)
def _traditional() -> CharSet:
    return CharSet(traditional_chars())


class _T2S:
    """The t2s dictionaries, loaded once per process for documents that contain traditional characters.

    ``chars``: character → first listed simplified form (the library takes the first of several);
    ``changed``: a pattern matching the characters that ``chars`` changes; ``phrases``: phrase →
    first simplified form; ``automaton``: finds every phrase, its value says whether the phrase
    converts differently from its characters (only those lines need the phrase matcher)."""

    __slots__ = ("chars", "table", "changed", "phrases", "automaton")

    def __init__(self) -> None:
        import ahocorasick

        self.chars = _load("TSCharacters.txt")
        if any(len(k) != 1 or len(v) != 1 for k, v in self.chars.items()):   # the per-character path relies on this
            raise ValueError("TSCharacters.txt maps a string longer than one character")
        # the library never converts a separator: it splits them off first
        self.table = {ord(k): v for k, v in self.chars.items() if not _SEPARATORS.fullmatch(k)}
        self.changed = CharSet(chr(k) for k, v in self.table.items() if v != chr(k))
        self.phrases = _load("TSPhrases.txt")
        self.automaton = ahocorasick.Automaton()
        for key, value in self.phrases.items():
            self.automaton.add_word(key, (len(key), value != key.translate(self.table)))
        self.automaton.make_automaton()

    def convert(self, text: str) -> str:
        """``OpenCC('t2s').convert(text)``."""
        found = list(self.automaton.iter(text))
        if not any(differs for _, (_, differs) in found):
            return text.translate(self.table)
        occurrences = sorted((end + 1 - n, n) for end, (n, _) in found)
        parts: list[str] = []
        pos = 0
        for i, piece in enumerate(_SEPARATORS.split(text)):     # odd pieces are separators
            end = pos + len(piece)
            parts.append(piece if i % 2 else self._segment(text, pos, end, occurrences))
            pos = end
        return "".join(parts)

    def _segment(self, text: str, lo: int, hi: int, occurrences: list[tuple[int, int]]) -> str:
        """The library's matcher on one separator-free segment: the longest phrase (leftmost among
        equals) is replaced, then the same on what remains left and right of it; characters no
        phrase covered are converted one by one."""
        inside = [(s, n) for s, n in occurrences if lo <= s and s + n <= hi]
        if not inside:
            return text[lo:hi].translate(self.table)
        s, n = min(inside, key=lambda o: (-o[1], o[0]))
        return (self._segment(text, lo, s, inside) + self.phrases[text[s:s + n]]
                + self._segment(text, s + n, hi, inside))


def _load(name: str) -> dict[str, str]:
    """A dictionary file parsed as opencc-python-reimplemented parses it, keeping the first value."""
    from pathlib import Path

    import opencc

    out = {}
    with open(Path(opencc.__file__).parent / "dictionary" / name, encoding="utf-8") as f:
        for line in f:
            key, value = line.strip().split("\t")
            out[key] = value.split(" ")[0]
    return out


@lru_cache(maxsize=1)
def t2s() -> _T2S:
    return _T2S()


def count_traditional(text: str) -> int:
    return len(_traditional().pattern(text).findall(text))


def to_simplified(text: str) -> str:
    return t2s().convert(text)


def edits(text: str, ctx: dict) -> list[StepEdit]:
    chars = _traditional()
    if not chars.occurs_in(text):
        ctx["traditional_count"] = 0
        return []
    traditional = chars.pattern(text)
    conv = t2s()
    changed = conv.changed.pattern(text)
    out: list[StepEdit] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if traditional.search(line):        # only lines with a traditional-only character are converted
            out.extend(_line_edits(conv, changed, line, pos))
        pos += len(line)
    ctx["traditional_count"] = len(traditional.findall(text))
    return out


def _line_edits(conv: _T2S, changed: re.Pattern, line: str, base: int) -> list[StepEdit]:
    """The line's edits: one CharEdits for its changed characters, or one edit for the whole line
    when a phrase conversion changes its length."""
    if not any(differs for _, (_, differs) in conv.automaton.iter(line)):
        offsets = [m.start() for m in changed.finditer(line)]      # per character: str.translate
        converted = line.translate(conv.table)
    else:
        converted = conv.convert(line)
        if len(converted) != len(line):
            return [StepEdit(base, base + len(line), converted, "traditional", line)]
        offsets = [i for i, (old, new) in enumerate(zip(line, converted)) if old != new]
    return [CharEdits(base, base + len(line), converted, "traditional", line, offsets)] if offsets else []
