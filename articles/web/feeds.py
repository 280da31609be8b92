"""Atom feeds (Django's syndication framework): new issues, a person's new articles, a search
(or a listing by filters alone)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponsePermanentRedirect, QueryDict
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from articles import browse
from articles.models import Article, Credit, Issue, Person
from articles.search.request import SearchRequest
from articles.search.results import run_search
from articles.web.search_views import BadSearch, read_request
from articles.web.steering import chips

SIZE = 30


ARCHIVE = "株洲日报数字档案"


def _moment(day) -> datetime:
    """An issue's date as the datetime Atom wants (midnight where the paper is printed)."""
    return datetime.combine(day, time(), tzinfo=timezone.get_current_timezone())


class ArticleFeed(Feed):
    """Atom (RFC 4287): every entry carries <updated> (the issue's date: a printed article does
    not change), and the feed names an author for the entries that credit no one."""

    feed_type = Atom1Feed
    author_name = ARCHIVE

    def item_title(self, item: Article) -> str:
        return item.headline or "（无标题）"

    def item_description(self, item: Article) -> str:
        return f"{item.issue_date:%Y-%m-%d} {item.page_label}版 · {item.excerpt}"

    def item_author_name(self, item: Article) -> str | None:
        return "、".join(c.person.name for c in item.credit_list()) or None

    def item_pubdate(self, item: Article) -> datetime:
        return _moment(item.issue_date)

    def item_updateddate(self, item: Article) -> datetime:
        return _moment(item.issue_date)


class IssueFeed(Feed):
    feed_type = Atom1Feed
    author_name = ARCHIVE
    title = "株洲日报数字档案 · 新的一期"
    link = "/"
    description = "档案中最新收录的各期报纸"

    def items(self):
        return Issue.objects.select_related("newspaper").with_lead().order_by("-date")[:SIZE]

    def item_title(self, item: Issue) -> str:
        return f"{item.newspaper.name} {browse.chinese_date(item.date)}"

    def item_description(self, item: Issue) -> str:
        return f"{item.page_count or 0} 个版。头条：{item.lead_headline or '（无标题）'}"

    def item_pubdate(self, item: Issue) -> datetime:
        return _moment(item.date)

    def item_updateddate(self, item: Issue) -> datetime:
        return _moment(item.date)


class PersonFeed(ArticleFeed):
    def get_object(self, request: HttpRequest, person: Person) -> Person:
        return person

    def title(self, obj: Person) -> str:
        return f"株洲日报数字档案 · {obj.name}的文章"

    def link(self, obj: Person) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Person):
        ids = Credit.objects.filter(person=obj).values("article_id")
        return Article.objects.filter(pk__in=ids).for_listing().order_by("-issue_date", "-id")[:SIZE]


class SearchFeed(ArticleFeed):
    """A search's newest hits, or (no query, filters chosen) the newest articles they list."""

    def get_object(self, request: HttpRequest, search: SearchRequest) -> tuple[SearchRequest, QueryDict]:
        return search, request.GET

    def title(self, obj: tuple[SearchRequest, QueryDict]) -> str:
        search, params = obj
        if search.query.empty:
            return "株洲日报数字档案 · 筛选（" + "、".join(c["label"] for c in chips(params)) + "）"
        return f"株洲日报数字档案 · 检索“{search.query}”"

    def link(self, obj: tuple[SearchRequest, QueryDict]) -> str:
        return f"/search/?{obj[1].urlencode()}"

    def feed_url(self, obj: tuple[SearchRequest, QueryDict]) -> str:
        """The feed's own address (rel="self"), its query included."""
        return f"/search/feed/?{obj[1].urlencode()}"

    def items(self, obj: tuple[SearchRequest, QueryDict]) -> list[Article]:
        return [hit.article for hit in run_search(replace(obj[0], sort="date", page=1)).hits]


def person_feed(request: HttpRequest, slug: str) -> HttpResponse:
    found = browse.person_or_redirect(slug)
    if isinstance(found, str):
        return HttpResponsePermanentRedirect(found + "feed/")
    return PersonFeed()(request, person=found)


def search_feed(request: HttpRequest) -> HttpResponse:
    try:
        search = read_request(request)
    except BadSearch as exc:
        return HttpResponseBadRequest("；".join(exc.messages), content_type="text/plain; charset=utf-8")
    if not search.searched:
        return HttpResponseBadRequest("请提供检索词 q 或筛选条件", content_type="text/plain; charset=utf-8")
    return SearchFeed()(request, search=search)
