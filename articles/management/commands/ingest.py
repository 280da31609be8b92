"""Load page files into the archive: one transaction per file, the batch goes on after a bad file."""

from __future__ import annotations

import logging
import multiprocessing
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.models import IngestRun, Person
from articles.storage import IngestError, ingest_file

SUFFIXES = {".txt", ".md", ".text", ".markdown"}
log = logging.getLogger("archive.ingest")


def collect(paths: list[Path]) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(f"{path}: no such file or folder")
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    return unique, problems


def ingest_one(job: tuple[Path, str, date | None, str | None]) -> dict:
    """One file, in this process or a worker: a plain dict, so it crosses process boundaries."""
    path, paper, issue_date, label = job
    try:
        outcome = ingest_file(path, paper=paper, issue_date=issue_date, label=label)
    except IngestError as exc:
        return {"file": str(path), "outcome": "failed", "message": str(exc)}
    return {"file": str(path), "outcome": outcome.status, "page": str(outcome.page), "articles": outcome.articles,
            "where": f"{outcome.page.issue.date} {outcome.page.label}"}


def _worker_init() -> None:
    import django

    django.setup()


class Command(BaseCommand):
    help = "Ingest page text files (or folders of them). Identical bytes are skipped; changed bytes re-parse the page."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--date", type=date.fromisoformat, dest="issue_date", help="issue date YYYY-MM-DD for every file")
        parser.add_argument("--page", help="page label (A1) for a single file")
        parser.add_argument("--paper", default="株洲日报", help="newspaper name (default 株洲日报)")
        parser.add_argument("--jobs", type=int, default=1, help="worker processes (jieba is CPU-bound: one per core)")

    def handle(self, *args, **options):
        files, problems = collect(options["paths"])
        if options["page"] and len(files) > 1:
            raise CommandError("--page names one page; give it with a single file")
        for line in problems:
            self.stderr.write(line)
        run = IngestRun.objects.create(arguments=" ".join(sys.argv[1:])[:2000], files=len(files),
                                       failed=len(problems), messages=[{"file": p, "outcome": "failed"} for p in problems])
        counts: Counter = Counter()
        people_before = Person.objects.count()
        failed = len(problems)
        tty = sys.stderr.isatty()
        jobs = [(path, options["paper"], options["issue_date"], options["page"]) for path in files]
        for n, result in enumerate(self._results(jobs, max(1, options["jobs"])), 1):
            run.messages.append(result)
            if result["outcome"] == "failed":
                failed += 1
                self.stderr.write(f"{result['file']}: {result['message']}")
                log.warning("ingest failed", extra={"fields": {"file": result["file"], "reason": result["message"]}})
                continue
            log.info("ingested", extra={"fields": {k: result[k] for k in ("file", "outcome", "page", "articles")}})
            counts[result["outcome"]] += 1
            counts["articles"] += result["articles"] if result["outcome"] != "unchanged" else 0
            if n % 20 == 0:  # a run killed midway still shows how far it got
                run.save(update_fields=["messages"])
            if options["verbosity"] >= 1:
                end = "\r" if tty and n < len(files) else "\n"
                self.stderr.write(f"[{n}/{len(files)}] {Path(result['file']).name}: {result['outcome']} {result['where']}", ending=end)
        people = Person.objects.count() - people_before
        run.new, run.unchanged, run.reparsed, run.failed = counts["new"], counts["unchanged"], counts["reparsed"], failed
        run.finished_at = timezone.now()
        run.save()
        self.stdout.write(
            f"{len(files)} files: {counts['new']} new, {counts['unchanged']} unchanged, {counts['reparsed']} re-parsed, "
            f"{failed} failed; {counts['articles']} articles stored, {people} new people"
        )
        if failed:
            raise CommandError(f"{failed} file(s) failed; see the lines above", returncode=1)

    def _results(self, jobs: list, processes: int):
        if processes == 1 or len(jobs) < 2:
            yield from map(ingest_one, jobs)
            return
        from django.db import connections

        connections.close_all()  # each worker opens its own connection
        with multiprocessing.get_context("fork").Pool(processes, initializer=_worker_init) as pool:
            yield from pool.imap(ingest_one, jobs, chunksize=4)
