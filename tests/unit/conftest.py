"""The unit layer runs without a database: no cluster starts and nothing is collected, so
`pytest tests/unit` takes seconds. A unit test that asks for the database fails here, and one
that touches it unasked fails on pytest-django's "Database access not allowed"."""

from __future__ import annotations

import pytest

NEEDS_DATABASE = {"django_db_setup", "db", "transactional_db", "live_server"}


def database_request(item: pytest.Item) -> str | None:
    """What in a test asks for the database: a fixture or the django_db mark."""
    asked = sorted(NEEDS_DATABASE & set(getattr(item, "fixturenames", ())))
    if item.get_closest_marker("django_db"):
        asked.insert(0, "the django_db mark")
    return ", ".join(asked) or None


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    asked = database_request(item)
    if asked:
        pytest.fail(f"unit tests run without a database ({asked}): this test belongs in tests/db", pytrace=False)
