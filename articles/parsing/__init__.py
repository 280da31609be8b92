"""The page parser: bytes in, dataclasses out. Pure Python with no Django import, so it can be
tested and benchmarked alone.

    bytes -> decode (decode.py) -> normalise each line (text.py) -> detect the format
    (paragraphs.py) -> typed paragraphs (pdf.py / lines.py) -> groups of body text and runs of
    title lines (grouping.py) -> titles paired with bodies by weighed evidence (pairing.py)
    -> articles with title roles, credits, lead and kind (build.py, titles.py, patterns.py)
    -> the issue date (dates.py) and each article's confidence (confidence.py).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date

from .build import articles_from, build_article, column_label, is_kept
from .dates import infer_issue_date
from .decode import DecodeError, decode_bytes
from .grouping import (
    Group,
    attach_orphan_bylines,
    follow_titles_above_bylines,
    group_paragraphs,
    markdown_groups,
    merge_section_headings,
    place_bylines_under_titles,
    set_aside_bylines_under_titles,
)
from .lines import line_paragraphs
from .pairing import assign_titles, reunite_far_titles
from .paragraphs import detect_format, special_kind
from .pdf import pdf_paragraphs
from .text import normalise_line
from .types import Kind, Para, ParaKind, ParsedArticle, ParsedParagraph, ParseResult, Role, SourceFormat, Vocabulary

PARSER_VERSION = "16"  # bump when parsing or the stored search columns change: ingest re-parses
DEFAULT_PAPER = "株洲日报"

__all__ = [
    "DEFAULT_PAPER",
    "PARSER_VERSION",
    "DecodeError",
    "Kind",
    "ParaKind",
    "ParseResult",
    "ParsedArticle",
    "ParsedParagraph",
    "Role",
    "SourceFormat",
    "Vocabulary",
    "articles_from",
    "decode_bytes",
    "lost_characters",
    "parse_bytes",
    "parse_text",
]


def parse_bytes(
    data: bytes,
    *,
    file_name: str = "",
    issue_date: date | None = None,
    page: str | None = None,
    paper: str = DEFAULT_PAPER,
) -> ParseResult:
    """Decode and parse one page; raises DecodeError for input that is not page text."""
    text, encoding = decode_bytes(data)
    result = parse_text(text, file_name=file_name, issue_date=issue_date, page=page, paper=paper)
    result.raw_text = text
    result.source.update(encoding=encoding, bytes=len(data), sha256=hashlib.sha256(data).hexdigest())
    return result


def parse_text(
    text: str,
    *,
    file_name: str = "",
    issue_date: date | None = None,
    page: str | None = None,
    paper: str = DEFAULT_PAPER,
) -> ParseResult:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = [normalise_line(x) for x in text.split("\n")]
    fmt = detect_format(lines)
    special_kind.cache_clear()  # each line is asked about several times within one page only
    paras, groups = _read(lines, fmt)
    paragraphs = _assign(paras, groups, paper)
    articles, unassigned = articles_from(paragraphs, paper)
    inferred = issue_date is None
    evidence = "由导入时给定"
    if inferred:
        issue_date, evidence = infer_issue_date(articles, "\n".join(lines))
    return ParseResult(
        source={"file_name": file_name, "format": fmt, "characters": len(text), "parser_version": PARSER_VERSION},
        issue_date=issue_date,
        date_inferred=inferred and issue_date is not None,
        date_evidence=evidence,
        page=page,
        articles=articles,
        unassigned=unassigned,
        normalised_text="\n".join(lines),
        paragraphs=paragraphs,
    )


def _read(lines: list[str], fmt: SourceFormat) -> tuple[list[Para], list[Group]]:
    """The page's paragraphs in printed order, and the groups of body text with their titles."""
    if fmt == SourceFormat.MARKDOWN:
        paras = line_paragraphs(lines, markdown=True)
        _number(paras)
        groups, before = markdown_groups(paras)
        return paras, ([Group(paras=before)] if before else []) + groups
    paras = pdf_paragraphs(lines) if fmt == SourceFormat.PDF else line_paragraphs(lines)
    _number(paras)
    items, aside = group_paragraphs(paras, pdf=fmt == SourceFormat.PDF), []
    if fmt == SourceFormat.PDF:
        items, aside = set_aside_bylines_under_titles(items)
    items = attach_orphan_bylines(items)
    if fmt != SourceFormat.PDF:
        items = merge_section_headings(items)
    groups = assign_titles(items, fmt)
    reunite_far_titles(groups)
    follow_titles_above_bylines(groups)
    return paras, groups + place_bylines_under_titles(groups, aside)


def _number(paras: list[Para]) -> None:
    for index, para in enumerate(paras):
        para.index = index


def _assign(paras: list[Para], groups: list[Group], paper: str) -> list[ParsedParagraph]:
    """Each paragraph with the article it belongs to: the groups that make an article, in printed
    order; a column label, promotion lines and groups that hold no article stay unassigned."""
    by_index = {p.index: p for p in paras}
    article: dict[int, int] = {}
    kept = 0
    for group in sorted(groups, key=lambda g: min((p.index for p in g.paras or g.titles), default=-1)):
        label = column_label(group)
        if label is not None:
            group.titles.remove(label)
        members = group.titles + [p for p in group.paras if p.kind not in (ParaKind.FURNITURE, ParaKind.TITLE)]
        by_index.update((p.index, p) for p in group.titles + group.paras)
        art, _ = build_article(Group(titles=_printed(group.titles), paras=_printed(group.paras)), paper)
        if not is_kept(art):
            continue
        article.update((p.index, kept) for p in members)
        kept += 1
    return [ParsedParagraph(i, p.kind, p.text, article.get(i), p.role) for i, p in sorted(by_index.items())]


def _printed(paras: list[Para]) -> list[Para]:
    return sorted(paras, key=lambda p: p.index)


def lost_characters(result: ParseResult) -> Counter:
    """Non-space characters of the normalised page found in no article field and not unassigned.

    On a Markdown page the markers (`#`, a leading `-`) are layout, not text, and are not
    counted; on any other page every character counts."""
    source = result.normalised_text
    if result.source.get("format") == SourceFormat.MARKDOWN:
        source = re.sub(r"(?m)^\s*(#{1,6}|[-*+](?=\s))", "", source)
    have = Counter(re.sub(r"\s", "", source))
    out = "".join("".join(a.texts()) for a in result.articles) + "".join(result.unassigned)
    have.subtract(Counter(re.sub(r"\s", "", out)))
    return +have
