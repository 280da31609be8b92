"""Issue and page pages carry a search of their own (在本期检索 / 在本版检索): the site's search
with that day, and that page, as filters. Followed as a reader would: the form read from the
page, its fields sent as the browser sends them."""

from __future__ import annotations

from html.parser import HTMLParser

from articles.models import Article, Page


class _ScopedForm(HTMLParser):
    """The action and the hidden fields of the page's scoped-search form."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self._inside = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "scoped-search" in (a.get("class") or ""):
            self.action, self._inside = a["action"], True
        elif tag == "input" and self._inside and a.get("type") == "hidden":
            self.fields[a["name"]] = a["value"]

    def handle_endtag(self, tag):
        if tag == "form":
            self._inside = False


def _form(client, url: str) -> _ScopedForm:
    form = _ScopedForm()
    form.feed(client.get(url).content.decode())
    assert form.action == "/search/", url
    return form


def _hits(client, fields: dict[str, str], q: str) -> list[dict]:
    response = client.get("/api/search/", {**fields, "q": q})
    assert response.status_code == 200
    return response.json()["results"]


def _common_character(articles) -> str:
    """A character printed in articles of more than one issue and page: a scope must narrow it."""
    texts = [a.body for a in articles]
    return next(ch for ch in "市的日报" if sum(ch in t for t in texts) >= 3)


def test_the_issue_page_searches_that_issue_only(client, ingested):
    page = Page.objects.select_related("issue").order_by("issue__date", "label").first()
    term = _common_character(Article.objects.all())
    form = _form(client, page.issue.get_absolute_url())
    scoped = _hits(client, form.fields, term)
    everywhere = _hits(client, {}, term)
    assert scoped and {h["date"] for h in scoped} == {page.issue.date.isoformat()}
    assert len(scoped) < len(everywhere)


def test_the_page_page_searches_that_page_only(client, ingested):
    page = Page.objects.select_related("issue").order_by("issue__date", "label").first()
    term = _common_character(Article.objects.all())
    form = _form(client, page.get_absolute_url())
    assert form.fields["page"] == page.label
    scoped = _hits(client, form.fields, term)
    assert scoped and {(h["date"], h["page"]) for h in scoped} == {(page.issue.date.isoformat(), page.label)}
    assert len(scoped) >= Article.objects.filter(page=page, body__contains=term).count()  # recall
