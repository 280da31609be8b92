"""What a newspaper prints for one article (Article), and the same article rendered for one
issue date, ready to be laid out (Story).

Dates in the corpus are written relative to the issue, so one article can sit on a page of any
date and the answer key still knows the issue date:

    {D}  the day before the issue (`6月14日`): a daily reports yesterday; {D-1}, {D+3} likewise
    {DAY} the same day without its month (`14日`); {DAY-1} likewise
    {RANGE} the two days before the issue as a printed range (`6月13日至14日`, `5月31日至6月1日`)
    {Y}  the year of writing (the day before the issue); {Y-3} a past year, {Y+2} a future one
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

KINDS = ("news", "photo", "commentary", "teaser", "agency", "feature")
_TOKEN = re.compile(r"\{(Y|D|DAY|RANGE)([+-]\d+)?\}")


@dataclass(frozen=True)
class Article:
    """One article as written. `headline` may hold one `|`: where the printed title breaks
    (two lines, or two halves with a space); the key joins the halves."""

    key: str
    kind: str
    headline: str
    body: tuple[str, ...]
    kicker: str | None = None
    subheadline: tuple[str, ...] = ()  # one printed line each; the key joins them with a space
    title_pattern: str = "plain"  # official_slogan | fact_slogan | meeting_detail | dash_sub | long
    reporters: tuple[str, ...] = ()
    correspondents: tuple[str, ...] = ()
    photographers: tuple[str, ...] = ()  # a photo story's `摄` names, staff first
    authors: tuple[str, ...] = ()  # a commentary's signature
    source: str | None = "株洲日报"
    lead_source: str | None = "株洲日报讯"  # `株洲日报讯`, `据新华社`, `新华社`, or no lead-in
    dateline: str | None = None  # `{D}`, `{RANGE}`, `北京{D}电`
    section_headings: tuple[tuple[int, str], ...] = ()  # (index of the paragraph it precedes, text)
    captions: tuple[str, ...] = ()
    caption_credits: tuple[str, ...] = ()  # one per caption: `通讯员 供图`, `市文旅局 供图`, `X 摄`, ""
    continued_to: str | None = None  # a teaser's page (`B3`)
    column_label: str | None = None  # 栏目 printed beside the title (`央媒看株洲`): furniture
    issue_date: date | None = None  # fixed for an article taken from a sample page
    origin: str = "own"  # "own", or the sample page's stem

    def templates(self) -> list[str]:
        """Every printed string, as written (with date tokens)."""
        out = [self.kicker or "", self.headline, *self.subheadline, *self.body, self.dateline or ""]
        return out + [h for _, h in self.section_headings] + list(self.captions)


@dataclass
class Story:
    """An Article rendered for one issue date and page, plus what the layout did to it."""

    article: Article
    kind: str
    kicker: str | None
    headline: str
    subheadline: list[str]
    body: list[str]
    headings: dict[int, list[str]]  # section headings before paragraph i
    captions: list[tuple[str, str]]  # (caption, credit)
    dateline: str | None
    continued_to: str | None = None
    jump: str | None = None  # the printed jump or pointer line
    jump_inline: bool = False  # the pointer printed at the end of the last paragraph
    untitled: bool = False  # printed without a title of its own
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def tag(self, name: str, note: str | None = None) -> None:
        if name not in self.tags:
            self.tags.append(name)
        if note and note not in self.notes:
            self.notes.append(note)

    def blocks(self) -> list[tuple[str, str]]:
        """The body in printed order: ("heading", text) and ("para", text)."""
        out: list[tuple[str, str]] = []
        for i, para in enumerate(self.body):
            out += [("heading", h) for h in self.headings.get(i, [])]
            out.append(("para", para))
        return out

    def map_text(self, fn: Callable[[str], str]) -> None:
        """Apply a page-wide change of printed characters (half-width punctuation) to every string."""
        self.kicker = fn(self.kicker) if self.kicker else self.kicker
        self.headline = fn(self.headline)
        self.subheadline = [fn(s) for s in self.subheadline]
        self.body = [fn(p) for p in self.body]
        self.headings = {i: [fn(h) for h in hs] for i, hs in self.headings.items()}
        self.captions = [(fn(c), fn(k)) for c, k in self.captions]
        self.dateline = fn(self.dateline) if self.dateline else self.dateline


def render_text(text: str, issue: date) -> str:
    """Resolve the date tokens of one string for an issue date."""
    yesterday = issue - timedelta(days=1)

    def sub(m: re.Match[str]) -> str:
        name, offset = m.group(1), int(m.group(2) or 0)
        if name == "Y":  # the year of writing: a 1 January paper was written in the old year
            return str(yesterday.year + offset)
        if name == "RANGE":
            first, last = yesterday - timedelta(days=1), yesterday
            tail = f"{last.day}日" if first.month == last.month else f"{last.month}月{last.day}日"
            return f"{first.month}月{first.day}日至{tail}"
        day = yesterday + timedelta(days=offset)
        return f"{day.day}日" if name == "DAY" else f"{day.month}月{day.day}日"

    return _TOKEN.sub(sub, text)


def render(article: Article, issue: date) -> Story:
    def r(text: str) -> str:
        return render_text(text, issue)

    credits = article.caption_credits or ("",) * len(article.captions)
    headings: dict[int, list[str]] = {}
    for i, heading in article.section_headings:
        headings.setdefault(i, []).append(r(heading))
    return Story(
        article=article,
        kind=article.kind,
        kicker=r(article.kicker) if article.kicker else None,
        headline=r(article.headline),
        subheadline=[r(s) for s in article.subheadline],
        body=[r(p) for p in article.body],
        headings=headings,
        captions=[(r(c), k) for c, k in zip(article.captions, credits, strict=True)],
        dateline=r(article.dateline) if article.dateline else None,
        continued_to=article.continued_to,
    )


def content_tags(article: Article) -> list[str]:
    """Phenomena that an article carries in what it says, whatever the layout."""
    text = "".join(article.templates())
    tags: list[str] = [article.kind] if article.kind in ("agency", "commentary", "feature", "teaser") else []
    if article.origin != "own":
        tags.append("seed_article")
    if article.section_headings:
        tags.append("section_heading")
    if article.kind == "photo":
        tags.append("photo_story")
    if article.title_pattern == "fact_slogan":
        tags.append("kicker_fact_slogan")
    if article.title_pattern == "official_slogan":
        tags.append("kicker_official")
    if article.title_pattern == "meeting_detail":
        tags.append("meeting_subheadline")
    if any(s.startswith("——") for s in article.subheadline):
        tags.append("dash_subtitle")
    if len(article.headline.replace("|", "")) >= 16:
        tags.append("long_headline")
    if (article.kicker is not None) + len(article.subheadline) >= 1:
        tags.append("title_stack")
    if article.dateline and "{RANGE}" in article.dateline:
        tags.append("dateline_range")
    if re.search(r"\{Y\+\d+\}", text) or "明年" in text:
        tags.append("future_year")
    if any(_is_org_credit(c) for c in article.caption_credits):
        tags.append("org_credit")
    if article.captions and article.kind != "photo":
        tags.append("caption_in_body")
    return tags


def _is_org_credit(credit: str) -> bool:
    """`市文旅局 供图`, `某某公司 供图`: a provider that is not a person."""
    words = credit.split()
    return credit.endswith("供图") and len(words) == 2 and words[0] not in ("通讯员", "受访者")
