"""The unit layer has no database: `pytest tests/unit` starts no PostgreSQL, runs no
collectstatic, and a unit test that asks for the database or touches it fails, saying so."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PROBE = """
import pytest
from django.db import connection


def test_pure():
    assert 1 + 1 == 2


def test_asks(db):
    pass


@pytest.mark.django_db
def test_marked():
    pass


def test_touches():
    connection.cursor()
"""


def test_a_unit_test_cannot_reach_the_database():
    from django.db import connection

    with pytest.raises(RuntimeError, match="Database access not allowed"):
        connection.cursor()


def test_the_unit_layer_starts_no_database_and_collects_nothing(tmp_path):
    probe = ROOT / "tests" / "unit" / "_database_probe.py"  # not test_*.py: a concurrent run never collects it
    probe.write_text(PROBE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(ARCHIVE_PGDATA=str(tmp_path / "pgdata"), STATIC_ROOT=str(tmp_path / "static"), COLUMNS="300")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-rfE", "-p", "no:cacheprovider", str(probe)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        probe.unlink()
        _stop_a_started_cluster(tmp_path / "pgdata")
    out = proc.stdout
    assert proc.returncode == 1, out
    assert "1 failed, 1 passed, 2 errors" in out
    assert "unit tests run without a database (db, django_db_setup): this test belongs in tests/db" in out
    assert "unit tests run without a database (the django_db mark): this test belongs in tests/db" in out
    assert "test_touches - RuntimeError: Database access not allowed" in out
    assert not (tmp_path / "pgdata").exists() and not (tmp_path / "static").exists()


def _stop_a_started_cluster(folder) -> None:
    """Should the layer have started a cluster after all, it does not outlive the test."""
    pid_file = folder / "postmaster.pid"
    if pid_file.exists():
        os.kill(int(pid_file.read_text().split()[0]), signal.SIGINT)  # PostgreSQL's fast shutdown
