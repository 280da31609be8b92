"""robots.txt: crawl the archive, not the search results or the admin; where the sitemap is."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def robots(request: HttpRequest) -> HttpResponse:
    sitemap = request.build_absolute_uri("/sitemap.xml")
    lines = [
        "User-agent: *",
        "Disallow: /search/",
        "Disallow: /api/search",
        "Disallow: /admin/",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
