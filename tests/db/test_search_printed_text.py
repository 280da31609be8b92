"""Issue 16: every article whose printed text contains the typed string is found, typed as
people type it (names, punctuation inside a string, spaces inside a phrase, traditional
characters, operators), and the answer says how the query was read."""

from __future__ import annotations

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, Credit
from articles.search.columns import apply_search_columns, printed_fields
from articles.search.conditions import matching
from articles.search.query import QUOTES, parse_query
from articles.search.request import SearchRequest
from articles.search.results import run_search
from articles.search.text import search_form
from articles.storage import ingest_bytes, ingest_file
from tests.conftest import fixture_files, seed_files

pytestmark = pytest.mark.django_db

S2T, T2S = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")

PAGE = (
    "株洲日报记者 周春林 通讯员 欧阳晓\n\n"
    "株洲日报讯 3月26日，湘江风光带迎来战“疫”捷报，我市经济和“十三五”规划目标如期实现，"
    "株洲与湘潭的医院携手（联合）救治。\n\n"
    "图为市民在风光带散步。（株洲日报记者 邹兵 摄）\n\n"
    "战“疫”捷报频传\n"
)


@pytest.fixture
def printed(db):
    """Our fixture pages, the sample pages when present, and one page with every printed field:
    its table and jump line set as staff would set them (the admin's save path)."""
    for path in [*fixture_files(), *seed_files()]:
        ingest_file(path, paper="株洲日报")
    ingest_bytes(PAGE.encode(), file_name="2021-03-27_A1.txt", paper="株洲日报")
    art = Article.objects.get(headline="战“疫”捷报频传")
    art.tables, art.jump = ["项目\n投资额\n智慧停车场\n1200万元"], "下转A2版"
    art.section_headings = ["救治攻坚"]
    apply_search_columns(art)
    art.save()
    return list(Article.objects.all())


def hits(q: str) -> set[int]:
    return set(matching(parse_query(q)).values_list("pk", flat=True))


def printed_contains(text: str) -> set[int]:
    """Independent of the stored search columns: the article's printed fields, read in Python,
    folded (full-width to half-width, case; no space beside a Chinese character) and in
    simplified or traditional characters."""
    simple = T2S.convert(search_form(text))
    forms = {search_form(text), simple, S2T.convert(simple)}
    return {a.pk for a in Article.objects.all() if any(v in search_form(f) for f in printed_fields(a) for v in forms)}


@pytest.mark.parametrize(
    "needle", ["株洲日报讯", "周春林", "欧阳晓", "邹兵 摄", "图为市民", "1200万元", "下转A2版", "救治攻坚"]
)
def test_bylines_leads_captions_tables_jumps_are_searched(printed, needle):
    assert hits(needle) == printed_contains(needle) != set()


def test_the_lead_runs_into_the_body_as_printed(printed):
    assert hits("26日，湘江风光带") == printed_contains("26日，湘江风光带") != set()


@pytest.mark.parametrize("needle", ["战“疫”捷报", "和“十三五", "（联合）救治", "战“疫”"])
def test_punctuation_typed_inside_a_string_is_part_of_it(printed, needle):
    assert hits(needle) == printed_contains(needle) != set()
    assert parse_query(needle).positive_terms()[0].text == needle.replace("（", "(").replace("）", ")")


def test_a_name_typed_plainly_finds_and_ranks_the_articles_that_credit_it(printed):
    credited = set(Credit.objects.filter(person__name="周春林").values_list("article_id", flat=True))
    assert credited and credited <= hits("周春林")
    result = run_search(SearchRequest.read("周春林", sort="relevance"))
    first = [h.article.pk for h in result.hits[: len(credited)]]
    assert set(first) == credited
    assert "署名" in result.hits[0].matched_fields


def test_results_say_which_field_matched(printed):
    result = run_search(SearchRequest.read("1200万元"))
    assert result.hits and result.hits[0].matched_fields == ["表格"]
    result = run_search(SearchRequest.read("捷报"))
    hit = next(h for h in result.hits if h.article.headline == "战“疫”捷报频传")
    assert hit.matched_fields[:2] == ["标题", "正文"]


def test_a_phrase_with_spaces_matches_the_text_without_them(printed):
    assert hits('"湘江 风光带"') == printed_contains("湘江风光带") != set()
    assert hits('"湘江 风光带"') == hits("湘江风光带")


def test_traditional_characters_find_the_simplified_text(printed):
    assert hits("經濟") == hits("经济") != set()
    assert hits("戰“疫”捷報") == hits("战“疫”捷报") != set()
    assert any("已按" in n and "简体" in n for n in parse_query("經濟").notes)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_every_printed_string_is_found_in_simplified_and_traditional(printed, data):
    """Random strings of 2 to 10 characters cut from any printed field (bylines, lead, captions,
    tables, jump lines included), quotation marks and all: the article is found, every hit
    contains the string, and the string converted to traditional characters finds the same."""
    article = data.draw(st.sampled_from(printed))
    fields = [f for f in printed_fields(article) if len(f.strip()) >= 2]
    text = data.draw(st.sampled_from(fields))
    size = data.draw(st.integers(2, min(10, len(text))))
    start = data.draw(st.integers(0, len(text) - size))
    needle = text[start : start + size].strip()
    if len(needle) < 2 or any(c in needle for c in " \n\u3000\"()|&-*'") or needle.upper() in ("OR", "AND", "NOT"):
        return  # operators and spaces have their own tests
    if needle[0] in QUOTES and needle.endswith(QUOTES[needle[0]]):
        return  # “平台” typed whole is a phrase in Chinese quotation marks: the marks are not searched
    found = hits(needle)
    assert article.pk in found, needle
    assert found == printed_contains(needle), needle
    assert hits(S2T.convert(needle)) == found, needle


@pytest.mark.parametrize(
    "q, expected",
    [
        ("(株洲 or 湘潭) and 医院", lambda c: (c("株洲") | c("湘潭")) & c("医院")),
        ("(株洲 OR 湘潭) AND 医院", lambda c: (c("株洲") | c("湘潭")) & c("医院")),
        ("株洲 & 医院", lambda c: c("株洲") & c("医院")),
        ("湘潭 | 龙舟", lambda c: c("湘潭") | c("龙舟")),
        ("株洲 NOT 龙舟", lambda c: c("株洲") - c("龙舟")),
        ("株洲 not 龙舟", lambda c: c("株洲") - c("龙舟")),
        ("株洲 AND NOT (龙舟 OR 公交)", lambda c: c("株洲") - c("龙舟") - c("公交")),
        ("风光* 株洲", lambda c: c("风光") & c("株洲")),
    ],
)
def test_operators_are_understood(printed, q, expected):
    assert hits(q) == expected(printed_contains) != set()


@pytest.mark.parametrize(
    "q, note",
    [
        ("株洲 or 湘潭", "已按"),
        ("(株洲 OR 湘潭", "括号没有配对"),
        ("株洲*", "*"),
        ("株洲)", "括号没有配对"),
        ("(株洲 龙舟) OR 湘潭", "已按"),
        ("株", "单字"),
    ],
)
def test_what_the_parser_reads_differently_is_said(printed, q, note):
    query = parse_query(q)
    assert any(note in n for n in query.notes), query.notes
    assert not query.empty
