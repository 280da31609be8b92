"""Ingest through the real storage path into real PostgreSQL."""

from __future__ import annotations

import shutil
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, Credit, Issue, Page, Person
from articles.storage import IngestError, ingest_bytes, ingest_file
from tests.conftest import FIXTURE_PAGES, fixture_files

pytestmark = pytest.mark.django_db


def run_ingest(*args) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *map(str, args), stdout=out, stderr=err)
        code = 0
    except CommandError as exc:
        err.write(str(exc))
        code = exc.returncode
    return out.getvalue(), err.getvalue(), code


def test_each_format_is_stored(ingested):
    assert [o.status for o in ingested] == ["new", "new", "new"]
    pages = {(p.issue.date, p.label): p for p in Page.objects.select_related("issue")}
    assert set(pages) == {(date(2023, 6, 15), "A1"), (date(2023, 6, 15), "A2"), (date(2023, 6, 16), "B1")}
    a1 = pages[(date(2023, 6, 15), "A1")]
    assert a1.source_format == "pdf-columns" and a1.raw_text == (FIXTURE_PAGES / "2023-06-15_A1.txt").read_text()
    assert list(a1.articles.values_list("headline", flat=True)) == [
        "公交出行更便捷",
        "以绣花功夫推进老旧小区改造",
        "湘江龙舟赛落幕",
        "入汛以来南方降雨偏多",
    ]
    bus = a1.articles.get(order=1)
    assert [(c.person.name, c.role) for c in bus.credits.select_related("person")] == [
        ("李华", "reporter"),
        ("王明", "reporter"),
        ("张小兵", "correspondent"),
    ]
    assert pages[(date(2023, 6, 16), "B1")].source_format == "markdown"
    assert Issue.objects.get(date=date(2023, 6, 15)).date_inferred is False


def test_identical_bytes_are_a_no_op_and_changed_bytes_reparse(ingested, tmp_path):
    before = list(Article.objects.order_by("pk").values_list("pk", "headline"))
    again = [ingest_file(p, paper="株洲日报") for p in fixture_files()]
    assert [o.status for o in again] == ["unchanged"] * 3
    assert list(Article.objects.order_by("pk").values_list("pk", "headline")) == before

    changed = tmp_path / "2023-06-15_A1.txt"
    changed.write_text((FIXTURE_PAGES / "2023-06-15_A1.txt").read_text().replace("4000人次", "5000人次"))
    outcome = ingest_file(changed, paper="株洲日报")
    assert outcome.status == "reparsed"
    assert Page.objects.count() == 3
    assert list(Article.objects.order_by("pk").values_list("pk", "headline")) == before  # ids survive
    assert "5000人次" in Article.objects.get(headline="公交出行更便捷").body


def test_staff_edits_survive_reingest(ingested, tmp_path):
    art = Article.objects.get(headline="公交出行更便捷")
    art.headline = "智慧公交示范线开通（订正）"
    art.edited_fields = ["headline"]
    art.save()
    changed = tmp_path / "2023-06-15_A1.txt"
    changed.write_text((FIXTURE_PAGES / "2023-06-15_A1.txt").read_text().replace("4000人次", "4100人次"))
    ingest_file(changed, paper="株洲日报")
    art.refresh_from_db()
    assert art.headline == "智慧公交示范线开通（订正）"
    assert "4100人次" in art.body  # fields staff did not touch still update


def test_the_command_reports_bad_files_and_goes_on(tmp_path):
    shutil.copy(FIXTURE_PAGES / "2023-06-16_B1.md", tmp_path / "2023-06-16_B1.md")
    (tmp_path / "2023-06-17_A1.txt").write_bytes(b"")
    (tmp_path / "2023-06-18_A1.txt").write_bytes(b"%PDF-1.4 binary")
    (tmp_path / "2020-02-30_A1.txt").write_text("株洲日报讯 2月29日，会议召开。", encoding="utf-8")
    out, err, code = run_ingest(tmp_path)
    assert code == 1
    assert "2023-06-17_A1.txt: empty file (no text)" in err
    assert "2023-06-18_A1.txt: binary file (a PDF file), not page text" in err
    assert "2020-02-30_A1.txt: the file name's date 2020-02-30 is not a real date" in err
    assert "4 files: 1 new, 0 unchanged, 0 re-parsed, 3 failed" in out
    assert Page.objects.count() == 1


def test_the_command_is_idempotent():
    out, _, code = run_ingest(FIXTURE_PAGES)
    assert code == 0 and "3 files: 3 new" in out
    counts = (Article.objects.count(), Person.objects.count(), Credit.objects.count())
    out, _, code = run_ingest(FIXTURE_PAGES, FIXTURE_PAGES / "2023-06-15_A1.txt")
    assert code == 0 and "3 files: 0 new, 3 unchanged" in out
    assert (Article.objects.count(), Person.objects.count(), Credit.objects.count()) == counts


