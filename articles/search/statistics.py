"""What PostgreSQL's statistics say about the bigram columns: the lexemes in most articles."""

from __future__ import annotations

import time

from django.db import connections, router

from articles.models import Article

COMMON = 0.5  # in at least half the articles
SECONDS = 600  # ANALYZE (autovacuum's) refreshes the statistics; they are read again this often
_read: dict[str, tuple[float, frozenset[str]]] = {}  # per process: column -> (when read, lexemes)


def common_lexemes(column: str) -> frozenset[str]:
    """The lexemes of `column` in at least COMMON of the articles, from the most common elements
    ANALYZE keeps for a tsvector column (pg_stats); none before the first ANALYZE."""
    when, found = _read.get(column, (0.0, frozenset()))
    if time.monotonic() - when > SECONDS or not when:
        with connections[router.db_for_read(Article)].cursor() as cur:
            cur.execute(  # the table the search path finds, by its oid; its own rows, not its children's
                "SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs FROM pg_stats s"
                " JOIN pg_class c ON c.relname = s.tablename"
                " JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = s.schemaname"
                " WHERE c.oid = %s::regclass AND s.attname = %s AND NOT s.inherited",
                [Article._meta.db_table, column],
            )
            row = cur.fetchone()
        elements, freqs = row if row and row[0] else ([], [])
        found = frozenset(e for e, f in zip(elements, freqs, strict=False) if f >= COMMON)
        _read[column] = (time.monotonic(), found)
    return found
