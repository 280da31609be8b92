"""Path converters: a value that cannot be what the URL promises is a 404, never a 500."""

from __future__ import annotations

from datetime import date


class YearMonthDayConverter:
    """`2020/03/27`; `2020/02/30` raises ValueError, so the URL does not match: 404."""

    regex = r"\d{4}/\d{2}/\d{2}"

    def to_python(self, value: str) -> date:
        year, month, day = (int(x) for x in value.split("/"))
        return date(year, month, day)

    def to_url(self, value: date) -> str:
        return f"{value.year:04d}/{value.month:02d}/{value.day:02d}"


class PageLabelConverter:
    """`A1`; `a1` too, which the page views answer with a 301 to `A1` (views.canonical_label)."""

    regex = r"[A-Za-z]{0,2}\d{1,3}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class BoundedIntConverter:
    """An id: digits, at most 18 of them, so a huge number is a 404 instead of an overflow."""

    regex = r"[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > 2**63 - 1:
            raise ValueError("id out of range")
        return number

    def to_url(self, value: int) -> str:
        return str(value)


class PersonSlugConverter:
    """Any characters but `/` and NUL (PostgreSQL text cannot hold NUL: such a slug is a 404)."""

    regex = "[^/\x00]{1,80}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class YearConverter:
    """`2020`: ASCII digits only (Python's `\\d` would take ٢٠٢٠), year 1 to 9999."""

    regex = r"[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if year < 1:
            raise ValueError("no year 0")
        return year

    def to_url(self, value: int) -> str:
        return f"{value:04d}"


class YearMonthConverter:
    """`2020/03` as (2020, 3); month 13 or 00 raises ValueError: 404."""

    regex = r"[0-9]{4}/[0-9]{2}"

    def to_python(self, value: str) -> tuple[int, int]:
        year, month = (int(x) for x in value.split("/"))
        date(year, month, 1)  # ValueError for year 0 or month 13
        return year, month

    def to_url(self, value: tuple[int, int]) -> str:
        return f"{value[0]:04d}/{value[1]:02d}"
