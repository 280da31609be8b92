"""The parser on pages we wrote ourselves (each format, each byline form, each trap), and on the
sample pages when ../shared/seeds exists."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from articles.parsing import lost_characters, parse_bytes
from tests.conftest import FIXTURE_PAGES, ROOT, fixture_files, seed_files


def parse(name: str):
    path = FIXTURE_PAGES / name
    return parse_bytes(path.read_bytes(), file_name=name)


def summary(article) -> tuple:
    return (
        article.kind,
        article.kicker,
        article.headline,
        article.subheadline,
        article.reporters,
        article.correspondents,
        article.photographers,
        article.authors,
        article.source,
        article.dateline,
    )


def test_pdf_columns_page():
    result = parse("2023-06-15_A1.txt")
    assert result.source["format"] == "pdf-columns"
    got = [summary(a) for a in result.articles]
    assert got == [
        (
            "news",
            None,
            "公交出行更便捷",
            "城区首条智慧公交示范线开通",
            ["李华", "王明"],
            ["张小兵"],
            [],
            [],
            "株洲日报",
            "6月14日",
        ),
        ("commentary", None, "以绣花功夫推进老旧小区改造", None, [], [], [], ["周春林"], None, None),
        (
            "news",
            None,
            "湘江龙舟赛落幕",
            "醴陵队夺得直道竞速冠军，24支队伍同场竞技",
            ["赵丽"],
            [],
            [],
            [],
            "株洲日报",
            "6月14日",
        ),
        ("agency", None, "入汛以来南方降雨偏多", None, [], [], [], [], "新华社", "北京6月14日电"),
    ]
    first = result.articles[0]
    # hard wraps and a blank line inside a sentence joined; extraction spaces gone
    assert first.body.split("\n")[0] == (
        "城区首条智慧公交示范线在河西正式开通。这条线路全长18公里，沿途设站26个，全部站台配备了电子站牌和"
        "遮阳座椅，市民可通过手机实时查询车辆到站时间。"
    )
    assert first.body.split("\n")[1].startswith("据介绍，示范线采用新能源车辆")
    assert first.lead == "株洲日报讯6月14日，"
    assert result.articles[2].captions == ["龙舟队员奋力划桨。 通讯员 供图"]
    assert result.articles[2].body.endswith("醴陵队夺得200米直道竞速冠军。")


def test_paragraph_lines_page():
    result = parse("2023-06-15_A2.txt")
    assert result.source["format"] == "paragraph-lines"
    got = [summary(a) for a in result.articles]
    assert got == [
        (
            "news",
            None,
            "夏粮收购有序推进农民增收有保障",
            "——我市多措并举做好夏粮收购工作",
            ["刘建国"],
            [],
            [],
            [],
            "株洲日报",
            None,
        ),
        ("photo", None, "稻田里的“新农人”", None, [], [], ["黄志强", "吴敏"], [], "株洲日报", None),
        ("agency", None, "黄桃挂满枝果农采摘忙", None, ["钱文"], [], [], [], "新华社", None),
    ]
    grain, photo, peaches = result.articles
    assert grain.continued_to == "A3"
    assert grain.section_headings == ["优质优价调动种粮积极性"]
    assert "一季下来能多收入两万多元。" in grain.body  # a paragraph broken at a column end is joined
    assert photo.captions == [photo.body]
    assert peaches.captions == ["6月14日，果农在炎陵县一处黄桃产业园内分拣黄桃。"]
    assert "种植面积和品牌影响力逐年提升" in peaches.body  # the caption no longer splits the sentence
    assert result.unassigned == ["乡村振兴一线"]


def test_markdown_page():
    result = parse("2023-06-16_B1.md")
    assert result.source["format"] == "markdown"
    got = [summary(a) for a in result.articles]
    assert got == [
        ("news", None, "全市中小学暑期安全教育全面启动", None, ["何晓东"], ["孙丽"], [], [], "株洲日报", "6月15日"),
        ("news", "城市夜经济", "神农城夜市焕新开放", None, ["龚雪"], [], [], [], "株洲日报", None),
        ("photo", None, "荷塘月色夏夜纳凉", None, [], [], ["曾凡", "邹琪"], [], "株洲日报", None),
        (
            "news",
            None,
            "图书馆延长夏季开放时间",
            "7月1日起每天开放至晚上9点 新增自习座位200个",
            ["吕青"],
            [],
            [],
            [],
            "株洲日报",
            "6月15日",
        ),
    ]
    assert result.articles[1].section_headings == ["老街区有了新业态"]
    assert result.articles[0].body.startswith("全市中小学暑期安全教育工作全面启动。")
    assert result.unassigned == ["关注株洲日报微信公众号,可看更多内容。"]


def test_issue_date_from_caller_or_inferred():
    result = parse_bytes((FIXTURE_PAGES / "2023-06-15_A1.txt").read_bytes(), issue_date=date(2023, 6, 15))
    assert (result.issue_date, result.date_inferred) == (date(2023, 6, 15), False)
    text = "株洲日报记者 李华\n\n株洲日报讯 2019年的计划已完成。\n"
    assert parse_bytes(text.encode()).issue_date is None
    inferred = parse_bytes("株洲日报讯 6月14日，2023年第一场演出举行。\n\n演出落幕\n".encode())
    assert (inferred.issue_date, inferred.date_inferred) == (date(2023, 6, 15), True)


@pytest.mark.parametrize(
    "path", fixture_files() + sorted((FIXTURE_PAGES.parent / "extra").iterdir()) + seed_files(), ids=lambda p: p.name
)
def test_nothing_is_lost(path):
    result = parse_bytes(path.read_bytes(), file_name=path.name)
    assert result.articles
    assert lost_characters(result) == {}


@pytest.mark.skipif(not seed_files(), reason="../shared/seeds is not present")
def test_sample_pages_give_real_articles():
    for path in seed_files():
        result = parse_bytes(path.read_bytes(), file_name=path.name)
        assert len(result.articles) >= 5, path.name
        assert sum(1 for a in result.articles if a.headline) >= len(result.articles) - 1
        assert result.issue_date is not None


def test_parsing_imports_without_django():
    code = "import sys, articles.parsing; assert not [m for m in sys.modules if m.startswith('django')]"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_parse_command_prints_the_contract_without_a_database(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none", "SECRET_KEY": "x"}
    out = subprocess.run(
        [sys.executable, "manage.py", "parse", str(FIXTURE_PAGES / "2023-06-16_B1.md"), "--format", "json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out)
    assert set(data) >= {"source", "issue_date", "date_inferred", "page", "articles", "unassigned"}
    assert data["issue_date"] == "2023-06-16" and data["page"] == "B1" and data["date_inferred"] is False
    keys = {
        "kind",
        "kicker",
        "headline",
        "subheadline",
        "reporters",
        "correspondents",
        "photographers",
        "authors",
        "source",
        "dateline",
        "body",
        "captions",
        "continued_to",
    }
    assert all(keys <= set(a) for a in data["articles"])
    assert data["articles"][0]["headline"] == "全市中小学暑期安全教育全面启动"
    text = subprocess.run(
        [sys.executable, "manage.py", "parse", str(FIXTURE_PAGES / "2023-06-16_B1.md"), "--format", "text"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "【全市中小学暑期安全教育全面启动】" in text and "记者 何晓东" in text


def test_parse_command_refuses_a_binary_file(tmp_path):
    png = tmp_path / "page.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    proc = subprocess.run(
        [sys.executable, "manage.py", "parse", str(png)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": "postgresql://x@127.0.0.1:1/x", "SECRET_KEY": "x"},
    )
    assert proc.returncode == 1
    assert "page.png: binary file (a PNG image)" in proc.stderr


def test_pdf_page_with_titles_printed_before_their_bodies():
    """The layout prior says PDF titles follow their body; shared words overrule it."""
    path = FIXTURE_PAGES.parent / "extra" / "2023-06-21_A3.txt"
    result = parse_bytes(path.read_bytes(), file_name=path.name)
    got = [(a.headline, a.reporters, a.correspondents, a.source, a.dateline) for a in result.articles]
    assert got == [
        ("我市启动夏季森林防火专项行动", ["周明"], [], "株洲日报", "6月20日"),
        ("炎陵黄桃喜获丰收", [], ["李青"], "株洲日报", None),
    ]
