"""A command's progress on stderr, one file at a time (the standard library only: neither tqdm nor
rich is a dependency).

On a terminal, at the default verbosity, one line is redrawn after each file:

    [████████░░░░░░░░░░░░]  96/200  48%  12.3 files/s  8 s left  2020-03-27_A1.txt

A failure is printed as its own line above the bar, at every verbosity. Anywhere else (a pipe,
a log) there is no bar: --verbosity 2 prints a line per file instead.
"""

from __future__ import annotations

import shutil
import time
import unicodedata
from pathlib import Path

from django.core.management.base import OutputWrapper

CELLS = 20
CLEAR_LINE = "\r\x1b[K"


def columns(text: str) -> int:
    """Terminal columns `text` takes: a CJK character two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, width: int) -> str:
    """`text` cut to `width` terminal columns (a wrapped bar could not be redrawn in place)."""
    out, used = [], 0
    for ch in text:
        used += columns(ch)
        if used > width:
            break
        out.append(ch)
    return "".join(out)


def bar(done: int, total: int, seconds: float, name: str) -> str:
    fraction = done / total if total else 1.0
    filled = round(fraction * CELLS)
    rate = done / seconds if seconds > 0 else 0.0
    left = f"{(total - done) / rate:.0f} s left" if rate and done < total else ""
    return f"[{'█' * filled}{'░' * (CELLS - filled)}] {done:>{len(str(total))}}/{total} {fraction:4.0%}  {rate:.1f} files/s  {left}  {name}"


class Progress:
    def __init__(self, stream: OutputWrapper, total: int, *, verbosity: int = 1):
        self.stream, self.total, self.done = stream, total, 0
        self.drawn = False
        self.bar = verbosity == 1 and stream.isatty()
        self.each = verbosity >= 2
        self.started = time.monotonic()

    def line(self, line: dict) -> None:
        """One file's line from articles.storage.batch."""
        self.done += 1
        if line["outcome"] == "failed":
            self._clear()
            self.stream.write(f"{line['file']}: {line['message']}")
        elif self.each:
            self.stream.write(
                f"[{self.done}/{self.total}] {Path(line['file']).name}: {line['outcome']} {line['where']}"
            )
        if self.bar:
            text = bar(self.done, self.total, time.monotonic() - self.started, Path(line["file"]).name)
            width = shutil.get_terminal_size().columns - 1
            self.stream.write(CLEAR_LINE + fit(text, width), style_func=str, ending="")
            self.stream.flush()
            self.drawn = True

    def _clear(self) -> None:
        if self.drawn:
            self.stream.write(CLEAR_LINE, style_func=str, ending="")
            self.drawn = False

    def close(self) -> None:
        """The last bar stays on screen, ended by a newline."""
        if self.drawn:
            self.stream.write("", style_func=str)
