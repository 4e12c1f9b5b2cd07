"""Byte-level repairs of garbled Chinese, before any other step sees the characters.

Two recipes from ../shared/reference/corruption-patterns.md §3, both verified on real pages:

* UTF-8 bytes decoded as GBK (``鏀垮簻`` = 政府): ``run.encode("gb18030").decode("utf-8")``
  succeeds strictly only on such garble, never on legitimate GBK-range text; repeated while it
  keeps succeeding (multi-round garble).
* Byte-shifted GBK (``?。ㄒ唬┲鲃?dòng)`` = （一）主動): a decoder started one byte late; dropping the
  orphan byte re-aligns the run. The character straddling the resync point is lost; it is filled
  only when one candidate fits — from the document's own pinyin annotations (``動(dòng)`` elsewhere)
  or by completing a report word (rules/data/report-words.txt). Edits record ``note`` "certain" or
  "partial" so rules know whether the repair may be applied safely.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from .. import lazy_re
from ..resources import data_path
from .mapped import StepEdit
from .pinyin import TONE, annotations

_PYC = "a-zü" + TONE + "ɑɡ"
# `?` (the orphan byte) + a non-ASCII run starting with the full-width punctuation an A1/A3 lead byte
# shifts into; the run ends at `?syllable)` (the resync ate the `(`) or at the first ASCII byte.
# A CJK-punctuation fixer (autocorrect) writes the `?` before a syllable as `？`.
SHIFT_RUN = lazy_re.compile(r"\?([。！，、（）][^\x00-\x7f\s]*?)(?:[?？]([%s]{1,6})\)|(?=[\x00-\x7f])|$)" % _PYC,
                       re.M)
# A shifted run may also start right after an annotation whose "(" the shift ate: ``?zhí)幚淼牧鞒痰?``
# (= …理的流程…). The ``?syllable)`` residue is the marker here; the run ends at the next ``?`` or ASCII.
# A spacing fixer may have put a space after the ")".
PINYIN_SHIFT_RUN = lazy_re.compile(r"[?？][%s]{1,6}\) ?([^\x00-\x7f\s]{3,}?)(?=[?？]|[\x00-\x7f]|$)" % _PYC, re.M)
# characters a misaligned GBK decode produces and real reports never contain
_SHIFT_MARKERS = lazy_re.compile(r"[\u3100-\u312f\u2500-\u257f\u2460-\u24ff]")
MIN_GARBLE = 4
UTF8_RUN = lazy_re.compile(r"[^\x00-\x7f\s]{%d,}" % MIN_GARBLE)
MAX_ROUNDS = 5
# Necessary condition for a garble stretch, tested on GB18030 bytes: a 3-byte UTF-8 lead sequence
# followed by two more (loosely formed) UTF-8 characters — a stretch of MIN_GARBLE characters is at
# least 8 bytes. Clean Chinese almost never has it, so clean text skips the per-character scan.
_LOOSE_UTF8_CHAR = rb"(?:[\x30-\x39]|[\xc0-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf7][\x80-\xbf]{3})"
_MAYBE_GARBLE = lazy_re.compile(rb"[\xe0-\xef][\x80-\xbf]{2}" + _LOOSE_UTF8_CHAR + rb"{2}")


def _byte_classes() -> bytes:
    """A bytes.translate table naming each byte's class in the two whole-text patterns below."""
    table = bytearray(b"." * 256)
    for lo, hi, name in [(0x30, 0x39, "0"), (0x80, 0x80, "b"), (0x81, 0xBF, "B"), (0xC0, 0xDF, "C"),
                         (0xE0, 0xEF, "A"), (0xF0, 0xF7, "D"), (0xF8, 0xFE, "E")]:
        table[lo:hi + 1] = name.encode() * (hi - lo + 1)
    return bytes(table)


# Tested on class letters, not bytes: a pattern starting with a literal is scanned for at C speed,
# one starting with a byte range is tried at every byte (0.07 ms per report instead of 0.02).
_BYTE_CLASS = _byte_classes()
# _MAYBE_GARBLE without its digit alternative ([\x80-\xbf] is [bB], [\xe0-\xef] A, …)
_MAYBE_GARBLE_HIGH = lazy_re.compile(rb"A[bB]{2}(?:C[bB]|A[bB]{2}|D[bB]{3}){2}")
# a digit byte, a lead byte (0x81-0xfe), a digit byte: only a four-byte GB18030 sequence has that
# (two-byte trail bytes are never digits, so after an ASCII digit a lead byte is followed by its trail)
_FOUR_BYTE = lazy_re.compile(rb"0[BCADE]0")
_PUNCT = set("（）。，、；：！？“”《》")


