"""One group of paragraphs and its titles -> a ParsedArticle (roles of title lines, credits, kind)."""

from __future__ import annotations

from .assemble import Group
from .confidence import confidence
from .layout import (
    BODY,
    BULLET,
    BYLINE,
    CAPTION,
    CREDIT,
    FURNITURE,
    H2,
    H3,
    HEADING,
    JUMP,
    SIGNATURE,
    TABLE,
    Para,
)
from .patterns import AGENCIES, Credits, normalise_source, parse_byline, parse_jump, parse_lead
from .text import cjk_len
from .titles import Roles, join_title, title_roles
from .types import Kind, ParsedArticle

LABEL_MAX = 6  # a column label (栏目) is a few characters standing after the title, above the byline


def build_article(group: Group, paper: str, roles: Roles | None = None) -> tuple[ParsedArticle, list[str]]:
    """The article and any text that belongs to no article (column labels, promo lines)."""
    art = ParsedArticle()
    unassigned: list[str] = []
    if roles is None:
        elements = [t.text for t in group.titles]
        if (
            len(elements) >= 2
            and cjk_len(elements[-1]) <= LABEL_MAX
            and cjk_len(elements[-1]) < cjk_len(elements[-2])
            and group.has(BYLINE)
        ):
            unassigned.append(elements.pop())
        roles = title_roles(elements) if elements else (None, "", None)
    art.kicker, art.headline, art.subheadline = roles
    credits = Credits()
    paragraphs: list[str] = []
    signature = False
    for p in group.paras:
        if p.kind in (BYLINE, CREDIT):
            c = parse_byline(p.text) or _lead_credits(p.text)
            if c is not None:
                credits.extend(c)
            art.bylines.append(p.text)
        elif p.kind == SIGNATURE:
            signature = True
            credits.authors.append(p.text.strip().lstrip("□■◎●○").strip())
            art.bylines.append(p.text)
        elif p.kind == JUMP:
            art.continued_to = parse_jump(p.text)
            art.jump = p.text
        elif p.kind == CAPTION:
            art.captions.append(p.text)
        elif p.kind == TABLE:
            art.tables.append(p.text)
        elif p.kind == FURNITURE:
            unassigned.append(p.text)
        elif p.kind in (HEADING, H3):
            paragraphs.append(p.text)
            art.section_headings.append(p.text)
        elif p.kind in (BODY, BULLET, H2):
            text = p.text
            if not paragraphs and art.lead is None:
                lead = parse_lead(text)
                if lead is not None:
                    art.lead, art.dateline = lead.printed, lead.dateline
                    art.source = paper if lead.source in ("本报", "本刊") else lead.source
                    if lead.credits is not None:
                        credits.extend(lead.credits)
                    text = lead.rest
            if text:
                paragraphs.append(text)
        else:  # a stray title line with no article of its own: kept, never dropped
            unassigned.append(p.text)
    art.body = "\n".join(paragraphs)
    art.reporters, art.correspondents = credits.reporters, credits.correspondents
    art.photographers, art.authors = credits.photographers, credits.authors
    if art.source is None:
        art.source = _source_from(credits, paper, signature)
    art.kind = _kind(art, group, credits, signature)
    if art.kind == Kind.PHOTO and not art.captions and art.body:
        art.captions = [art.body.replace("\n", "")]
    art.confidence = confidence(art)
    return art, unassigned


def _lead_credits(text: str) -> Credits | None:
    lead = parse_lead(text)
    return lead.credits if lead is not None else None


def _source_from(credits: Credits, paper: str, signature: bool) -> str | None:
    for org in credits.orgs:
        src = normalise_source(org)
        if src in AGENCIES or src.endswith("报"):
            return src
    if credits.reporters or credits.correspondents or credits.photographers:
        return paper
    return None


def _kind(art: ParsedArticle, group: Group, credits: Credits, signature: bool) -> str:
    if art.source in AGENCIES:
        return Kind.AGENCY
    if credits.is_photo and not credits.reporters and cjk_len(art.body) <= 400:
        return Kind.PHOTO
    if signature and not credits.reporters:
        return Kind.COMMENTARY
    if not art.body and art.tables:
        return Kind.TABLE
    if art.continued_to and cjk_len(art.body) <= 200 and art.jump and "见" in art.jump:
        return Kind.TEASER
    if art.section_headings and art.lead is None and not art.continued_to:
        return Kind.FEATURE
    return Kind.NEWS


def markdown_groups(paras: list[Para]) -> tuple[list[tuple[Group, Roles]], list[Para]]:
    """Markdown: each `##` starts an article; `###`, plain lines and bullets between it and the
    first byline or lead are its kicker or subheadlines."""
    out: list[tuple[Group, Roles]] = []
    before: list[Para] = []
    current: Group | None = None
    kicker: str | None = None
    subs: list[str] = []
    head: str | None = None
    in_title = False
    for p in paras:
        if p.kind == H2:
            if current is not None:
                out.append((current, _md_titles(kicker, head, subs)))
            current, head, kicker, subs, in_title = Group(), p.text, None, [], True
            continue
        if current is None:
            before.append(p)
            continue
        if in_title and p.kind in (H3, BULLET, "title"):
            if p.kind == H3 and not subs and kicker is None and cjk_len(p.text) <= 8:
                kicker = p.text
            else:
                subs.append(p.text)
            continue
        in_title = False
        current.paras.append(p)
    if current is not None:
        out.append((current, _md_titles(kicker, head, subs)))
    return out, before


def _md_titles(kicker: str | None, head: str | None, subs: list[str]) -> Roles:
    return kicker, join_title(head or ""), (" ".join(subs) or None)
