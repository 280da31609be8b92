"""A browser-free soak (issue 14): a real gunicorn under 60 s of mixed public load, CSV exports
and highlighting on the largest article included, answers no 5xx, drops no connection and loses
no worker (gunicorn's own log is read at the end)."""

from __future__ import annotations

import json
import threading
import time
from itertools import cycle
from urllib.parse import quote, urlparse

import pytest

from tests.conftest import FIXTURE_PAGES
from tests.servers import Gunicorn, free_port, manage, production_env
from tests.servers.clusters import Cluster

pytestmark = pytest.mark.servers

SECONDS = 60
CLIENTS = 4


@pytest.fixture
def served(tmp_path):
    big = tmp_path / "2023-06-17_A1.txt"
    sentence = "龙舟赛事带动湘江两岸的文旅消费，龙舟文化走进社区和校园。"
    big.write_text("龙舟文化节开幕\n株洲日报记者 罗欣\n株洲日报讯 6月16日，" + sentence * 5000 + "\n", encoding="utf-8")
    cluster = Cluster(f"soak-{free_port()}", free_port()).create().start()
    cluster.create_database("archive")
    env = production_env(cluster.url("archive"))
    manage(env, "migrate", "-v", "0")
    manage(env, "ingest", str(FIXTURE_PAGES), str(big))
    server = Gunicorn(env, workers=2)
    yield server
    server.stop()
    cluster.destroy()


def _urls(server: Gunicorn) -> list[str]:
    status, body = server.get("/api/2023/06/17/A1/")
    assert status == 200, body
    big_article = urlparse(json.loads(body)["articles"][0]["url"]).path
    q = quote("龙舟")
    return [
        "/",
        "/2023/",
        "/2023/06/",
        "/2023/06/15/",
        "/2023/06/15/A1/",
        "/people/",
        "/about/",
        f"/search/?q={q}",
        f"/search/?q={q}&sort=date",
        f"/search/?q={quote('株洲 -株洲')}",
        f"/api/search.csv?q={q}",
        f"/api/search/?q={q}",
        f"/search/trend/?q={q}",
        f"{big_article}?hl={q}",
        f"{big_article}?hl={q}&hl={quote('文化')}",
        "/api/2023/06/15/",
        f"/search/?year={quote('²⁰²³')}",
        "/2023/06/99/",
        "/articles/999999/",
    ]


def test_sixty_seconds_of_mixed_load_give_no_5xx_and_lose_no_worker(served):
    urls = _urls(served)
    statuses: list[tuple[str, int]] = []
    lock = threading.Lock()
    deadline = time.time() + SECONDS

    def client(offset: int) -> None:
        for url in cycle(urls[offset:] + urls[:offset]):
            if time.time() > deadline:
                return
            status, _ = served.get(url)
            with lock:
                statuses.append((url, status))

    threads = [threading.Thread(target=client, args=(n * 3,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(SECONDS + 30)
    log = served.log  # read before stopping: workers say goodbye when the master stops
    bad = sorted({(url, status) for url, status in statuses if status == 0 or status >= 500})
    assert len(statuses) > 300, len(statuses)
    assert bad == []
    assert "WORKER TIMEOUT" not in log and "SIGKILL" not in log and "Worker exiting" not in log, log[-2000:]
    assert log.count("Booting worker") == 2  # no worker died and was replaced
