"""One group of paragraphs and its titles -> a ParsedArticle (title roles, credits, lead, kind)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .confidence import confidence
from .grouping import Group
from .paragraphs import caption_credit
from .patterns import (
    AGENCIES,
    Credits,
    normalise_source,
    parse_byline,
    parse_jump,
    parse_lead,
    points_elsewhere,
    signature_name,
)
from .text import cjk_len
from .titles import LABEL_MAX, Roles, completes_halves, join_title, title_roles
from .types import Kind, Para, ParaKind, ParsedArticle, ParsedParagraph

K = ParaKind
TEASER_MAX = 600  # a teaser is a few summary paragraphs
JUMP_MAX = 100  # the printed jump lines an article keeps (the stored column's length)


def build_article(group: Group, paper: str) -> tuple[ParsedArticle, list[str]]:
    """The article and any text in the group that belongs to no article (promotion lines)."""
    builder = _Builder(paper)
    builder.art.kicker, builder.art.headline, builder.art.subheadline = title_roles_of(group.titles)
    for p in group.paras:
        builder.take(p)
    return builder.finish(), builder.unassigned


def title_roles_of(titles: list[Para]) -> Roles:
    """(kicker, headline, subheadline) of a title block: as marked (Markdown), else as read."""
    if any(t.role for t in titles):
        roled = list(zip(titles, _completed_roles(titles), strict=True))
        kicker = " ".join(t.text for t, r in roled if r == "kicker") or None
        headline = join_title(" ".join(t.text for t, r in roled if r == "headline"))
        return kicker, headline, " ".join(t.text for t, r in roled if r == "subheadline") or None
    return title_roles([t.text for t in titles]) if titles else (None, "", None)


def _completed_roles(titles: list[Para]) -> list[str]:
    """Marked roles, and for a line left unmarked: kicker above the headline, subheadline below."""
    first_headline = next((n for n, t in enumerate(titles) if t.role == "headline"), len(titles))
    return [t.role or ("kicker" if n < first_headline else "subheadline") for n, t in enumerate(titles)]


def column_label(group: Group) -> Para | None:
    """A column label (`央媒看株洲`) printed apart after a whole title: no part of the title."""
    titles = group.titles
    if len(titles) < 2 or titles[-1].role:
        return None
    label, above = titles[-1].text, titles[-2].text
    is_label = (
        cjk_len(label) <= LABEL_MAX
        and cjk_len(label) < cjk_len(above)
        and (cjk_len(above) >= 10 or "——" in above)
        and group.fit(label) < 0.5
        and titles[-1].gap >= 1
        and group.has(K.BYLINE)
        and not completes_halves(above, label)
    )
    return titles[-1] if is_label else None


def is_kept(art: ParsedArticle) -> bool:
    """An article holds a headline, text, a caption or a table; bylines alone are no article."""
    return bool(art.headline or art.body or art.captions or art.tables)


def articles_from(paragraphs: list[ParsedParagraph], paper: str) -> tuple[list[ParsedArticle], list[str]]:
    """Articles built from paragraphs already assigned to them (the parser's own assignment, or
    one staff corrected), in printed order, and the unassigned text."""
    members: dict[int, list[ParsedParagraph]] = {}
    unassigned: list[str] = []
    for p in sorted(paragraphs, key=lambda p: p.index):
        if p.article is None:
            unassigned.append(p.text)
        else:
            members.setdefault(p.article, []).append(p)
    articles: list[ParsedArticle] = []
    for number in sorted(members):
        group = Group()
        for p in members[number]:
            para = Para(p.kind, p.text, index=p.index, role=p.role)
            (group.titles if is_title(para) else group.paras).append(para)
        art, extra = build_article(group, paper)
        art.confidence = confidence(art, _title_gap(group), min((group.fit(t.text) for t in group.titles), default=1.0))
        articles.append(art)
        unassigned += extra
    return articles, unassigned


def _title_gap(group: Group) -> int:
    """Paragraphs printed between a title block and the nearest paragraph of its body."""
    if not group.titles or not group.paras:
        return 0
    return min(abs(t.index - p.index) for t in group.titles for p in group.paras) - 1


def is_title(p: Para) -> bool:
    return p.kind in (K.TITLE, K.H2) or p.role is not None


@dataclass
class _Builder:
    paper: str
    art: ParsedArticle = field(default_factory=ParsedArticle)
    credits: Credits = field(default_factory=Credits)
    paragraphs: list[str] = field(default_factory=list)
    unassigned: list[str] = field(default_factory=list)
    signed: bool = False

    def take(self, p: Para) -> None:
        handler = {
            K.BYLINE: self._byline,
            K.CREDIT: self._byline,
            K.SIGNATURE: self._signature,
            K.JUMP: self._jump,
            K.CAPTION: self._caption,
            K.TABLE: lambda p: self.art.tables.append(p.text),
            K.HEADING: self._heading,
            K.H3: self._heading,
            K.BODY: self._body,
            K.BULLET: self._body,
        }.get(p.kind)
        if handler is None:  # furniture, or a stray title line with no article: kept, never dropped
            self.unassigned.append(p.text)
        else:
            handler(p)

    def _byline(self, p: Para) -> None:
        credits = parse_byline(p.text)
        if credits is None:
            lead = parse_lead(p.text)
            credits = lead.credits if lead is not None else None
        if credits is not None:
            self.credits.extend(credits)
        self.art.bylines.append(p.text)

    def _caption(self, p: Para) -> None:
        """A caption, and the photographers its credit names (`…奔跑。 株洲日报记者 王晨 摄`)."""
        self.art.captions.append(p.text)
        credit = caption_credit(p.text)
        credits = parse_byline(credit) if credit else None
        if credits is not None:
            self.credits.photographers += [n for n in credits.photographers if n not in self.credits.photographers]

    def _signature(self, p: Para) -> None:
        self.signed = True
        self.credits.authors.append(signature_name(p.text))
        self.art.bylines.append(p.text)

    def _jump(self, p: Para) -> None:
        """The article's jump line; a second one printed in the same article (`详见A4版`, then
        `下转A2版`) is kept beside the first, and the last names the page it continues on."""
        joined = f"{self.art.jump} {p.text}" if self.art.jump else p.text
        if len(joined) > JUMP_MAX:  # more pointers than a story prints: kept as the page's text
            self.unassigned.append(p.text)
            return
        self.art.continued_to = parse_jump(p.text)
        self.art.jump = joined

    def _heading(self, p: Para) -> None:
        self.paragraphs.append(p.text)
        self.art.section_headings.append(p.text)

    def _body(self, p: Para) -> None:
        text = p.text
        if not self.paragraphs and self.art.lead is None:
            lead = parse_lead(text)
            if lead is not None:
                self.art.lead, self.art.dateline = lead.printed, lead.dateline
                self.art.source = self.paper if lead.source in ("本报", "本刊") else lead.source
                if lead.credits is not None:
                    self.credits.extend(lead.credits)
                text = lead.rest
        if text:
            self.paragraphs.append(text)

    def finish(self) -> ParsedArticle:
        art, credits = self.art, self.credits
        art.body = "\n".join(self.paragraphs)
        art.reporters, art.correspondents = credits.reporters, credits.correspondents
        art.photographers, art.authors = credits.photographers, credits.authors
        if art.source is None:
            art.source = _source_from(credits, self.paper)
        art.kind = _kind(art, credits, self.signed)
        if art.kind == Kind.PHOTO and not art.captions and art.body:
            art.captions = [art.body.replace("\n", "")]
        return art


def _source_from(credits: Credits, paper: str) -> str | None:
    for org in credits.orgs:
        src = normalise_source(org)
        if src in AGENCIES or src.endswith("报"):
            return src
    if credits.reporters or credits.correspondents or credits.photographers:
        return paper
    return None


def _kind(art: ParsedArticle, credits: Credits, signed: bool) -> Kind:
    if art.source in AGENCIES:
        return Kind.AGENCY
    if credits.is_photo and not credits.reporters and cjk_len(art.body) <= 400:
        return Kind.PHOTO
    if signed and not credits.reporters:
        return Kind.COMMENTARY
    if not art.body and art.tables:
        return Kind.TABLE
    if art.continued_to and art.jump and points_elsewhere(art.jump) and cjk_len(art.body) <= TEASER_MAX:
        return Kind.TEASER
    if art.section_headings and art.lead is None and not art.continued_to:
        return Kind.FEATURE
    return Kind.NEWS
