"""Shared fixtures. The layers, one folder each:

    unit/     no database and no static files (a test that asks for the database fails)
    db/       storage, querysets, search, commands on real PostgreSQL
    web/      the test client: status, HTML, JSON; hashed static files as production serves them
    browser/  Playwright against the live server (marker `browser`; static files from the finders)
    servers/  their own PostgreSQL clusters and gunicorn (marker `servers`)

Real PostgreSQL: DATABASE_URL when set, else the embedded cluster, started only when a test
first asks for the database (pytest-django then creates its throwaway test database)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
FIXTURE_PAGES = ROOT / "tests" / "fixtures" / "pages"
SEEDS = ROOT.parent / "shared" / "seeds"
MARKED_LAYERS = ("browser", "servers")  # a marker each, so `-m "not servers"` leaves the layer out


def pytest_configure(config):
    """Ingests' JSON log lines (INGEST_LOG, var/log/ingest.log by default) are dropped in a test
    run, subprocesses' too, unless a test names a file."""
    from django.conf import settings

    os.environ["INGEST_LOG"] = settings.INGEST_LOG = os.devnull


def pytest_collection_modifyitems(items):
    for item in items:
        layer = item.path.relative_to(TESTS).parts[0] if TESTS in item.path.parents else None
        if layer in MARKED_LAYERS:
            item.add_marker(layer)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Runs just before pytest-django creates the test database: the embedded cluster starts here,
    so a run of tests/unit never starts it."""
    if not os.environ.get("DATABASE_URL"):
        from archive import embedded_db

        embedded_db.ensure_running()


INGEST_PAGE = (
    "株洲日报记者 罗欣\n\n株洲日报讯 6月14日，全市防汛工作会议召开。\n\n会议要求做好准备。\n\n全市部署防汛工作\n"
)


def run_ingest(*paths, **options) -> tuple[str, str, int]:
    """The ingest command as a terminal runs it: (stdout, stderr, exit status)."""
    from io import StringIO

    from django.core.management import CommandError, call_command

    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *map(str, paths), stdout=out, stderr=err, **options)
        return out.getvalue(), err.getvalue(), 0
    except CommandError as exc:
        return out.getvalue(), err.getvalue() + str(exc), exc.returncode


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURE_PAGES.iterdir() if p.is_file())


@pytest.fixture
def ingested(db):
    """The project's own fixture pages, ingested through the real storage path."""
    from articles.storage import ingest_file

    return [ingest_file(p, paper="株洲日报") for p in fixture_files()]


TOPICS = [
    "城市更新",
    "乡村振兴",
    "产业招商",
    "防汛抗旱",
    "文明创建",
    "教育督导",
    "交通治理",
    "生态保护",
    "社区服务",
    "科技创新",
    "消防安全",
    "旅游推介",
]


@pytest.fixture
def corpus(db):
    """Search's corpus (tests/db/test_search.py, tests/web/test_search_pages.py): our fixture pages,
    a dozen generated ones (so that 株洲 is in enough article bodies with or without the sample
    pages), and the sample pages when ../shared/seeds exists."""
    from articles.models import Article
    from articles.storage import ingest_bytes, ingest_file

    for path in fixture_files():
        ingest_file(path, paper="株洲日报")
    for n, topic in enumerate(TOPICS):
        text = (
            f"株洲日报记者 罗欣\n\n株洲日报讯 {n + 1}月{n + 2}日，株洲市{topic}推进会召开，会议总结了{topic}的进展，"
            f"部署了下一阶段的{topic}任务。\n\n{topic}推进会召开\n"
        )
        ingest_bytes(text.encode(), file_name=f"2022-{n + 1:02d}-{n + 2:02d}_A{n % 4 + 1}.txt", paper="株洲日报")
    for path in seed_files():
        ingest_file(path, paper="株洲日报")
    return list(Article.objects.all())


def really_contains(text: str) -> set[int]:
    """The articles whose folded search text holds `text` (spaces beside Chinese characters
    counting for nothing, as in the search), found without the search."""
    from articles.models import Article
    from articles.search.text import search_form

    return {a.pk for a in Article.objects.all() if search_form(text) in a.search_text}


@pytest.fixture(scope="session")
def static_files():
    """Hashed static files as production serves them (WhiteNoise's manifest needs collectstatic),
    once a run, for the web layer (tests/web/conftest.py). The browser layer's live server serves
    the original names through the finders and needs none."""
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)


@pytest.fixture(autouse=True)
def fresh_cache():
    """A test's writes are rolled back but the data version's sequence is not: answers cached
    at that version by one test must not answer the next one; nor the common lexemes one
    test's ANALYZE found (articles/search/statistics.py)."""
    from django.core.cache import cache

    from articles.search import statistics

    cache.clear()
    statistics._read.clear()
