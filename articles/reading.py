"""Reading straight through: what comes before and after an article or a page, across pages
and issues, so a reader never meets a dead end.

Each answer costs a constant number of queries: the page's own articles, then (only at the
edge of a page) one query for the nearest article on another page or in another issue.
"""

from __future__ import annotations

from articles.models import Article, Issue, Page


def _around(items: list, pk: int) -> tuple:
    """The items before and after the one with this pk (None at either end)."""
    i = next(i for i, item in enumerate(items) if item.pk == pk)
    return (items[i - 1] if i > 0 else None), (items[i + 1] if i + 1 < len(items) else None)


def issue_pages(issue: Issue) -> list[Page]:
    """Every page of an issue, labels only, in order: the 版面导航 and 上一版/下一版 come from it."""
    return list(issue.pages.order_by("sequence", "label").only("id", "label", "sequence", "section", "issue_id"))


def page_neighbours(page: Page, pages: list[Page] | None = None) -> tuple[Page | None, Page | None]:
    return _around(issue_pages(page.issue) if pages is None else pages, page.pk)


def issue_neighbours(issue: Issue) -> tuple[Issue | None, Issue | None]:
    return Issue.objects.before(issue), Issue.objects.after(issue)


def article_neighbours(article: Article, pages: list[Page] | None = None) -> tuple[Article | None, Article | None]:
    """上一篇/下一篇 in reading order: on the page, else on the pages around it, else in the
    issues around it. `pages` are the issue's pages when the caller already has them."""
    siblings = list(Article.objects.filter(page_id=article.page_id).for_links().order_by("order", "pk"))
    previous, following = _around(siblings, article.pk)
    if previous is not None and following is not None:
        return previous, following
    issue = article.page.issue
    pages = issue_pages(issue) if pages is None else pages
    at = next(i for i, p in enumerate(pages) if p.pk == article.page_id)
    linkable = Article.objects.for_links().in_reading_order()
    if previous is None:
        earlier = linkable.filter(page__in=[p.pk for p in pages[:at]]).last() if at > 0 else None
        previous = earlier or linkable.in_previous_issue(issue.date).last()
    if following is None:
        later = linkable.filter(page__in=[p.pk for p in pages[at + 1 :]]).first() if at + 1 < len(pages) else None
        following = later or linkable.in_next_issue(issue.date).first()
    return previous, following
