"""HTTP load on gunicorn over the bench corpus: requests/s, latency percentiles, errors.

    ARCHIVE_DB_NAME=archive_bench .venv/bin/python bench/load.py --suite http  [--out bench/results/http.json]
    ARCHIVE_DB_NAME=archive_bench .venv/bin/python bench/load.py --suite load  [--out bench/results/load.json]

gunicorn runs as in production (sync workers, WEB_CONCURRENCY, DEBUG off) on 127.0.0.1; the
load is a bounded loop of keep-alive HTTP clients in two processes on the same machine, so
client and server share the 2 cores. `http`: each page kind alone for --seconds (default 20).
`load`: the article mix, the search mix (13 common queries, each plain, by date, in 2010 and on
A1: what the cache serves after the first round), searches no cache can answer (thousands of
distinct strings cut from headlines), a mixed browse, and the mixed browse while an ingest batch
runs, --seconds each (default 60). Nothing is sent anywhere but 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
os.environ.setdefault("ARCHIVE_DB_NAME", "archive_bench")
QUERIES = [
    "株洲",
    "发展",
    "会议",
    "工作",
    "醴陵",
    "炎陵县",
    "经济社会",
    "疫情防控",
    "产业链",
    "湘江风光带",
    "城市更新",
    "龙舟",
    "京都大学",
]


def sample_urls(n: int = 3000) -> dict[str, list[str]]:
    import django

    django.setup()
    from articles.models import Article, Issue, Page, Person

    rng = random.Random(5)
    top = Article.objects.order_by("-id").values_list("id", flat=True).first() or 1
    issues = list(Issue.objects.order_by("?").values_list("date", flat=True)[:n])
    pages = list(Page.objects.order_by("?").values_list("issue__date", "label")[:n])
    people = list(Person.objects.order_by("?").values_list("slug", flat=True)[:500])
    ymd = "{:%Y/%m/%d}".format
    # Searches no cache can answer: thousands of distinct 2-4 character strings from headlines.
    sample_ids = [rng.randint(1, top) for _ in range(n * 3)]
    headlines = [h for h in Article.objects.filter(pk__in=sample_ids).values_list("headline", flat=True) if len(h) >= 4]
    distinct = set()
    for h in headlines:
        size = rng.randint(2, 4)
        start = rng.randint(0, len(h) - size)
        piece = h[start : start + size]
        if all("\u4e00" <= ch <= "\u9fff" for ch in piece):
            distinct.add(piece + rng.choice(["", "&sort=date", "&year=2010", "&page=A1"]))
    return {
        "search_uncached": [
            f"/search/?q={quote(q.split('&')[0])}" + ("&" + q.split("&", 1)[1] if "&" in q else "")
            for q in sorted(distinct)
        ],
        "home": ["/"],
        "issue": [f"/{ymd(d)}/" for d in issues],
        "page": [f"/{ymd(d)}/{label}/" for d, label in pages],
        "article": [f"/articles/{rng.randint(1, top)}/" for _ in range(n)],
        "person": [f"/people/{quote(s)}/" for s in people],
        "search": [
            f"/search/?q={quote(q)}" + rng.choice(["", "&sort=date", "&year=2010", "&page=A1"])
            for q in QUERIES
            for _ in range(20)
        ],
    }


MIXES = {
    "mixed": {"home": 5, "issue": 15, "page": 20, "article": 40, "person": 10, "search": 10},
}


def _client(port: int, urls: list[str], seconds: float, out: mp.Queue, threads: int) -> None:
    results: list[tuple[float, int]] = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def loop(seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        local = []
        while time.perf_counter() < stop:
            url = rng.choice(urls)
            t = time.perf_counter()
            try:
                conn.request("GET", url)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            local.append(((time.perf_counter() - t) * 1000, status))
        with lock:
            results.extend(local)

    workers = [threading.Thread(target=loop, args=(os.getpid() * 100 + i,)) for i in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    out.put(results)


def percentiles(ms: list[float], prefix: str = "") -> dict:
    """p50/p95/p99 of latencies in ms (0.0 when there are none)."""
    ms = sorted(ms)

    def pct(q: float) -> float:
        return round(ms[min(len(ms) - 1, int(q * (len(ms) - 1)))], 1) if ms else 0.0

    return {f"{prefix}p50_ms": pct(0.5), f"{prefix}p95_ms": pct(0.95), f"{prefix}p99_ms": pct(0.99)}


def server_times(log: Path, start: int) -> dict:
    """Percentiles of the time Django spent on each request (the request log's `ms`, written
    from `start` on): the server-side render time, without the wait in gunicorn's queue."""
    with log.open("rb") as f:
        f.seek(start)
        lines = f.read().decode("utf-8", "replace").splitlines()
    ms = [
        e["ms"] for e in (json.loads(x) for x in lines if x.startswith("{") and '"archive.request"' in x) if "ms" in e
    ]
    return percentiles(ms, "server_") if ms else {}


def measured(port: int, urls: list[str], seconds: float, log: Path) -> dict:
    """Client-observed figures (queueing included) and the server-side render times."""
    start = log.stat().st_size
    client = run_load(port, urls, seconds)
    time.sleep(0.5)  # the last log lines
    return {**client, **server_times(log, start)}


