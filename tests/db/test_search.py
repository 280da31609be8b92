"""Search on real PostgreSQL: the recall promise, precision, facets, sort orders (the same over HTTP:
tests/web/test_search_pages.py)."""

from __future__ import annotations

import random
import re

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, Credit
from articles.search.conditions import matching
from articles.search.facets import facets
from articles.search.query import parse_query
from articles.search.request import SearchRequest
from articles.search.results import run_search
from articles.search.text import fold
from articles.storage import ingest_bytes
from articles.web.steering import labelled
from tests.conftest import fixture_files, really_contains

pytestmark = pytest.mark.django_db


def found(text: str) -> set[int]:
    return set(matching(parse_query(f'"{text}"')).values_list("pk", flat=True))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_every_article_containing_the_string_is_found(corpus, data):
    """Random substrings of 2 to 12 characters of random stored articles, across jieba word
    boundaries and near the end of long articles: the article is always in the results, and
    every result really contains the string."""
    article = data.draw(st.sampled_from(corpus))
    text = data.draw(
        st.sampled_from([article.headline, article.body, article.body[-200:]]).filter(lambda t: len(t) >= 2)
    )
    size = data.draw(st.integers(2, min(12, len(text))))
    start = data.draw(st.integers(0, len(text) - size))
    needle = text[start : start + size]
    if not needle.strip() or '"' in needle:
        return
    hits = found(needle.strip())
    assert article.pk in hits
    assert hits == really_contains(needle.strip())


def test_words_glued_to_their_neighbours_are_found(corpus):
    """Strings that jieba would cut differently from the text: a name glued to the next word."""
    for needle in ["现突出", "邓伟勇", "十国集团", "龙舟邀请", "心理"]:
        assert found(needle) == really_contains(needle), needle
    assert found("京都大学") == set()


def test_single_characters_and_punctuation(corpus):
    assert found("株") == really_contains("株")
    assert found("，会") == really_contains("，会")


def test_and_or_exclusion_semantics(corpus):
    both = set(matching(parse_query("株洲 龙舟")).values_list("pk", flat=True))
    assert both == really_contains("株洲") & really_contains("龙舟")
    either = set(matching(parse_query("龙舟 OR 黄桃")).values_list("pk", flat=True))
    assert either == really_contains("龙舟") | really_contains("黄桃")
    without = set(matching(parse_query("株洲 -新冠")).values_list("pk", flat=True))
    assert without == really_contains("株洲") - really_contains("新冠")


def test_field_terms(corpus):
    titled = set(matching(parse_query("标题:龙舟")).values_list("pk", flat=True))
    assert titled == {a.pk for a in Article.objects.all() if "龙舟" in fold(a.kicker + a.headline + a.subheadline)}
    by_person = set(matching(parse_query("作者:赵丽")).values_list("pk", flat=True))
    assert by_person == set(Credit.objects.filter(person__name="赵丽").values_list("article_id", flat=True))
    on_page = set(matching(parse_query("版:a2")).values_list("pk", flat=True))
    assert on_page == set(Article.objects.filter(page_label="A2").values_list("pk", flat=True))


def test_facet_counts_equal_independent_sql(corpus):
    counts = labelled(facets(SearchRequest.read("株洲")))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXTRACT(YEAR FROM issue_date)::int, count(*) FROM articles_article"
            " WHERE strpos(search_text, %s) > 0 GROUP BY 1 ORDER BY 1 DESC",
            ["株洲"],
        )
        assert [(r["value"], r["count"]) for r in counts["year"]] == cursor.fetchall()
        cursor.execute(
            "SELECT kind, count(*) FROM articles_article WHERE strpos(search_text, %s) > 0 GROUP BY 1", ["株洲"]
        )
        assert {r["value"]: r["count"] for r in counts["kind"]} == dict(cursor.fetchall())
        cursor.execute(
            "SELECT p.slug, count(DISTINCT c.article_id) FROM articles_credit c JOIN articles_person p ON p.id = c.person_id"
            " JOIN articles_article a ON a.id = c.article_id WHERE strpos(a.search_text, %s) > 0 GROUP BY 1",
            ["株洲"],
        )
        expected = dict(
            cursor.fetchall()
        )  # bylines are searched: 株洲日报记者 credits everyone, the facet lists the top 20
        assert len(counts["person"]) == min(20, len(expected))
        assert all(expected[r["value"]] == r["count"] for r in counts["person"])
        assert min(r["count"] for r in counts["person"]) >= sorted(expected.values())[-len(counts["person"])]


