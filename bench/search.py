"""Search latency and recall on the bench corpus, beside the alternatives a Django developer
would pick (a LIKE scan; a jieba-only word index).

    ARCHIVE_DB_NAME=archive_bench .venv/bin/python bench/search.py [--out bench/results/search.json]

Build the corpus first with bench/corpus.py. Queries are drawn deterministically from the
corpus in classes; each is run once to warm, then timed three times (median). Per class:
p50/p95 of the count, the first page by relevance and by date (the slower reported as
p50_ms/p95_ms), and the facets. Recall: our hit count against the LIKE ground truth.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("ARCHIVE_DB_NAME", "archive_bench")


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    """Median of `repeat` warm runs, each computed afresh: the answer cache (articles.freshness)
    is emptied first, so this measures the search, not the cache."""
    from django.core.cache import cache

    cache.clear()
    fn()  # warm the database's buffers
    times, result = [], None
    for _ in range(repeat):
        cache.clear()
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return round(values[min(len(values) - 1, int(round(q * (len(values) - 1))))], 1) if values else 0.0


def choose_queries(cur, rng: random.Random) -> dict[str, list[str]]:
    """Strings drawn from stored text, classed by how many articles hold them."""
    cur.execute("SELECT max(id) FROM articles_article")
    top = cur.fetchone()[0]
    ids = [rng.randint(1, top) for _ in range(300)]
    cur.execute("SELECT search_text FROM articles_article WHERE id = ANY(%s)", [ids])
    texts = [r[0] for r in cur.fetchall()]
    import re

    cjk = re.compile(r"^[\u4e00-\u9fff]+$")
    pairs, longer, phrases = set(), set(), set()
    for t in texts:
        for _ in range(20):
            i = rng.randrange(max(1, len(t) - 20))
            if cjk.match(t[i : i + 2]):
                pairs.add(t[i : i + 2])
            size = rng.randint(4, 8)
            if cjk.match(t[i : i + size]):
                longer.add(t[i : i + size])
            piece = t[i : i + rng.randint(10, 18)]
            if "\n" not in piece and len(piece) >= 10:
                phrases.add(piece)
    rare = []
    for pair in sorted(pairs):
        cur.execute(
            "SELECT count(*) FROM (SELECT 1 FROM articles_article WHERE bigrams @@ %s::tsquery LIMIT 301) s",
            [f"'{pair}'"],
        )
        if 1 <= cur.fetchone()[0] <= 300:
            rare.append(pair)
    cur.execute("SELECT name FROM articles_person ORDER BY id")
    people = [r[0] for r in cur.fetchall()]
    from articles.search.query import traditional

    cur.execute("SELECT bylines[1], lead, captions[1] FROM articles_article WHERE id = ANY(%s)", [ids])
    printed = [x for row in cur.fetchall() for x in row if x]
    around = [t[i : i + rng.randint(4, 9)] for t in printed for i in [rng.randrange(max(1, len(t) - 4))]]
    return {
        "rare_2char": rng.sample(rare, min(8, len(rare))),
        "common_2char": ["株洲", "发展", "工作", "我市", "会议", "中国"],
        "names": rng.sample(people, 6),
        "terms_4_8": rng.sample(sorted(longer), 8),
        "long_phrases": rng.sample(sorted(phrases), 6),
        "no_hit": ["京都大学", "量子纠缠", "xyzzy", "火星基地落成", "冥王星"],
        "bylines_leads_captions": rng.sample(sorted({a.strip() for a in around if len(a.strip()) >= 3}), 8),
        "traditional": [traditional(t) for t in rng.sample(sorted(longer), 6)] + ["經濟", "發展", "會議"],
        "filtered": ["株洲 year:2010", "发展 page:A1", "会议 kind:photo", "工作 year:2001"],
    }


# The printed columns themselves, not the stored search text: recall is checked against every
# field a reader sees (bylines, lead, captions included), independently of columns.py. One
# sequential pass answers every query (each pass takes about 2 minutes at a million articles).
PRINTED = (  # spaces beside Chinese characters removed (%s: text.HAN_SPACE), as search compares
    "SELECT regexp_replace(lower(normalize(concat_ws(E'\\n', kicker, headline, subheadline, array_to_string(bylines, E'\\n'), lead || body,"
    " array_to_string(section_headings, E'\\n'), array_to_string(tables, E'\\n'), array_to_string(captions, E'\\n'), jump), NFKC)), %s, '', 'g') AS t"
    " FROM articles_article OFFSET 0"  # a fence: without it the planner copies the expression into every FILTER
)
# The LIKE scan a Django developer would write (search_text__contains), timed per query as the baseline.
LIKE_SCAN = "SELECT count(*) FROM articles_article WHERE search_text LIKE ANY(%s)"


def printed_truth(cur, patterns: list[list[str]]) -> list[int]:
    """For each query's LIKE patterns, the articles whose printed text matches one: one scan."""
    from psycopg import sql

    from articles.search.text import HAN_SPACE

    counts = sql.SQL(", ").join([sql.SQL("count(*) FILTER (WHERE t LIKE ANY(%s))")] * len(patterns))
    statement = sql.SQL("SELECT {} FROM ({}) printed").format(counts, sql.SQL(PRINTED))
    cur.execute(statement.as_string(cur.connection), [*patterns, HAN_SPACE.pattern])
    return list(cur.fetchone())


