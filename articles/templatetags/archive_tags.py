"""Highlight search terms in stored text: every piece escaped, each hit wrapped in <mark>."""

from __future__ import annotations

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString

from articles.search.snippets import MarkBudget, mark

register = template.Library()


@register.filter
def highlight(text: str, terms: list[str] | MarkBudget) -> SafeString:
    if not terms:
        return escape(text)
    return terms.mark(str(text)) if isinstance(terms, MarkBudget) else mark(str(text), terms)
