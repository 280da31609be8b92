"""Load page files into the archive: one transaction per file, the batch goes on after a bad file."""

from __future__ import annotations

import logging
import multiprocessing
import os
import stat
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.ingest_runs import file_result
from articles.models import IngestRun, Person
from articles.storage import ingest_file
from articles.uploads import SUFFIXES

log = logging.getLogger("archive.ingest")


def shown(path: Path | str) -> str:
    """A file name fit for one line of a message and for a JSON column: bytes that are not
    UTF-8 as U+FFFD, control characters (a newline in a name) escaped."""
    text = os.fsencode(str(path)).decode("utf-8", "replace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)


KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def _not_regular(path: Path) -> str | None:
    """Why `path` is not a regular file to read, or None when it is one."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return "a broken symlink" if path.is_symlink() else f"cannot read: {exc.strerror}"
    if stat.S_ISREG(mode):
        return None
    return "not a regular file (" + next((what for test, what in KINDS if test(mode)), "unknown kind") + ")"


def _walk(top: Path, files: list[Path], problems: list[str]) -> None:
    """Page files under `top`; each folder that cannot be read, symlink loop and FIFO gets a line."""
    seen = {os.path.realpath(top)}

    def unreadable(exc: OSError) -> None:
        problems.append(f"{shown(exc.filename)}: cannot read: {exc.strerror}; skipped")

    for folder, dirs, names in os.walk(top, onerror=unreadable, followlinks=True):
        for name in list(dirs):
            real = os.path.realpath(os.path.join(folder, name))
            if real in seen or real in _ancestors(folder):  # walked already, or a folder above this one
                problems.append(f"{shown(os.path.join(folder, name))}: a symlink loop (back to {shown(real)}); skipped")
                dirs.remove(name)
            else:
                seen.add(real)
        for name in sorted(names):
            path = Path(folder) / name
            if path.suffix.lower() not in SUFFIXES:
                continue
            why = _not_regular(path)
            if why:
                problems.append(f"{shown(path)}: {why}; skipped")
            else:
                files.append(path)


def _ancestors(folder: str) -> list[str]:
    real = os.path.realpath(folder)
    out = [real]
    while os.path.dirname(out[-1]) != out[-1]:
        out.append(os.path.dirname(out[-1]))
    return out


def collect(paths: list[Path]) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        try:
            if path.is_dir():
                found: list[Path] = []
                _walk(path, found, problems)
                files += sorted(found)
            elif path.exists() or path.is_symlink():
                why = _not_regular(path)
                files += [] if why else [path]
                problems += [f"{shown(path)}: {why}"] if why else []
            else:
                problems.append(f"{shown(path)}: no such file or folder")
        except OSError as exc:  # e.g. a path inside a folder this user cannot enter
            problems.append(f"{shown(path)}: cannot read: {exc.strerror}")
    seen: set[str] = set()
    unique = [f for f in files if not (os.path.realpath(f) in seen or seen.add(os.path.realpath(f)))]
    return unique, problems


def ingest_one(job: tuple[Path, str, date | None, str | None]) -> dict:
    """One file, in this process or a worker: a plain dict, so it crosses process boundaries."""
    path, paper, issue_date, label = job
    return file_result(shown(path), lambda: ingest_file(path, paper=paper, issue_date=issue_date, label=label))


def _worker_init() -> None:
    import django

    django.setup()


class Command(BaseCommand):
    help = "Ingest page text files (or folders of them). Identical bytes are skipped; changed bytes re-parse the page."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument(
            "--date", type=date.fromisoformat, dest="issue_date", help="issue date YYYY-MM-DD for every file"
        )
        parser.add_argument("--page", help="page label (A1) for a single file")
        parser.add_argument("--paper", default="株洲日报", help="newspaper name (default 株洲日报)")
        parser.add_argument("--jobs", type=int, default=1, help="worker processes (jieba is CPU-bound: one per core)")

    def handle(self, *args, **options):
        files, problems = collect(options["paths"])
        if options["page"] and len(files) > 1:
            raise CommandError("--page names one page; give it with a single file")
        for line in problems:
            self.stderr.write(line)
        run = IngestRun.objects.create(
            arguments=" ".join(sys.argv[1:])[:2000],
            files=len(files),
            failed=len(problems),
            messages=[{"file": p, "outcome": "failed"} for p in problems],
        )
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
                self.stderr.write(
                    f"[{n}/{len(files)}] {Path(result['file']).name}: {result['outcome']} {result['where']}", ending=end
                )
        people = Person.objects.count() - people_before
        run.new, run.unchanged, run.reparsed, run.failed = (
            counts["new"],
            counts["unchanged"],
            counts["reparsed"],
            failed,
        )
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
