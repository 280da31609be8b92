"""How a story's people and lead-in are printed, in the forms the sample pages use:

    株洲日报记者 罗欣 / 通讯员/芷榕              stand-alone byline lines (PDF: two lines)
    株洲日报讯（记者 李华 通讯员 王明）6月14日，   the byline inside the lead-in
    株洲日报·掌上株洲讯(记者/李军 通讯员/江先国) 5月7日,   the Markdown pages' lead-in
    据新华社北京3月26日电 / 新华社记者 阳建         agency copy
    株洲日报记者 谭浩瀚 通讯员/旷小龙 摄          a photo credit: every name is a photographer

Each function returns the printed text; the answer key is written from the Article, not from it.
"""

from __future__ import annotations

from random import Random

from .article import Story

MARKDOWN = "markdown"
STAFF = ("株洲日报记者", "株洲日报记者", "株洲日报记者", "株洲日报全媒体记者", "株洲日报社新媒体记者")
TIME_OF_DAY = ("上午", "下午", "晚", "早上", "中午", "凌晨", "傍晚")


def is_agency(story: Story) -> bool:
    return story.article.source == "新华社"


def has_people(story: Story) -> bool:
    return bool(story.article.reporters or story.article.correspondents)


def byline_lines(story: Story, fmt: str, rng: Random) -> list[str]:
    """A stand-alone byline: one line, or (PDF, often) reporters and correspondents on two."""
    art = story.article
    if not has_people(story) or art.kind in ("photo", "commentary"):
        return []
    reporters, correspondents = " ".join(art.reporters), " ".join(art.correspondents)
    if fmt == MARKDOWN:
        org = "新华社记者" if is_agency(story) else "株洲日报·掌上株洲记者"
        line = f"{org}/{reporters}" if reporters else ""
        return [" ".join(x for x in (line, f"通讯员/{correspondents}" if correspondents else "") if x)]
    org = "新华社记者" if is_agency(story) else rng.choice(STAFF)
    first = f"{org} {reporters}" if reporters else ""
    second = f"通讯员{rng.choice('/ ')}{correspondents}" if correspondents else ""
    if first and second and (fmt == "pdf-columns") == (rng.random() < 0.75):
        return [first, second]
    return [" ".join(x for x in (first, second) if x)]


def paren_byline(story: Story, fmt: str) -> str:
    """The byline as printed inside a lead-in: `（记者 李华 通讯员 王明）`, `(记者/李军 通讯员/江先国)`."""
    art = story.article
    sep, left, right = ("/", "(", ")") if fmt == MARKDOWN else (" ", "（", "）")
    parts = []
    if art.reporters:
        parts.append(f"记者{sep}{' '.join(art.reporters)}")
    if art.correspondents:
        parts.append(f"通讯员{sep}{' '.join(art.correspondents)}")
    return f"{left}{' '.join(parts)}{right}" if parts else ""


def lead_in(story: Story, fmt: str, paren: str = "") -> str:
    """The printed text before the body proper (`株洲日报讯 6月14日，`), or "" when none is printed."""
    art = story.article
    if art.lead_source is None:
        return ""
    if is_agency(story):  # 据新华社北京3月26日电 国家… / 新华社北京6月14日电（记者 张晓）国家…
        return f"{art.lead_source}{story.dateline or ''}{paren or ' '}"
    markdown = fmt == MARKDOWN
    head = ("株洲日报·掌上株洲讯" if markdown else art.lead_source) + paren
    gap = " " if markdown or not paren else ""  # `株洲日报讯 6月14日` but `株洲日报讯（记者 李华）6月14日`
    if not story.dateline:
        return head + gap
    first = story.body[0] if story.body else ""
    comma = "" if first.startswith(TIME_OF_DAY) else ("," if markdown else "，")  # `6月14日下午，`
    return f"{head}{gap}{story.dateline}{comma}"


def photo_credit(story: Story, fmt: str, rng: Random) -> str:
    names = story.article.photographers
    if fmt == MARKDOWN:
        inner = f"记者/{names[0]}" + (f" 通讯员/{names[1]}" if len(names) > 1 else "")
        return f"株洲日报·掌上株洲讯({inner} 摄)"
    roll = rng.random()
    if len(names) > 1:
        if roll < 0.6:
            return f"株洲日报记者 {names[0]} 通讯员/{names[1]} 摄"
        if roll < 0.8:
            return f"记者 {names[0]} 通讯员 {names[1]} 摄"
        return f"{' '.join(names)} 摄"
    return f"株洲日报记者 {names[0]} 摄" if roll < 0.5 else f"{names[0]} 摄"


def signature(story: Story, rng: Random) -> str:
    name = story.article.authors[0]
    return f"□{name}" if rng.random() < 0.15 else name


def caption_line(caption: str, credit: str) -> str:
    return f"{caption} {credit}" if credit else caption
