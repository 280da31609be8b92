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
from collections import Counter
from datetime import date

from .build import build_article
from .dates import infer_issue_date
from .decode import DecodeError, decode_bytes
from .grouping import (
    Group,
    attach_orphan_bylines,
    group_paragraphs,
    markdown_groups,
    merge_section_headings,
    place_bylines_under_titles,
    set_aside_bylines_under_titles,
)
from .lines import line_paragraphs
from .pairing import assign_titles, reunite_far_titles
from .paragraphs import detect_format
from .pdf import pdf_paragraphs
from .text import normalise_line
from .types import Kind, ParaKind, ParsedArticle, ParseResult, SourceFormat

PARSER_VERSION = "3"  # bump when parsing or the stored search columns change: ingest re-parses
DEFAULT_PAPER = "株洲日报"

__all__ = [
    "PARSER_VERSION",
    "DecodeError",
    "Kind",
    "ParaKind",
    "ParseResult",
    "ParsedArticle",
    "SourceFormat",
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
    unassigned: list[str] = []
    articles: list[ParsedArticle] = []
    if fmt == SourceFormat.MARKDOWN:
        groups, before = markdown_groups(line_paragraphs(lines, markdown=True))
        if before:
            stray = Group(paras=before)
            groups.insert(0, (stray, (None, "", None)))
        for group, roles in groups:
            art, extra = build_article(group, paper, roles)
            _keep(art, extra, articles, unassigned)
    else:
        paras = pdf_paragraphs(lines) if fmt == SourceFormat.PDF else line_paragraphs(lines)
        for index, para in enumerate(paras):
            para.index = index
        items, aside = group_paragraphs(paras), []
        if fmt == SourceFormat.PDF:
            items, aside = set_aside_bylines_under_titles(items)
        items = attach_orphan_bylines(items)
        if fmt != SourceFormat.PDF:
            items = merge_section_headings(items)
        groups = assign_titles(items, fmt)
        reunite_far_titles(groups)
        groups += place_bylines_under_titles(groups, aside)
        for group in groups:
            art, extra = build_article(group, paper)
            _keep(art, extra, articles, unassigned)
        if not articles:
            unassigned += [p.text for p in paras]
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
    )


def _keep(art: ParsedArticle, extra: list[str], articles: list[ParsedArticle], unassigned: list[str]) -> None:
    unassigned.extend(extra)
    if art.headline or art.body or art.captions or art.tables:
        articles.append(art)
    else:  # nothing but furniture: keep every printed line
        unassigned.extend(x for x in art.texts() if x)


def lost_characters(result: ParseResult) -> Counter:
    """Non-space characters of the normalised page found in no article field and not unassigned.

    Markdown markers (`#`, a leading `-`) are layout, not text, and are not counted."""
    import re

    source = re.sub(r"(?m)^\s*(#{1,6}|[-*+](?=\s))", "", result.normalised_text)
    have = Counter(re.sub(r"\s", "", source))
    out = "".join("".join(a.texts()) for a in result.articles) + "".join(result.unassigned)
    have.subtract(Counter(re.sub(r"\s", "", out)))
    return +have