def run_load(port: int, urls: list[str], seconds: float, processes: int = 2, threads: int = 4) -> dict:
    out: mp.Queue = mp.Queue()
    procs = [mp.Process(target=_client, args=(port, urls, seconds, out, threads)) for _ in range(processes)]
    started = time.perf_counter()
    for p in procs:
        p.start()
    results = [r for _ in procs for r in out.get()]
    for p in procs:
        p.join()
    elapsed = time.perf_counter() - started
    ok = [r for r in results if 200 <= r[1] < 400 or r[1] == 404]
    return {
        "requests": len(results),
        "rps": round(len(results) / elapsed, 1),
        **percentiles([r[0] for r in results]),
        "errors": len(results) - len(ok),
    }


def start_gunicorn(workers: int, log: Path) -> tuple[subprocess.Popen, int]:
    from tests.servers import free_port

    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "INFO",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "archive.wsgi",
            "--preload",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "60",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("ab"),
    )
    for _ in range(100):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("gunicorn did not start")


def ingest_loop(stop: threading.Event, report: dict) -> None:
    """Ingest synthetic pages (dated 2031) again and again until told to stop."""
    folder = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    sample = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.txt"))
    n = 0
    env = {**os.environ}
    while not stop.is_set():
        for i, src in enumerate(sample * 4):
            text = src.read_text(encoding="utf-8").replace("6月14日", f"6月{n % 28 + 1}日") + f"\n\n第{n}批\n"
            (folder / f"2031-{n % 12 + 1:02d}-{i % 28 + 1:02d}_B{i % 8 + 1}.txt").write_text(text, encoding="utf-8")
        proc = subprocess.run(
            [sys.executable, "manage.py", "ingest", str(folder)], cwd=ROOT, env=env, capture_output=True, text=True
        )
        report["batches"] = report.get("batches", 0) + 1
        report["failed_batches"] = report.get("failed_batches", 0) + (proc.returncode != 0)
        report["last"] = (proc.stdout.strip() or proc.stderr.strip())[-200:]
        n += 1
    shutil.rmtree(folder, ignore_errors=True)


def memory(gunicorn_pid: int) -> dict:
    """Resident memory of gunicorn (master and workers) and of the PostgreSQL server processes."""
    import psutil

    master = psutil.Process(gunicorn_pid)
    web = sum(p.memory_info().rss for p in [master, *master.children(recursive=True)])
    pg = [
        p
        for p in psutil.process_iter(["name", "memory_info"])
        if p.info["name"] and p.info["name"].startswith("postgres")
    ]
    shared = max((p.info["memory_info"].shared for p in pg), default=0)
    private = sum(p.info["memory_info"].rss - p.info["memory_info"].shared for p in pg)
    return {
        "gunicorn_rss": round(web / 2**20),
        "postgres_private": round(private / 2**20),
        "postgres_shared_buffers_touched": round(shared / 2**20),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--suite", choices=["http", "load"], default="load")
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "4")))
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--kinds", default="article,page,issue,home,person,search", help="http suite: page kinds to run"
    )
    args = parser.parse_args()
    from archive import embedded_db

    if not os.environ.get("DATABASE_URL"):
        embedded_db.ensure_running()
    urls = sample_urls()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)  # the bench database may predate a migration
    from articles.models import Article

    report: dict = {"articles": Article.objects.count(), "workers": args.workers}
    log = Path(tempfile.mkdtemp(prefix="bench-load-")) / "gunicorn.log"
    log.touch()
    proc, port = start_gunicorn(args.workers, log)
    try:
        run_load(port, urls["article"][:50] + urls["page"][:50], 3)  # warm the workers
        if args.suite == "http":
            seconds = args.seconds or 20
            report["seconds"] = seconds
            report["pages"] = {
                kind: measured(port, urls[kind], seconds, log) for kind in args.kinds.split(",")
            }  # kinds: keys of sample_urls
        else:
            seconds = args.seconds or 60
            report["seconds"] = seconds
            rng = random.Random(9)
            mixed = [u for kind, weight in MIXES["mixed"].items() for u in rng.choices(urls[kind], k=weight * 40)]
            report["mixes"] = {
                "article": measured(port, urls["article"], seconds, log),
                "search": measured(port, urls["search"], seconds, log),
                "search_uncached": {
                    **measured(port, urls["search_uncached"], seconds, log),
                    "distinct_urls": len(urls["search_uncached"]),
                },
                "mixed": measured(port, mixed, seconds, log),
            }
            stop, ingest_report = threading.Event(), {}
            loader = threading.Thread(target=ingest_loop, args=(stop, ingest_report))
            loader.start()
            report["mixes"]["mixed_during_ingest"] = {**measured(port, mixed, seconds, log), "ingest": ingest_report}
            stop.set()
            loader.join()
        report["memory_mb"] = memory(proc.pid)
    finally:
        proc.terminate()
        proc.wait(20)
        shutil.rmtree(log.parent, ignore_errors=True)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
