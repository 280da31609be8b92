"""The answer key of a composed page, in the shape of ../shared/eval/gold/*.json and by the rules
of its README: names without role words, a photo story's `摄` names all photographers and its
caption its body, a `供图` by an organisation credits nobody, a commentary's signature its author,
body_start / body_end from the body proper (after the lead-in), whitespace removed."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .article import Story


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def clean_headline(text: str) -> str:
    """The printed headline with its break mark and the spaces between CJK characters dropped."""
    return compact(text.replace("|", ""))


def credited_photographers(credit: str) -> list[str]:
    """`株洲日报记者 黄睿 摄` -> [黄睿]; `通讯员 供图`, `市文旅局 供图` -> []."""
    if not credit.endswith("摄"):
        return []
    words = credit[:-1].replace("/", " ").split()
    return [w for w in words if not w.endswith(("记者", "通讯员"))]


def article(story: Story) -> dict:
    art = story.article
    photo = story.kind == "photo"
    body = [story.body[0]] if photo else [text for _, text in story.blocks()]
    joined = compact("".join(body).replace("|", ""))
    photographers = list(art.photographers)
    for _, credit in story.captions:
        photographers += [n for n in credited_photographers(credit) if n not in photographers]
    captions = [story.body[0]] if photo else [f"{c} {k}" if k else c for c, k in story.captions]
    return {
        "kind": story.kind,
        "kicker": None if story.untitled else story.kicker,
        "headline": "" if story.untitled else clean_headline(story.headline),
        "subheadline": None if story.untitled or not story.subheadline else " ".join(story.subheadline),
        "reporters": list(art.reporters),
        "correspondents": list(art.correspondents),
        "photographers": photographers,
        "authors": list(art.authors),
        "source": art.source,
        "dateline": story.dateline,
        "body_start": joined[:15],
        "body_end": joined[-15:],
        "captions": captions,
        "continued_to": story.continued_to,
        "notes": "; ".join(["composed: " + ", ".join(story.tags), *story.notes]),
    }


def page(stories: list[Story], fmt: str, seed: int, issue: date, unassigned: list[str]) -> dict:
    return {
        "seed": f"composed-{fmt}-{seed}",
        "format": fmt,
        "issue_date": issue.isoformat(),
        "date_evidence": date_evidence(stories, issue),
        "page": None,
        "articles": [article(s) for s in stories],
        "unassigned": unassigned,
    }


def date_evidence(stories: list[Story], issue: date) -> str:
    day = issue - timedelta(days=1)
    printed = f"{day.month}月{day.day}日"
    dated = [s for s in stories if s.dateline and (printed in s.dateline or s.dateline.endswith(f"{day.day}日"))]
    year = f"{day.year}年"
    named = [s for s in stories if year in "".join([*s.body, *s.subheadline, s.headline])]
    why = f"{len(dated)} dateline(s) of {printed}, the day before the issue"
    if named:
        return f"{why}; the year {day.year} is named as the present in {len(named)} article(s)"
    return f"{why}; the year {day.year} is not printed as a number on this page"
