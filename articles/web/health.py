"""Health checks for load balancers and process managers: /healthz (the process) and /readyz (the
database answers and is migrated)."""

from __future__ import annotations

import logging

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse

log = logging.getLogger("archive.db")


def healthz(request: HttpRequest) -> HttpResponse:
    """The process is up (no database involved)."""
    return JsonResponse({"status": "ok"})


def _fresh_connection_answers() -> None:
    """A new connection (never the worker's persistent one, which a paused server leaves
    hanging) runs one statement: fails within DB_CONNECT_TIMEOUT when the database is away."""
    conn = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1")
    finally:
        conn.close()


def readyz(request: HttpRequest) -> HttpResponse:
    """The database answers and every migration is applied. The reason for a failure goes to
    the log only (its text names the socket path or the host)."""
    try:
        _fresh_connection_answers()
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        log.warning("not ready: %s", (str(exc).splitlines() or [type(exc).__name__])[0][:200])
        return JsonResponse({"status": "unavailable"}, status=503)
    if pending:
        return JsonResponse({"status": "migrations pending", "pending": len(pending)}, status=503)
    return JsonResponse({"status": "ready"})