def test_date_and_page_options(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("株洲日报记者 罗欣\n\n株洲日报讯 1月2日，会议召开。\n\n会议召开\n", encoding="utf-8")
    out, err, code = run_ingest(page, "--date", "2021-01-03", "--page", "b2")
    assert code == 0, err
    stored = Page.objects.get()
    assert (stored.issue.date, stored.label) == (date(2021, 1, 3), "B2")
    with pytest.raises(IngestError, match="not a label"):
        ingest_bytes(b"x", file_name="p.txt", paper="P", issue_date=date(2021, 1, 3), label="A" * 200)


def test_a_page_without_articles_is_reported_not_stored():
    """Issue 14: a page that yields no article was stored silently as an empty page."""
    with pytest.raises(IngestError, match="no article found in 2 lines of text; nothing stored"):
        ingest_bytes("2021年\n\n版面\n".encode(), file_name="2021-01-05_A4.txt", paper="株洲日报")
    assert not Page.objects.exists()


def test_unknown_date_is_a_clear_error():
    with pytest.raises(IngestError, match="no issue date"):
        ingest_bytes("没有日期的文字。".encode(), file_name="page.txt", paper="株洲日报")


def test_a_page_costs_the_same_few_queries_however_many_credits_it_has():
    """People are looked up once per page and its credits written in one INSERT; a person named
    twice in one role is one credit."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    article = "株洲日报记者 罗欣 王芳 罗欣 通讯员 李明\n\n株洲日报讯 5月{n}日，第{n}条新闻的正文，内容完整。\n\n第{n}条新闻标题\n\n"
    ingest_bytes(article.format(n=1).encode(), file_name="2024-05-01_A1.txt", paper="株洲日报")  # the people exist now
    page = "".join(article.format(n=n) for n in range(1, 7))
    with CaptureQueriesContext(connection) as queries:
        ingest_bytes(page.encode(), file_name="2024-05-02_A1.txt", paper="株洲日报")
    sqls = [q["sql"] for q in queries.captured_queries]
    assert sum(s.startswith('SELECT "articles_person"') for s in sqls) == 1
    assert sum(s.startswith('INSERT INTO "articles_credit"') for s in sqls) == 1
    stored = Article.objects.filter(issue_date=date(2024, 5, 2))
    assert stored.count() == 6
    for art in stored:
        assert sorted(art.credits.values_list("person__name", "role")) == [
            ("李明", "correspondent"),
            ("王芳", "reporter"),
            ("罗欣", "reporter"),
        ]


def test_a_new_parser_version_reparses_unchanged_bytes_and_keeps_staff_edits(ingested):
    from articles.parsing import PARSER_VERSION

    art = Article.objects.get(headline="公交出行更便捷")
    art.headline = "智慧公交示范线开通（订正）"
    art.edited_fields = ["headline"]
    art.save()
    Page.objects.update(parser_version="an older parser")
    outcome = ingest_file(FIXTURE_PAGES / "2023-06-15_A1.txt", paper="株洲日报")
    assert outcome.status == "reparsed"
    assert outcome.page.parser_version == PARSER_VERSION
    art.refresh_from_db()
    assert art.headline == "智慧公交示范线开通（订正）"
    assert 0.0 <= art.parse_confidence <= 1.0


def test_ingest_batch_returns_each_files_line_and_records_the_run(tmp_path):
    from articles.storage import ingest_batch

    empty = tmp_path / "2023-06-17_A1.txt"
    empty.write_bytes(b"")
    seen = []
    batch = ingest_batch(
        [*fixture_files(), empty],
        paper="株洲日报",
        arguments="ingest pages",
        problems=["nowhere.txt: no such file or folder"],
        on_line=seen.append,
    )
    assert [line["outcome"] for line in batch.lines] == ["failed", "new", "new", "new", "failed"]
    assert seen == batch.lines[1:]  # each file's line as it came; the unreadable path is no file
    assert batch.lines[4] == {"file": str(empty), "outcome": "failed", "message": "empty file (no text)"}
    assert batch.lines[1]["where"] == "2023-06-15 A1" and batch.lines[1]["articles"] > 0
    assert (batch.count("new"), batch.count("failed"), batch.articles) == (3, 2, Article.objects.count())
    assert batch.people_created == Person.objects.count() > 0  # the table was empty before
    run = batch.run
    run.refresh_from_db()
    assert (run.files, run.new, run.unchanged, run.reparsed, run.failed) == (4, 3, 0, 0, 2)
    assert run.messages == batch.lines and run.finished_at is not None and run.arguments == "ingest pages"
    again = ingest_batch(fixture_files(), paper="株洲日报")
    assert [line["outcome"] for line in again.lines] == ["unchanged"] * 3
    assert (again.articles, again.people_created) == (0, 0)


def test_the_command_prints_a_line_per_file_only_when_asked():
    """Not on a terminal (here a StringIO) there is no progress bar: a line per file at
    --verbosity 2, nothing at the default; the JSON lines go to the ingest log either way."""
    out, err = StringIO(), StringIO()
    call_command("ingest", str(FIXTURE_PAGES), stdout=out, stderr=err)
    assert err.getvalue() == "" and out.getvalue().startswith("3 files: 3 new")
    err = StringIO()
    call_command("ingest", str(FIXTURE_PAGES / "2023-06-15_A1.txt"), stdout=out, stderr=err, verbosity=2)
    assert err.getvalue() == "[1/1] 2023-06-15_A1.txt: unchanged 2023-06-15 A1\n"
