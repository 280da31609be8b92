"""Load page files into the archive: one transaction per file, the batch goes on after a bad file.

The work and the run record are storage's (articles.storage.batch); this command finds the files,
shows a progress bar on a terminal, prints each failure and the summary."""

from __future__ import annotations

import os
import stat
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.management.progress import Progress
from articles.storage import ingest_batch
from articles.storage.batch import shown
from articles.uploads import SUFFIXES

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


class Command(BaseCommand):
    help = (
        "Ingest page text files (or folders of them). Identical bytes are skipped; changed bytes re-parse the page. "
        "Each file's JSON log line goes to the ingest log (INGEST_LOG), its outcome to the run record."
    )

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
        progress = Progress(self.stderr, len(files), verbosity=options["verbosity"])
        batch = ingest_batch(
            files,
            paper=options["paper"],
            issue_date=options["issue_date"],
            label=options["page"],
            jobs=options["jobs"],
            arguments=" ".join(sys.argv[1:]),
            problems=problems,
            on_line=progress.line,
        )
        progress.close()
        new, unchanged, reparsed, failed = (batch.count(k) for k in ("new", "unchanged", "reparsed", "failed"))
        self.stdout.write(
            f"{batch.run.files} files: {new} new, {unchanged} unchanged, {reparsed} re-parsed, {failed} failed; "
            f"{batch.articles} articles stored, {batch.people_created} new people"
        )
        if failed:
            raise CommandError(f"{failed} file(s) failed; see the lines above", returncode=1)
