"""Cached answers that are never stale: every key carries the archive's data version.

The version is a PostgreSQL sequence advanced after each committed change to what readers see
(an ingest, a staff edit, a merge), whichever process made it; a reader asks for it (one tiny
query) and looks up answers computed at that version. An edit therefore shows in search
results, facets and trends at once, and an answer computed before it is never served after it.
The cache itself is Django's (per-process memory by default; see CACHES in settings).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connections, router, transaction
from django.db.models.signals import post_delete, post_save

SECONDS = 3600
T = TypeVar("T")


def data_version() -> int:
    """The current version, read where public reads go (a replica answers with its own)."""
    from articles.models import Article

    conn = connections[router.db_for_read(Article)]
    with conn.cursor() as cur:
        # A new sequence reads last_value 1 both before and after its first nextval: is_called
        # tells the two apart (a fresh database must not keep answering from version "1").
        cur.execute("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM articles_data_version")
        conn.archive_version_seen = True
        return cur.fetchone()[0]


def _advance() -> None:
    conn = connections["default"]
    with conn.cursor() as cur:
        cur.execute("SELECT nextval('articles_data_version')")
    conn.archive_version_seen = False


def changed() -> None:
    """Advance the version for a write on the primary.

    Advanced again after the commit: a reader elsewhere may have seen the first advance before
    it could see the new rows, and cached the old answer under it. Advanced at once as well,
    on a transaction's first write and on any write after this connection read the version, so
    the writer's own reads (a test, a staff request) never get an answer cached before its
    write. A bulk ingest thus costs a few sequence calls per page, not one per row."""
    conn = transaction.get_connection("default")
    if not conn.in_atomic_block:
        _advance()
        return
    registered = any(func is _advance for _, func, _ in conn.run_on_commit)
    if not registered or getattr(conn, "archive_version_seen", False):
        _advance()
    if not registered:
        transaction.on_commit(_advance)


def cached(name: str, identity: str, compute: Callable[[], T], seconds: int = SECONDS) -> T:
    """`compute()` at the current data version, from the cache when someone already asked."""
    key = f"{name}:{data_version()}:{hashlib.sha256(identity.encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def _on_write(sender, **kwargs) -> None:
    changed()


def connect_signals() -> None:
    """Every save and delete of what readers see advances the version (admin edits included)."""
    from articles.models import Article, ArticleRedirect, Credit, Issue, Newspaper, Page, Person, PersonRedirect

    for model in (Newspaper, Issue, Page, Article, Credit, Person, PersonRedirect, ArticleRedirect):
        post_save.connect(_on_write, sender=model, dispatch_uid=f"freshness-save-{model.__name__}")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"freshness-delete-{model.__name__}")
