"""Reading report bytes in the encodings they arrive in."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.read import InputError
from checker.read.decode import decode, encode

SAMPLE = "广州市某某区人民政府2024年政府信息公开工作年度报告\r\n一、总体情况\r\n"


@pytest.mark.parametrize("data,encoding,bom", [
    (SAMPLE.encode("utf-8"), "utf-8", False),
    (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8", True),
    (SAMPLE.encode("gb18030"), "gb18030", False),
    (SAMPLE.encode("gbk"), "gb18030", False),
    (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le", True),
    (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be", True),
])
def test_decodes_and_round_trips(data, encoding, bom):
    d = decode(data, "r.txt")
    assert (d.text, d.encoding, d.bom, d.newline) == (SAMPLE, encoding, bom, "\r\n")
    assert encode(d.text, d.encoding, d.bom) == data


def test_big5_is_preferred_when_gbk_reading_looks_garbled():
    text = "中華民國政府資訊公開法年度報告"
    d = decode(text.encode("big5"), "tw.txt")
    assert (d.text, d.encoding) == (text, "big5")


def test_nul_bytes_are_rejected_with_a_clear_message():
    with pytest.raises(InputError) as exc:
        decode(b"abc\x00def", "bin.txt")
    assert exc.value.path == "bin.txt" and "NUL" in exc.value.message


@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_raise_input_error(data):
    try:
        decode(data, "x.txt")
    except InputError:
        pass
