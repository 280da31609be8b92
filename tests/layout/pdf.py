"""A page of PDF column text, as the sample page 000 shows it:

    株洲日报记者 罗欣                  <- the byline at the top of its story
    通讯员/芷榕

    株洲日报讯 根据我市出台的《关于做好      <- the body hard-wrapped at the column width,
    在疫情防控一线提拔使用优秀干部和发展党员      a blank line between paragraphs and wherever
    ...                                      a column ends, even inside a sentence
    在新冠肺炎疫情防控中表现突出          <- the title block AFTER its body
    我市11名干部获提拔重用

Sometimes the title is printed before its body or far after it, beside another story's title.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from random import Random

from .article import Story
from .bylines import byline_lines, caption_line, has_people, lead_in, paren_byline, photo_credit, signature
from .phenomena import PDF, Switch
from .typeset import ends_sentence, fake_bold, letter_space, space_digits, wrap

PROMOS = ("扫码关注株洲日报微信公众号", "掌上株洲客户端 扫码看更多", "株洲日报全媒体 扫一扫 看视频")


@dataclass
class Page:
    lines: list[str] = field(default_factory=list)
    unassigned: list[str] = field(default_factory=list)


@dataclass
class Parts:
    """One story's printed pieces before they are put in page order."""

    byline: list[str]
    body: list[str]
    title: list[str]


def layout(stories: list[Story], rng: Random, switch: Switch) -> Page:
    page = Page()
    parts = [_parts(s, rng, switch) for s in stories]
    held: dict[int, list[str]] = {}
    for i, story in enumerate(stories):
        story.tag("hard_wrap")
        later = [j for j in range(i + 1, len(stories)) if stories[j].kind not in ("commentary",)]
        if story.kind in ("news", "feature") and later and switch("title_after_body_far", 0.12):
            j = later[1] if len(later) > 1 and rng.random() < 0.6 else later[0]
            held.setdefault(j, []).extend(parts[i].title + [""] + parts[i].byline)
            parts[i].title, parts[i].byline = [], []
            story.tag("title_after_body_far", f"title and byline printed after the title of article {j}")
    promo = rng.choice(PROMOS) if switch("furniture", 0.35) else None
    promo_top = rng.random() < 0.3
    if promo and promo_top:
        page.lines += [promo, ""]
        page.unassigned.append(promo)
        stories[0].tag("furniture")
    for i, (story, p) in enumerate(zip(stories, parts, strict=True)):
        title = p.title + ([""] + held[i] if i in held else [])
        if story.article.column_label and switch("furniture", 0.9):
            label = story.article.column_label
            title = [label, ""] + title if rng.random() < 0.5 else title + ["", label]
            page.unassigned.append(label)
            story.tag("furniture")
        page.lines += _order(story, p, title, rng, switch)
    if promo and not promo_top:
        page.lines += [promo]
        page.unassigned.append(promo)
        stories[-1].tag("furniture")
    return page


def _order(story: Story, p: Parts, title: list[str], rng: Random, switch: Switch) -> list[str]:
    """A story's pieces in printed order: byline, body, then title is the usual PDF order."""
    byline = p.byline + [""] if p.byline else []
    if story.kind == "commentary":  # title, signature, body, as on the sample page; now and then
        first = rng.random() < 0.7  # the title after
        return title + [""] + byline + p.body if first else byline + p.body + title + [""]
    if story.kind == "photo":
        return title + [""] + p.body if rng.random() < 0.5 else p.body + title + [""]
    if title and switch("title_before_body", 0.12):
        story.tag("title_before_body")
        return title + [""] + byline + p.body
    return byline + p.body + title + ([""] if title else [])


def _parts(story: Story, rng: Random, switch: Switch) -> Parts:
    width = rng.randint(11, 20)
    title = _title(story, width, rng, switch)
    if story.kind == "photo":
        body = _wrapped(story, [("para", story.body[0])], width, rng, switch)
        return Parts([], body + [photo_credit(story, PDF, rng)], title)
    if story.kind == "commentary":
        return Parts([signature(story, rng)], _body(story, "", width, rng, switch), title)
    paren = ""
    if has_people(story) and story.article.lead_source and switch("byline_in_lead", 0.15):
        paren = paren_byline(story, PDF)
        story.tag("byline_in_lead")
    byline = [] if paren else byline_lines(story, PDF, rng)
    if byline and rng.random() < 0.2:
        byline[0] = " " + byline[0]  # extraction often keeps a space before the first byline
    return Parts(byline, _body(story, lead_in(story, PDF, paren), width, rng, switch), title)