def test_sort_orders_hold(corpus):
    newest = [h.article.issue_date for h in run_search(SearchRequest.read("株洲", sort="date")).hits]
    assert newest == sorted(newest, reverse=True) and len(newest) >= 10
    oldest = [h.article.issue_date for h in run_search(SearchRequest.read("株洲", sort="date_asc")).hits]
    assert oldest == sorted(oldest)
    ranked = run_search(SearchRequest.read("龙舟", sort="relevance")).hits
    assert ranked[0].article.headline == "湘江龙舟赛落幕"  # the headline hit first


def test_recall_on_a_generated_corpus(db):
    """Many articles whose text is shuffled sample sentences: every hit of 200 random strings."""
    rng = random.Random(7)
    sentences = [
        s for a in fixture_files() for s in a.read_text(encoding="utf-8").replace("\n", "").split("。") if len(s) > 8
    ]
    for n in range(40):
        body = "。\n".join(rng.sample(sentences, 4)) + "。"
        ingest_bytes(
            f"株洲日报记者 罗欣\n\n株洲日报讯 1月{n % 28 + 1}日，{body}\n\n标题{n}\n".encode(),
            file_name=f"2022-{n % 12 + 1:02d}-{n % 28 + 1:02d}_A{n % 8 + 1}.txt",
            paper="株洲日报",
        )
    texts = list(Article.objects.values_list("search_text", flat=True))
    for _ in range(200):
        text = rng.choice(texts)
        size = rng.randint(2, 12)
        start = rng.randint(0, max(0, len(text) - size))
        needle = text[start : start + size].strip()
        if len(needle) < 2 or '"' in needle or "\n" in needle:
            continue
        assert found(needle) == really_contains(needle), needle
    assert Article.objects.filter(issue_date__year=2022).count() >= 40


def test_a_query_the_planner_expects_everywhere_is_not_counted(corpus, monkeypatch):
    """With trust_estimate, a term PostgreSQL's statistics put in far more rows than the cap is
    taken as capped without the count; a rare term is still counted exactly."""
    from django.test.utils import CaptureQueriesContext

    from articles.search import plan
    from articles.search.plan import capped_count, planner_rows

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    common = matching(parse_query("株洲"))
    monkeypatch.setattr(plan, "DENSE_FACTOR", 2)  # the sample corpus is small: 2 × the cap, not 20
    cap = int(planner_rows(common) // 2)
    assert cap >= 2
    with CaptureQueriesContext(connection) as queries:
        assert capped_count(common, cap, trust_estimate=True) == (cap, True)
    assert not any("COUNT(" in q["sql"] for q in queries.captured_queries)
    rare = matching(parse_query('"湘江龙舟赛落幕"'))
    assert capped_count(rare, cap, trust_estimate=True) == (len(really_contains("湘江龙舟赛落幕")), False)


def test_a_wrong_estimate_still_gives_the_exact_total(corpus, monkeypatch):
    """Should the planner promise millions of rows for a rare term, the first page shows that
    it holds them all, and the total is exact again."""
    from articles.search import plan

    monkeypatch.setattr(plan, "planner_rows", lambda qs: 10.0**9)
    for sort in ("relevance", "date"):
        result = run_search(SearchRequest.read("龙舟", sort=sort))
        assert (result.total, result.capped) == (len(really_contains("龙舟")), False)
        assert {h.article.pk for h in result.hits} == really_contains("龙舟")


def test_title_hits_leave_out_the_clause_their_titles_imply(corpus):
    from articles.search.conditions import title_hit, title_hits

    for q in ["株洲", "龙舟 湘江", "株洲 OR 龙舟 发展", "株洲 -龙舟", "版:A1 株洲"]:
        query = parse_query(q)
        expected = set(matching(query).filter(title_hit(query)).values_list("pk", flat=True))
        assert set(title_hits(query).values_list("pk", flat=True)) == expected, q


def _holders(term: str, titles: bool = False) -> set[int]:
    """Articles whose text (or titles) hold the term or one of its variants, found without SQL."""
    from articles.search.text import search_form

    variants = parse_query(term).clauses[0][0].variants()
    return {
        a.pk
        for a in Article.objects.all()
        if any(
            v in (search_form("\n".join([a.kicker, a.headline, a.subheadline])) if titles else a.search_text)
            for v in variants
        )
    }


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.data())
def test_exclusions_leave_out_exactly_the_articles_holding_them(corpus, data):
    """Random positive terms with up to six exclusions of one to three characters, in text and
    titles: those the index decides alone ride on a positive term's tsquery, the others are
    checked row by row; the answer is the same set algebra either way."""
    texts = [a.search_text for a in corpus if len(a.search_text) > 20]

    def piece(size: int) -> str:
        text = data.draw(st.sampled_from(texts))
        start = data.draw(st.integers(0, len(text) - size))
        return text[start : start + size]

    positive = piece(data.draw(st.integers(1, 3)))
    titled = data.draw(st.booleans())
    excluded = [
        (piece(data.draw(st.integers(1, 3))), data.draw(st.booleans())) for _ in range(data.draw(st.integers(1, 6)))
    ]
    terms = [(positive, titled), *excluded]
    if any(not re.fullmatch(r"[\u4e00-\u9fff0-9]+", t) or t == "或" for t, _ in terms):
        return  # units only: quotation marks, operators and spaces have their own tests
    text = ("标题:" if titled else "") + positive + " " + " ".join(("-标题:" if t else "-") + e for e, t in excluded)
    expected = _holders(positive, titled)
    for term, in_titles in excluded:
        expected -= _holders(term, in_titles)
    query = parse_query(text)
    if query.excludes_itself:
        return
    assert set(matching(query).values_list("pk", flat=True)) == expected, text


