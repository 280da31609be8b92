"""The reference of an article as a file for a reference manager: RIS, BibTeX, CSL-JSON."""

from __future__ import annotations

import json
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from articles import citing
from articles.models import Article

FORMATS: dict[str, tuple[str, Callable[[citing.Reference], str]]] = {
    "ris": ("application/x-research-info-systems", citing.ris),
    "bib": ("application/x-bibtex", citing.bibtex),
    "json": (
        "application/vnd.citationstyles.csl+json",
        lambda ref: json.dumps(citing.csl_json(ref), ensure_ascii=False),
    ),
}


def article_reference(request: HttpRequest, pk: int) -> citing.Reference:
    article = get_object_or_404(Article.objects.for_listing(), pk=pk)
    return citing.reference(article, request.build_absolute_uri, timezone.localdate())


def cite(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    content_type, render = FORMATS[fmt]
    response = HttpResponse(render(article_reference(request, pk)), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="zhuzhou-{pk}.{fmt}"'
    return response
