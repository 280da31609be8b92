"""What PDF extraction does to printed lines, imitated from the sample pages:

- hard wraps at the column width (a paragraph's first line two characters shorter: its indent
  is not extracted), digits half as wide as a character, punctuation never starting a line;
- spaces around digits (`3 月 26 日`, `这 11名`) and letter-spaced lines (`近 年 来 ，市 委`);
- fake-bold doubling of title lines, punctuation included (`大桥通车大桥通车。。`);
- half-width punctuation on Markdown pages (`5月7日,记者…`).
"""

from __future__ import annotations

import re
from random import Random

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
NO_LINE_START = "，。、；：！？）》”’…%,.;:!?)"
NO_LINE_END = "（《“‘("
SENTENCE_END = "。！？!?…"
CLOSERS = "”’）)》"
_HALF = str.maketrans({"，": ",", "？": "?", "：": ":", "；": ";", "！": "!", "（": "(", "）": ")"})
_TOKENS = re.compile(r"[0-9A-Za-z][0-9A-Za-z.%]*|.", re.S)


def width_of(text: str) -> float:
    """Printed width in characters: ASCII letters and digits are half as wide."""
    return sum(0.5 if ch.isascii() and ch != " " else 1.0 for ch in text)


def wrap(text: str, width: int, rng: Random, indent: int = 2) -> list[str]:
    """Hard-wrap one paragraph at a column `width` (jittered by one now and then)."""
    lines: list[str] = []
    current, used = "", 0.0
    limit = width - indent
    for token in _TOKENS.findall(text):
        w = width_of(token)
        if used + w > limit + 0.01 and current:
            if token[0] in NO_LINE_START:  # punctuation hangs at the end of the line
                current += token
                used += w
                continue
            carry = ""
            while current and current[-1] in NO_LINE_END:
                carry, current = current[-1] + carry, current[:-1]
            if current:
                lines.append(current)
            current, used = carry, width_of(carry)
            limit = width + (rng.choice((-1, 1)) if rng.random() < 0.3 else 0)
        current += token
        used += w
    if current:
        lines.append(current)
    return [line.strip() for line in lines if line.strip()]


def ends_sentence(text: str) -> bool:
    text = text.rstrip().rstrip(CLOSERS)
    return bool(text) and text[-1] in SENTENCE_END


def space_digits(line: str, rng: Random) -> str:
    """Spaces that extraction puts between CJK characters and digits, not always on both sides."""

    def before(m: re.Match[str]) -> str:
        return m.group(0)[0] + (" " if rng.random() < 0.8 else "") + m.group(0)[1:]

    def after(m: re.Match[str]) -> str:
        return m.group(0)[:-1] + (" " if rng.random() < 0.6 else "") + m.group(0)[-1]

    line = re.sub(f"[{CJK}，、][0-9]", before, line)
    return re.sub(f"[0-9][{CJK}]", after, line)


def letter_space(line: str) -> str:
    """A justified line stretched by the layout comes out with a space between every character;
    full-width commas and opening brackets carry their own space."""
    out = line[:1]
    for a, b in zip(line, line[1:], strict=False):
        out += b if a in "，、（《：；“" or b in "（《" or a == " " or b == " " else " " + b
    return out


def fake_bold(text: str) -> str:
    """`市图书馆新馆“开放2周年”` -> `市图书馆新馆市图书馆新馆““开放开放 22 周年周年””`: a title set in a
    font without a bold face is printed twice, slightly shifted, and extraction reads every run
    twice: runs of characters as runs (the samples show no run cut inside), punctuation one mark
    at a time, digits with spaces around."""
    out: list[str] = []
    for run in re.findall(f"[{CJK}]+|[0-9A-Za-z.%]+|\\s+|.", text):
        if run.isspace():
            out.append(" ")
        elif run[0].isascii() and run[0].isalnum():
            out.append(f" {run}{run} ")
        elif re.match(f"[{CJK}]", run):
            out.append(run + run)
        else:
            out.append(run + run)
    return re.sub(" +", " ", "".join(out)).strip()


def undo_fake_bold(line: str) -> str:
    """The inverse of fake_bold for a line that splits wholly into doubled runs; others unchanged."""
    compact = re.sub(r"\s+", "", line)
    n = len(compact)
    best: list[int | None] = [None] * (n + 1)  # best[i]: the length of a doubled run ending at i
    best[0] = 0
    for end in range(2, n + 1, 1):
        for size in range(1, end // 2 + 1):
            start = end - 2 * size
            if best[start] is not None and compact[start : start + size] == compact[start + size : end]:
                best[end] = size
                break
    if n < 4 or best[n] is None:
        return line
    runs, end = [], n
    while end:
        size = best[end] or 0
        runs.append(compact[end - 2 * size : end - size])
        end -= 2 * size
    return "".join(reversed(runs))


def half_width(text: str) -> str:
    return text.translate(_HALF)


def split_mid_sentence(text: str, rng: Random, margin: int = 18, start: int = 0) -> int | None:
    """A place inside a paragraph where a column ends mid-sentence: not within `margin`
    characters of either end (nor of `start`, where the body proper begins after a lead-in),
    not right after a sentence end, not inside a number."""
    spots = [
        i
        for i in range(start + margin, len(text) - margin)
        if text[i - 1] not in SENTENCE_END + CLOSERS
        and text[i] not in NO_LINE_START
        and not (text[i - 1].isascii() and text[i].isascii())
    ]
    return rng.choice(spots) if spots else None
