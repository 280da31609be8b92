"""Read replicas: public reads go to a replica; writes, the admin, staff and commands use the primary.

DATABASE_REPLICA_URLS (comma-separated) adds the aliases replica_0, replica_1, … Only an
anonymous GET/HEAD outside the admin is given a replica (by PublicReadsOnReplicaMiddleware),
one for the whole request: a search runs several statements that share planner settings set
for the transaction and one snapshot of the data, so they must not land on different
replicas. Everything else, management commands included, stays on the primary. Read-your-writes: a
signed-in user always reads from the primary, and any write response pins its browser to the
primary for PIN_SECONDS with a cookie, so nobody reads a page older than their own change.
"""

from __future__ import annotations

import contextvars
import random

from django.conf import settings

PIN_COOKIE = "pin_primary"
PIN_SECONDS = 30
_replica: contextvars.ContextVar[str | None] = contextvars.ContextVar("replica", default=None)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        return _replica.get() or "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class PublicReadsOnReplicaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = (
            request.method in ("GET", "HEAD")
            and not request.path.startswith("/admin/")
            and PIN_COOKIE not in request.COOKIES
            and not request.user.is_authenticated
        )
        replicas = replica_aliases()
        chosen = random.choice(replicas) if public and replicas else None  # noqa: S311 - load spreading
        token = _replica.set(chosen)
        try:
            response = self.get_response(request)
        finally:
            _replica.reset(token)
        if request.method not in ("GET", "HEAD", "OPTIONS") and replica_aliases():
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
