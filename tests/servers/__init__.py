"""A real gunicorn, started the way docker-compose starts it, against a given database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env: dict, *args: str) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


TEST_ONLY = ("ARCHIVE_DB_NAME", "DATABASE_REPLICA_URLS", "DJANGO_ALLOW_ASYNC_UNSAFE")


def clean_env(**values: str) -> dict:
    """This process's environment without what only the test run sets, plus `values`."""
    return {**{k: v for k, v in os.environ.items() if k not in TEST_ONLY}, **values}


def production_env(database_url: str, **extra: str) -> dict:
    env = clean_env()
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY="test-" + "k" * 60,
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        **extra,
    )
    return env


class Gunicorn:
    def __init__(self, env: dict, workers: int = 2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        manage(env, "collectstatic", "--noinput", "-v", "0")
        self.proc = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "archive.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(workers),
                "--timeout",
                "30",
                "--graceful-timeout",
                "5",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.log_lines: list[str] = []
        # gunicorn logs every request to stderr: drained as it comes, or a full pipe stops it
        self._drain = threading.Thread(target=self._read_log, daemon=True)
        self._drain.start()
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.get("/healthz")[0] == 200:
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start: " + self.log[-2000:])

    def _read_log(self) -> None:
        for line in self.proc.stderr:
            self.log_lines.append(line.decode(errors="replace"))

    @property
    def log(self) -> str:
        """What gunicorn wrote to stderr so far (all of it once stop() has returned)."""
        return "".join(self.log_lines)

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=15) as r:  # noqa: S310 - our own server
                return r.status, r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode()
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, ""

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self._drain.join(5)
