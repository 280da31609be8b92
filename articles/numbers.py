"""The one place a number is read from a request: ASCII digits only.

`str.isdigit()` is true for superscripts and circled numbers that `int()` refuses ("²⁰²³",
"①"), and `int()` itself accepts Arabic-Indic and full-width digits; neither is a number a
URL should carry.
"""

from __future__ import annotations

import re

from django import forms

ASCII_DIGITS = re.compile(r"[0-9]{1,18}")  # at most 18 digits: always inside a 64-bit integer


def parse_int(value: object, low: int | None = None, high: int | None = None) -> int | None:
    """The integer `value` spells in ASCII digits, within [low, high]; otherwise None."""
    if not isinstance(value, str) or not ASCII_DIGITS.fullmatch(value):
        return None
    number = int(value)
    if (low is not None and number < low) or (high is not None and number > high):
        return None
    return number


class AsciiIntegerField(forms.IntegerField):
    """An IntegerField that refuses what parse_int refuses (Django's accepts any Unicode digit)."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        number = parse_int(text)
        if number is None and text.isascii() and text.isdigit():  # more digits than parse_int reads
            limit = f"（最大 {self.max_value}）" if self.max_value is not None else ""
            raise forms.ValidationError(f"数字太大{limit}。", code="max_value")
        if number is None:
            raise forms.ValidationError("请输入半角数字（0-9）。", code="invalid")
        return number