def edits(text: str, ctx: dict) -> list[StepEdit]:
    out: list[StepEdit] = []
    if "?" in text:
        out.extend(_shift_edits(text))
        taken = [(e.start, e.end) for e in out]
        out.extend(e for e in _pinyin_shift_edits(text) if not any(s < e.end and e.start < t for s, t in taken))
    if not text.isascii():
        taken = [(e.start, e.end) for e in out]
        out.extend(e for e in _utf8_edits(text) if not any(s < e.end and e.start < t for s, t in taken))
    ctx["mojibake_count"] = len(out)
    return out


# --- UTF-8 read as GBK ------------------------------------------------------------------------

def undo_utf8_as_gbk(run: str) -> str | None:
    """The text before the garble, or None when ``run`` is not UTF-8-as-GBK garble."""
    current, rounds = run, 0
    while rounds < MAX_ROUNDS:
        try:
            nxt = current.encode("gb18030").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            break
        if nxt == current:
            break
        current, rounds = nxt, rounds + 1
    return current if rounds and _plausible(current) else None


def _utf8_edits(text: str) -> list[StepEdit]:
    out: list[StepEdit] = []
    if not _may_hold_garble(text):
        return out
    for m in UTF8_RUN.finditer(text):
        run = m.group()
        for start, end in garbled_stretches(run):
            fixed = undo_utf8_as_gbk(run[start:end])
            if fixed is not None:
                out.append(StepEdit(m.start() + start, m.start() + end, fixed, "mojibake-utf8-as-gbk", "certain"))
    return out


def _may_hold_garble(text: str) -> bool:
    """Necessary condition for some run of ``text`` to hold _MAYBE_GARBLE in its own GB18030 bytes,
    tested on the whole text at once (testing each run costs 0.1 ms per report).

    A run's bytes are a slice of the text's bytes. A match using no digit byte is a match of
    _MAYBE_GARBLE_HIGH there; searching the whole text for _MAYBE_GARBLE itself would also find
    matches that borrow ASCII digits from between runs, as half the reports do. A run holds no
    ASCII, so a digit byte in it belongs to a four-byte GB18030 sequence (two-byte trail bytes start
    at 0x40), which _FOUR_BYTE finds."""
    try:
        data = text.encode("gb18030")
    except UnicodeEncodeError:          # lone surrogates: every run is tested on its own
        return True
    classes = data.translate(_BYTE_CLASS)
    return _MAYBE_GARBLE_HIGH.search(classes) is not None or _FOUR_BYTE.search(classes) is not None


def garbled_stretches(run: str):
    """Longest stretches (≥ MIN_GARBLE characters) whose GB18030 bytes are complete UTF-8.

    Garble may share a line with correct text, so every start is tried; on real text the UTF-8
    decoder fails within the first character, so this stays linear in practice."""
    try:
        if not _MAYBE_GARBLE.search(run.encode("gb18030")):
            return
        chunks = [c.encode("gb18030") for c in run]
    except UnicodeEncodeError:
        return
    i = 0
    while i < len(chunks):
        best = _longest_utf8(chunks, i)
        if best - i >= MIN_GARBLE:
            yield i, best
            i = best
        else:
            i += 1


def _longest_utf8(chunks: list[bytes], i: int) -> int:
    if not 0xE0 <= chunks[i][0] <= 0xEF:          # garble of CJK starts with a 3-byte UTF-8 lead
        return i
    decoder = codecs.getincrementaldecoder("utf-8")()
    best = i
    for j in range(i, len(chunks)):
        try:
            decoder.decode(chunks[j])
        except UnicodeDecodeError:
            break
        if decoder.getstate()[0] == b"":           # no partial character pending: a clean cut
            best = j + 1
    return best


def _plausible(s: str) -> bool:
    """Mostly hanzi and Chinese punctuation: what a correct decoding of a report looks like."""
    good = sum(1 for c in s if "\u4e00" <= c <= "\u9fff" or c in _PUNCT or c.isascii())
    return bool(s) and good >= 0.8 * len(s)


# --- byte-shifted GBK -------------------------------------------------------------------------

