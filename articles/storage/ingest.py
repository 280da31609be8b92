"""Page files to rows, one transaction per page.

Re-ingest rules: identical bytes are a no-op; changed bytes (or a newer parser) re-parse the
page, replay the staff corrections on the new parse (pages.write_page) and match the articles
to the stored ones (rows.py), so ids, URLs and staff edits stay with the right article.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from articles.models import Issue, Newspaper, Page
from articles.parsing import PARSER_VERSION, DecodeError, ParseResult, decode_bytes, parse_text
from articles.parsing.filenames import from_file_name, valid_label

from .pages import write_page

MAX_BYTES = 20 * 1024 * 1024
# No printed page holds a line or an article this long: such input is a broken extraction
# (a 10 MB page with no line breaks was stored as one 3.5-million-character article).
MAX_LINE = 200_000
MAX_ARTICLE = 200_000
VISIBLE = re.compile(r"[^\s\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


class IngestError(Exception):
    """A file that cannot be ingested; the message says why, the batch goes on."""


@dataclass
class IngestOutcome:
    status: str  # "new" | "unchanged" | "reparsed"
    page: Page
    articles: int
    people_created: int = 0  # people this file's transaction created


def ingest_file(path: Path, *, paper: str, issue_date: date | None = None, label: str | None = None) -> IngestOutcome:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(f"file too large ({size:,} bytes; a page is at most {MAX_BYTES:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror}") from None
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:  # bytes the file system holds but no text column can
        raise IngestError("the file name is not UTF-8; rename the file") from None
    return ingest_bytes(data, file_name=path.name, paper=paper, issue_date=issue_date, label=label)


def ingest_bytes(
    data: bytes,
    *,
    file_name: str,
    paper: str,
    issue_date: date | None = None,
    label: str | None = None,
    force: bool = False,
) -> IngestOutcome:
    try:
        name_date, name_label = from_file_name(file_name)
    except ValueError as exc:
        raise IngestError(str(exc)) from None
    check_name_label(file_name, name_label)
    label = (label or name_label or "").strip().upper() or None
    if label is not None and not valid_label(label):
        raise IngestError(f"page label {label[:40]!r} is not a label like A1 or B12")
    sha = hashlib.sha256(data).hexdigest()
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        raise IngestError(str(exc)) from None
    check_text(text)
    result = parse_text(text, file_name=file_name, issue_date=issue_date or name_date, page=label)
    result.raw_text = text
    result.source.update(encoding=encoding, bytes=len(data), sha256=sha)
    check_articles(result, text)
    if result.issue_date is None:
        raise IngestError(f"no issue date: give --date or a file name like 2020-03-27_A1.txt ({result.date_evidence})")
    with transaction.atomic():
        return _store(result, sha, paper, label, force)


NAME_LABEL = re.compile(r"(?:19|20)\d{2}-?\d{2}-?\d{2}[_\-. ]+([A-Za-z]+[0-9]+)(?![A-Za-z0-9])")


def check_name_label(file_name: str, found: str | None) -> None:
    """A label-like word after the file name's date that is no label (`ZZZ1`) is an error,
    not a page without a label (which would become A1)."""
    m = NAME_LABEL.search(file_name.rsplit("/", 1)[-1])
    if found is None and m:
        raise IngestError(f"the page label {m.group(1)[:20]!r} in the file name is not a label like A1 or B12")


def check_text(text: str) -> None:
    """Refuse text no printed page holds: nothing visible, or a line beyond MAX_LINE."""
    if not VISIBLE.search(text):
        raise IngestError("only invisible characters, no text")
    longest = max(map(len, text.splitlines()), default=0)
    if longest > MAX_LINE:
        raise IngestError(f"a line of {longest:,} characters (a page line holds at most {MAX_LINE:,})")


def check_articles(result: ParseResult, text: str) -> None:
    """A page that yields no article, or an article beyond MAX_ARTICLE, is refused, not stored."""
    if not result.articles:
        lines = sum(1 for line in text.splitlines() if VISIBLE.search(line))
        raise IngestError(f"no article found in {lines} lines of text; nothing stored")
    for art in result.articles:
        size = sum(len(x) for x in art.texts())
        if size > MAX_ARTICLE:
            raise IngestError(f"an article of {size:,} characters (an article holds at most {MAX_ARTICLE:,})")


def _store(result: ParseResult, sha: str, paper_name: str, label: str | None, force: bool) -> IngestOutcome:
    paper = _get_or_create(Newspaper, name=paper_name, defaults={"slug": slugify(paper_name, allow_unicode=True)})
    issue = _get_or_create(
        Issue,
        newspaper=paper,
        date=result.issue_date,
        defaults={"date_inferred": result.date_inferred, "date_evidence": result.date_evidence},
    )
    issue = Issue.objects.select_for_update().get(pk=issue.pk)  # one writer per issue at a time
    same = Page.objects.filter(issue=issue, sha256=sha).first()
    if same is not None and same.parser_version == PARSER_VERSION and not force:
        return IngestOutcome("unchanged", same, same.articles.count())
    file_name = result.source["file_name"]
    page = same or _existing_page(issue, label, file_name)
    status = "reparsed" if page is not None else "new"
    if page is None:
        label = label or _free_label(issue)
        page = Page(issue=issue, label=label, sequence=_sequence(label))
    page.raw_text = result.raw_text
    page.sha256, page.file_name = sha, file_name
    page.source_format, page.encoding = result.source["format"], result.source["encoding"]
    page.parser_version = PARSER_VERSION
    written = write_page(page, result.paragraphs)
    return IngestOutcome(status, page, written.articles, written.people_created)


def _get_or_create(model, defaults=None, **lookup):
    """get_or_create that lets the database constraint decide a race between two ingests."""
    try:
        with transaction.atomic():
            obj, _ = model.objects.get_or_create(defaults=defaults or {}, **lookup)
            return obj
    except IntegrityError:
        return model.objects.get(**lookup)


def _existing_page(issue: Issue, label: str | None, file_name: str) -> Page | None:
    pages = Page.objects.select_for_update().filter(issue=issue)
    if label:
        return pages.filter(label=label).first()
    return pages.filter(file_name=file_name).first() if file_name else None


def _free_label(issue: Issue) -> str:
    used = set(Page.objects.filter(issue=issue).values_list("label", flat=True))
    n = 1
    while f"A{n}" in used:
        n += 1
    return f"A{n}"


def _sequence(label: str) -> int:
    """A1..A99 before B1..: the section letter, then the number."""
    letters = "".join(ch for ch in label if ch.isalpha()).upper()
    digits = "".join(ch for ch in label if ch.isdigit())
    base = (ord(letters[0]) - ord("A") + 1) * 1000 if letters else 0
    return base + (int(digits) if digits else 0)


@transaction.atomic
def reparse_page(page: Page) -> int:
    """Run the current parser over a stored page's text again; staff edits and corrections are
    kept. Returns the number of articles."""
    result = parse_text(page.raw_text, file_name=page.file_name, issue_date=page.issue.date, page=page.label)
    page.source_format, page.parser_version = result.source["format"], PARSER_VERSION
    return write_page(page, result.paragraphs).articles
