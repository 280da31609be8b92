"""Parse quality: the sample pages against their keys, and composed pages (tests/layout) against
the keys the compositor writes, scored as ../shared/eval/score_parse.py scores.

    .venv/bin/python bench/parse_quality.py [--pages 200] [--seed 0] [--dump DIR] [--only-phenomenon NAME]

Prints JSON: headline F1, credits, bodies, title roles (kicker, headline and subheadline each
exactly right: beyond the scorer, which accepts a right whole title), dates and characters lost, for (a) the sample pages
(when ../shared exists) and (b) the composed pages, spread over the three formats, with
per-format and per-phenomenon breakdowns and the ten weakest phenomena. Parsing runs in process
(articles.parsing.parse_text: no Django, no database). --dump writes each composed page's text,
key and parse, and an index of their scores, so a failure can be read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.parsing import lost_characters, parse_text  # noqa: E402
from tests.layout import seeds  # noqa: E402
from tests.layout.compose import FORMATS, ComposedPage, random_page  # noqa: E402
from tests.layout.phenomena import PHENOMENA  # noqa: E402
from tests.layout.score import PageResult, f1, score_page  # noqa: E402


@dataclass
class Tally:
    """Counts over pages: the score_parse totals, plus characters lost."""

    pages: int = 0
    gold: int = 0
    pred: int = 0
    exact: int = 0
    credits: int = 0
    bodies: int = 0
    roles: int = 0
    dates: int = 0
    lost: int = 0
    pages_losing: int = 0

    def add(self, result: PageResult, lost: int) -> None:
        self.pages += 1
        self.gold += result.gold
        self.pred += result.pred
        self.exact += result.exact
        self.credits += result.credits
        self.bodies += result.bodies
        self.roles += result.roles
        self.dates += result.date_ok
        self.lost += lost
        self.pages_losing += lost > 0

    def summary(self) -> dict:
        return {
            "pages": self.pages,
            "articles": self.gold,
            "parsed": self.pred,
            "headline_f1": round(f1(self.exact, self.gold, self.pred), 3),
            "credits": _rate(self.credits, self.gold),
            "bodies": _rate(self.bodies, self.gold),
            "title_roles": _rate(self.roles, self.gold),
            "dates": _rate(self.dates, self.pages),
            "credits_n": f"{self.credits}/{self.gold}",
            "bodies_n": f"{self.bodies}/{self.gold}",
            "dates_n": f"{self.dates}/{self.pages}",
            "characters_lost": self.lost,
            "pages_losing_characters": self.pages_losing,
        }


@dataclass
class TagTally:
    """Per-phenomenon counts over the key's articles that carry the tag."""

    articles: int = 0
    exact: int = 0
    credits: int = 0
    bodies: int = 0
    roles: int = 0
    pages: int = 0  # pages with such an article, for the date rate
    dates: int = 0

    def summary(self) -> dict:
        return {
            "articles": self.articles,
            "headline_exact": _rate(self.exact, self.articles),
            "credits": _rate(self.credits, self.articles),
            "bodies": _rate(self.bodies, self.articles),
            "title_roles": _rate(self.roles, self.articles),
            "dates": _rate(self.dates, self.pages),
        }

    def weakness(self) -> float:
        return (self.exact + self.credits + self.bodies) / (3 * self.articles) if self.articles else 1.0


def _rate(n: int, d: int) -> float | None:
    return round(n / d, 3) if d else None


def parse_doc(text: str) -> tuple[dict, int]:
    result = parse_text(text)
    return result.to_dict(), sum(lost_characters(result).values())


def sample_pages() -> dict:
    if not seeds.available():
        return {"pages": 0, "note": "../shared/seeds or ../shared/eval/gold not found"}
    tally = Tally()
    per_page = {}
    for key_path in sorted(seeds.GOLD.glob("*.json")):
        page = seeds.SEEDS / f"{key_path.stem}.txt"
        if not page.exists():
            continue
        key = json.loads(key_path.read_text(encoding="utf-8"))
        doc, lost = parse_doc(page.read_text(encoding="utf-8"))
        result = score_page(key, doc)
        tally.add(result, lost)
        per_page[key_path.stem] = {**result.totals(), "lost": lost}
    return {**tally.summary(), "per_page": per_page}


def composed_pages(count: int, base: int, only: str | None, dump: Path | None) -> dict:
    formats = [f for f in FORMATS if only is None or f in PHENOMENA[only].formats]
    samples = seeds.sample_articles()
    phenomena = {only} if only else None
    total, by_format = Tally(), defaultdict(Tally)
    by_tag: dict[str, TagTally] = defaultdict(TagTally)
    parse_seconds = 0.0
    index = []
    started = time.perf_counter()
    for n in range(count):
        seed, fmt = base + n, formats[n % len(formats)]
        page = random_page(seed, fmt, phenomena=phenomena, samples=samples)
        t0 = time.perf_counter()
        doc, lost = parse_doc(page.text)
        parse_seconds += time.perf_counter() - t0
        result = score_page(page.gold, doc)
        total.add(result, lost)
        by_format[fmt].add(result, lost)
        _count_tags(page, result, by_tag)
        if dump is not None:
            index.append(_dump(dump, page, doc, result, lost))
    if dump is not None:
        (dump / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
    ranked = sorted((t for t in by_tag.items() if t[1].articles >= 5), key=lambda t: t[1].weakness())
    return {
        **total.summary(),
        "seconds": round(time.perf_counter() - started, 2),
        "parse_pages_per_s": round(count / parse_seconds, 1) if parse_seconds else None,
        "with_sample_articles": bool(samples),
        "per_format": {fmt: t.summary() for fmt, t in by_format.items()},
        "weakest_phenomena": [name for name, _ in ranked[:10]],
        "per_phenomenon": {name: t.summary() for name, t in sorted(by_tag.items())},
    }


def _count_tags(page: ComposedPage, result: PageResult, by_tag: dict[str, TagTally]) -> None:
    on_page: set[str] = set()
    for i, outcome in enumerate(result.articles):
        for tag in page.tags.get(i, []):
            t = by_tag[tag]
            t.articles += 1
            t.exact += outcome.exact
            t.credits += outcome.credits
            t.bodies += outcome.body
            t.roles += outcome.roles
            on_page.add(tag)
    for tag in on_page:
        by_tag[tag].pages += 1
        by_tag[tag].dates += result.date_ok


def _dump(folder: Path, page: ComposedPage, doc: dict, result: PageResult, lost: int) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{page.seed:05d}-{page.fmt}"
    (folder / f"{stem}.txt").write_text(page.text, encoding="utf-8")
    (folder / f"{stem}.gold.json").write_text(json.dumps(page.gold, ensure_ascii=False, indent=1), encoding="utf-8")
    (folder / f"{stem}.parse.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    failed = [
        {
            "article": i,
            "headline": page.gold["articles"][i]["headline"],
            "tags": page.tags.get(i, []),
            "exact": a.exact,
            "credits": a.credits,
            "body": a.body,
        }
        for i, a in enumerate(result.articles)
        if not (a.exact and a.credits and a.body)
    ]
    return {"page": stem, **result.totals(), "lost": lost, "failed": failed}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200, help="composed pages (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the first composed page")
    parser.add_argument("--dump", type=Path, help="write each composed page's text, key and parse here")
    parser.add_argument("--only-phenomenon", choices=sorted(PHENOMENA), help="compose with this phenomenon alone")
    args = parser.parse_args()
    out = {
        "samples": sample_pages(),
        "composed": composed_pages(args.pages, args.seed, args.only_phenomenon, args.dump),
    }
    print(json.dumps(out, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
