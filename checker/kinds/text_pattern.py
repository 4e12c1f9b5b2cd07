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
from itertools import accumulate, chain

from .. import lazy_re
from ..engine.message import render, template_fields
from ..engine.user_regex import UserPattern, compile_param
from ..engine.aggregate import Occurrences
from ..model.diagnostic import Edit
from ..parse.headings import _is_table_line

_URL_OR_MAIL = lazy_re.compile(r"(?:https?://|www\.)[!-~]+|[\w.+-]+@[\w-]+\.[\w.-]+", re.ASCII)
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
    return _Compiled(params)


class _Compiled:
    """A rule's patterns (its own and each variant's) and, built on first use, a _Plan per variant.
    ``needs``: per variant (None: the rule's own pattern), the characters every match holds, while the
    pattern has not been searched yet in this process (see check); ``pretests``: how many texts that
    test has proved clean; ``first``: for a repeated class (``[０-９]+``), the class alone."""

    __slots__ = ("base", "by_variant", "plans", "needs", "pretests", "first")

    def __init__(self, params: dict) -> None:
        self.base = compile_param(params["pattern"])
        variants = (params.get("option") or {}).get("variants", {})
        self.by_variant = {k: compile_param(v["pattern"]) for k, v in variants.items() if "pattern" in v}
        self.plans: dict = {}
        patterns = {k: v["pattern"] for k, v in variants.items() if "pattern" in v}
        patterns[None] = params["pattern"]
        self.needs = {k: class_chars(v) for k, v in patterns.items()}
        self.pretests: dict = {}
        # sre tries a repeat at every position of a text without a match, a bare class it scans for
        # at C speed (0.013 ms for a report instead of 0.037): the class finds where matches can start
        self.first = {k: lazy_re.compile(v[:-1]) for k, v in patterns.items()
                      if self.needs[k] is not None and v.endswith("+")}

    def cannot_match(self, variant, text: str) -> bool:
        """A cheap test proves the variant's pattern finds nothing in ``text``: asked until the pattern
        is first searched, it spares a one-file run compiling a class of full-width or invisible
        characters (~0.3 ms) for a text without any. A class of more than _CHEAP_PRETEST characters
        costs more to look for one by one than as a class: after _PRETESTS texts, the class is used."""
        key = self.key(variant)
        needs = self.needs.get(key)
        if needs is None:
            return False
        self.needs[key] = None
        if len(text) * len(needs) > _SCAN_BUDGET or any(c in text for c in needs):
            return False
        n = self.pretests[key] = self.pretests.get(key, 0) + 1
        if len(needs) <= _CHEAP_PRETEST or n < _PRETESTS:
            self.needs[key] = needs       # not searched: the next text is tested the same way
        return True

    def key(self, variant):
        return variant if variant in self.by_variant else None

    def start(self, variant, text: str) -> int:
        """Where the first match may start: 0, or for a repeated class the first character of the
        class (-1: none, no match)."""
        first = self.first.get(self.key(variant))
        if first is None:
            return 0
        m = first.search(text)
        return -1 if m is None else m.start()

    def plan(self, p: dict, message: str) -> "_Plan":
        key = (p.get("_variant"), message)
        found = self.plans.get(key)
        if found is None:
            found = self.plans[key] = _Plan(p, message)
        return found


def check(doc, rule):
    ready = _prepare(doc, rule)
    if ready is None:
        return
    plan, rx, text, skip, normalised, start = ready
    for batch in _selected(plan, rx, text, skip, start):
        rows = _findings(doc, rule, plan, text, batch, normalised)
        yield from Occurrences(rule, doc.source.path, rows, plan.safe, plan.description).diagnostics()


def occurrences(doc, rule) -> Occurrences:
    """What ``check`` finds, as rows for the aggregation step (engine/aggregate.py): a report with a
    hundred half-width commas builds one merged finding, not a hundred findings and fixes first."""
    ready = _prepare(doc, rule)
    rows: list[tuple] = []
    if ready is None:
        return Occurrences(rule, doc.source.path, rows, True, "")
    plan, rx, text, skip, normalised, start = ready
    for batch in _selected(plan, rx, text, skip, start):
        rows += _findings(doc, rule, plan, text, batch, normalised)
    return Occurrences(rule, doc.source.path, rows, plan.safe, plan.description)


