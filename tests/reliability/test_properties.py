"""Property-based robustness (issue 8): arbitrary bytes and Unicode never raise anything but a refusal
with a message; positions stay inside the file; applying fixes keeps the text outside their spans.

A bounded share runs here (hypothesis defaults); scripts/fuzz.py runs the same pipeline at scale."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reliability_helpers import SEEDS

from checker.engine.loader import builtin_rules
from checker.engine.runner import check_source
from checker.fix.apply import apply, select
from checker.model.source import Source
from checker.normalise.pipeline import normalise
from checker.read import InputError
from checker.read.decode import decode
from checker.read.formats import read_bytes
from checker.tables.extract import parse_span

SUFFIXES = ["report.txt", "report.md", "report.html", "report.docx", "report.pdf", "report"]
FRAGMENTS = ["一、总体情况\n", "二、主动公开政府信息情况\n", "三、收到和处理政府信息公开申请情况\n", "（一）",
             "四、政府信息公开行政复议、行政诉讼情况\n", "五、存在的主要问题及改进情况\n", "六、其他需要报告的事项\n",
             "2023年", "１２３", "區(qū)", "\u3000", "\ufffd", "锟斤拷", "自然人\t商业企业\t总计\n", "0\t1\t2\n",
             "| 规章 | 0 | 1 | 2 |\n", "\r\n", "\t", "（七）总计\t5\t0\t0\t0\t0\t0\t5\n", "<p>", "</td>", "澳门威尼斯人",
             "＜", "政府信息公开工作年度报告\n", "國", "\u200b", "\U0001F600"]

settings.register_profile("reliability", deadline=None, max_examples=60,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = settings.get_profile("reliability")

report_like = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40).map("".join)
any_text = st.one_of(st.text(max_size=400), report_like)


@lru_cache(maxsize=1)
def rules():
    return list(builtin_rules())


@lru_cache(maxsize=1)
def seed_bytes() -> list[bytes]:
    return [p.read_bytes()[:3000] for p in sorted(SEEDS.glob("*.txt"))]


@st.composite
def mutated_seed(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(seed_bytes())))
    for _ in range(draw(st.integers(0, 8))):
        pos = draw(st.integers(0, len(data)))
        data[pos:pos + draw(st.integers(0, 4))] = draw(st.binary(max_size=6))
    return bytes(data)


any_bytes = st.one_of(st.binary(max_size=600), mutated_seed(),
                      any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
                      any_text.map(lambda t: t.encode("gb18030", "replace")),
                      any_text.map(lambda t: t.encode("utf-16")))


@PROFILE
@given(any_bytes, st.sampled_from(SUFFIXES))
def test_reader_never_raises_on_arbitrary_bytes(data, name):
    try:
        source = read_bytes(data, name)
    except InputError as exc:
        assert exc.message and exc.path == name
        return
    assert isinstance(source.text, str)


@PROFILE
@given(any_bytes)
def test_decode_result_is_text_or_refusal(data):
    try:
        d = decode(data, "x.txt")
    except InputError:
        return
    assert isinstance(d.text, str) and d.newline in ("\n", "\r\n", "\r")


@PROFILE
@given(any_text)
def test_normalised_offsets_map_inside_the_original_in_order(text):
    mapped, _ = normalise(text)
    n = len(mapped.text)
    positions = [mapped.to_original(i) for i in range(0, n + 1, max(1, n // 50))]
    assert all(0 <= p <= len(text) for p in positions)
    assert positions == sorted(positions)


@PROFILE
@given(any_text)
def test_pipeline_never_raises_and_positions_are_valid(text):
    result = check_source(Source(path="p.txt", text=text), rules())
    lines = text.count("\n") + 1
    for d in result.diagnostics:
        assert 0 <= d.start <= d.end <= len(text)
        assert 1 <= d.line <= lines and d.column >= 1


@PROFILE
@given(any_text, st.sampled_from(["t2", "t3", "t4"]))
def test_table_parser_never_raises(text, tid):
    parse_span(text, 0, len(text), tid)


@PROFILE
@given(report_like)
def test_applying_fixes_keeps_every_character_outside_the_edits(text):
    fixes = [d.fix for d in check_source(Source(path="p.txt", text=text), rules()).diagnostics if d.fix]
    fixed, _ = apply(text, fixes)
    edits = sorted((e for f in select([f for f in fixes if f.edits]) for e in f.edits), key=lambda e: (e.start, e.end))
    pos_in, pos_out = 0, 0                   # walk both texts: every gap between edits must be copied verbatim
    for e in edits:
        gap = text[pos_in:e.start]
        assert fixed[pos_out:pos_out + len(gap)] == gap
        pos_out += len(gap)
        assert fixed[pos_out:pos_out + len(e.replacement)] == e.replacement
        pos_out += len(e.replacement)
        pos_in = e.end
    assert fixed[pos_out:] == text[pos_in:]
