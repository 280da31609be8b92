"""Issue date and page label from a file name such as `2020-03-27_A1.txt` or `20200327-B2.md`."""

from __future__ import annotations

import re
from datetime import date

NAME = re.compile(r"(?P<y>(?:19|20)\d{2})-?(?P<m>\d{2})-?(?P<d>\d{2})(?:[_\-. ]+(?P<label>[A-Za-z]{0,2}\d{1,3}))?")
LABEL = re.compile(r"^[A-Za-z]{0,2}\d{1,3}$")


def from_file_name(name: str) -> tuple[date | None, str | None]:
    """(date, label); (None, None) when the name carries neither. An impossible date raises ValueError."""
    m = NAME.search(name.rsplit("/", 1)[-1])
    if not m:
        return None, None
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    try:
        day = date(y, mo, d)
    except ValueError:
        raise ValueError(
            f"the file name's date {m.group('y')}-{m.group('m')}-{m.group('d')} is not a real date"
        ) from None
    label = m.group("label")
    return day, label.upper() if label else None


def valid_label(label: str) -> bool:
    return bool(LABEL.match(label))
