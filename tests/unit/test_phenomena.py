"""One test per kind of failure found on pages the parser had never seen (issue 13): each page
here is our own writing, built to show one phenomenon."""

from __future__ import annotations

from datetime import date

from articles.parsing import lost_characters, parse_text
from articles.parsing.patterns import SURNAMES, parse_lead
from articles.parsing.text import normalise_line


def test_fake_bold_doubling_of_the_final_punctuation_is_undone():
    assert normalise_line("新大桥今日通车新大桥今日通车。。") == "新大桥今日通车。"
    assert normalise_line("好消息好消息！！") == "好消息！"


def test_a_dateline_range_is_one_dateline():
    lead = parse_lead("株洲日报讯 6月2日至3日，市长深入各区调研。")
    assert lead is not None
    assert lead.dateline == "6月2日至3日"
    assert lead.rest == "市长深入各区调研。"


def test_a_dateline_range_dates_the_issue_after_its_last_day():
    page = "会议召开\n株洲日报记者 刘芳\n株洲日报讯 6月2日至3日，2023年全市工作会议召开。\n"
    assert parse_text(page).issue_date == date(2023, 6, 4)


def test_a_year_named_for_the_future_does_not_date_the_issue():
    page = (
        "企业备战明年市场\n株洲日报记者 刘芳\n"
        "株洲日报讯 11月20日，2023年全市外贸工作推进会召开。今年以来，全市外贸进出口增长12%。"
        "会议要求，各企业要提前谋划，备战2024年市场，力争2025年实现翻番。\n"
        "2023年前三季度，全市新增外贸企业80家。\n"
    )
    result = parse_text(page)
    assert result.issue_date == date(2023, 11, 21), result.date_evidence


def test_the_surname_list_is_a_list_of_surnames():
    # a signature is recognised by a common surname; a pen name's first character is not one
    assert "芷" not in SURNAMES
    assert {"王", "李", "欧", "诸", "柳"} <= SURNAMES


def test_nothing_lost_on_these_pages():
    for page in ("新大桥今日通车新大桥今日通车。。\n", "株洲日报讯 6月2日至3日，市长调研。\n"):
        assert lost_characters(parse_text(page)) == {}
