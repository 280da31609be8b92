"""Sitemaps of issues and articles (50 000 URLs a file, listed by /sitemap.xml)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap

from articles.models import Article, Issue


class IssueSitemap(Sitemap):
    limit = 50_000

    def items(self):
        return Issue.objects.order_by("date").only("id", "date")


class ArticleSitemap(Sitemap):
    limit = 50_000

    def items(self):
        return Article.objects.order_by("id").only("id")


SITEMAPS = {"issues": IssueSitemap, "articles": ArticleSitemap}
