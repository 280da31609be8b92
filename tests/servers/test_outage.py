"""A database that stops or freezes under a real gunicorn: the site's own 503 within seconds,
never a 200 with half a body, a bare 500 or a hang (issue 14, items 3 and 5)."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import FIXTURE_PAGES
from tests.servers import Gunicorn, free_port, manage, production_env
from tests.servers.clusters import Cluster

pytestmark = pytest.mark.servers


@pytest.fixture
def served():
    cluster = Cluster(f"outage-{free_port()}", free_port()).create().start()
    cluster.create_database("archive")
    env = production_env(cluster.url("archive"), DB_CONNECT_TIMEOUT="2")
    manage(env, "migrate", "-v", "0")
    manage(env, "ingest", str(FIXTURE_PAGES))
    server = Gunicorn(env)
    yield cluster, server
    server.stop()
    cluster.destroy()


def _server_processes(cluster: Cluster) -> list[int]:
    """The postmaster and every process it started (its backends included)."""
    top = int((cluster.path / "postmaster.pid").read_text().splitlines()[0])
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == top:
            children.append(int(stat.parent.name))
    return [top, *children]


def test_the_csv_export_during_an_outage_is_a_503(served):
    cluster, server = served
    status, body = server.get("/api/search.csv?q=" + quote("龙舟"))
    assert status == 200 and "湘江龙舟赛落幕" in body
    cluster.stop()
    status, body = server.get("/api/search.csv?q=" + quote("龙舟"))
    assert status == 503 and json.loads(body) == {"error": "数据库暂时不可用，请稍后再试", "status": 503}


def test_a_frozen_database_is_the_sites_503_and_readyz_shows_no_socket_path(served):
    cluster, server = served
    assert server.get("/readyz") == (200, '{"status": "ready"}')
    pids = _server_processes(cluster)
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)  # paused: the kernel accepts connections and bytes, nothing answers
    try:
        status, body = server.get("/readyz")  # the client gives up after 15 s; gunicorn's timeout is 30 s
        assert (status, json.loads(body)) == (503, {"status": "unavailable"})
        assert str(cluster.path) not in body
        status, body = server.get("/2023/06/15/A1/?fresh=1")
        assert status == 503 and "数据库暂时不可用" in body
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)
    assert server.get("/2023/06/15/A1/")[0] == 200
