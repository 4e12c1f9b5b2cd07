"""The enumeration parser on the shapes of real government prose that an older, clause-blind parser
got wrong (texts written for these tests), and its cost on run-on sentences counted in clause visits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.tables.prose_enum import MAX_CLAUSES, MAX_DEPTH, Stats, enumerations, overlapping
from conftest import check_text

HEAD = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"


def errors(body):
    return [d.message for d in check_text(HEAD + body, select=["GL222"])]


def lists(text):
    return [(e.total.value, [t.value for t in e.terms]) for e in enumerations(text)]


def test_parts_from_other_clauses_are_not_summed():
    text = ("通过门户网站发布信息4583条,其中主动公开各类政府信息2107条,市政府网站共采用672条,"
            "栏目更新2476条;通过微博发布各类信息6012条。")
    assert errors(text) == []


def test_every_term_joined_by_dun_or_comma_is_read():
    text = "办结申请177件。其中,予以公开60件,部分公开51件,不予公开4件,信息无法提供30件、不予处理3件,其他处理29件。"
    assert lists(text) == [(177, [60, 51, 4, 30, 3, 29])]
    assert errors(text) == []


def test_selective_list_falling_short_is_not_an_error():
    assert errors("全年主动公开发布信息1935条,其中法规公文类信息14条,区政府常务会议信息17条,财政信息4条。") == []


def test_complete_list_falling_short_is_an_error():
    (msg,) = errors("全年共发布信息300条，其中工作动态120条，通知公告100条，其他信息70条。")
    assert msg == "“全年共发布信息300条”：分项 120 + 100 + 70 = 290 ≠ 300（差 10；列有“其他”项，应为全部构成）"


def test_parts_exceeding_the_total():
    (msg,) = errors("主动公开政府信息199条，其中概况类信息2条，政务动态信息72条，公开目录信息127条。")
    assert "201 ≠ 199" in msg and "分项之和超过总数" in msg


def test_channels_may_overlap():
    text = "2023年发布信息500条，其中政府网站发布400条，微信公众号发布300条，政务微博发布120条。"
    (e,) = enumerations(text)
    assert overlapping(e)
    assert errors(text) == []


def test_list_cut_by_the_end_of_the_text_is_not_judged():
    text = "全年共发布信息6657条。其中发布规范性文件类319条、提交人大报告类236条、财政预算决算报告类78条、其他类信息公"
    (e,) = enumerations(text)
    assert e.cut
    assert errors(text) == []


def test_other_units_and_scopes_are_not_mixed_in():
    text = "共办理审批事项117件，其中减免税91件，减免金额21万元；出售住房减免税7件，赠与减免税19件，咨询3000人次。"
    assert lists(text) == [(117, [91, 7, 19])]
    assert errors(text) == []


def test_nested_breakdowns_are_their_own_lists():
    text = ("总共公开政府信息352条，其中：政策文件类207条，包含事故调查类11条，安全生产类95条，其他类文件101条；"
            "工作动态145条。")
    (e,) = enumerations(text)
    assert [t.value for t in e.terms] == [207, 145]
    assert [(n.total.value, [t.value for t in n.terms]) for n in e.nested] == [(207, [11, 95, 101])]
    assert errors(text) == []


def test_a_new_total_ends_the_list():
    text = "共公开信息120条，其中专栏74条，目录46条，共收到人大建议、政协提案4件，均已办结。"
    assert lists(text) == [(120, [74, 46])]


def test_table_rows_one_cell_per_line_are_not_a_list():
    text = "（七）总计\n\n\n\n\n\n0\n四、结转下年度继续办理\n0\n0\n"
    assert errors(text) == []


@pytest.mark.parametrize("unit", ["件", "条"])
def test_run_on_sentence_costs_linear_clause_visits(unit):
    """Issue 19: a sentence repeated with no 。 — doubling it at most doubles the work (plus a margin)."""
    piece = f"本年收到申请30{unit}，其中办结29{unit}，占96.7%，"

    def visits(n):
        stats = Stats()
        enumerations(piece * n, stats)
        return stats.visits

    small, large = visits(2000), visits(4000)
    assert small > 0
    assert large <= 2.05 * small


def test_parenthesised_qizhong_is_a_selection_and_baokuo_a_breakdown():
    assert errors("受理申请50件（其中网上申请30件、信函申请10件），办结48件。") == []
    (msg,) = errors("受理申请50件（包括网上申请30件、信函申请10件），办结48件。")
    assert "括号内列出构成" in msg


PROSE = ["其中", "包括", "分别为", "共", "另有", "其他", "在", "中", "：", "，", "、", "；", "。", "\n", "(", ")", "（",
         "）", "件", "条", "人次", "万元", "占", "%", "1", "2", "0", "12", ".", " ", "多", "约", "①", "“", "网站", "微信"]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(PROSE), max_size=80).map("".join))
def test_any_prose_parses_within_bounded_work(text):
    from checker.tables.prose_clauses import clauses

    stats = Stats()
    for e in enumerations(text, stats):
        assert len(e.terms) >= 2 and all(text[t.start:t.end].isdigit() for t in e.terms)
    assert stats.visits <= (MAX_CLAUSES + 1) * (MAX_DEPTH + 1) * len(clauses(text))


def test_absurd_counts_are_not_statements():
    """Issue 19: thousands of digits where a count belongs are garbage, not a crash or a finding."""
    body = ("本年收到申请" + "9" * 5000 + "件，其中办结" + "9" * 400 + "件，占96.7%，办结率" + "9" * 300 + "%。上年结转"
            + "9" * 4400 + "件。")
    assert check_text(HEAD + body, select=["GL2"]) == []


def test_parts_whose_shares_make_100_percent_are_the_whole_of_the_named_total():
    ok = ("制作政府信息总数900条，其中主动公开政府信息425条。县直各单位主动公开政府信息303条，占71.3%。"
          "各乡镇主动公开政府信息122条，占28.7%。")
    assert errors(ok) == []
    bad = ok.replace("425条", "400条")
    (msg,) = errors(bad)
    assert msg.startswith("“其中主动公开政府信息400条”：分项 303 + 122 = 425 ≠ 400")


def test_shares_of_an_unmarked_results_sentence_use_the_handled_total_before():
    body = "本年共答复申请200件，均在法定期限内答复。予以公开110件，占60%；不予公开10件，占5%；无法提供80件，占40%。\n"
    found = [(d.code, d.message) for d in check_text(HEAD + body, select=["GL22"])]
    assert found == [("GL223", "110/200 = 55.0%，正文写作 60%（本年共答复申请200件）")]


def test_half_width_full_stop_after_a_word_ends_the_sentence():
    # punctuation narrowed by a converter: “3件.结转…2件.2022年…” are sentences, so 其他处理 3件 is a term
    text = ("2022年,共收到政府信息公开申请58件,上年结转3件,共计61件.目前依法办结59件,其中予以公开的18件,"
            "部分公开的2件,不予公开的1件,无法提供的29件,不予处理的6件,其他处理的3件.结转下年度继续办理的2件."
            "2022年因信息公开引发行政争议3件,其中,行政复议1件,行政诉讼2件,均结果维持.")
    assert (59, [18, 2, 1, 29, 6, 3]) in lists(text)
    assert errors(text) == []
    assert lists("公开率为95.5%,全年发布信息1.5万条.") == []         # decimals keep their point