def _prepare(doc, rule):
    """(plan, pattern, text, skip, normalised, start) for the rule in this document, ``skip`` a function
    giving the _Skip (built only when a match needs it), ``start`` where the search starts; None when
    the rule cannot fire."""
    p = _params(doc, rule)
    if p is None:
        return None
    normalised = p.get("text", "normalised") == "normalised"
    text = doc.text if normalised else doc.source.text
    compiled, variant = rule.compiled, p.get("_variant")
    if compiled.cannot_match(variant, text):
        return None
    start = compiled.start(variant, text)
    if start < 0:
        return None
    rx = compiled.by_variant.get(variant, compiled.base)
    plan = compiled.plan(p, rule.message)
    what = p.get("skip", ("table-rows", "headings"))
    return plan, rx, text, lambda: _skip(doc, text, normalised, what), normalised, start


def _selected(plan: "_Plan", rx, text: str, skip_of, start: int = 0):
    """The matches (from ``start`` on) that fit the params and touch no skipped span (``skip_of()``),
    as lists of (start, end, found) of at most _BATCH. ``fits`` and ``covers`` written out in one loop:
    a report has a hundred matches or more of GL701 alone, and two method calls and a tuple per match
    were half the rule's cost."""
    matches = rx.finditer(text, start)
    first = next(matches, None)
    if first is None:
        return
    skip = skip_of()
    neighbours, pair_fits, rest = plan.neighbours, plan.pair_fits, plan.rest
    starts, max_end, rows, flags = skip.starts, skip.max_end, skip.rows, skip._rows
    n = len(text)
    lo = hi = -1
    table = False
    batch: list[tuple[int, int, str]] = []
    for m in chain((first,), matches):
        s, e = m.span()
        pair = (text[s - 1] if s else "", text[e] if e < n else "")
        ok = neighbours.get(pair)
        if ok is None:
            ok = pair_fits(pair)
        if not ok or (rest and not plan.rest_fits(text, s, e)):
            continue
        i = bisect_right(starts, e)             # spans[:i] start at or before e
        if i and max_end[i - 1] >= s:
            continue
        if rows:
            if not lo <= s < hi:                # the line of s, its table_row memoised per document
                lo = text.rfind("\n", 0, s) + 1
                hi = text.find("\n", s)
                hi = n if hi < 0 else hi
                table = flags.get((lo, hi))
                if table is None:
                    table = flags[lo, hi] = table_row(text[lo:hi])
                hi += 1
            if table:
                continue
        batch.append((s, e, m.group()))
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


# Character look-ups a pretest may make (characters × text length): about what compiling the class costs.
_SCAN_BUDGET = 1 << 20
# A pretest of this many characters costs no more than searching a report for their class (0.6 µs each);
# a larger one is given up after _PRETESTS texts, when compiling the class has paid for itself.
_CHEAP_PRETEST = 16
_PRETESTS = 8


def class_chars(pattern) -> str | None:
    """The characters of a built-in pattern that is one character class, once or repeated
    (``[０-９Ａ-Ｚａ-ｚ]+``): every match holds one of them. None for any other pattern, a user's pattern
    (RE2 syntax), or a class of more than 256 characters."""
    if isinstance(pattern, UserPattern) or not pattern.startswith("[") or pattern[1:2] in ("^", "]"):
        return None
    end = pattern.find("]")
    if end < 0 or pattern[end + 1:] not in ("", "+"):
        return None
    items, body, i = [], pattern[1:end], 0
    while i < len(body):            # (character, escaped): an escaped "-" is no range
        if body[i] == "\\":
            code = body[i + 2:i + 6]
            if body[i + 1:i + 2] != "u" or len(code) != 4 or not all(c in "0123456789abcdefABCDEF" for c in code):
                return None
            items.append((chr(int(code, 16)), True))
            i += 6
        elif body[i] == "[" or body[i:i + 2] in ("--", "&&", "~~", "||"):
            return None             # a nested set or a set operation: not modelled
        else:
            items.append((body[i], False))
            i += 1
    chars: dict[str, None] = {}
    j = 0
    while j < len(items):
        if j + 2 < len(items) and items[j + 1] == ("-", False):
            lo, hi = ord(items[j][0]), ord(items[j + 2][0])
            if hi < lo or hi - lo > 256:
                return None
            chars.update(dict.fromkeys(map(chr, range(lo, hi + 1))))
            j += 3
        else:
            chars[items[j][0]] = None
            j += 1
    return "".join(chars) if 0 < len(chars) <= 256 else None


# Matches are mapped to the original and turned into findings this many at a time: one pass over the
# normalisation steps per batch, and a rule firing on every character of a huge file holds no more
# than a batch beyond what the budget keeps (engine/budget.py).
_BATCH = 512


