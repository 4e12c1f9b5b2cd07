"""Characters lost from formats and fixed phrases, and names put in the place of words."""

from __future__ import annotations

from conftest import check_text

from checker.contamination import dropped, phrases, shapes

TITLE = "某某县人民政府2023年政府信息公开工作年度报告\n"


def test_dates_are_restored_only_when_the_digits_split_one_way():
    text = TITLE + "统计期限自202311日至20231231日止，2025111231日，按国办公开办函〔202130号执行。\n"
    found = {d.found: d for d in check_text(text, select=["GL409"])}
    assert found["202311日"].expected == "2023年1月1日"
    assert found["20231231日"].expected == "2023年12月31日"
    assert found["2025111231日"].fix is None           # 11/12/31 or 1/11/231 …: no unique reading
    assert found["〔202130号"].expected == "〔2021〕30号"
    assert not found["〔202130号"].fix.safe


def test_correct_dates_numbers_and_counts_are_quiet():
    text = (TITLE + "统计期限为2023年1月1日至2023年12月31日（国办公开办函〔2021〕30号）。\n"
            "一、总体情况\n（一）主动公开情况。尤其，拨打12345热线3次，办理建议5件、提案2件，其中当面答复1件。\n")
    assert check_text(text, select=["GL409", "GL410", "GL411"]) == []


def test_lost_openers_units_and_question_marks():
    text = TITLE + ")依申请公开情况。\n第二十条第()项\n答复意见2政协委员提案\n通过中国?成都网站，包括其、文物地点\n"
    kinds = sorted(x.kind for x in dropped.find(text, ("opener", "count", "qmark", "dangling")))
    assert kinds == ["count", "dangling", "opener", "opener", "qmark"]
    assert dropped.find("是否需要收费?我们已说明。\n", ("qmark",)) == []


def test_damaged_phrases_and_their_rewordings():
    damaged = {d.phrase: d.how for d in phrases.find(
        "坚持以习近平新时代中国特色社会主义思为指导，存在的主要问题及改情况。\n政许可\n13\n")}
    assert damaged == {"中国特色社会主义思想为指导": "缺“想”", "存在的主要问题及改进情况": "缺“进”",
                       "行政许可": "缺“行”"}
    reworded = "存在主要问题及改进情况，实行规范性文件统一登记，县政府门户网，全部公开，不公开为例外。"
    assert phrases.find(reworded) == []


def test_substituted_formula_and_law_name():
    (d,) = phrases.substitutions("依据《中华人民共和国买球网站信息公开条例》编制")
    assert (d.how, d.phrase) == ("政府", "中华人民共和国政府信息公开条例")
    assert phrases.substitutions("依据《中华人民共和国档案法》《中华人民共和国政府信息公开条例》编制") == []


def test_brand_shapes_and_their_bare_stem():
    text = "环球国际\n2023年某某区环球国际(中国)官方网站 分局报告，365体育投注,365体育备用网址印发。\n"
    names = [text[s:e] for s, e in shapes.spans(text)]
    assert "环球国际(中国)官方网站" in names and "365体育投注" in names
    stems = [text[s:e] for s, e in shapes.stem_spans(text, names)]
    assert stems.count("环球国际") == 2
    assert shapes.spans("全民体育娱乐活动丰富，彩票投注站规范管理，体育彩票公益金。") == []


def test_portal_slot_domain():
    bad = TITLE + "本报告电子版可在中国某某政府网(http://www.xmzaj.com)下载。\n"
    good = TITLE + "本报告电子版可在县人民政府门户网站（http://www.mmx.gov.cn）下载，咨询见 www.example.com。\n"
    assert [d.found for d in check_text(bad, select=["GL306"])] == ["http://www.xmzaj.com"]
    assert check_text(good, select=["GL306"]) == []