def test_exclusions_the_index_decides_join_the_positive_terms_tsquery(corpus):
    """Eleven common exclusions are read from the index with the positive term (one tsquery),
    not checked one by one on every candidate's bigram vector."""
    query = parse_query("株洲 -发展 -工作 -我市 -会议 -中国 -建设 -经济 -企业 -群众 -记者 -今年")
    sql, params = matching(query).query.sql_with_params()
    assert sql.count("@@") == 1
    assert "NOT" not in sql
    assert set(matching(query).values_list("pk", flat=True)) == really_contains("株洲") - set().union(
        *(_holders(t) for t in ["发展", "工作", "我市", "会议", "中国", "建设", "经济", "企业", "群众", "记者", "今年"])
    )
    three = parse_query("株洲 -株洲市")  # three units: the bigrams are not enough, strpos decides
    assert "strpos" in str(matching(three).query)


def test_facets_of_a_term_the_planner_expects_everywhere_are_sampled_without_a_count(corpus, monkeypatch):
    """The facets, like the result count, trust an estimate of DENSE_FACTOR × their limit rows
    (a count of 10 000 hits costs 130-170 ms at a million articles); with an exclusion they count."""
    from django.test.utils import CaptureQueriesContext

    from articles.search import facets as facets_module
    from articles.search import plan
    from articles.search.plan import planner_rows

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    monkeypatch.setattr(plan, "DENSE_FACTOR", 2)
    monkeypatch.setattr(facets_module, "FACET_EXACT_LIMIT", int(planner_rows(matching(parse_query("株洲"))) // 2))
    with CaptureQueriesContext(connection) as queries:
        assert facets(SearchRequest.read("株洲")).estimated
    assert not any("COUNT(" in q["sql"] for q in queries.captured_queries)
    with CaptureQueriesContext(connection) as queries:
        facets(SearchRequest.read("株洲 -龙舟"))
    assert any("COUNT(" in q["sql"] for q in queries.captured_queries)


@pytest.mark.parametrize(
    "text",
    [
        "(株洲 OR 湘江) -发展 -会",
        "株洲 OR 标题:龙舟 -发展",
        '"，" OR 株洲 -发展',
        "标题:株洲 -发展 -标题:会议",
        "株洲 龙舟 -发展 -标题:记者",
        "版:A1 -发展",
        "作者:罗欣 -发展",
        "株洲 -發展",
        "株洲 -发",
        "株洲 -株洲市 -记者",
    ],
)
def test_exclusions_with_or_fields_and_variants_leave_out_exactly_their_holders(corpus, text):
    """Each query's articles computed in Python from what they hold: positive clauses AND-ed,
    each an OR of its terms, every exclusion (in text or titles, simplified or traditional)
    removing its holders, whichever way the exclusion reaches SQL."""
    query = parse_query(text)
    everything = set(Article.objects.values_list("pk", flat=True))

    def holders(term) -> set[int]:
        if term.field == "page":
            return set(Article.objects.filter(page_label=term.text.upper()).values_list("pk", flat=True))
        if term.field == "person":
            return set(Credit.objects.filter(person__name__contains=term.text).values_list("article_id", flat=True))
        return set().union(*(_holders_of_variant(v, term.field == "title") for v in term.variants()))

    expected = set(everything)
    for clause in query.clauses:
        expected &= set().union(*(holders(t) for t in clause))
    for term in query.exclusions:
        expected -= holders(term)
    assert set(matching(query).values_list("pk", flat=True)) == expected, text
    assert expected, text  # each case keeps some articles


def _holders_of_variant(variant: str, titles: bool) -> set[int]:
    from articles.search.text import search_form

    return {
        a.pk
        for a in Article.objects.all()
        if variant in (search_form("\n".join([a.kicker, a.headline, a.subheadline])) if titles else a.search_text)
    }


def test_title_hits_with_exclusions_in_text_and_titles(corpus):
    from articles.search.conditions import title_hit, title_hits

    query = parse_query("龙舟 湘江 -发展 -标题:会议")
    expected = set(matching(query).filter(title_hit(query)).values_list("pk", flat=True))
    assert set(title_hits(query).values_list("pk", flat=True)) == expected


@pytest.mark.parametrize("text", ["株洲", "株洲 -龙舟", "推进会召开", "株洲 OR 龙舟"])
def test_a_common_request_gives_the_same_pages_by_any_path(corpus, monkeypatch, text):
    """A request past the count cap is walked first among the WINDOW newest (oldest) articles
    (unless its hits are sparse: fewer than WALK_CAP expected); when they hold too few hits,
    its candidates are sorted by date and checked a few at a time (at most CANDIDATE_CAP of
    them, else the whole date index is walked). Every way gives the same pages, in every order."""
    from django.core.cache import cache

    from articles.search import plan, results

    monkeypatch.setattr(plan, "COUNT_CAP", 3)
    monkeypatch.setattr(results, "PAGE_SIZE", 4)
    edges = []
    monkeypatch.setattr(results, "window_edge", lambda *a, **k: edges.append(plan.window_edge(*a, **k)) or edges[-1])
    pages = {}
    many = 10**6
    for window, walk_cap, candidate_cap in [
        (many, many, many),
        (3, 1, many),
        (3, 1, 1),
        (3, many, many),
        (3, many, 1),
        (12, 1, many),
        (12, 1, 1),
    ]:
        monkeypatch.setattr(plan, "WINDOW", window)
        monkeypatch.setattr(plan, "WALK_CAP", walk_cap)
        monkeypatch.setattr(plan, "CANDIDATE_CAP", candidate_cap)
        cache.clear()  # each way computed, not served from the answer cache
        edges.clear()
        pages[window, walk_cap, candidate_cap] = [
            [h.article.pk for h in run_search(SearchRequest.read(text, sort=sort, page=page)).hits]
            for sort in ("date", "date_asc", "relevance")
            for page in (1, 2, 3)
        ]
        windowed = any(edge is not None for edge in edges)
        assert windowed == (window < many and walk_cap == 1)  # (with a WALK_CAP of 10**6 all is sparse)
    assert all(found == pages[many, many, many] for found in pages.values())
    newest = [Article.objects.get(pk=pk).issue_date for pk in pages[3, 1, 1][0] + pages[3, 1, 1][1]]
    assert newest == sorted(newest, reverse=True) and len(newest) == 8


def test_hits_per_year_alone_equal_the_year_facet_exact_and_sampled(corpus, monkeypatch):
    """The trend's year counts are the year facet's, counted alone: exact under the limit,
    from the same sample past it."""
    from articles.search import facets as facets_module
    from articles.search.facets import years

    for text in ("株洲", "龙舟", "株洲 -龙舟", "标题:湘江"):
        assert years(SearchRequest.read(text)) == facets(SearchRequest.read(text)).years(), text
    monkeypatch.setattr(facets_module, "FACET_EXACT_LIMIT", 2)
    monkeypatch.setattr(facets_module, "SAMPLE_PERCENT", 50)  # the small corpus: a sample that holds something
    sampled = SearchRequest.read("株洲 -新冠")
    assert facets(sampled).estimated
    assert years(sampled) == facets(sampled).years()
    assert sum(years(sampled).values()) > 0


def test_lexemes_in_most_articles_are_left_out_of_a_longer_terms_tsquery(corpus):
    """After ANALYZE, a bigram in half the articles or more is not read from the index for a
    term that has rarer bigrams (strpos decides); the hits are the same."""
    from articles.search import statistics
    from articles.search.statistics import common_lexemes
    from articles.search.text import UNIT_RUN, lexemes

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")
    statistics._read.clear()
    common = common_lexemes("bigrams")
    assert "株洲" in common  # in every generated article
    needles = {
        run[i : i + 4]
        for a in Article.objects.all()
        for run in UNIT_RUN.findall(a.search_text)
        for i in range(len(run) - 3)
        if run[i : i + 2] in common and run[i + 2 : i + 4] not in common
    }
    assert needles
    for needle in sorted(needles)[:20]:
        sql, params = matching(parse_query(needle)).query.sql_with_params()
        tsquery = next(p for p in params if "'" in str(p))
        assert all(f"'{x}'" not in tsquery for x in lexemes(needle) if x in common), (needle, tsquery)
        assert found(needle) == really_contains(needle), needle


def test_relevance_pages_run_on_when_the_planner_promises_many_title_hits(corpus, monkeypatch):
    """Should PostgreSQL expect thousands of title hits where there are a few, the pages after
    them still continue the rest where the last page left it: no hit shown twice, none skipped."""
    from django.core.cache import cache

    from articles.search import plan, results
    from articles.search.conditions import title_hit

    monkeypatch.setattr(plan, "COUNT_CAP", 3)
    monkeypatch.setattr(results, "PAGE_SIZE", 4)
    query = parse_query("株洲")
    by_date = ("-issue_date", "-id")
    titled = list(matching(query).filter(title_hit(query)).order_by(*by_date).values_list("pk", flat=True))
    rest = list(matching(query).exclude(title_hit(query)).order_by(*by_date).values_list("pk", flat=True))
    assert 0 < len(titled) < 12 and len(rest) > 12
    monkeypatch.setattr(plan, "planner_rows", lambda qs: 10.0**9)  # every count trusted as huge
    cache.clear()
    shown = [
        pk
        for page in (1, 2, 3, 4)
        for pk in (h.article.pk for h in run_search(SearchRequest.read("株洲", page=page)).hits)
    ]
    assert shown == (titled + rest)[:16]


def test_facets_the_plan_expects_far_past_the_limit_come_from_the_sample_without_a_count(corpus, monkeypatch):
    """When the plan's read of the hits promises twice the facet limit and the sample agrees,
    the facets are the sample's, with no count; when the sample disagrees (hits clustered where
    the plan read them), they are counted and exact as before."""
    from django.core.cache import cache
    from django.test.utils import CaptureQueriesContext

    from articles.search import facets as facets_module
    from articles.search import plan

    hits = len(really_contains("株洲"))
    monkeypatch.setattr(facets_module, "SAMPLE_PERCENT", 100)  # the sample is the table: its counts are exact
    monkeypatch.setattr(plan, "_plan", lambda request: plan.Plan(1000, True, spread=10.0**-6))  # "millions"
    monkeypatch.setattr(facets_module, "FACET_EXACT_LIMIT", hits // 2)
    with CaptureQueriesContext(connection) as queries:
        found = facets(SearchRequest.read("株洲"))
    assert found.estimated and sum(n for _, n in found.counts["year"]) == hits
    assert not any("COUNT(" in q["sql"] for q in queries.captured_queries)
    cache.clear()
    monkeypatch.setattr(facets_module, "FACET_EXACT_LIMIT", hits + 1)  # the sample says fewer: counted, exact
    with CaptureQueriesContext(connection) as queries:
        found = facets(SearchRequest.read("株洲"))
    assert not found.estimated and sum(n for _, n in found.counts["year"]) == hits
    assert any("COUNT(" in q["sql"] for q in queries.captured_queries)
