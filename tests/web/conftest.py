"""The web layer answers through the test client with production's static storage: every page
links hashed file names from the manifest, which collectstatic writes (once a run)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def collected(static_files):
    """static_files (tests/conftest.py) for every web test."""


BYLINE_PAGE = (
    "株洲日报记者 罗欣\n\n"
    "株洲日报讯 3月26日，湘江风光带迎来一批游客，市民在江边散步。\n\n"
    "图为市民在风光带散步。（株洲日报记者 邹兵 摄）\n\n"
    "湘江风光带游人如织\n"
)


@pytest.fixture
def archive(ingested):
    """The fixture pages and one more whose byline, lead and photo credit are printed text a
    reader may search for (the search-surprise tests)."""
    from articles.models import Article
    from articles.storage import ingest_bytes

    ingest_bytes(BYLINE_PAGE.encode(), file_name="2021-03-27_A3.txt", paper="株洲日报")
    return Article.objects.all()
