"""What crawlers and browsers ask for at the site's root: robots.txt (crawl the archive, not the
search results or the admin; where the sitemap is) and favicon.ico."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.templatetags.static import static


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


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, where browsers, feed readers and bookmarks look when a page names no icon
    (the error pages, the API, the raw text): a redirect to the static icon. Not permanent: its
    hashed name changes with the icon."""
    response = HttpResponseRedirect(static("favicon.ico"))
    response["Cache-Control"] = "public, max-age=86400"
    return response