def _params(doc, rule) -> dict | None:
    p = rule.params
    opt = p.get("option")
    if not opt:
        return p
    value = doc.options.get(opt["key"], opt.get("default"))
    variant = opt.get("variants", {}).get(value)
    return None if variant is None else {**p, **variant, "_variant": value}


# The classes a character belongs to, as bits: a match's neighbours are tested with one dict look-up
# and an AND instead of a call per class named in the params.
_BITS = {name: 1 << i for i, name in enumerate(CLASSES)}
_MASKS: dict[str, int] = {}


def _mask(c: str) -> int:
    m = _MASKS.get(c)
    if m is None:
        m = 0
        for name, test in CLASSES.items():
            if test(c):
                m |= _BITS[name]
        if len(_MASKS) < 8192:
            _MASKS[c] = m
    return m


def _bits(names) -> int:
    out = 0
    for name in names:
        out |= _BITS[name]
    return out


class _Plan:
    """What a rule's params (a variant laid over) ask of each match, worked out once: the class tests
    as bit masks, the fix, and which message fields the rule's message uses."""

    __slots__ = ("p", "before", "after", "around", "neighbours", "contains", "excludes", "not_english",
                 "splits_word", "rest", "fix", "safe", "description", "fields", "by_found", "messages", "quick", "table")

    def __init__(self, p: dict, message: str) -> None:
        self.p = p
        self.before = _bits(p["before"]) if "before" in p else None
        self.after = _bits(p["after"]) if "after" in p else None
        self.around = tuple((_bits((a,)), _bits((b,))) for a, b in p["around"]) if "around" in p else None
        # (character before, character after) → whether they pass before/after/around: a report has
        # few distinct pairs around its matches
        self.neighbours: dict[tuple[str, str], bool] = {}
        self.contains = _bits(p["contains"]) if "contains" in p else None
        self.excludes = p.get("excludes", "")
        self.not_english, self.splits_word = bool(p.get("not_english")), bool(p.get("splits_word"))
        self.rest = self.contains is not None or bool(self.excludes) or self.not_english or self.splits_word
        self.fix = p.get("fix", "safe") != "none"
        self.safe, self.description = p.get("fix", "safe") == "safe", p.get("fix_description", "")
        self.fields = template_fields(message) & {"found", "expected", "char", "codepoint", "context"}
        self.by_found: dict[str, str | None] = {}       # found → replacement (a function of it alone)
        self.messages: dict[tuple[str, str], str] = {}  # (found, replacement) → message, without {context}
        self.quick: dict[str, tuple[str | None, str] | None] = {}      # see quick_entry
        # the replace map for str.translate (a key of more than one character replaces nothing)
        self.table = {ord(k): v for k, v in p.get("replace", {}).items() if len(k) == 1}

    def fits(self, text: str, s: int, e: int) -> bool:
        """Whether the match at ``s:e`` meets the params' conditions."""
        pair = (text[s - 1] if s else "", text[e] if e < len(text) else "")
        ok = self.neighbours.get(pair)
        if ok is None:
            ok = self.pair_fits(pair)
        return ok and (not self.rest or self.rest_fits(text, s, e))

    def pair_fits(self, pair: tuple[str, str]) -> bool:
        """Whether the characters around a match pass before/after/around, memoised."""
        ok = self._neighbours_fit(*pair)
        if len(self.neighbours) < 8192:
            self.neighbours[pair] = ok
        return ok

    def rest_fits(self, text: str, s: int, e: int) -> bool:
        """The conditions on the match itself and its wider context (contains, excludes, not_english,
        splits_word); ``rest`` says whether the params name any."""
        if self.contains is not None and not any(_mask(ch) & self.contains for ch in text[s:e]):
            return False
        if self.excludes and any(ch in text[s:e] for ch in self.excludes):
            return False
        if self.not_english and _english(text, s, e):
            return False
        return not self.splits_word or _splits_word(text, s, e)

    def _neighbours_fit(self, before: str, after: str) -> bool:
        if self.before is not None and not _mask(before) & self.before:
            return False
        if self.after is not None and not _mask(after) & self.after:
            return False
        if self.around is not None:
            mb, ma = _mask(before), _mask(after)
            return any(mb & a and ma & b for a, b in self.around)
        return True

    def quick_entry(self, rule, found: str) -> tuple[str | None, str] | None:
        """(replacement, message) of a match ``found`` that changes as a whole (not character by
        character) under a message without {context}: the same for every such match. None otherwise."""
        new = self.replacement(found)
        if "context" in self.fields or (new is not None and len(new) == len(found) > 1 and new != found):
            entry = None
        else:
            entry = (new, _message(rule, self, "", 0, 0, found, new))
        if len(self.quick) < 4096:
            self.quick[found] = entry
        return entry

    def replacement(self, found: str) -> str | None:
        new = self.by_found.get(found, self)
        if new is self:
            new = _replacement_of(self.p, found, self.table)
            if len(self.by_found) < 4096:
                self.by_found[found] = new
        return new


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
    # a phrase across the cut holds the two characters either side of it: only those phrases are looked for
    for phrase in _phrases_by_pair().get(joined[cut - 1:cut + 1], ()) if 0 < cut < len(joined) else ():
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
def _phrases_by_pair() -> dict[str, tuple[str, ...]]:
    """The fixed phrases by each two adjacent characters they hold."""
    out: dict[str, dict[str, None]] = {}
    for phrase in _fixed_phrases():
        for i in range(len(phrase) - 1):
            out.setdefault(phrase[i:i + 2], {})[phrase] = None
    return {pair: tuple(phrases) for pair, phrases in out.items()}


