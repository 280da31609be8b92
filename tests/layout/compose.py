"""Articles in, one page of raw text and its answer key out; every choice by random.Random(seed).

    page = compose(articles, "pdf-columns", seed=7)           # these articles, in this order
    page = random_page(7)                                     # 4-8 articles picked by the seed
    page.text, page.gold, page.tags[i]                        # tags: phenomena of gold article i

The issue date is drawn by the seed (or is the sample page's, for its articles), the datelines
are the day before it, and the answer key is written from the same rendered stories as the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from . import gold, lines, markdown, pdf
from .article import Article, Story, content_tags, render
from .corpus import ARTICLES
from .phenomena import LINES, MARKDOWN, PDF, PHENOMENA, Switch
from .typeset import half_width, split_mid_sentence

FORMATS = (PDF, LINES, MARKDOWN)
LAYOUTS = {PDF: pdf.layout, LINES: lines.layout, MARKDOWN: markdown.layout}


@dataclass
class ComposedPage:
    text: str
    gold: dict
    tags: dict[int, list[str]]
    fmt: str
    seed: int


def compose(articles: Sequence[Article], fmt: str, seed: int, phenomena: Iterable[str] | None = None) -> ComposedPage:
    """Lay `articles` out as one page of `fmt` text, in the given order."""
    if fmt not in LAYOUTS:
        raise ValueError(f"unknown format {fmt}")
    rng = Random(seed)
    switch = Switch(rng, None if phenomena is None else set(phenomena))
    issue = _issue_date(articles, rng)
    stories = [render(a, issue) for a in articles]
    for story in stories:
        for name in content_tags(story.article):
            if fmt in PHENOMENA[name].formats:
                story.tag(name)
    if fmt == MARKDOWN and switch("half_width_punct", 0.7):
        for story in stories:
            story.map_text(half_width)
            story.tag("half_width_punct")
    for story in stories:
        _pointer(story, rng, fmt)
        _jump(story, rng, switch, fmt, issue)
    if fmt == LINES and stories[0].kind == "news" and stories[0].article.lead_source:
        if switch("untitled_lead_story", 0.2):
            stories[0].untitled = True
            stories[0].tag("untitled_lead_story", "printed without a title of its own")
    page = LAYOUTS[fmt](stories, rng, switch)
    text = re.sub(r"\n{5,}", "\n\n\n\n", "\n".join(page.lines).rstrip("\n") + "\n")
    key = gold.page(stories, fmt, seed, issue, page.unassigned)
    return ComposedPage(text, key, {i: list(s.tags) for i, s in enumerate(stories)}, fmt, seed)


def _issue_date(articles: Sequence[Article], rng: Random) -> date:
    fixed = {a.issue_date for a in articles if a.issue_date}
    if len(fixed) > 1:
        raise ValueError("articles of sample pages of different dates on one page")
    if fixed:
        return fixed.pop()
    year = rng.randint(2016, 2025)
    if rng.random() < 0.85:  # the corpus tells of summer: harvests, floods, school holidays
        return date(year, 5, 1) + timedelta(days=rng.randrange(150))
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def _pointer(story: Story, rng: Random, fmt: str) -> None:
    """A teaser's pointer to its page: a line of its own, or at the end of the last paragraph;
    a story that goes on elsewhere (a sample page's) its jump line."""
    if not story.continued_to:
        return
    if story.kind != "teaser":
        story.jump = f"下转 {story.continued_to} 版"
        story.tag("jump_line")
        return
    label = story.continued_to
    story.jump_inline = rng.random() < 0.5
    story.jump = rng.choice((f"（详见{label}版）", f"详见{label}版")) if story.jump_inline else f"详见{label}版"
    if fmt == MARKDOWN and "half_width_punct" in story.tags:
        story.jump = half_width(story.jump)


def _jump(story: Story, rng: Random, switch: Switch, fmt: str, issue: date) -> None:
    """Cut a long news story where the page ends, and print where it goes on."""
    if story.kind not in ("news", "agency") or len(story.body) < 3 or story.continued_to:
        return
    if not switch("jump_line", 0.15):
        return
    year = f"{(issue - timedelta(days=1)).year}年"
    named = [i for i, text in enumerate(story.body) if year in text]  # the page must still name its year
    keep = rng.randint(max(2, named[-1] + 1 if named else 0), len(story.body))
    body = story.body[:keep]
    if keep == len(story.body) or rng.random() < 0.5:  # cut inside the last paragraph kept
        last = body[-1]
        floor = last.index(year) + len(year) if year in last else 0
        at = split_mid_sentence(last[floor:], rng, margin=20)
        if at is not None:
            body[-1] = last[: floor + at]
        elif keep == len(story.body):
            return
    story.body = body
    story.headings = {i: h for i, h in story.headings.items() if i < keep}
    label = rng.choice(("A2", "A2", "A3", "A4"))
    story.continued_to = label
    story.jump = rng.choice((f"下转{label}版", f"下转 {label} 版", f"（下转{label}版）"))
    if fmt == MARKDOWN and "half_width_punct" in story.tags:
        story.jump = half_width(story.jump)
    story.tag("jump_line")


def random_page(
    seed: int,
    fmt: str | None = None,
    phenomena: Iterable[str] | None = None,
    corpus: Sequence[Article] | None = None,
    samples: dict[str, list[Article]] | None = None,
) -> ComposedPage:
    """A page of 4-8 articles chosen by the seed (the format too, unless given): articles of the
    corpus, and now and then one or two of one sample page (`samples`: seeds.sample_articles()).
    Every page has a story dated the day before the issue and names the issue year, as real
    pages do; content phenomena named in `phenomena` are on the page."""
    rng = Random(seed * 7919 + 13)
    fmt = fmt or FORMATS[seed % 3]
    wanted = set(phenomena) if phenomena is not None else set()
    pool = list(corpus or ARTICLES)
    chosen: list[Article] = []
    if samples and rng.random() < 0.35:
        stem = rng.choice(sorted(samples))
        chosen += rng.sample(samples[stem], min(len(samples[stem]), rng.randint(1, 2)))
    for name in sorted(wanted):
        if not PHENOMENA[name].layout and not any(name in content_tags(a) for a in chosen):
            carriers = [a for a in pool if name in content_tags(a) and a not in chosen]
            if carriers:
                chosen.append(rng.choice(carriers))
    protected = len(chosen)
    target = rng.randint(4, 8)
    limits = {"teaser": 2, "photo": 2, "commentary": 1, "agency": 2, "feature": 2}
    for article in rng.sample(pool, len(pool)):
        if len(chosen) >= target:
            break
        same = sum(1 for a in chosen if a.kind == article.kind)
        if article not in chosen and same < limits.get(article.kind, 99):
            chosen.append(article)
    _ensure(chosen, protected, pool, rng, _dated_yesterday)
    _ensure(chosen, protected, pool, rng, _names_the_year)
    rng.shuffle(chosen)
    return compose(chosen, fmt, seed, phenomena)


def _dated_yesterday(a: Article) -> bool:
    if a.issue_date:  # a sample page's article: its dateline is printed as a date
        day = a.issue_date - timedelta(days=1)
        return bool(a.dateline) and f"{day.month}月{day.day}日" in (a.dateline or "")
    return a.dateline is not None and ("{D}" in a.dateline or "{RANGE}" in a.dateline)


def _names_the_year(a: Article) -> bool:
    year = f"{a.issue_date.year}年" if a.issue_date else "{Y}年"
    return any(year in t for t in a.templates())


def _ensure(
    chosen: list[Article], protected: int, pool: Sequence[Article], rng: Random, test: Callable[[Article], bool]
) -> None:
    """Swap in an article that passes `test` when none of the chosen does (never one of the
    first `protected`, which carry the phenomena asked for)."""
    if any(test(a) for a in chosen):
        return
    candidates = [a for a in pool if test(a) and a not in chosen]
    if not candidates:
        return
    if len(chosen) > protected:
        chosen[-1] = rng.choice(candidates)
    else:
        chosen.append(rng.choice(candidates))
