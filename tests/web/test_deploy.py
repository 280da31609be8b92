"""docker-compose.yml validated without a Docker daemon, check --deploy with its settings, the router."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from tests.conftest import ROOT
from tests.servers import clean_env

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_services_ports_volumes_and_environment():
    services = COMPOSE["services"]
    assert set(services) == {"db", "web", "ingest"}
    db, web, ingest = services["db"], services["web"], services["ingest"]
    assert db["image"].startswith("postgres:") and "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert "pgdata:/var/lib/postgresql/data" in db["volumes"] and "pgdata" in COMPOSE["volumes"]
    assert web["build"] == "." and web["ports"] == ["8000:8000"]
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert "/readyz" in " ".join(web["healthcheck"]["test"])
    for name in ("DATABASE_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "WEB_CONCURRENCY"):
        assert name in web["environment"], name
    assert web["environment"]["DATABASE_URL"].endswith("@db:5432/archive")
    assert ingest["profiles"] == ["ingest"] and ingest["command"][-2:] == ["ingest", "/pages"]
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install --no-cache-dir -r requirements.txt" in dockerfile and "collectstatic" in dockerfile
    assert re.search(r"migrate --noinput && exec gunicorn archive.wsgi .*--workers \$\{WEB_CONCURRENCY", dockerfile)


def _compose_env() -> dict:
    """The web service's environment with compose's defaults substituted, as `docker compose config` would."""
    out = {}
    for key, value in COMPOSE["services"]["web"]["environment"].items():
        out[key] = re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", str(value))
    out["SECRET_KEY"] = out["SECRET_KEY"] or "generated-at-start-" + "x" * 50  # the Dockerfile makes one when unset
    return out


def test_check_deploy_passes_with_the_compose_settings():
    env = clean_env(**_compose_env())
    proc = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.django_db
def test_router_sends_public_reads_to_a_replica_and_everything_else_to_the_primary(rf, monkeypatch, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    from archive import replicas
    from articles.models import Article

    monkeypatch.setattr(replicas, "replica_aliases", lambda: ["replica_0"])  # as DATABASE_REPLICA_URLS would add
    router = replicas.PrimaryReplicaRouter()
    seen = {}

    def view(request):
        seen["db"] = router.db_for_read(Article)
        from django.http import HttpResponse

        return HttpResponse("ok")

    middleware = replicas.PublicReadsOnReplicaMiddleware(view)

    def serve(method="get", path="/2023/06/15/", user=None, cookies=None):
        request = getattr(rf, method)(path)
        request.user = user or AnonymousUser()
        request.COOKIES.update(cookies or {})
        response = middleware(request)
        return seen.pop("db"), response

    assert serve()[0] == "replica_0"
    assert serve(path="/admin/articles/")[0] == "default"
    assert serve(user=django_user_model(username="staff", is_staff=True))[0] == "default"
    db, response = serve(method="post", path="/admin/articles/article/1/change/")
    assert db == "default" and response.cookies[replicas.PIN_COOKIE]["max-age"] == replicas.PIN_SECONDS
    assert serve(cookies={replicas.PIN_COOKIE: "1"})[0] == "default"  # read-your-writes after a change
    assert router.db_for_read(Article) == "default"  # outside a request (commands, ingest): the primary
    assert router.db_for_write(Article) == "default" and router.allow_migrate("replica_0", "articles") is False


@pytest.mark.django_db
def test_every_read_of_one_request_goes_to_the_same_replica(rf, monkeypatch):
    """A search sets planner settings for its transaction and reads its hits in several
    statements: they must all reach one replica, not one picked afresh per statement."""
    from django.contrib.auth.models import AnonymousUser

    from archive import replicas
    from articles.models import Article

    monkeypatch.setattr(replicas, "replica_aliases", lambda: [f"replica_{i}" for i in range(8)])
    router = replicas.PrimaryReplicaRouter()
    chosen = []

    def view(request):
        from django.http import HttpResponse

        chosen.append({router.db_for_read(Article) for _ in range(50)})
        return HttpResponse("ok")

    middleware = replicas.PublicReadsOnReplicaMiddleware(view)
    for _ in range(20):
        request = rf.get("/search/?q=株洲")
        request.user = AnonymousUser()
        middleware(request)
    assert all(len(aliases) == 1 for aliases in chosen)  # one replica within a request
    assert len(set().union(*chosen)) > 1  # and the load still spread across requests


def test_gunicorn_refuses_to_start_without_collected_static_files(tmp_path):
    """With DEBUG off every HTML page needs the static manifest: without it each page was a 500."""
    env = clean_env(DEBUG="false", STATIC_ROOT=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-c", "import archive.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert proc.returncode != 0
    assert "static files are not collected: run `python manage.py collectstatic --noinput`" in proc.stderr
    env["STATIC_ROOT"] = str(ROOT / "var" / "static")  # collected by the session fixture
    proc = subprocess.run(
        [sys.executable, "-c", "import archive.wsgi"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
