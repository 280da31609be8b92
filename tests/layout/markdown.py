"""A page of Markdown, as the sample page 003 shows it:

    ## 株洲四项工作获国务院督查激励              <- `##` headline
    连续6年,共有12项工作获表彰                   <- a plain line (or `###`, or `-` bullets) under
                                                    it, before the byline: the subheadline
    株洲日报·掌上株洲讯(记者/陈正明 刘毅 通讯员/廖建翔) 国务院办公厅近日…
    ### 这些工作为何能获通报表扬?               <- `###` in the body: a section heading

Commas, colons and brackets often come out half-width. A long kicker stands as a plain line
right above its `##`, or under it (where the README reads it as a subheadline, and so does the
key); a short rubric (`### 营商环境优化年`) follows the headline and stays the kicker.
"""

from __future__ import annotations

from random import Random

from .article import Story
from .bylines import byline_lines, caption_line, has_people, lead_in, paren_byline, photo_credit, signature
from .pdf import Page
from .phenomena import MARKDOWN, Switch
from .typeset import split_mid_sentence

RUBRIC_MAX = 8  # a kicker this short is a column rubric printed as `###` under the headline
PROMO = "关注株洲日报微信公众号“知株侠”,可看更多内容。"


def layout(stories: list[Story], rng: Random, switch: Switch) -> Page:
    page = Page(lines=[""] * rng.choice((0, 4, 4)))
    for story in stories:
        page.lines += _story(story, rng, switch, page)
    return page


def _story(story: Story, rng: Random, switch: Switch, page: Page) -> list[str]:
    out = _title(story, rng, switch)
    if story.article.column_label and switch("furniture", 0.9):
        out = [story.article.column_label, ""] + out
        page.unassigned.append(story.article.column_label)
        story.tag("furniture")
    if story.kind == "photo":
        return out + ["", "", "", story.body[0], "", photo_credit(story, MARKDOWN, rng), ""]
    if story.kind == "commentary":
        return out + [signature(story, rng), ""] + _body(story, "", rng, switch)
    paren = ""
    if has_people(story) and story.article.lead_source and switch("byline_in_lead", 0.9):
        paren = paren_byline(story, MARKDOWN)
        story.tag("byline_in_lead")
    byline = [] if paren else byline_lines(story, MARKDOWN, rng)
    if byline:
        out += (["", ""] if rng.random() < 0.5 else []) + byline + [""]
    out += _body(story, lead_in(story, MARKDOWN, paren), rng, switch)
    if story.kind == "feature" and switch("furniture", 0.3):
        out += ["", "", PROMO, ""]
        page.unassigned.append(PROMO)
        story.tag("furniture")
    return out


def _title(story: Story, rng: Random, switch: Switch) -> list[str]:
    out: list[str] = []
    kicker = story.kicker
    if kicker and len(kicker) > RUBRIC_MAX:
        if switch("kicker_above_headline", 0.6):
            out += [kicker]
            story.tag("kicker_above_headline")
        else:  # under the headline, a long line reads as a subheadline (the README's rule): so keyed
            story.subheadline = [kicker, *story.subheadline]
            story.kicker = kicker = None
            story.tag("kicker_as_subheadline", "a long kicker printed under the headline, keyed as subheadline")
    headline = story.headline
    if "|" in headline and switch("headline_halves", 0.4):
        story.tag("headline_halves")
    out += [f"## {headline.replace('|', ' ' if 'headline_halves' in story.tags else '')}", ""]
    if kicker and len(kicker) <= RUBRIC_MAX:
        out += [f"### {kicker}", ""]
    subs = story.subheadline
    if len(subs) >= 2 and switch("markdown_bullets", 0.7):
        out += [f"- {s}" for s in subs] + [""]
        story.tag("markdown_bullets")
    else:
        for sub in subs:
            out += [f"### {sub}" if rng.random() < 0.4 else sub, ""]
    return out


def _body(story: Story, lead: str, rng: Random, switch: Switch) -> list[str]:
    blocks = story.blocks()
    if blocks:
        blocks[0] = (blocks[0][0], lead + blocks[0][1])
    if story.jump and story.jump_inline:
        blocks[-1] = (blocks[-1][0], blocks[-1][1] + story.jump)
    columns = switch("column_break_mid_sentence", 0.5)
    captions = list(story.captions)
    out: list[str] = []
    for i, (kind, text) in enumerate(blocks):
        if kind == "heading":
            out += [f"### {text.replace('|', ' ')}", ""]
            continue
        at = split_mid_sentence(text, rng) if columns and rng.random() < 0.2 else None
        if at is None:
            out += [text, ""]
        else:
            out += [text[:at], "", text[at:], ""]
            story.tag("column_break_mid_sentence")
        if captions and i >= 1 and rng.random() < 0.5:
            out += [caption_line(*captions.pop(0)), ""]
    out += [x for c in captions for x in (caption_line(*c), "")]
    if story.jump and not story.jump_inline:
        out += [story.jump, ""]
    return out
