"""The named phenomena a composed page can show, and the switch that turns them on and off.

Two sorts. A *layout* phenomenon is a choice the compositor makes (print the title far from its
body, double a title in fake bold); `compose(..., phenomena=...)` switches it: None applies each
with its usual probability, a set applies those named wherever they fit and no other. A *content*
phenomenon is carried by the article itself (a photo story, a dateline range, a future year);
it is tagged wherever such an article is printed, and `random_page` picks articles that carry
the ones named. The numbers are the fifteen types of issue 13.
"""

from __future__ import annotations

from dataclasses import dataclass
from random import Random

PDF, LINES, MARKDOWN = "pdf-columns", "paragraph-lines", "markdown"
ALL = frozenset({PDF, LINES, MARKDOWN})


@dataclass(frozen=True)
class Phenomenon:
    name: str
    layout: bool  # a compositor's choice (switchable), else carried by the article
    formats: frozenset[str]
    issue: int | None  # its number among the fifteen types of issue 13
    doc: str


def _p(name: str, layout: bool, formats: frozenset[str] | set[str], issue: int | None, doc: str) -> Phenomenon:
    return Phenomenon(name, layout, frozenset(formats), issue, doc)


PHENOMENA: dict[str, Phenomenon] = {
    p.name: p
    for p in [
        _p("title_after_body_far", True, {PDF}, 1, "title block and byline printed after a later story's title"),
        _p("section_heading", False, ALL, 2, "小标题 inside a feature, some on two lines or quoted"),
        _p("two_line_title", True, {PDF, LINES}, 3, "a title on two lines, often a short first line"),
        _p("kicker_fact_slogan", False, ALL, 4, "kicker states a fact (a count), the headline is a slogan"),
        _p("photo_story", False, ALL, 5, "title, one caption paragraph, a 摄 line"),
        _p("fake_bold", True, {PDF}, 6, "title lines doubled by fake bold"),
        _p("fake_bold_punct", False, {PDF}, 6, "a fake-bold line whose punctuation is doubled too"),
        _p("org_credit", False, ALL, 7, "a 供图 credit naming an organisation, not a person"),
        _p("title_stack", False, ALL, 8, "two or three title parts: kicker, headline, subheadline"),
        _p("kicker_headline_one_line", True, {LINES}, 9, "kicker and headline on one line, a space between"),
        _p("teaser", False, ALL, 10, "summary sentences pointing to another page (详见B3版)"),
        _p("untitled_lead_story", True, {LINES}, 11, "the lead story printed without a title of its own"),
        _p("dateline_range", False, ALL, 12, "a dateline of two days (6月2日至3日)"),
        _p("interleaved_fragments", True, {LINES}, 13, "a caption and its credit line in the middle of a sentence"),
        _p("byline_separated", True, {LINES}, 14, "byline, then the title stack and a caption, then the body"),
        _p("future_year", False, ALL, 15, "a year (or 明年) named as a target or plan"),
        _p("hard_wrap", False, {PDF}, None, "lines wrapped at a column of 11-20 characters"),
        _p("column_break_mid_sentence", True, ALL, None, "a blank line where a column ends inside a sentence"),
        _p("cjk_digit_spaces", True, {PDF}, None, "spaces around digits: 3 月 26 日"),
        _p("letter_spacing", True, {PDF}, None, "a justified line with a space between characters"),
        _p("jump_line", True, ALL, None, "the body cut, with 下转A2版 after it"),
        _p("furniture", True, ALL, None, "promo lines and column labels that belong to no story"),
        _p("caption_inline", True, {PDF}, None, "a caption on the line of the body's last sentence"),
        _p("title_before_body", True, {PDF}, None, "in PDF text the title usually follows its body; here before"),
        _p("paragraph_break_missing", True, {PDF}, None, "no blank line between two paragraphs"),
        _p("loose_lines", True, {PDF}, None, "a blank line after every line of a stretch of text"),
        _p("byline_in_lead", True, ALL, None, "the byline inside the lead-in: 株洲日报讯（记者 X）"),
        _p("headline_halves", True, {LINES, MARKDOWN}, None, "a headline printed in two halves with a space"),
        _p("half_width_punct", True, {MARKDOWN}, None, "the page's commas and brackets half-width"),
        _p("markdown_bullets", True, {MARKDOWN}, None, "subheadlines printed as - bullets"),
        _p("kicker_above_headline", True, {MARKDOWN}, None, "a long kicker as a plain line above ##"),
        _p("kicker_as_subheadline", False, {MARKDOWN}, None, "a long kicker under ##, keyed as subheadline"),
        _p("kicker_official", False, ALL, None, "kicker names an official and what they did"),
        _p("meeting_subheadline", False, ALL, None, "a meeting headline with a subheadline of detail"),
        _p("dash_subtitle", False, ALL, None, "a ——subtitle"),
        _p("long_headline", False, ALL, None, "a headline of 16 characters or more"),
        _p("caption_in_body", False, ALL, None, "a photo caption that belongs to a story"),
        _p("seed_article", False, ALL, None, "an article of a sample page, recombined"),
        _p("agency", False, ALL, None, "agency copy"),
        _p("commentary", False, ALL, None, "a commentary with a signature"),
        _p("feature", False, ALL, None, "a feature"),
    ]
}


NEEDS = {"fake_bold_punct": ("fake_bold",)}  # a phenomenon that shows only when another is on


class Switch:
    """Decides whether a layout phenomenon happens here, by the page's random stream."""

    def __init__(self, rng: Random, enabled: set[str] | frozenset[str] | None = None) -> None:
        unknown = set(enabled or ()) - set(PHENOMENA)
        if unknown:
            raise ValueError(f"unknown phenomena: {sorted(unknown)}")
        self.rng = rng
        self.enabled = None if enabled is None else frozenset(enabled) | {n for e in enabled for n in NEEDS.get(e, ())}

    def __call__(self, name: str, probability: float) -> bool:
        roll = self.rng.random()  # drawn either way, so one switch does not reshuffle the rest
        if self.enabled is None:
            return roll < probability
        return name in self.enabled

    def forced(self, name: str) -> bool:
        return self.enabled is not None and name in self.enabled