def _shift_edits(text: str) -> list[StepEdit]:
    out = []
    annotations = None
    for m in SHIFT_RUN.finditer(text):
        run, syllable = m.group(1), m.group(2)
        if not _SHIFT_MARKERS.search(run):
            continue
        realigned = realign(run)
        if realigned is None:
            continue
        decoded, lead = realigned
        end, fill = m.end(), None
        if lead is not None:
            if syllable is None and end < len(text) and text[end] not in "\r\n":
                # the ASCII character is the orphan trail byte of the next character
                fill = fill_trail(decoded[-1:], lead, text[end].encode("ascii")[0])
                end += 1 if fill else 0
            else:
                if annotations is None:
                    annotations = annotated_chars(text)
                fill = fill_char(decoded[-1:], lead, annotations.get(syllable, set()) if syllable else set())
        if syllable is not None and _spaced_before_hanzi(text, end):
            end += 1            # the space a spacing fixer put after the annotation's ")"
        certain = lead is None or fill is not None
        out.append(StepEdit(m.start(), end, decoded + (fill or ""), "mojibake-gbk-shift",
                            "certain" if certain else "partial"))
    return out


def _pinyin_shift_edits(text: str) -> list[StepEdit]:
    """Runs after a ``?syllable)`` residue: the character before the run is lost with the "(", so the
    repair is always partial (unsafe)."""
    out = []
    for m in PINYIN_SHIFT_RUN.finditer(text):
        realigned = realign(m.group(1))
        if realigned is None or realigned[0] == m.group(1):
            continue
        end = m.end() + (1 if realigned[1] is not None and text[m.end():m.end() + 1] in ("?", "？") else 0)
        out.append(StepEdit(m.start(), end, realigned[0], "mojibake-gbk-shift", "partial"))
    return out


def _spaced_before_hanzi(text: str, i: int) -> bool:
    return text.startswith(" ", i) and i + 1 < len(text) and "\u3400" <= text[i + 1] <= "\u9fff"


def realign(run: str) -> tuple[str, int | None] | None:
    """Decode ``run`` one byte later; returns (text, dangling lead byte or None), or None if it is not garble."""
    try:
        data = run.encode("gbk")[1:]
    except UnicodeEncodeError:
        return None
    lead = None
    if len(data) % 2:
        lead, data = data[-1], data[:-1]
    try:
        decoded = data.decode("gbk")
    except UnicodeDecodeError:
        return None
    if not decoded or not _plausible(decoded) or _SHIFT_MARKERS.search(decoded):
        return None
    return decoded, lead


def annotated_chars(text: str) -> dict[str, set[str]]:
    """syllable → characters the document itself annotates with it (``動(dòng)`` gives dòng → {動})."""
    out: dict[str, set[str]] = {}
    for a in annotations(text):
        out.setdefault(a.syllable, set()).add(a.char)
    return out


def _gbk(c: str) -> bytes:
    try:
        return c.encode("gbk")
    except UnicodeEncodeError:
        return b""


def fill_char(prev: str, lead: int, by_syllable: set[str]) -> str | None:
    """The one character with GBK lead byte ``lead`` that the pinyin or a report word supports."""
    fits = {c for c in by_syllable if _gbk(c)[:1] == bytes([lead])}
    if len(fits) == 1:
        return fits.pop()
    words = {w[1] for w in report_words() if w[0] == prev and _gbk(w[1])[:1] == bytes([lead])}
    candidates = (fits & words) if fits else words
    return candidates.pop() if len(candidates) == 1 else None


def fill_trail(prev: str, lead: int, trail: int) -> str | None:
    """What ``lead`` … ``trail`` stood for: the character lead+trail itself when it is a common one,
    or a lost pair X+Y (X starts with ``lead``, Y ends with ``trail``) that makes a report word."""
    candidates = {w for w in report_words() if len(_gbk(w)) == 4 and _gbk(w)[0] == lead and _gbk(w)[3] == trail}
    try:
        single = bytes([lead, trail]).decode("gbk")
    except UnicodeDecodeError:
        single = ""
    if single and _common(single):
        candidates.add(single)
    return candidates.pop() if len(candidates) == 1 else None


def _common(c: str) -> bool:
    """In GB2312 (the common-character set), directly or after t2s."""
    from .script import to_simplified

    for form in (c, to_simplified(c)):
        try:
            form.encode("gb2312")
            return True
        except UnicodeEncodeError:
            pass
    return False


@lru_cache(maxsize=1)
def report_words() -> frozenset[str]:
    """Report words in simplified and traditional form (the garbled text may be either)."""
    lines = data_path("report-words.txt").read_text(encoding="utf-8").splitlines()
    words = {w for line in lines if not line.startswith("#") for w in line.split()}
    from opencc import OpenCC  # only reached for garbled documents

    s2t = OpenCC("s2t")
    return frozenset(words | {s2t.convert(w) for w in words})
