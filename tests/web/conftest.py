"""The web layer answers through the test client with production's static storage: every page
links hashed file names from the manifest, which collectstatic writes (once a run)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def collected(static_files):
    """static_files (tests/conftest.py) for every web test."""
