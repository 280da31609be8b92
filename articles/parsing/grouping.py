"""Typed paragraphs to groups of body text and the runs of title lines between them.

A group is the text of one story without its title: its byline, lead, body paragraphs, section
headings, captions, tables, jump line. A new group starts where a story's printed start stands
(a byline or signature after text, a lead such as `株洲日报讯`, or text after a title run); a
photo credit or a jump line ends one. Which group each title run belongs to is pairing.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .paragraphs import caption_credit, titleish
from .patterns import AGENCIES, Lead, normalise_source, parse_byline, parse_lead, points_elsewhere
from .text import bigrams, cjk_len, continues_sentence, ends_sentence, pair_share
from .types import Para, ParaKind

K = ParaKind
TEXT_KINDS = (K.BODY, K.HEADING, K.CAPTION)


@dataclass
class Group:
    paras: list[Para] = field(default_factory=list)
    titles: list[Para] = field(default_factory=list)
    _bigrams: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    def has(self, *kinds: ParaKind) -> bool:
        return any(p.kind in kinds for p in self.paras)

    @property
    def has_start(self) -> bool:
        if self.has(K.BYLINE, K.SIGNATURE, K.CREDIT):
            return True
        return any(p.kind == K.BODY and parse_lead(p.text) for p in self.paras)

    @property
    def body_text(self) -> str:
        return "".join(p.text for p in self.paras if p.kind in TEXT_KINDS)

    def body_bigrams(self) -> set[str]:
        """Character pairs of the opening of the body (computed once: title pairing asks often)."""
        if self._bigrams is None:
            self._bigrams = bigrams(self.body_text[:3000])
        return self._bigrams

    def changed(self) -> None:
        self._bigrams = None

    def fit(self, title: str) -> float:
        """How much of a title's wording this body repeats: the share of its character pairs
        found in the opening of the body (news repeats its headline's words in its first lines)."""
        return pair_share(title, self.body_bigrams())

    @property
    def points_elsewhere(self) -> bool:
        """It ends with a pointer to another page (`详见B3版`): a teaser, a story of its own."""
        return any(p.kind == K.JUMP and points_elsewhere(p.text) for p in self.paras)


@dataclass
class TitleRun:
    """Title lines printed one after another, between two groups."""

    paras: list[Para] = field(default_factory=list)


Item = Group | TitleRun


def group_paragraphs(paras: list[Para], pdf: bool = False) -> list[Item]:
    """The page as alternating title runs and groups, in printed order. In PDF text a photo's
    caption and credit close their story (`_closed_by_photo`); elsewhere a caption may stand
    between two paragraphs of one story."""
    items: list[Item] = []
    group: Group | None = None
    for i, p in enumerate(paras):
        if p.kind == K.TITLE:
            if not items or not isinstance(items[-1], TitleRun):
                items.append(TitleRun())
            items[-1].paras.append(p)
            group = None
            continue
        if p.kind == K.TABLE and group is None and items and not isinstance(items[-1], TitleRun):
            group = _last_group(items)  # a table after a closed story belongs to it
        if group is None and _photo_after_jump(i, paras):
            group = _last_group(items)
            p.kind = K.CAPTION  # its credit may stand on the line below, as a credit of its own
        if group is None or _starts_story(p, group) or (pdf and _opens_photo_text(i, paras, group)):
            group = Group()
            items.append(group)
        group.paras.append(p)
        if p.kind in (K.JUMP, K.CREDIT) and not _credit_leads(i, paras):
            group = None
    return items


def _photo_after_jump(i: int, paras: list[Para]) -> bool:
    """A photo's caption (one sentence, with its credit on it or on the line below) printed right
    after a jump line: the story breaks off there, and its photo is printed after the break. A
    photo story's text runs to a few sentences; a one-line caption here is the jumping story's."""
    if i == 0 or paras[i - 1].kind != K.JUMP or parse_lead(paras[i].text) is not None:
        return False
    p, below = paras[i], paras[i + 1] if i + 1 < len(paras) else None
    credited = p.kind == K.CAPTION and bool(caption_credit(p.text))
    credit_below = p.kind == K.BODY and below is not None and below.kind == K.CREDIT
    return (credited or credit_below) and len(re.findall(r"[。！？]", p.text)) <= 1


def _last_group(items: list[Item]) -> Group | None:
    return next((it for it in reversed(items) if isinstance(it, Group)), None)


def _starts_story(p: Para, group: Group) -> bool:
    """Whether this paragraph opens a new story rather than continuing `group`."""
    if p.kind in (K.BYLINE, K.SIGNATURE):
        apart = p.gap >= 1 and _names_reporters(p) and _has_reporters(group)
        return group.has(K.BODY, K.HEADING, K.CAPTION, K.TABLE) or apart
    lead = parse_lead(p.text) if p.kind == K.BODY else None
    if lead is not None:
        return (
            group.has(K.BODY, K.HEADING, K.TABLE)
            or _credits_another_source(group, lead.source)
            or _bylined_again(group, lead)
        )
    return False


def _opens_photo_text(i: int, paras: list[Para], group: Group) -> bool:
    """PDF: body text that opens afresh after a story closed by its photo, or a photo story's
    text after a finished paragraph: another story."""
    p = paras[i]
    if p.kind != K.BODY or continues_sentence(p.text):
        return False
    return _closed_by_photo(group) or (_ends_finished(group) and _photo_story_text(i, paras))


def _ends_finished(group: Group) -> bool:
    text = [p for p in group.paras if p.kind == K.BODY]
    return bool(text) and ends_sentence(text[-1].text)


def _photo_story_text(i: int, paras: list[Para]) -> bool:
    """A paragraph of a few sentences (a caption is one) with no lead, closed by a credit that
    names its photographers: the text of a photo story."""
    p, credit = paras[i], paras[i + 1] if i + 1 < len(paras) else None
    if credit is None or credit.kind != K.CREDIT or parse_lead(p.text) is not None:
        return False
    credits = parse_byline(credit.text)
    sentences = len(re.findall(r"[。！？]", p.text))
    named = credits is not None and bool(credits.photographers)
    return named and sentences >= 2 and cjk_len(p.text) <= PHOTO_TEXT_MAX


def _closed_by_photo(group: Group) -> bool:
    """The group ends with a caption that carries its photo credit, after text that ends a
    sentence: the photo printed at the end of its story. (A photo set inside a story cuts a
    sentence, or the text after it goes on mid-sentence.)"""
    paras = group.paras
    if not paras or paras[-1].kind != K.CAPTION or not caption_credit(paras[-1].text):
        return False
    text = [p for p in paras[:-1] if p.kind == K.BODY]
    return not text or ends_sentence(text[-1].text)


def _credits_another_source(group: Group, source: str) -> bool:
    """An agency's lead (`新华社北京3月26日电`) under bylines that name another paper's staff: the
    bylines belong to a story whose title stands above them, not to the agency copy below."""
    if source not in AGENCIES:
        return False
    credits = [parse_byline(p.text) for p in group.paras if p.kind == K.BYLINE]
    orgs = [normalise_source(org) for c in credits if c is not None for org in c.orgs]
    return bool(orgs) and source not in orgs


def _bylined_again(group: Group, lead: Lead) -> bool:
    """A lead that carries its own byline (`株洲日报讯（记者 肖蓉）`) under bylines that name other
    reporters: a story prints its byline once, so the bylines above belong to the story whose
    title stands above them."""
    if lead.credits is None or not lead.credits.reporters:
        return False
    credits = [parse_byline(p.text) for p in group.paras if p.kind == K.BYLINE]
    named = {name for c in credits if c is not None for name in c.reporters}
    return bool(named) and not named & set(lead.credits.reporters)


def _names_reporters(p: Para) -> bool:
    credits = parse_byline(p.text) if p.kind == K.BYLINE else None
    return credits is not None and bool(credits.reporters)


def _has_reporters(group: Group) -> bool:
    """A story prints its reporters' byline once, or in lines that follow each other: a second one
    set apart by a blank line is another story's."""
    return any(_names_reporters(p) for p in group.paras)


def _credit_leads(i: int, paras: list[Para]) -> bool:
    """A photo credit (paras[i]) ends its group unless it stands right under a title with body
    text right after it (a credit at the top). By position: an equal credit line elsewhere on
    the page must not answer for this one."""
    return (
        paras[i].kind == K.CREDIT
        and 0 < i < len(paras) - 1
        and paras[i - 1].kind == K.TITLE
        and paras[i + 1].kind == K.BODY
    )


def _bylines_only(item: Item) -> bool:
    return isinstance(item, Group) and bool(item.paras) and not item.has(*TEXT_KINDS, K.TABLE, K.JUMP)


def set_aside_bylines_under_titles(items: list[Item]) -> tuple[list[Item], list[Group]]:
    """PDF text: a group of bylines and nothing else printed right under a title run belongs to
    the story that title belongs to, wherever its body is; it waits until titles are paired
    (place_bylines_under_titles)."""
    kept: list[Item] = []
    aside: list[Group] = []
    for item in items:
        under_title = bool(kept) and isinstance(kept[-1], TitleRun)
        photo = _photo_under_bylines(item) if under_title else None
        if _bylines_only(item) and under_title:
            aside.append(item)
        elif photo is not None:
            aside.append(Group(paras=item.paras[:photo]))
            kept.append(Group(paras=item.paras[photo:]))
        else:
            kept.append(item)
    return kept, aside


PHOTO_TEXT_MAX = 400  # a photo story's caption is a paragraph or two


def _photo_under_bylines(item: Item) -> int | None:
    """Where a photo story (a short caption and the credit of its photographers) starts under
    bylines that name reporters: a photo story credits its photographers only, so the bylines
    above it are another story's, printed under that story's title."""
    if not isinstance(item, Group):
        return None
    start = next((n for n, p in enumerate(item.paras) if p.kind != K.BYLINE), 0)
    rest = item.paras[start:]
    if not start or not 2 <= len(rest) <= 3 or rest[-1].kind != K.CREDIT:
        return None
    credit = parse_byline(rest[-1].text)
    short = sum(cjk_len(p.text) for p in rest[:-1]) <= PHOTO_TEXT_MAX
    text = all(p.kind in (K.BODY, K.CAPTION) and parse_lead(p.text) is None for p in rest[:-1])
    named = credit is not None and bool(credit.photographers)
    return start if short and text and named and any(_names_reporters(p) for p in item.paras[:start]) else None


def place_bylines_under_titles(groups: list[Group], aside: list[Group]) -> list[Group]:
    """Each set-aside byline joins the story whose title line was printed right above it, if that
    story has no byline of its own; the others are returned to stand as they are."""
    left = []
    for bylines in aside:
        above = bylines.paras[0].index - 1
        owner = next((g for g in groups if any(t.index == above for t in g.titles)), None)
        if owner is not None and not owner.has(K.BYLINE):
            owner.paras[:0] = bylines.paras
            owner.changed()
        else:
            left.append(bylines)
    return left


def follow_titles_above_bylines(groups: list[Group]) -> None:
    """A story's bylines printed right under a title line that another story took, after title
    lines of its own printed before them (`teaser title / far title / far byline / teaser text`):
    the bylines credit the story of the title right above them, when it has none of its own."""
    owner_of = {t.index: g for g in groups for t in g.titles}
    for group in groups:
        bylines = _leading_bylines(group)
        if not bylines or not group.titles or max(t.index for t in group.titles) > bylines[0].index:
            continue
        owner = owner_of.get(bylines[0].index - 1)
        if owner is None or owner is group or owner.has(K.BYLINE, K.SIGNATURE):
            continue
        del group.paras[: len(bylines)]
        owner.paras[:0] = bylines
        group.changed()
        owner.changed()


def _leading_bylines(group: Group) -> list[Para]:
    out = []
    for p in group.paras:
        if p.kind != K.BYLINE:
            break
        out.append(p)
    return out


def attach_orphan_bylines(items: list[Item]) -> list[Item]:
    """A group of bylines and nothing else (printed above its story's title stack, or apart from
    it by a caption) joins the next group that has no byline of its own, else the one before;
    with no such neighbour, the next group all the same: credits are not dropped for a guess."""
    out = list(items)
    i = 0
    while i < len(out):
        item = out[i]
        if not _bylines_only(item):
            i += 1
            continue
        after = next((g for g in out[i + 1 :] if isinstance(g, Group)), None)
        before = _last_group(out[:i])
        if after is not None and not after.has(K.BYLINE, K.SIGNATURE):
            after.paras[:0] = item.paras
            after.changed()
        elif before is not None and not before.has(K.BYLINE, K.SIGNATURE):
            before.paras.extend(item.paras)
            before.changed()
        elif after is not None and not isinstance(out[i + 1], TitleRun):
            after.paras[:0] = item.paras
            after.changed()
        else:
            i += 1
            continue
        del out[i]
    return out


def merge_section_headings(items: list[Item]) -> list[Item]:
    """Titles-first text: a one-line title followed by a body with no byline, lead or credit is
    a 小标题 inside the article before it, unless it points to another page (a teaser)."""
    out: list[Item] = []
    for item in items:
        if (
            isinstance(item, Group)
            and not item.has_start
            and not item.points_elsewhere
            and len(out) >= 2
            and isinstance(out[-1], TitleRun)
            and len(out[-1].paras) == 1
            and isinstance(out[-2], Group)
            and not out[-2].has(K.JUMP, K.CREDIT)
        ):
            heading = out.pop().paras[0]
            prev = out[-1]
            prev.paras.append(Para(K.HEADING, heading.text, heading.gap, index=heading.index))
            prev.paras.extend(item.paras)
            prev.changed()
            continue
        out.append(item)
    return out


def markdown_groups(paras: list[Para]) -> tuple[list[Group], list[Para]]:
    """Markdown: each `##` starts an article; `###`, plain lines and bullets between it and the
    first byline or lead are its kicker or subheadlines. Their roles are marked on the title
    paragraphs (Para.role), since the text says them."""
    out: list[Group] = []
    before: list[Para] = []
    current: _MarkdownTitle | None = None
    for p in paras:
        if p.kind == K.H2:
            p.role = "headline"
            kicker = _kicker_right_above(p, before if current is None else current.group.paras)
            current = _MarkdownTitle(Group(titles=[kicker, p] if kicker else [p]))
            out.append(current.group)
        elif current is None:
            before.append(p)
        elif not current.take(p):
            current.group.paras.append(p)
    for group in out:
        _plain_lines_as_text(group.paras)
    return out, before


def _plain_lines_as_text(paras: list[Para]) -> None:
    """Markdown marks its titles: a plain line that looks like a title inside an article's text,
    under no `##` (a body line cut before a photo, `…负责人介绍，本届比赛设置`), is that article's
    text: a sentence cut (with a comma inside) is body, a short phrase a section heading."""
    for p in paras:
        if p.kind == K.TITLE:
            p.kind = K.BODY if re.search(r"[，,]", p.text) else K.HEADING


def _kicker_right_above(headline: Para, above: list[Para]) -> Para | None:
    """A short plain line printed right above a `##` headline, no blank line between, is its
    kicker (`今年高考成绩今日可查` / `## 考生可通过四种方式查分`): taken from where it was read."""
    if headline.gap or not above:
        return None
    line = above[-1]
    if line.kind not in (K.TITLE, K.BODY) or parse_lead(line.text) is not None:
        return None
    if not titleish(line.text, limit=30, whole_line=True):
        return None
    above.pop()
    line.kind, line.role = K.TITLE, "kicker"
    return line


@dataclass
class _MarkdownTitle:
    group: Group
    in_title: bool = True

    def take(self, p: Para) -> bool:
        """Take a line under the `##` as part of the title, while the title block lasts: a short
        `###` first is the kicker, the rest are subheadlines."""
        if not self.in_title or p.kind not in (K.H3, K.BULLET, K.TITLE):
            self.in_title = False
            return False
        first = len(self.group.titles) == 1
        p.role = "kicker" if p.kind == K.H3 and first and cjk_len(p.text) <= 8 else "subheadline"
        self.group.titles.append(p)
        return True