@lru_cache(maxsize=1)
def _report_words() -> frozenset[str]:
    from ..resources import data_path

    lines = data_path(_WORDS_FILE).read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def _findings(doc, rule, plan: _Plan, text: str, batch: list[tuple[int, int, str]], normalised: bool) -> list[tuple]:
    """The findings of the matches in ``batch`` (start, end, found) as Occurrences rows (start, end,
    message, edits of the fix or None, expected, found).

    Most reports' normalisation moves no position, and most matches (a half-width comma) change as a
    whole with a message of their own: those rows are made here in one step, from what ``quick`` keeps
    per matched text; any other match takes _mapped_findings, which gives the same for it alone."""
    if normalised and doc.mapped.moves_positions():
        return _mapped_findings(doc, rule, plan, text, batch, normalised)
    quick, src, fix = plan.quick, doc.source.text, plan.fix
    out: list[tuple] = []
    for k, item in enumerate(batch):
        known = quick.get(item[2], plan)
        if known is plan:
            known = plan.quick_entry(rule, item[2])
        if known is None:           # this match and the rest of the batch the general way
            return out + _mapped_findings(doc, rule, plan, text, batch[k:], normalised)
        s, e, found = item
        new, message = known
        old = src[s:e]
        if old == found or (new == "" and old.isspace()):
            out.append((s, e, message, (Edit(s, e, new),) if fix and new is not None else None, new or "", found))
    return out


def _mapped_findings(doc, rule, plan: _Plan, text: str, batch: list[tuple[int, int, str]], normalised: bool):
    """_findings of any batch, their spans mapped to the original together."""
    by_found, replacement = plan.by_found, plan.replacement
    news = []
    spans: list[tuple[int, int]] = []
    for s, e, found in batch:
        new = by_found.get(found, plan)
        if new is plan:
            new = replacement(found)
        news.append(new)
        spans.append((s, e))
        # a same-length change of more than one character is fixed character by character
        if new is not None and len(new) == len(found) > 1 and new != found:
            spans.extend((s + i, s + i + 1) for i, (a, b) in enumerate(zip(found, new)) if a != b)
    if normalised:
        spans = doc.mapped.spans_to_original(spans)
    src, k = doc.source.text, 0
    messages, fix = plan.messages, plan.fix
    out = []
    for (s, e, found), new in zip(batch, news):
        os, oe = spans[k]
        k += 1
        if new is not None and len(new) == len(found) > 1 and new != found:
            # per-character fix (brackets, punctuation): only the changed characters must be as matched —
            # the text between two brackets may have been converted (t2s) by normalisation
            changed = [(a, b) for a, b in zip(found, new) if a != b]
            edits = _char_edits(src, spans[k:k + len(changed)], changed)
            k += len(changed)
            if edits is None:
                continue        # the match lies in text normalisation rewrote: its own rule reports it
        elif src[os:oe] == found or (new == "" and src[os:oe].isspace()):
            # (a one-character change takes this way too: its one edit is the whole match)
            edits = () if new is None else (Edit(os, oe, new),)
        else:
            continue
        message = messages.get((found, new)) or _message(rule, plan, text, s, e, found, new)
        out.append((os, oe, message, edits if edits and fix else None, new or "", found))
    return out


def _char_edits(src: str, spans: list[tuple[int, int]], changed: list[tuple[str, str]]) -> tuple[Edit, ...] | None:
    """One edit per changed character (its original span, its old and new character); None when one of
    them is not in the original as matched. A bracket pair's fix leaves the text between the brackets alone."""
    edits = []
    for (os, oe), (a, b) in zip(spans, changed):
        if src[os:oe] != a:
            return None
        edits.append(Edit(os, oe, b))
    return tuple(edits)


