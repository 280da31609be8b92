"""A deterministic synthetic corpus of N articles, loaded into the bench database.

    ARCHIVE_DB_NAME=archive_bench .venv/bin/python bench/corpus.py --articles 1000000

Text: sentences of the sample pages (../shared/seeds, else our fixture pages) shuffled so
their phrases recur across the corpus, mixed with sentences drawn from jieba's own dict.txt
by its word frequencies, generated people and local places; dates over 30 years; pages
A1-A8 and B1-B8. Load path: the bulk path. Each article's search columns are computed by the
same functions as ingest (articles.search.text.lexemes, articles.search.segment.weighted_vector)
in two worker processes, and rows go in by COPY; the indexes are built after the load.
Prints JSON: load seconds, rows, table and index sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from datetime import date, timedelta
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("ARCHIVE_DB_NAME", "archive_bench")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红娥玲芬燕彬鹏辉飞鑫波宇浩凯健俊帆帅旭宁龙林欣雪琳晨阳建文斌博思源"
PLACES = [
    "株洲",
    "醴陵",
    "渌口",
    "攸县",
    "茶陵",
    "炎陵",
    "芦淞",
    "荷塘",
    "石峰",
    "天元",
    "云龙示范区",
    "湘江风光带",
    "神农城",
    "田心",
]
LABELS = [f"{s}{n}" for s in "AB" for n in range(1, 9)]
START = date(1995, 1, 1)
DAYS = 30 * 365
KINDS = ["news"] * 14 + ["photo", "commentary", "feature", "agency", "teaser", "table"]


def sample_sentences() -> list[str]:
    seeds = ROOT.parent / "shared" / "seeds"
    folder = seeds if seeds.is_dir() else ROOT / "tests" / "fixtures" / "pages"
    text = "".join(re.sub(r"\s+", "", p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir()) if p.is_file())
    return [s + "。" for s in re.split(r"[。！？]", text) if 8 <= len(s) <= 120]


def dictionary_words() -> tuple[list[str], list[int]]:
    import jieba

    words, weights = [], []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, *_ = line.split()
            if re.fullmatch(r"[\u4e00-\u9fff]{1,4}", word) and int(freq) >= 20:
                words.append(word)
                weights.append(int(freq))
    return words, weights


class Generator:
    def __init__(self) -> None:
        self.sentences = sample_sentences()
        self.words, weights = dictionary_words()
        total = 0
        self.cumulative = []
        for w in weights:
            total += w
            self.cumulative.append(total)
        rng = random.Random(1)
        self.people = sorted(
            {rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2))) for _ in range(3000)}
        )

    def phrase(self, rng: random.Random) -> str:
        n = rng.randint(6, 18)
        picks = rng.choices(self.words, cum_weights=self.cumulative, k=n)
        if rng.random() < 0.3:
            picks.insert(rng.randrange(len(picks)), rng.choice(PLACES))
        if rng.random() < 0.15:
            picks.insert(rng.randrange(len(picks)), rng.choice(self.people))
        cut = rng.randint(3, len(picks))
        return "".join(picks[:cut]) + "，" + "".join(picks[cut:]) + "。"

    def article(self, n: int) -> dict:
        rng = random.Random(n * 7919 + 17)
        day = START + timedelta(days=n * DAYS // max(1, self.total) if self.total else rng.randrange(DAYS))
        paragraphs = []
        for _ in range(rng.choice([1, 2, 3, 4, 5, 6, 8, 10])):
            k = rng.randint(2, 5)
            paragraphs.append(
                "".join(rng.choice(self.sentences) if rng.random() < 0.4 else self.phrase(rng) for _ in range(k))
            )
        headline = self.phrase(rng)[: rng.randint(8, 20)].rstrip("，。")
        credits = rng.sample(self.people, rng.choice([0, 1, 1, 2, 2, 3]))
        source = "新华社" if rng.random() < 0.08 else "株洲日报"
        captions = [self.phrase(rng)] if rng.random() < 0.15 else []
        if captions and credits and rng.random() < 0.5:
            captions[0] += f"（株洲日报记者 {credits[0]} 摄）"  # a photo credit printed in the caption
        return {
            "n": n,
            "date": day,
            "label": LABELS[n % len(LABELS)],
            "kind": rng.choice(KINDS),
            "kicker": self.phrase(rng)[:14].rstrip("，。") if rng.random() < 0.2 else "",
            "headline": headline,
            "subheadline": self.phrase(rng)[:24].rstrip("，。") if rng.random() < 0.3 else "",
            "source": source,
            "lead": f"{'株洲日报讯' if source == '株洲日报' else '新华社长沙电'} {day.month}月{max(1, day.day - 1)}日，",
            "body": "\n".join(paragraphs),
            "bylines": ["株洲日报记者 " + " ".join(credits)] if credits else [],
            "captions": captions,
            "credits": credits,
        }


_GEN: Generator | None = None


def _init(total: int) -> None:
    global _GEN
    _GEN = Generator()
    _GEN.total = total


def _tsvector_literal(lexemes: list[str]) -> str:
    return " ".join("'" + x.replace("'", "''").replace("\\", "\\\\") + "'" for x in lexemes)


def build_rows(span: tuple[int, int]) -> list[dict]:
    """Generate and index articles [start, end): the same column functions as ingest."""
    from types import SimpleNamespace

    from articles.search import segment
    from articles.search.columns import full_text, title_text, word_parts
    from articles.search.text import lexemes, search_form

    out = []
    for n in range(*span):
        a = _GEN.article(n)
        art = SimpleNamespace(**a, section_headings=[], tables=[], jump="")
        title = search_form(title_text(a["kicker"], a["headline"], a["subheadline"]))
        full = search_form(full_text(art))  # every printed field, as ingest stores it
        a["search_title"], a["search_text"] = title, full
        a["bigrams"], a["title_bigrams"] = _tsvector_literal(lexemes(full)), _tsvector_literal(lexemes(title))
        a["words"] = segment.weighted_vector(word_parts(art))
        out.append(a)
    return out


def pg_array(values: list[str]) -> str:
    return "{" + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "}"


def load(total: int, chunk: int = 5000) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from articles.models import Article, Issue, Newspaper, Page, Person

    call_command("migrate", verbosity=0)
    with connection.cursor() as cur:
        cur.execute(
            "TRUNCATE articles_credit, articles_article, articles_page, articles_issue, articles_person, articles_newspaper RESTART IDENTITY CASCADE"
        )
    started = time.perf_counter()
    paper = Newspaper.objects.create(name="株洲日报", slug="zzrb")
    gen = Generator()
    people = {
        name: p.pk
        for name, p in zip(
            gen.people, Person.objects.bulk_create([Person(name=name, slug=name) for name in gen.people]), strict=True
        )
    }
    days = sorted(
        {START + timedelta(days=n * DAYS // total) for n in range(0, total, max(1, total // DAYS) or 1)}
        | {START + timedelta(days=n * DAYS // total) for n in range(total)}
        if total <= 200000
        else {START + timedelta(days=d) for d in range(DAYS)}
    )
    issues = {
        i.date: i.pk for i in Issue.objects.bulk_create([Issue(newspaper=paper, date=d) for d in days], batch_size=5000)
    }
    page_rows = [
        Page(
            issue_id=pk,
            label=label,
            sequence=(1000 if label[0] == "A" else 2000) + int(label[1:]),
            raw_text="（合成语料）",
            sha256="-",
            source_format="paragraph-lines",
            parser_version="bench",
        )
        for pk in issues.values()
        for label in LABELS
    ]
    pages = {}
    for p in Page.objects.bulk_create(page_rows, batch_size=10000):
        pages[(p.issue_id, p.label)] = p.pk
    index_sql = _drop_search_indexes(connection)
    columns = [
        "page_id",
        "order",
        "kind",
        "kicker",
        "headline",
        "subheadline",
        "source",
        "dateline",
        "lead",
        "body",
        "section_headings",
        "captions",
        "tables",
        "bylines",
        "jump",
        "continued_to",
        "continued_from",
        "edited_fields",
        "credits_edited",
        "parse_confidence",
        "issue_date",
        "page_label",
        "search_title",
        "search_text",
        "bigrams",
        "title_bigrams",
        "words",
    ]
    spans = [(s, min(total, s + chunk)) for s in range(0, total, chunk)]
    next_id = 1
    raw = connection.connection
    with Pool(2, initializer=_init, initargs=(total,)) as pool:
        for rows in pool.imap(build_rows, spans):
            credit_rows = []
            with (
                raw.cursor() as cur,
                cur.copy(
                    f"COPY articles_article ({', '.join(chr(34) + c + chr(34) for c in columns)}) FROM STDIN"
                ) as copy,
            ):
                for a in rows:
                    page_id = pages[(issues[a["date"]], a["label"])]
                    copy.write_row(
                        [
                            page_id,
                            a["n"] % 12 + 1,
                            a["kind"],
                            a["kicker"],
                            a["headline"],
                            a["subheadline"],
                            a["source"],
                            "",
                            a["lead"],
                            a["body"],
                            "{}",
                            pg_array(a["captions"]),
                            "{}",
                            pg_array(a["bylines"]),
                            "",
                            "",
                            "",
                            "{}",
                            False,
                            1.0,
                            a["date"],
                            a["label"],
                            a["search_title"],
                            a["search_text"],
                            a["bigrams"],
                            a["title_bigrams"],
                            a["words"],
                        ]
                    )
                    for order, name in enumerate(a["credits"]):
                        credit_rows.append(
                            (next_id, people[name], "reporter" if order == 0 else "correspondent", order)
                        )
                    next_id += 1
            with (
                raw.cursor() as cur,
                cur.copy('COPY articles_credit (article_id, person_id, role, "order") FROM STDIN') as copy,
            ):
                for row in credit_rows:
                    copy.write_row(row)
            raw.commit()
            print(
                f"\r{next_id - 1:,} / {total:,} articles, {time.perf_counter() - started:.0f} s",
                end="",
                file=sys.stderr,
                flush=True,
            )
    print(file=sys.stderr)
    loaded = time.perf_counter() - started
    with connection.cursor() as cur:
        for sql in index_sql:
            cur.execute(sql)
        cur.execute("VACUUM ANALYZE articles_article")
        cur.execute("VACUUM ANALYZE articles_credit")
    indexed = time.perf_counter() - started
    return {
        "articles": Article.objects.count(),
        "load_s": round(loaded, 1),
        "load_and_index_s": round(indexed, 1),
        "sizes_mb": sizes(connection),
    }


def _drop_search_indexes(connection) -> list[str]:
    """Drop the article table's secondary indexes for the load; return the SQL that recreates them."""
    with connection.cursor() as cur:
        cur.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'articles_article' AND indexname NOT LIKE '%%pkey'"
        )
        found = cur.fetchall()
        for name, _ in found:
            cur.execute(f'DROP INDEX "{name}"')  # names read from the catalogue
    return [definition for _, definition in found]


def sizes(connection) -> dict:
    with connection.cursor() as cur:
        cur.execute("""
            SELECT 'table_total', pg_total_relation_size('articles_article') UNION ALL
            SELECT 'table_heap', pg_relation_size('articles_article') UNION ALL
            SELECT 'table_toast', pg_total_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'articles_article' UNION ALL
            SELECT indexname, pg_relation_size(indexname::regclass) FROM pg_indexes WHERE tablename = 'articles_article' UNION ALL
            SELECT 'database', pg_database_size(current_database())""")
        return {name: round(size / 2**20, 1) for name, size in cur.fetchall()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    args = parser.parse_args()
    from archive import embedded_db

    if not os.environ.get("DATABASE_URL"):
        embedded_db.ensure_running()
    print(json.dumps(load(args.articles), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
