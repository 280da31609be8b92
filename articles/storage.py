"""Parse results to rows: the only writer of parsed data. One transaction per page.

Re-ingest rules: identical bytes are a no-op; changed bytes (or a newer parser) re-parse the
page. Re-parsed articles are matched to the stored ones by headline and opening text, so ids,
URLs and staff edits stay with the right article; a field staff edited is never overwritten,
and credits staff edited are kept whole. A stored article the new parse no longer finds is
deleted only when staff never touched it.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils.text import slugify

from articles.models import Article, ArticleRedirect, Credit, Issue, Newspaper, Page, Person, PersonRedirect, Role
from articles.parsing import PARSER_VERSION, DecodeError, ParsedArticle, ParseResult, decode_bytes, parse_text
from articles.parsing.filenames import from_file_name, valid_label
from articles.search import segment
from articles.search.columns import apply_search_columns

ROLE_FIELDS = (
    (Role.REPORTER, "reporters"),
    (Role.CORRESPONDENT, "correspondents"),
    (Role.PHOTOGRAPHER, "photographers"),
    (Role.AUTHOR, "authors"),
)
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
    people_created: int


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


def ingest_bytes(data: bytes, *, file_name: str, paper: str, issue_date: date | None = None,
                 label: str | None = None, force: bool = False) -> IngestOutcome:
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
        return _store(result, data, sha, paper, label, force)


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


def _store(result: ParseResult, data: bytes, sha: str, paper_name: str, label: str | None, force: bool) -> IngestOutcome:
    paper = _get_or_create(Newspaper, name=paper_name, defaults={"slug": slugify(paper_name, allow_unicode=True)})
    issue = _get_or_create(
        Issue, newspaper=paper, date=result.issue_date,
        defaults={"date_inferred": result.date_inferred, "date_evidence": result.date_evidence},
    )
    issue = Issue.objects.select_for_update().get(pk=issue.pk)  # one writer per issue at a time
    same = Page.objects.filter(issue=issue, sha256=sha).first()
    if same is not None and same.parser_version == PARSER_VERSION and not force:
        return IngestOutcome("unchanged", same, same.articles.count(), 0)
    file_name = result.source["file_name"]
    page = same or _existing_page(issue, label, file_name)
    status = "reparsed" if page is not None else "new"
    if page is None:
        label = label or _free_label(issue)
        page = Page(issue=issue, label=label, sequence=_sequence(label))
    page.raw_text = result.raw_text
    page.sha256, page.file_name = sha, file_name
    page.source_format, page.encoding = result.source["format"], result.source["encoding"]
    page.parser_version, page.unassigned = PARSER_VERSION, result.unassigned
    page.save()
    people = _sync_articles(page, result.articles)
    return IngestOutcome(status, page, len(result.articles), people)


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


def _sync_articles(page: Page, parsed: list[ParsedArticle]) -> int:
    stored = list(page.articles.all())
    matches = _match(stored, parsed)
    kept: set[int] = set()
    names = [name for art in parsed for _, attr in ROLE_FIELDS for name in getattr(art, attr)]
    people, people_created = people_for_names(names)
    credits: list[Credit] = []
    for order, art in enumerate(parsed, 1):
        row = matches.get(order - 1) or Article(page=page)
        new = row.pk is None
        _apply(row, art, order)
        row.save()
        kept.add(row.pk)
        if not row.credits_edited:
            credits += _credits(row, art, people, new)
    Credit.objects.bulk_create(credits)  # the page's credits in one INSERT
    gone = [row for row in stored if row.pk not in kept and not row.edited_fields and not row.credits_edited]
    # their permalinks lead to the page from now on (a citation never dead-ends)
    ArticleRedirect.objects.bulk_create([ArticleRedirect(old_id=row.pk, page=page) for row in gone], ignore_conflicts=True)
    for row in gone:
        row.delete()
    return people_created


def _match(stored: list[Article], parsed: list[ParsedArticle]) -> dict[int, Article]:
    """Pair each parsed article with the stored one it continues (by headline, then opening text)."""
    pairs = []
    for i, art in enumerate(parsed):
        for row in stored:
            pairs.append((_likeness(row, art), i, row.pk, row))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    out: dict[int, Article] = {}
    used: set[int] = set()
    for score, i, pk, row in pairs:
        if score < 0.5 or i in out or pk in used:
            continue
        out[i] = row
        used.add(pk)
    return out


def _likeness(row: Article, art: ParsedArticle) -> float:
    head = 1.0 if row.headline and row.headline == art.headline else 0.0
    opening = difflib.SequenceMatcher(None, row.body[:80], art.body[:80]).ratio() if (row.body or art.body) else 0.0
    return max(head, opening) + 0.1 * head


def _apply(row: Article, art: ParsedArticle, order: int) -> None:
    values = {
        "order": order, "kind": art.kind, "kicker": art.kicker or "", "headline": art.headline,
        "subheadline": art.subheadline or "", "source": art.source or "", "dateline": art.dateline or "",
        "body": art.body, "captions": art.captions,
    }
    for field, value in values.items():
        if field not in row.edited_fields:
            setattr(row, field, value)
    row.lead, row.section_headings, row.tables = art.lead or "", art.section_headings, art.tables
    row.bylines, row.jump, row.continued_to = art.bylines, art.jump or "", art.continued_to or ""
    row.issue_date, row.page_label = row.page.issue.date, row.page.label
    row.parse_confidence = art.confidence
    apply_search_columns(row)


def _credits(row: Article, art: ParsedArticle, people: dict[str, Person], new: bool) -> list[Credit]:
    """The article's credits as parsed, unsaved, its old ones deleted (a person named twice in
    one role counts once)."""
    if not new:
        row.credits.all().delete()
    credits: list[Credit] = []
    seen: set[tuple[int, str]] = set()
    for role, attr in ROLE_FIELDS:
        for name in getattr(art, attr):
            person = people[name]
            if (person.pk, role) not in seen:
                seen.add((person.pk, role))
                credits.append(Credit(article=row, person=person, role=role, order=len(credits)))
    return credits


def people_for_names(names: list[str]) -> tuple[dict[str, Person], int]:
    """Each name's person (one query for those known by name; aliases and new people one by one)."""
    people: dict[str, Person] = {}
    for person in Person.objects.filter(name__in=set(names)).order_by("name", "pk"):
        people.setdefault(person.name, person)
    created = 0
    for name in sorted(set(names)):  # one order for every ingest: two creating the same people never deadlock
        if name not in people:
            people[name], new = person_for_name(name)
            created += new
    return people, created


