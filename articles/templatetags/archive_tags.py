"""Highlight a search term in stored text: escape the text first, then wrap each match in <mark>."""

from __future__ import annotations

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def highlight(text: str, term: str) -> SafeString:
    """Split the raw text at each match and escape every piece, so a match can never cut an entity."""
    if not term:
        return escape(text)
    marked = format_html("<mark>{}</mark>", term)
    return mark_safe(marked.join(escape(piece) for piece in str(text).split(term)))  # noqa: S308 - pieces escaped
