"""A batch of page files, and the run record (IngestRun, admin → 导入记录) that says what became of each.

Each file is its own transaction (ingest.py): a file that cannot be ingested is one line in the
record (an IngestError's message, a database error's first line; a deadlock is retried once) and
the batch goes on. The counts are what each file's transaction did, new people included (the
people its INSERTs created), never a table counted before and after, which another ingest running
at the same time changes too. The `ingest` command and the admin's upload share all of it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import psycopg
from django.db import DatabaseError
from django.utils import timezone

from articles.models import IngestRun

from .ingest import IngestError, IngestOutcome, ingest_bytes, ingest_file

if TYPE_CHECKING:
    from articles.uploads import Entry  # uploads imports storage

log = logging.getLogger("archive.ingest")
SAVE_EVERY = 20  # lines between saves of the record: a run killed midway still shows how far it got
OUTCOMES = ("new", "unchanged", "reparsed", "failed")

Line = dict  # {"file", "outcome": "failed", "message"} or {"file", "outcome", "page", "articles", "people", "where"}


def shown(path: Path | str) -> str:
    """A file name fit for one line of a message and for a JSON column: bytes that are not
    UTF-8 as U+FFFD, control characters (a newline in a name) escaped."""
    text = os.fsencode(str(path)).decode("utf-8", "replace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


def file_result(name: str, ingest: Callable[[], IngestOutcome]) -> Line:
    """What became of one file, as its line in the run record."""
    for attempt in (1, 2):
        try:
            outcome = ingest()
        except IngestError as exc:
            return {"file": name, "outcome": "failed", "message": str(exc)}
        except DatabaseError as exc:
            if attempt == 1 and isinstance(exc.__cause__, psycopg.errors.DeadlockDetected):
                continue
            first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
            return {"file": name, "outcome": "failed", "message": f"database error: {first}"}
        return {
            "file": name,
            "outcome": outcome.status,
            "page": str(outcome.page),
            "articles": outcome.articles,
            "people": outcome.people_created,
            "where": f"{outcome.page.issue.date} {outcome.page.label}",
        }
    raise AssertionError("unreachable")


@dataclass
class BatchOutcome:
    """A finished batch: its run record and one line per file, in the order given."""

    run: IngestRun
    lines: list[Line] = field(default_factory=list)

    def count(self, outcome: str) -> int:
        return sum(1 for line in self.lines if line["outcome"] == outcome)

    @property
    def articles(self) -> int:
        """Articles stored by this batch (an unchanged page stores none)."""
        return sum(line["articles"] for line in self.lines if line["outcome"] in ("new", "reparsed"))

    @property
    def people_created(self) -> int:
        return sum(line.get("people", 0) for line in self.lines)


class _Record:
    """The run record, filled as the lines arrive."""

    def __init__(self, run: IngestRun):
        self.outcome = BatchOutcome(run, run.messages)

    def add(self, line: Line) -> None:
        self.outcome.lines.append(line)
        if len(self.outcome.lines) % SAVE_EVERY == 0:
            self.outcome.run.save(update_fields=["messages"])

    def finish(self) -> BatchOutcome:
        run = self.outcome.run
        run.new, run.unchanged, run.reparsed, run.failed = map(self.outcome.count, OUTCOMES)
        run.finished_at = timezone.now()
        run.save()
        return self.outcome


def ingest_batch(
    files: Sequence[Path],
    *,
    paper: str,
    issue_date: date | None = None,
    label: str | None = None,
    jobs: int = 1,
    arguments: str = "",
    problems: Sequence[str] = (),
    on_line: Callable[[Line], None] | None = None,
) -> BatchOutcome:
    """Ingest `files` (in `jobs` worker processes), recording the run; `problems` are paths that
    could not be read at all, recorded as failed. `on_line` sees each file's line as it comes
    (for a progress display); each line also goes to the `archive.ingest` log."""
    run = IngestRun.objects.create(arguments=arguments[:2000], files=len(files))
    record = _Record(run)
    for problem in problems:
        record.add({"file": problem, "outcome": "failed"})
    for line in _lines([(path, paper, issue_date, label) for path in files], max(1, jobs)):
        record.add(line)
        _log(line)
        if on_line is not None:
            on_line(line)
    return record.finish()


def run_uploads(
    entries: Iterable[Entry], *, paper: str, issue_date: date | None, label: str | None, arguments: str
) -> IngestRun:
    """Uploaded entries through the same pipeline, one transaction each."""
    record = _Record(IngestRun.objects.create(arguments=arguments[:2000]))
    for entry in entries:
        if entry.error is not None or entry.data is None:
            record.add({"file": entry.shown, "outcome": "failed", "message": entry.error or "无内容"})
            continue
        ingest = partial(
            ingest_bytes, entry.data, file_name=entry.file_name, paper=paper, issue_date=issue_date, label=label
        )
        record.add(file_result(entry.shown, ingest))
    record.outcome.run.files = len(record.outcome.lines)
    return record.finish().run


def _log(line: Line) -> None:
    if line["outcome"] == "failed":
        log.warning("ingest failed", extra={"fields": {"file": line["file"], "reason": line["message"]}})
    else:
        keys = ("file", "outcome", "page", "articles", "people")
        log.info("ingested", extra={"fields": {k: line[k] for k in keys}})


def _ingest_path(job: tuple[Path, str, date | None, str | None]) -> Line:
    """One file, in this process or a worker: a plain dict, so it crosses process boundaries."""
    path, paper, issue_date, label = job
    return file_result(shown(path), partial(ingest_file, path, paper=paper, issue_date=issue_date, label=label))


def _worker_init() -> None:
    import django

    django.setup()


def _lines(jobs: list, processes: int) -> Iterator[Line]:
    if processes == 1 or len(jobs) < 2:
        yield from map(_ingest_path, jobs)
        return
    from django.db import connections

    connections.close_all()  # each worker opens its own connection
    with multiprocessing.get_context("fork").Pool(processes, initializer=_worker_init) as pool:
        yield from pool.imap(_ingest_path, jobs, chunksize=4)
