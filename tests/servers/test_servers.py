"""Real servers: gunicorn as docker-compose runs it, a PostgreSQL restart under load, a streaming
replica serving public reads, and a pg_dump / pg_restore round trip."""

from __future__ import annotations

from urllib.parse import quote

import psycopg
import pytest

from tests.conftest import FIXTURE_PAGES
from tests.servers import Gunicorn, manage, production_env
from tests.servers.clusters import Cluster, run

pytestmark = pytest.mark.servers


@pytest.fixture
def primary():
    cluster = Cluster("primary", 55431).create().start()
    cluster.create_database("archive")
    env = production_env(cluster.url("archive"))
    manage(env, "migrate", "-v", "0")
    manage(env, "ingest", str(FIXTURE_PAGES))
    yield cluster
    cluster.destroy()


def test_gunicorn_survives_a_postgres_restart(primary):
    server = Gunicorn(production_env(primary.url("archive")))
    try:
        assert server.get("/2023/06/15/A1/")[0] == 200
        assert server.get("/readyz") == (200, '{"status": "ready"}')
        primary.stop()
        status, body = server.get("/2023/06/15/A1/")
        assert status == 503 and "数据库暂时不可用" in body  # a clean failure, not a 500
        assert server.get("/api/2023/06/15/A1/")[0] == 503
        assert server.get("/healthz")[0] == 200 and server.get("/readyz")[0] == 503
        primary.start()
        statuses = [server.get("/2023/06/15/A1/")[0] for _ in range(6)]  # every worker reconnects by itself
        assert statuses == [200] * 6
        status, body = server.get("/search/?q=" + quote("龙舟"))
        assert status == 200 and "湘江<mark>龙舟</mark>赛落幕" in body
    finally:
        server.stop()


def test_a_streaming_replica_serves_public_reads(primary, tmp_path):
    replica = Cluster("replica", 55432).replica_of(primary)
    try:
        late = "株洲日报记者 罗欣\n\n株洲日报讯 6月16日，副本同步测试稿件刊发。\n\n副本同步测试\n"
        env = production_env(primary.url("archive"))
        (tmp_path / "2023-06-17_A1.txt").write_text(late, encoding="utf-8")
        manage(env, "ingest", str(tmp_path))  # written on the primary after the replica was made
        replica.wait_for_replay(primary)
        server = Gunicorn(production_env(primary.url("archive"), DATABASE_REPLICA_URLS=replica.url("archive")))
        try:
            primary.stop()  # from here on only the replica can answer
            status, body = server.get("/2023/06/17/A1/")
            assert status == 200 and "副本同步测试" in body
            assert server.get("/search/?q=" + quote("副本同步"))[0] == 200
            assert server.get("/api/2023/06/15/")[0] == 200
            assert server.get("/readyz")[0] == 503
        finally:
            server.stop()
        with replica.connect("archive") as conn, pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            conn.execute("UPDATE articles_article SET headline = 'x'")  # and the replica refuses writes anyway
    finally:
        replica.destroy()


def test_backup_and_restore_round_trip(primary, tmp_path):
    dump = primary.path / "archive.dump"
    run("pg_dump", "-h", primary.path, "-p", primary.port, "-U", "postgres", "-Fc", "-f", dump, "archive")
    primary.create_database("restored")
    run("pg_restore", "-h", primary.path, "-p", primary.port, "-U", "postgres", "-d", "restored", dump)
    original = Gunicorn(production_env(primary.url("archive")))
    restored = Gunicorn(production_env(primary.url("restored")))
    try:
        for path in [
            "/",
            "/2023/06/15/",
            "/api/2023/06/15/A1/",
            "/api/search/?q=" + quote("株洲"),
            "/api/search/?q=" + quote("龙舟 OR 黄桃") + "&sort=date",
            "/api/search.csv?q=" + quote("记者"),
        ]:
            a, b = original.get(path), restored.get(path)
            assert a[0] == b[0] == 200, path
            assert a[1].replace(original.url, "") == b[1].replace(restored.url, ""), path
    finally:
        original.stop()
        restored.stop()