def _message(rule, plan: _Plan, text: str, s: int, e: int, found: str, new: str | None) -> str:
    """The rule's message for one finding; only the fields it names are worked out, and a message without
    {context} is the same for every finding with the same change."""
    fields = plan.fields
    key = None if "context" in fields else (found, new)
    if key is not None:
        known = plan.messages.get(key)
        if known is not None:
            return known
    args = {}
    if "found" in fields:
        args["found"] = found
    if "expected" in fields:
        args["expected"] = new or ""
    if "char" in fields or "codepoint" in fields:
        char = found.strip() or found
        args["char"] = char
        args["codepoint"] = " ".join(f"U+{ord(c):04X}" for c in char[:3])
    if key is None:
        args["context"] = text[max(0, s - 4):s].rsplit("\n", 1)[-1] + found + text[e:e + 4].split("\n", 1)[0]
    message = render(rule.message, args)
    if key is not None and len(plan.messages) < 4096:
        plan.messages[key] = message
    return message


def _replacement_of(p: dict, found: str, table: dict[int, str]) -> str | None:
    """``table``: the ``replace`` map as a str.translate table (see _Plan)."""
    if p.get("delete"):
        return ""
    if p.get("keep_first"):
        return found[:1]
    if p.get("insert") is not None:
        return found + p["insert"]
    if p.get("translate") == "nfkc":
        return unicodedata.normalize("NFKC", found)
    if "replace" in p:
        return found.translate(table)
    return None


def _prose(line: str) -> bool:
    """Sentence punctuation: a full-width comma, full stop or semicolon, or a half-width comma or
    semicolon between two hanzi (U+3400–U+9FFF). A line with it is prose even when it holds many numbers."""
    if "，" in line or "。" in line or "；" in line:
        return True
    for mark in ",;":
        i = line.find(mark, 1)
        while 0 < i < len(line) - 1:
            if "\u3400" <= line[i - 1] <= "\u9fff" and "\u3400" <= line[i + 1] <= "\u9fff":
                return True
            i = line.find(mark, i + 1)
    return False


def table_row(line: str) -> bool:
    """A row of a table drawn in text: cells split by bars or tabs, or numbers in a line without sentence
    punctuation (a prose line with many numbers — 收到申请12件，办结10件 — is not a row)."""
    if "|" in line or "\t" in line or "｜" in line:
        return True
    return _is_table_line(line) and not _prose(line)


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


def row_flags(doc, text: str) -> dict[tuple[int, int], bool]:
    """``table_row`` of ``text[start:end]`` by (start, end), for ``text`` (the document's normalised or
    original text): the typography rules ask about the same lines."""
    key = ("table rows", text is doc.source.text)
    found = doc.cache.get(key)
    if found is None or found[0] is not text:
        found = doc.cache[key] = (text, {})
    return found[1]


def _skip(doc, text: str, normalised: bool, what) -> "_Skip":
    """The document's _Skip for these settings: the typography rules share them."""
    key = ("text-pattern skip", normalised, frozenset(what))
    found = doc.cache.get(key)
    if found is None or found.text is not text:
        found = doc.cache[key] = _Skip(doc, text, normalised, what)
    return found


class _Skip:
    """Spans no typography finding may touch: table rows, headings, URLs and e-mail addresses."""

    def __init__(self, doc, text: str, normalised: bool, what) -> None:
        self.text, self.what = text, set(what)
        self.rows = "table-rows" in self.what
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
        self._rows = row_flags(doc, text) if self.rows else {}

    def covers(self, s: int, e: int) -> bool:
        """Touches a skipped span (spans are sorted; the running maximum of their ends answers in
        O(log n) — a long report has hundreds of headings and thousands of matches)."""
        i = bisect_right(self.starts, e)        # spans[:i] start at or before e
        if i and self.max_end[i - 1] >= s:
            return True
        return self.rows and self._table_row(s)

    def _table_row(self, i: int) -> bool:
        lo, hi, table = self._line
        if not lo <= i < hi:
            lo = self.text.rfind("\n", 0, i) + 1
            hi = self.text.find("\n", i)
            hi = len(self.text) if hi < 0 else hi
            table = self._rows.get((lo, hi))
            if table is None:
                table = self._rows[lo, hi] = table_row(self.text[lo:hi])
            self._line = (lo, hi + 1, table)
        return table
