"""Settings: every deployment-specific value comes from the environment.

DATABASE_URL   PostgreSQL to use; unset: the embedded cluster in var/pgdata (see embedded_db)
SECRET_KEY     required when DATABASE_URL is set and DEBUG is off; otherwise a local key is kept
               in var/secret_key
DEBUG          "true"/"1"/"yes" for development; default off
ALLOWED_HOSTS  comma-separated; default localhost,127.0.0.1
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from archive import embedded_db

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"environment variable {name} must be set")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    return env(name, "true" if default else "false").strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG")
EMBEDDED_DB = not os.environ.get("DATABASE_URL")


def _local_secret_key() -> str:
    """A key for this checkout only (embedded database or DEBUG): made once, kept out of git."""
    path = BASE_DIR / "var" / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY") or (_local_secret_key() if (DEBUG or EMBEDDED_DB) else env("SECRET_KEY"))
ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "archive.apps.AxesConfig",  # django-axes, named in Chinese in the admin
    "articles",
]

MIDDLEWARE = [
    "archive.logs.RequestLogMiddleware",  # outermost: logs what the client got, whoever answered
    "articles.web.middleware.FieldLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "articles.web.middleware.RequestDeadlineMiddleware",
    "archive.replicas.PublicReadsOnReplicaMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "articles.web.middleware.PublicReadOnlyMiddleware",
    "articles.web.middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # login attempts limited (django-axes)
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hour
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "articles.web.errors.locked_out"  # the site's 429 page, not a bare one
CSRF_FAILURE_VIEW = "articles.web.errors.csrf_failure"

ROOT_URLCONF = "archive.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
WSGI_APPLICATION = "archive.wsgi.application"

if EMBEDDED_DB:
    DATABASES = {"default": embedded_db.settings_dict()}
else:
    DATABASES = {"default": dj_database_url.parse(env("DATABASE_URL"), conn_max_age=60, conn_health_checks=True)}

# The development server runs each request in a thread of its own, so a persistent connection
# is never reused and a crawl of a few hundred pages would hold as many connections open
# (Django's docs: don't enable persistent connections during development).
if "runserver" in sys.argv:
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# A database that is frozen or unreachable (its processes paused, its host silent) fails a
# connection attempt after DB_CONNECT_TIMEOUT seconds, answered as the site's 503, instead of
# hanging each request until gunicorn kills the worker (a bare 500 after 30 s). Over TCP, a
# connection whose server stops answering mid-query is dropped after the same time.
DB_CONNECT_TIMEOUT = int(env("DB_CONNECT_TIMEOUT", "5"))
DATABASES["default"].setdefault("OPTIONS", {}).update(
    connect_timeout=DB_CONNECT_TIMEOUT,
    keepalives=1,
    keepalives_idle=DB_CONNECT_TIMEOUT,
    keepalives_interval=1,
    keepalives_count=3,
    tcp_user_timeout=DB_CONNECT_TIMEOUT * 1000,
)

# The longest a request's view may wait (articles.web.middleware.RequestDeadlineMiddleware, sync
# workers only); below gunicorn's 30 s worker timeout. 0 turns it off.
REQUEST_DEADLINE_S = int(env("REQUEST_DEADLINE_S", "12"))

# Public requests get a bounded statement time (gunicorn sets ARCHIVE_STATEMENT_TIMEOUT_MS through
# archive/wsgi.py); management commands such as ingest run without one.
STATEMENT_TIMEOUT_MS = int(os.environ.get("ARCHIVE_STATEMENT_TIMEOUT_MS", "0"))
if STATEMENT_TIMEOUT_MS:
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"

# Server-side parameters and prepared statements (psycopg prepares a query the second time a
# connection runs it; PostgreSQL may then reuse its plan): the browse pages' few fixed queries
# stop paying for planning, the larger part of their database time (measured: article page
# 5.6 → 4.7 ms). Search statements are never prepared (articles.search.results.unprepared):
# their plans depend on the terms. DB_PREPARED_STATEMENTS=false turns this off, e.g. behind a
# pooler that cannot keep prepared statements.
if env_bool("DB_PREPARED_STATEMENTS", True):
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=2)

# Read replicas (archive/replicas.py): public reads there, everything else on the primary.
for _n, _url in enumerate(u.strip() for u in os.environ.get("DATABASE_REPLICA_URLS", "").split(",") if u.strip()):
    DATABASES[f"replica_{_n}"] = {
        **dj_database_url.parse(_url, conn_max_age=60, conn_health_checks=True),
        "OPTIONS": dict(DATABASES["default"].get("OPTIONS", {})),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["archive.replicas.PrimaryReplicaRouter"]

# Search answers, facets and trends, keyed by the data version (articles/freshness.py), so
# never stale; per worker process. A shared cache (Redis, memcached) can be set here instead.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}}}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "archive" / "locale"]  # Chinese for django-axes and a few admin strings
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Production (DEBUG off) is HTTPS only. A local run on the embedded database is plain HTTP, so
# the redirect and HSTS default off there; each can be set explicitly from the environment.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG and not EMBEDDED_DB)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000" if SECURE_SSL_REDIRECT else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
if env_bool("BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# docker-compose's local trial serves plain HTTP on localhost: it says so with LOCAL_HTTP_TRIAL,
# and only the HTTPS checks that cannot hold there are silenced (never set it on the internet).
if env_bool("LOCAL_HTTP_TRIAL"):
    SILENCED_SYSTEM_CHECKS = ["security.W004", "security.W008", "security.W012", "security.W016"]
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Each ingested file's JSON line (logger archive.ingest) goes to INGEST_LOG, not the terminal,
# where `ingest` shows a progress bar; "-" sends it to stderr with the other logs.
INGEST_LOG = env("INGEST_LOG", str(BASE_DIR / "var" / "log" / "ingest.log"))
_CONSOLE = {"class": "logging.StreamHandler", "formatter": "json"}
_INGEST_FILE = {"class": "archive.logs.IngestLogHandler", "formatter": "json"}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "archive.logs.JsonFormatter"}},
    "handlers": {
        "console": _CONSOLE,
        "ingest": _CONSOLE if INGEST_LOG == "-" else _INGEST_FILE,
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "archive": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO"), "propagate": False},
        "archive.ingest": {"handlers": ["ingest"], "level": env("LOG_LEVEL", "INFO"), "propagate": False},
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
