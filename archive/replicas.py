"""Read replicas: public reads go to a replica; writes, the admin, staff and commands use the primary.

DATABASE_REPLICA_URLS (comma-separated) adds the aliases replica_0, replica_1, … Only an
anonymous GET/HEAD outside the admin is marked for a replica (by PublicReadsOnReplicaMiddleware);
everything else, management commands included, stays on the primary. Read-your-writes: a
signed-in user always reads from the primary, and any write response pins its browser to the
primary for PIN_SECONDS with a cookie, so nobody reads a page older than their own change.
"""

from __future__ import annotations

import contextvars
import random

from django.conf import settings

PIN_COOKIE = "pin_primary"
PIN_SECONDS = 30
_use_replica: contextvars.ContextVar[bool] = contextvars.ContextVar("use_replica", default=False)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if replicas and _use_replica.get():
            return random.choice(replicas)  # noqa: S311 - load spreading, not security
        return "default"

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
        token = _use_replica.set(public)
        try:
            response = self.get_response(request)
        finally:
            _use_replica.reset(token)
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
