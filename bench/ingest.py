"""Ingest speed through the real path (`manage.py ingest`, parse + search columns + rows).

    .venv/bin/python bench/ingest.py [--pages 200] [--jobs 2]

Makes --pages page files of about 20 KB from the sample pages (shuffled, re-dated), ingests them
into a scratch database (archive_ingest_bench, dropped first) and prints JSON: pages/s, articles/s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = "archive_ingest_bench"


def make_pages(folder: Path, n: int) -> int:
    seeds = ROOT.parent / "shared" / "seeds"
    source = seeds if seeds.is_dir() else ROOT / "tests" / "fixtures" / "pages"
    pages = [p.read_text(encoding="utf-8") for p in sorted(source.iterdir()) if p.is_file()]
    rng = random.Random(3)
    total = 0
    for i in range(n):
        text = rng.choice(pages)
        text = re.sub(r"(\d{1,2})月(\d{1,2})日", lambda m: f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日", text)
        path = folder / f"{2000 + i // 336:04d}-{(i // 28) % 12 + 1:02d}-{i % 28 + 1:02d}_A{i % 8 + 1}.txt"
        path.write_text(text, encoding="utf-8")
        total += path.stat().st_size
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    env = {**os.environ, "ARCHIVE_DB_NAME": DB}
    if not os.environ.get("DATABASE_URL"):
        from archive import embedded_db

        embedded_db.ensure_running()
        import psycopg

        with psycopg.connect(
            host=str(embedded_db.DATA_DIR), user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{DB}"')  # a constant
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    with tempfile.TemporaryDirectory() as tmp:
        size = make_pages(Path(tmp), args.pages)
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "manage.py", "ingest", tmp, "--jobs", str(args.jobs), "-v", "0"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        elapsed = time.perf_counter() - started
    articles = int(re.search(r"(\d+) articles stored", proc.stdout).group(1))
    files = int(re.search(r"(\d+) files", proc.stdout).group(1))
    print(
        json.dumps(
            {
                "pages": args.pages,
                "jobs": args.jobs,
                "mean_page_kb": round(size / args.pages / 1024, 1),
                "seconds": round(elapsed, 1),
                "files": files,
                "pages_per_s": round(files / elapsed, 1),
                "articles_per_s": round(articles / elapsed, 1),
                "summary": proc.stdout.strip(),
            },
            ensure_ascii=False,
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
