"""Shared fixtures. Tests run on real PostgreSQL: DATABASE_URL when set, else the embedded
cluster (started here before pytest-django creates its throwaway test database)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PAGES = ROOT / "tests" / "fixtures" / "pages"
SEEDS = ROOT.parent / "shared" / "seeds"


def pytest_configure(config):
    if not os.environ.get("DATABASE_URL"):
        from archive import embedded_db

        embedded_db.ensure_running()


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURE_PAGES.iterdir() if p.is_file())


@pytest.fixture
def ingested(db):
    """The project's own fixture pages, ingested through the real storage path."""
    from articles.storage import ingest_file

    return [ingest_file(p, paper="株洲日报") for p in fixture_files()]


@pytest.fixture(scope="session", autouse=True)
def static_files():
    """Hashed static files as production serves them (WhiteNoise's manifest needs collectstatic)."""
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)


@pytest.fixture(autouse=True)
def fresh_cache():
    """A test's writes are rolled back but the data version's sequence is not: answers cached
    at that version by one test must not answer the next one."""
    from django.core.cache import cache

    cache.clear()
