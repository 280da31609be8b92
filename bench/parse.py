"""Parse speed and memory: the sample pages (or our fixture pages) parsed over and over on one core.

    .venv/bin/python bench/parse.py [--seconds 10]

Prints JSON: pages per second, characters per second, mean page size and peak memory (RSS).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.parsing import parse_bytes  # noqa: E402


def pages() -> list[tuple[str, bytes]]:
    seeds = ROOT.parent / "shared" / "seeds"
    folder = seeds if seeds.is_dir() else ROOT / "tests" / "fixtures" / "pages"
    return [(p.name, p.read_bytes()) for p in sorted(folder.iterdir()) if p.is_file()]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    corpus = pages()
    count = chars = 0
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for name, data in corpus:
            result = parse_bytes(data, file_name=name)
            count += 1
            chars += result.source["characters"]
    elapsed = time.perf_counter() - start
    print(json.dumps({
        "pages": count,
        "seconds": round(elapsed, 2),
        "pages_per_s": round(count / elapsed, 1),
        "chars_per_s": round(chars / elapsed),
        "mean_page_bytes": round(sum(len(d) for _, d in corpus) / len(corpus)),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "corpus": [name for name, _ in corpus],
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
