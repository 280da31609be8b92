"""A page of one-paragraph-per-line text, as the sample page 001 shows it:

    毛腾飞深入特殊场所督导疫情防控时强调 坚决筑牢特殊场所 疫情防控的“铜墙铁壁”   <- kicker and
                                                 headline on one line, the headline in halves
    株洲日报记者 罗欣

    株洲日报讯 2月26日下午，市委书记…        <- one line per paragraph, blank lines between;
    …并通过视频监控系统与封闭值守的           a column end inside a sentence leaves a blank
                                                 line in the middle of it
    民警交流，向大家表示慰问。…

Captions may sit inside a sentence, a byline above the title stack, the lead story untitled.
"""

from __future__ import annotations

from random import Random

from .article import Story
from .bylines import byline_lines, caption_line, has_people, lead_in, paren_byline, photo_credit, signature
from .pdf import Page
from .phenomena import LINES, Switch
from .typeset import split_mid_sentence

PROMO = "扫码关注株洲日报微信公众号，获取更多本地资讯。"


def layout(stories: list[Story], rng: Random, switch: Switch) -> Page:
    page = Page(lines=[""] * rng.choice((0, 1, 4, 4)))
    gap = rng.random() < 0.8  # this page puts blank lines between title lines
    for story in stories:
        page.lines += _story(story, gap, rng, switch, page)
    if switch("furniture", 0.15):
        page.lines += ["", PROMO]
        page.unassigned.append(PROMO)
        stories[-1].tag("furniture")
    return page


def _story(story: Story, gap: bool, rng: Random, switch: Switch, page: Page) -> list[str]:
    title = _title(story, rng, switch)
    label = story.article.column_label
    if label and switch("furniture", 0.9):
        title = title + [label] if rng.random() < 0.7 else [label] + title
        page.unassigned.append(label)
        story.tag("furniture")
    out: list[str] = []
    if story.kind == "photo":
        out = title + [story.body[0], photo_credit(story, LINES, rng)]
        return _spaced(out, gap) + ["", "", ""]
    if story.kind == "commentary":
        return _spaced(title + [signature(story, rng)], gap) + [""] + _body(story, "", rng, switch) + [""]
    paren = ""
    if has_people(story) and story.article.lead_source and switch("byline_in_lead", 0.2):
        paren = paren_byline(story, LINES)
        story.tag("byline_in_lead")
    byline = [] if paren else byline_lines(story, LINES, rng)
    captions = list(story.captions)
    body = _body(story, lead_in(story, LINES, paren), rng, switch, captions)
    if byline and captions and title and switch("byline_separated", 0.35):
        story.tag("byline_separated", "byline printed above the title stack, a caption between title and body")
        return (
            _spaced(byline + title + [caption_line(*captions.pop(0))], gap) + [""] + body + _captions(captions) + [""]
        )
    return _spaced(title + byline, gap) + [""] + body + _captions(captions) + [""]


def _spaced(lines: list[str], gap: bool) -> list[str]:
    out: list[str] = []
    for line in lines:
        if out and gap:
            out.append("")
        out.append(line)
    return out


def _captions(captions: list[tuple[str, str]]) -> list[str]:
    return [x for c in captions for x in ("", caption_line(*c))]


def _title(story: Story, rng: Random, switch: Switch) -> list[str]:
    if story.untitled:
        return []
    headline = story.headline
    lines: list[str]
    if "|" in headline and switch("two_line_title", 0.25):
        lines = headline.split("|")
        story.tag("two_line_title")
    elif "|" in headline and switch("headline_halves", 0.5):
        lines = [headline.replace("|", " ")]
        story.tag("headline_halves")
    else:
        lines = [headline.replace("|", "")]
    if story.kicker and switch("kicker_headline_one_line", 0.45):
        lines[0] = f"{story.kicker} {lines[0]}"
        story.tag("kicker_headline_one_line")
    elif story.kicker:
        lines.insert(0, story.kicker)
    subs = list(story.subheadline)
    if subs and subs[0].startswith("——") and rng.random() < 0.4:
        lines[-1] += " " + subs.pop(0)
    return lines + subs


def _body(
    story: Story, lead: str, rng: Random, switch: Switch, captions: list[tuple[str, str]] | None = None
) -> list[str]:
    """One line per paragraph; a caption may be set inside a sentence (it then leaves `captions`)."""
    blocks = story.blocks()
    if blocks:
        blocks[0] = (blocks[0][0], lead + blocks[0][1])
    if story.jump and story.jump_inline:
        blocks[-1] = (blocks[-1][0], blocks[-1][1] + story.jump)
    paras = [i for i, (kind, text) in enumerate(blocks) if kind == "para" and len(text) >= 50]
    inside = None
    if captions and paras and switch("interleaved_fragments", 0.4):
        inside = rng.choice(paras[1:-1] or paras)
    columns = switch("column_break_mid_sentence", 0.6)
    out: list[str] = []
    for i, (kind, text) in enumerate(blocks):
        text = text.replace("|", " ")
        if out:
            out.append("")
        breaks = i == inside or (columns and rng.random() < 0.2)
        at = split_mid_sentence(text, rng, start=len(lead) if i == 0 else 0) if breaks else None
        if at is None or kind == "heading":
            out.append(text)
            continue
        out += [text[:at], ""]
        if i == inside and captions:
            caption, credit = captions.pop(0)
            if credit and rng.random() < 0.6:
                out += ["", "", caption, "", credit, ""]
            else:
                out += ["", "", caption_line(caption, credit), ""]
            story.tag("interleaved_fragments", "a caption and its credit printed inside a sentence")
        else:
            story.tag("column_break_mid_sentence")
        out.append(text[at:])
    if story.jump and not story.jump_inline:
        out += ["", story.jump]
    return out
