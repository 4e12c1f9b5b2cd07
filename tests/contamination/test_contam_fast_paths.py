"""The shortcuts of the contamination rules give the answers of the plain computations they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from checker.contamination import phrases as ph


def _plain_scan(text: str):
    """phrases._scan as first written: an automaton of (phrase index, offset) references, the support of
    a candidate counted in a dict keyed by (phrase, base)."""
    import ahocorasick

    table = ph.phrases()
    auto = ahocorasick.Automaton()
    refs_of: dict[str, list[tuple[int, int]]] = {}
    for i, (p, section) in enumerate(table):
        for off, chunk in ph._chunks(p, section):
            refs_of.setdefault(chunk, []).append((i, off))
    for p, _ in table:
        refs_of.setdefault(p, [])
    for chunk, refs in refs_of.items():
        auto.add_word(chunk, (len(chunk), tuple(refs), chunk in ph._known()))
    auto.make_automaton()
    hits = list(auto.iter(text))
    if not hits:
        return [], []
    cover = ph._cover(text, hits)
    support: dict[tuple[int, int], int] = {}
    candidates: dict[tuple[int, int], None] = {}
    for last, (size, refs, _) in hits:
        pos = last - size + 1
        if not refs or cover[pos] > size + 1 and cover[last] > size + 1:
            continue
        for i, off in refs:
            b = pos - off
            candidates[(i, b)] = None
            for key in ((i, b - 1), (i, b), (i, b + 1)):
                support[key] = support.get(key, 0) + 1
    found: list = []
    for i, base in candidates:
        p, section = table[i]
        n = len(p)
        if support[(i, base)] < ph._need(n) or n < 5 and not ph._short_may_fit(text, base, p, section):
            continue
        if text.startswith(p, base - 1) or text.startswith(p, base) or text.startswith(p, base + 1) \
                or sum(1 for c in p if c not in text[max(0, base - 1):base + len(p) + 1]) > 1 \
                or ph._covered(cover, base, n):
            continue
        d = ph._align(text, base, p, section)
        if d is not None and not any(ph._overlaps(d, e) for e in found):
            found.append(d)
    replaced: list = []
    for i, base in candidates:
        p, section = table[i]
        if section in ph._WHOLE and len(p) >= 8 and support[(i, base)] < 2 and text.startswith(p[:3], base) \
                and not text.startswith(p, base):
            d = ph._substituted(text, base, p)
            if d is not None and not any(ph._overlaps(d, e) for e in found + replaced):
                replaced.append(d)
    return sorted(found, key=lambda d: d.start), replaced


def _damaged_forms(p: str) -> list[str]:
    out = [p, p[:-1], p[1:], p[:len(p) // 2], p[len(p) // 2:]]
    for k in range(1, len(p) - 1, 3):
        out.append(p[:k] + p[k + 1:])                       # one dropped
        out.append(p[:k] + p[k + 1] + p[k] + p[k + 2:])     # two swapped
    return out


_PHRASE_PIECES = [f for p, _ in ph.phrases()[::3] for f in _damaged_forms(p)] + [
    "买球网站", "bet365", "，", "。", "\n", " ", "|", "2023", "3366条", "的", "政府"]


def _key(result):
    return [[(d.start, d.end, d.phrase, d.how) for d in part] for part in result]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PHRASE_PIECES), max_size=12).map("".join))
def test_phrase_scan_with_integer_candidates_equals_the_plain_scan(text):
    assert _key(ph._scan.__wrapped__(text)) == _key(_plain_scan(text))


def test_phrase_scan_equals_the_plain_scan_on_the_rule_examples():
    from checker.engine.loader import load_rules

    texts = [t for r in load_rules() if r.kind == "damaged-phrase"
             for t in (r.examples.get("fail", []) + r.examples.get("pass", []))]
    assert texts
    for text in texts:
        assert _key(ph._scan.__wrapped__(text)) == _key(_plain_scan(text))
