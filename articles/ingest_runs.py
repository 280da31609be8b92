"""One file's outcome as a plain dict (the run record's line), and a run of uploaded entries.

The `ingest` command and the admin's upload both turn a file into the same line: an
IngestError's one-line message, a database error's first line (a deadlock retried once), or
the page it became.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial

import psycopg
from django.db import DatabaseError
from django.utils import timezone

from articles.models import IngestRun
from articles.storage import IngestError, IngestOutcome, ingest_bytes
from articles.uploads import Entry


def file_result(shown: str, ingest: Callable[[], IngestOutcome]) -> dict:
    """What became of one file: {"file", "outcome", "message"} or {"file", "outcome", "page", "articles", "where"}."""
    for attempt in (1, 2):
        try:
            outcome = ingest()
        except IngestError as exc:
            return {"file": shown, "outcome": "failed", "message": str(exc)}
        except DatabaseError as exc:
            if attempt == 1 and isinstance(exc.__cause__, psycopg.errors.DeadlockDetected):
                continue
            first = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
            return {"file": shown, "outcome": "failed", "message": f"database error: {first}"}
        return {
            "file": shown,
            "outcome": outcome.status,
            "page": str(outcome.page),
            "articles": outcome.articles,
            "where": f"{outcome.page.issue.date} {outcome.page.label}",
        }
    raise AssertionError("unreachable")


def run_uploads(
    entries: Iterable[Entry], *, paper: str, issue_date: date | None, label: str | None, arguments: str
) -> IngestRun:
    """Each entry through the ingest pipeline, one transaction each; the run record holds every line."""
    run = IngestRun.objects.create(arguments=arguments[:2000])
    counts: Counter = Counter()
    for entry in entries:
        if entry.error is not None or entry.data is None:
            result = {"file": entry.shown, "outcome": "failed", "message": entry.error or "无内容"}
        else:
            result = file_result(
                entry.shown,
                partial(
                    ingest_bytes, entry.data, file_name=entry.file_name, paper=paper, issue_date=issue_date, label=label
                ),
            )
        run.messages.append(result)
        counts[result["outcome"]] += 1
    run.files = len(run.messages)
    run.new, run.unchanged, run.reparsed, run.failed = (counts[k] for k in ("new", "unchanged", "reparsed", "failed"))
    run.finished_at = timezone.now()
    run.save()
    return run
