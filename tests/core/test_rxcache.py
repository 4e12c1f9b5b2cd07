"""The compiled-pattern cache (checker/rxcache.py) gives exactly what re.compile gives, and a cache
that is missing, damaged, stale or unwritable never changes a result or raises."""

from __future__ import annotations

import marshal
import re

import pytest

from checker import rxcache

from conftest import SEEDS

PATTERNS = [
    (r"(?P<num>[一二三四五六七八九十]{1,3})(?P<sep>[、,，.．:：])", 0),
    (r"^[ \t]*[（(](?P<num>[一二三四五六七八九十]{1,3})[)）]", re.M),
    (r"([\u4e00-\u9fff]{3,20}?)\1", 0),
    (r"(?<![\d.])(\d+)(?:\.\d+)?\s*(件|宗|条)", 0),
    (r"bet365|williamhill", re.I),
    (rb"[\xe0-\xef][\x80-\xbf]{2}", 0),
]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """rxcache with an empty in-memory state and its file in ``tmp_path``."""
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("GOVLINT_NO_CACHE", raising=False)
    monkeypatch.setattr(rxcache, "_programs", None)
    monkeypatch.setattr(rxcache, "_added", {})
    return tmp_path


def _texts():
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _same(a: re.Pattern, b: re.Pattern, subjects) -> None:
    assert (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (b.pattern, b.flags, b.groups, dict(b.groupindex))
    for s in subjects:
        assert [m.span() for m in a.finditer(s)] == [m.span() for m in b.finditer(s)]


def test_patterns_from_the_cache_behave_as_re_compile(fresh, monkeypatch):
    first = [rxcache.compile(p, f) for p, f in PATTERNS]
    rxcache.save()
    assert rxcache.cache_path().startswith(str(fresh))
    monkeypatch.setattr(rxcache, "_programs", None)         # a later run: everything from the file
    again = [rxcache.compile(p, f) for p, f in PATTERNS]
    assert len(rxcache._cached()) == len(PATTERNS) and rxcache._added == {}
    texts = _texts() + ["一、总体情况\n（二）主动公开\n收到申请12件，办结11宗", "主要是因为主要是因为", "BET365"]
    for (p, f), a, b in zip(PATTERNS, first, again):
        subjects = [t.encode("utf-8") for t in texts] if isinstance(p, bytes) else texts
        _same(re.compile(p, f), b, subjects)
        _same(a, b, subjects)


def test_every_pattern_of_a_real_run_is_cached_and_equal(fresh, monkeypatch):
    from conftest import run_cli

    assert run_cli("check", *sorted(SEEDS.glob("*.txt")), "--format", "concise").returncode == 1
    with open(rxcache.cache_path(), "rb") as fh:
        header, programs = marshal.load(fh)
    assert header == rxcache._header() and len(programs) > 50
    texts = _texts()
    for (pattern, flags) in programs:
        monkeypatch.setattr(rxcache, "_programs", programs)
        cached = rxcache.compile(pattern, flags)
        subjects = [t.encode("gb18030") for t in texts] if isinstance(pattern, bytes) else texts
        _same(re.compile(pattern, flags), cached, subjects)


def test_damaged_or_foreign_cache_falls_back_to_re(fresh):
    path = rxcache.cache_path()
    fresh.joinpath(path.rsplit("/", 1)[-1]).write_bytes(b"not a marshal file")
    pattern, flags = PATTERNS[0]
    _same(re.compile(pattern, flags), rxcache.compile(pattern, flags), _texts())
    rxcache._programs = None
    foreign = (("0.0.0",) + rxcache._header()[1:], {(pattern, flags): (0, [1, 2, 3], 0, {}, ())})
    with open(path, "wb") as fh:
        marshal.dump(foreign, fh)
    assert rxcache._cached() == {}                         # another govlint version wrote it: unused


def test_a_program_the_engine_rejects_is_compiled_again(fresh, monkeypatch):
    pattern, flags = PATTERNS[2]
    monkeypatch.setattr(rxcache, "_programs", {(pattern, flags): (0, [99999, 1, 2], 0, {}, (None,))})
    _same(re.compile(pattern, flags), rxcache.compile(pattern, flags), _texts())


def test_no_cache_when_turned_off_or_unwritable(fresh, monkeypatch):
    monkeypatch.setenv("GOVLINT_NO_CACHE", "1")
    rxcache.compile(*PATTERNS[1])
    rxcache.save()
    assert list(fresh.iterdir()) == []
    monkeypatch.delenv("GOVLINT_NO_CACHE")
    blocker = fresh / "file"
    blocker.write_text("")
    monkeypatch.setenv("GOVLINT_CACHE_DIR", str(blocker / "sub"))      # a folder that cannot exist
    rxcache.compile(*PATTERNS[3])
    rxcache.save()                                          # nothing written, nothing raised
    assert sorted(p.name for p in fresh.iterdir()) == ["file"]