def split_filters(text: str):
    """The query text and its filters as a QueryDict, as the search form receives them (a plain
    dict would hand the multi-value filters a string, read character by character)."""
    from django.http import QueryDict

    words, filters = [], QueryDict(mutable=True)
    for w in text.split():
        if ":" in w and w.split(":")[0] in ("year", "page", "kind"):
            k, v = w.split(":", 1)
            filters.appendlist(k, v)
        else:
            words.append(w)
    return " ".join(words), filters


COMMON = ["株洲", "发展", "工作", "我市", "会议", "中国", "建设", "经济", "企业", "群众", "记者", "今年"]
ADVERSARIAL = {
    "self_exclusion": ["株洲 -株洲", "株洲市 -株洲", "发展 OR 工作 -发展 -工作"],
    "or_12_common": [" OR ".join(COMMON), " OR ".join(COMMON[::-1])],
    "exclusions_11_filtered": [
        "株洲 " + " ".join("-" + t for t in COMMON[1:]) + " year:2010",
        "发展 " + " ".join("-" + t for t in COMMON if t != "发展") + " page:A1",
    ],
}
TRENDS = [("株洲", "发展", "工作"), ("我市", "会议", "中国")]


def adversarial(rng) -> dict:
    """Queries built to be expensive, each timed with the answer cache emptied (the first
    page by relevance and by date, the slower kept; the facets; three compared trend terms),
    beside the same run's baseline: a plain common term."""
    from articles.models import Article
    from articles.search.facets import facets
    from articles.search.query import parse_query
    from articles.search.request import SearchRequest
    from articles.search.results import run_search
    from articles.search.trend import year_counts
    from articles.web.filters import ArticleFilter

    def first_page(text: str) -> tuple[float, float]:
        q_text, filters = split_filters(text)
        base = ArticleFilter(filters, queryset=Article.objects.all()).qs
        query = parse_query(q_text)
        t_page = max(
            timed(lambda: run_search(SearchRequest(query, base, sort="relevance")))[0],
            timed(lambda: run_search(SearchRequest(query, base, sort="date")))[0],
        )
        return t_page, timed(lambda: facets(SearchRequest(query, base)), repeat=1)[0]

    out: dict = {"classes": {}, "queries": {}}
    for cls, queries in {**ADVERSARIAL, "baseline_common": COMMON[:3]}.items():
        totals = []
        for text in queries:
            t_page, t_facets = first_page(text)
            out["queries"][text] = {"first_page_ms": round(t_page, 1), "facets_ms": round(t_facets, 1)}
            totals.append(max(t_page, t_facets))
        out["classes"][cls] = {"queries": len(queries), "p50_ms": pct(totals, 0.5), "p95_ms": pct(totals, 0.95)}
    trend_times = []
    for terms in TRENDS:
        requests = [SearchRequest.read(t) for t in terms]
        t, _ = timed(lambda rs=requests: [year_counts(r) for r in rs], repeat=1)
        out["queries"]["trend " + " vs ".join(terms)] = {"ms": round(t, 1)}
        trend_times.append(t)
    out["classes"]["trend_3_common"] = {
        "queries": len(TRENDS),
        "p50_ms": pct(trend_times, 0.5),
        "p95_ms": pct(trend_times, 0.95),
    }
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--adversarial-only", action="store_true", help="only the adversarial class (issue 14)")
    parser.add_argument(
        "--skip-recall", action="store_true", help="no ground-truth pass over the printed columns (minutes at 1 M)"
    )
    args = parser.parse_args()
    from archive import embedded_db

    if not os.environ.get("DATABASE_URL"):
        embedded_db.ensure_running()
    import django

    django.setup()
    from django.db import connection

    from articles.models import Article
    from articles.search import segment
    from articles.search.conditions import matching
    from articles.search.facets import facets
    from articles.search.plan import capped_count
    from articles.search.query import parse_query
    from articles.search.request import SearchRequest
    from articles.search.results import run_search
    from articles.search.text import squeeze
    from articles.web.filters import ArticleFilter

    rng = random.Random(args.seed)
    n_articles = Article.objects.count()
    if args.adversarial_only:
        text = json.dumps({"articles": n_articles, "adversarial": adversarial(rng)}, ensure_ascii=False, indent=1)
        if args.out:
            args.out.write_text(text + "\n", encoding="utf-8")
        print(text)
        return
    with connection.cursor() as cur:
        cur.execute(
            "CREATE INDEX IF NOT EXISTS bench_words_gin ON articles_article USING gin (words)"
        )  # alternative (b) only
        classes = choose_queries(cur, rng)
    report: dict = {
        "articles": n_articles,
        "classes": {},
        "alternatives": {"like_scan": {}, "jieba_only": {}},
        "queries": {},
    }
    pending: list[tuple[str, str, list[str]]] = []  # unfiltered queries: (text, class, LIKE patterns)
    for cls, queries in classes.items():
        first_page, counts, facet_times = [], [], []
        for text in queries:
            q_text, filters = split_filters(text)
            if any(c in q_text for c in " \u3000") and not filters and '"' not in q_text:
                q_text = f'"{q_text}"'  # a string with spaces, cut from the text: searched as a phrase
            query = parse_query(q_text)
            base = ArticleFilter(filters, queryset=Article.objects.all()).qs
            t_count, (total, capped) = timed(lambda q=query, b=base: capped_count(matching(q, b)))
            t_rel, _ = timed(lambda q=query, b=base: run_search(SearchRequest(q, b, sort="relevance")))
            t_date, _ = timed(lambda q=query, b=base: run_search(SearchRequest(q, b, sort="date")))
            t_facets, _ = timed(lambda q=query, b=base: facets(SearchRequest(q, b)), repeat=1)
            counts.append(t_count)
            first_page.append(max(t_rel, t_date))
            facet_times.append(t_facets)
            entry = {
                "count_ms": round(t_count, 1),
                "relevance_ms": round(t_rel, 1),
                "date_ms": round(t_date, 1),
                "facets_ms": round(t_facets, 1),
                "hits": total,
                "capped": capped,
            }
            if not filters:
                with connection.cursor() as cur:
                    variants = query.clauses[0][0].variants()  # as typed, without spaces, simplified, traditional
                    like = [f"%{squeeze(v)}%" for v in variants]
                    t_like = None
                    if cls not in report["alternatives"]["like_scan"] and len(report["alternatives"]["like_scan"]) < 3:
                        t0 = time.perf_counter()  # minutes a scan at a million articles: three are enough
                        cur.execute(LIKE_SCAN, [like])
                        cur.fetchone()
                        t_like = (time.perf_counter() - t0) * 1000
                    ours = matching(query).count()
                    words = segment.words(q_text)
                    tsq = " & ".join("'" + w.replace("'", "''") + "'" for w in words) or "''"
                    t0 = time.perf_counter()
                    cur.execute("SELECT count(*) FROM articles_article WHERE words @@ %s::tsquery", [tsq])
                    jieba_hits = cur.fetchone()[0]
                    t_jieba = (time.perf_counter() - t0) * 1000
                if t_like is not None:
                    report["alternatives"]["like_scan"][cls] = [round(t_like, 1)]
                    entry["like_ms"] = round(t_like, 1)
                entry.update(ours_exact=ours, jieba_hits=jieba_hits, jieba_ms=round(t_jieba, 1))
                pending.append((text, cls, like))
            report["queries"][text] = entry
            print(
                f"{cls:13} {text[:20]:22} hits {total:>7}{'+' if capped else ' '} count {t_count:7.1f} rel {t_rel:7.1f} "
                f"date {t_date:7.1f} facets {t_facets:8.1f} ms",
                file=sys.stderr,
            )
        report["classes"][cls] = {
            "queries": len(queries),
            "p50_ms": pct(first_page, 0.5),
            "p95_ms": pct(first_page, 0.95),
            "count_p50_ms": pct(counts, 0.5),
            "count_p95_ms": pct(counts, 0.95),
            "facets_p50_ms": pct(facet_times, 0.5),
            "facets_p95_ms": pct(facet_times, 0.95),
        }
    with connection.cursor() as cur:
        truths = [None] * len(pending) if args.skip_recall else printed_truth(cur, [like for _, _, like in pending])
    recall_ok = 0
    for (text, cls, _), truth in zip(pending, truths, strict=True):
        entry = report["queries"][text]
        entry["truth"] = truth
        recall_ok += entry["ours_exact"] == truth
        report["alternatives"]["jieba_only"].setdefault(cls, []).append((entry["jieba_ms"], entry["jieba_hits"], truth))
    report["recall"] = round(recall_ok / len(pending), 4) if pending and not args.skip_recall else None
    alt = report["alternatives"]
    like = [t for ts in alt["like_scan"].values() for t in ts]
    jieba_rows = [r for rs in alt["jieba_only"].values() for r in rs]
    jieba_recall = [min(1.0, hits / truth) if truth else 1.0 for _, hits, truth in jieba_rows if truth is not None]
    report["alternatives"] = {
        "like_scan": {
            "recall": 1.0,
            "p50_ms": pct(like, 0.5),
            "p95_ms": pct(like, 0.95),
            "note": "search_text LIKE: a sequential scan (the ground truth reads the printed columns, one pass for all queries)",
        },
        "jieba_only": {
            "recall_mean": round(statistics.mean(jieba_recall), 3) if jieba_recall else None,
            "queries_missing_hits": sum(1 for r in jieba_recall if r < 1.0),
            "queries": len(jieba_recall),
            "p50_ms": pct([t for t, _, _ in jieba_rows], 0.5),
            "p95_ms": pct([t for t, _, _ in jieba_rows], 0.95),
            "note": "GIN over the jieba word tsvector, query words AND-ed (what a jieba-only index gives)",
        },
    }
    report["adversarial"] = adversarial(rng)
    report["plans"] = plans(connection, classes)
    from bench.corpus import sizes

    report["sizes_mb"] = sizes(connection)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


def plans(connection, classes) -> dict:
    """EXPLAIN of the first page by date for a rare and a common term: the guarded plans."""
    from articles.search.conditions import matching
    from articles.search.query import parse_query

    out = {}
    for label, text in (("rare", (classes["rare_2char"] or ["钨矿"])[0]), ("common", "株洲")):
        qs = matching(parse_query(text))
        ids_sql, ids_params = qs.order_by().values_list("pk", "issue_date").query.sql_with_params()
        page_sql, page_params = qs.order_by("-issue_date", "-id").values_list("pk")[:20].query.sql_with_params()
        with connection.cursor() as cur:
            chosen = ids_sql if label == "rare" else page_sql
            cur.execute("EXPLAIN " + chosen, ids_params if label == "rare" else page_params)
            out[label] = [r[0] for r in cur.fetchall()][:8]
    return out


if __name__ == "__main__":
    main()
