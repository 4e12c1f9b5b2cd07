"""Page chrome by the shape of its lines: head (title excepted), between blocks, tail."""

from __future__ import annotations

from conftest import check_text

from checker.contamination import chrome

TITLE = "某某县卫生健康局2023年政府信息公开工作年度报告\n"
BODY = "根据《中华人民共和国政府信息公开条例》要求，现将本局2023年度报告如下。\n一、总体情况\n概况。\n"


def _apply(text, diag):
    (e,) = diag.fix.edits
    return text[:e.start] + e.replacement + text[e.end:]


def test_flattened_index_block_and_metadata_after_the_title():
    head = "政府信息公开\n索引号\nMB0X92371D/202200317\n文  号\n来 源\n县卫生健康局\n公开日期\n2022-01-21\n"
    after = "发布时间:2022-01-21 09:33     浏览次数:3414\n字体:[ ]\n打印\n"
    text = head + TITLE + after + BODY
    diags = check_text(text, select=["GL501"])
    assert [d.line for d in diags] == [1, 10]
    assert _apply(_apply(text, diags[1]), diags[0]) == TITLE + BODY
    assert all(d.fix.safe for d in diags)


def test_title_line_and_a_chinese_date_under_it_stay():
    text = "某某县人民政府\n2023年政府信息公开工作年度报告\n（2024年1月20日）\n" + BODY
    assert check_text(text, select=["GL5"]) == []


def test_block_holding_the_only_title_is_an_unsafe_fix():
    text = "名 称: 某某县2023年政府信息公开工作年度报告 发布日期: 2024年01月17日\n" + BODY
    (d,) = check_text(text, select=["GL501"])
    assert not d.fix.safe


def test_infobox_between_blocks_and_sentences_with_field_words():
    text = (TITLE + "本报告由县政府办公室编制，信息来源：县统计局年度统计数据，统计时间：全年，如有疑问请与办公室联系。\n基本介绍\n• 中文名:2009年某某县政府信息公开年报\n"
            "• 颁布时间:2009年\n" + BODY)
    (d,) = check_text(text, select=["GL504"])
    assert d.line == 3 and "中文名" in d.message
    assert _apply(text, d) == TITLE + "本报告由县政府办公室编制，信息来源：县统计局年度统计数据，统计时间：全年，如有疑问请与办公室联系。\n" + BODY


def test_tail_footer_after_a_lone_separator():
    text = TITLE + BODY + "扫一扫在手机打开当前页\n|\n"
    (d,) = check_text(text, select=["GL502"])
    assert _apply(text, d) == TITLE + BODY


def test_line_shapes():
    strong = ["当前位置：首页 > 政务公开 > 年度报告", "首页 政务资讯 政务公开 政府领导 部门乡镇 政民互动",
              "简体 繁体 无障碍阅读 长者模式 某某政府服务网", "| 索引号 | 620702081/2026-00007 | 发文字号 | |",
              "来自:某某市统计局 时间:2023-01-13", "您好,欢迎访问某某市统计局!", "(责任编辑:张三)",
              "11330703728895273B/2025-09340", "2010/1/6 16:43:13 次浏览 分类:政府动态 来源:",
              "==================== 正文 ===================="]
    report = ["一、总体情况", "本年度主动公开政府信息120条，其中政策文件10条。", "（一）主动公开情况",
              "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计"]
    assert all(chrome.classify(s) == chrome.STRONG for s in strong)
    assert not any(chrome.classify(s) == chrome.STRONG for s in report)
    assert not any(chrome.classify_body(s) for s in report)