def _body(story: Story, lead: str, width: int, rng: Random, switch: Switch) -> list[str]:
    blocks = story.blocks()
    if blocks:
        kind, text = blocks[0]
        blocks[0] = (kind, lead + text)
    if story.jump and story.jump_inline:
        kind, text = blocks[-1]
        blocks[-1] = (kind, text + story.jump)
    lines = _wrapped(story, blocks, width, rng, switch)
    captions = list(story.captions)
    if captions and switch("caption_inline", 0.5):
        while lines and not lines[-1]:
            lines.pop()
        lines[-1] += " " + caption_line(*captions.pop(0))
        story.tag("caption_inline")
        lines.append("")
    if story.jump and not story.jump_inline:
        lines += [story.jump, ""]
    for caption, credit in captions:
        lines += [caption_line(caption, credit)] if rng.random() < 0.5 or not credit else [caption, credit]
        lines.append("")
    return lines


def _wrapped(story: Story, blocks: list[tuple[str, str]], width: int, rng: Random, switch: Switch) -> list[str]:
    """Paragraphs hard-wrapped, with the blank lines of paragraph and column ends."""
    digits = switch("cjk_digit_spaces", 0.6)
    spaced = switch("letter_spacing", 0.35)
    columns = switch("column_break_mid_sentence", 0.9)
    loose_from = len(blocks) - 1 if len(blocks) > 2 and switch("loose_lines", 0.05) else len(blocks)
    tight = rng.randrange(1, len(blocks)) if len(blocks) > 1 and switch("paragraph_break_missing", 0.2) else -1
    height = rng.randint(6, 14)
    out: list[str] = []
    count = 0
    for b, (kind, text) in enumerate(blocks):
        if kind == "heading":
            if out and out[-1]:
                out.append("")
            out += text.split("|") + ([""] if rng.random() < 0.5 else [])
            continue
        if b == tight and out and not out[-1] and len(out) > 1 and len(out[-2]) < width - 2:
            out.pop()  # the paragraph before ends short: a reader sees the break without a blank
            story.tag("paragraph_break_missing")
        wrapped = wrap(text.replace("|", ""), width, rng)
        for n, line in enumerate(wrapped):
            if digits and any(ch.isdigit() for ch in line) and rng.random() < 0.6:
                line = space_digits(line, rng)
                story.tag("cjk_digit_spaces")
            if spaced and not any(ch.isascii() for ch in line) and rng.random() < 0.07:
                line = letter_space(line)
                story.tag("letter_spacing")
            out.append(line)
            count += 1
            last = n == len(wrapped) - 1
            if b >= loose_from:
                out.append("")
                story.tag("loose_lines")
            elif columns and count % height == 0 and not last:
                out.append("")
                if not ends_sentence(line):
                    story.tag("column_break_mid_sentence")
        if out[-1]:
            out.append("")
    if spaced and switch.forced("letter_spacing") and "letter_spacing" not in story.tags:
        for k, line in enumerate(out):
            if len(line) > 6 and not any(ch.isascii() for ch in line):
                out[k] = letter_space(line)
                story.tag("letter_spacing")
                break
    return out


def _title(story: Story, width: int, rng: Random, switch: Switch) -> list[str]:
    if story.untitled:
        return []
    headline = story.headline
    if "|" in headline or len(headline) >= 14:
        if switch("two_line_title", 0.5):
            headline = _two_lines(headline)
            story.tag("two_line_title")
    elements = [[story.kicker]] if story.kicker else []
    elements.append(headline.replace("|", "").split("\n"))
    elements += [[s] for s in story.subheadline]
    if switch("fake_bold", 0.15):
        heads = elements[1] if story.kicker else elements[0]
        heads[:] = [fake_bold(x) for x in heads]
        story.tag("fake_bold")
        if any(not ch.isalnum() and not ch.isspace() for x in heads for ch in x):
            story.tag("fake_bold_punct")
        if story.kicker and rng.random() < 0.3:
            elements[0] = [fake_bold(story.kicker)]
    gap = rng.random() < 0.55
    out: list[str] = []
    for element in elements:
        if out and gap:
            out.append("")
        out += element
    return out


def _two_lines(headline: str) -> str:
    """At the printed break, else where the lines come out even."""
    if "|" in headline:
        return headline.replace("|", "\n")
    half = (len(headline) + 1) // 2
    return headline[:half] + "\n" + headline[half:]
