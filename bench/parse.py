"""Parse speed and memory: the sample pages (or our fixture pages) parsed over and over on one core.

    .venv/bin/python bench/parse.py [--seconds 10]

Prints JSON: pages per second, characters per second, mean page size and peak memory (RSS),
beside a same-run baseline (decoding and normalising only), and the time of one 2 MB page.
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

from articles.parsing import decode_bytes, parse_bytes  # noqa: E402
from articles.parsing.text import normalise_line  # noqa: E402


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
    baseline = _baseline(corpus, args.seconds / 4)
    long_page = _long_page()
    t0 = time.perf_counter()
    long_result = parse_bytes(long_page, file_name="long.txt")
    long_seconds = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "pages": count,
                "seconds": round(elapsed, 2),
                "pages_per_s": round(count / elapsed, 1),
                "baseline_pages_per_s": baseline,
                "baseline": "decode and normalise every line only (no parse), same run",
                "parse_share_of_baseline": round((count / elapsed) / baseline, 3),
                "long_page": {
                    "bytes": len(long_page),
                    "articles": len(long_result.articles),
                    "seconds": round(long_seconds, 2),
                },
                "chars_per_s": round(chars / elapsed),
                "mean_page_bytes": round(sum(len(d) for _, d in corpus) / len(corpus)),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "corpus": [name for name, _ in corpus],
            },
            ensure_ascii=False,
            indent=1,
        )
    )


def _long_page() -> bytes:
    """About 2 MB of one paragraph per line: 4 000 stories, every other one without a title, the
    shape that once cost quadratic time in the far-title search."""
    lines = []
    for n in range(4000):
        if n % 2 == 0:
            lines.append(f"全市第{n}项重点工程建设顺利推进")
        lines.append(
            f"株洲日报讯 3月26日，全市第{n}项重点工程建设顺利推进，" + "各级各部门主动作为，确保项目按时完工。" * 9
        )
    return "\n".join(lines).encode()


def _baseline(corpus: list[tuple[str, bytes]], seconds: float) -> float:
    """Pages per second of the step every parse starts with: decoding and normalising the lines.
    Measured in the same run, so the ratio holds on a noisy machine."""
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for _, data in corpus:
            text, _ = decode_bytes(data)
            [normalise_line(x) for x in text.split("\n")]
            count += 1
    return round(count / (time.perf_counter() - start), 1)


if __name__ == "__main__":
    main()