def person_for_name(name: str) -> tuple[Person, bool]:
    """The person with this name or alias; created when nobody has it."""
    person = Person.objects.filter(name=name).first() or Person.objects.filter(aliases__contains=[name]).first()
    if person is not None:
        return person, False
    slug = slugify(name, allow_unicode=True) or "person"
    base, n = slug, 1
    while Person.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    segment.add_words([name])
    try:
        with transaction.atomic():
            return Person.objects.create(name=name, slug=slug), True
    except IntegrityError:
        return Person.objects.get(slug=slug), False


@transaction.atomic
def reparse_page(page: Page) -> int:
    """Run the current parser over a stored page's text again; staff edits are kept. Returns
    the number of articles."""
    result = parse_text(page.raw_text, file_name=page.file_name, issue_date=page.issue.date, page=page.label)
    page.source_format, page.parser_version, page.unassigned = result.source["format"], PARSER_VERSION, result.unassigned
    page.save()
    _sync_articles(page, result.articles)
    return len(result.articles)


@transaction.atomic
def merge_people(survivor: Person, others: list[Person]) -> int:
    """Move every credit of `others` to `survivor`, keep their names as aliases and their URLs as
    redirects, then delete them. Returns the number of credits moved."""
    moved = 0
    aliases = list(survivor.aliases)
    for other in others:
        if other.pk == survivor.pk:
            continue
        for credit in other.credits.all():
            if Credit.objects.filter(article_id=credit.article_id, person=survivor, role=credit.role).exists():
                credit.delete()
            else:
                credit.person = survivor
                credit.save(update_fields=["person"])
            moved += 1
        for name in [other.name, *other.aliases]:
            if name != survivor.name and name not in aliases:
                aliases.append(name)
        PersonRedirect.objects.filter(person=other).update(person=survivor)
        PersonRedirect.objects.update_or_create(old_slug=other.slug, defaults={"person": survivor})
        other.delete()
    survivor.aliases = aliases
    survivor.save(update_fields=["aliases"])
    segment.add_words(aliases)
    return moved
