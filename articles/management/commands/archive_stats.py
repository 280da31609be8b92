"""Counts and sizes of the archive, for operators (`--json` for tools)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand
from django.db import connection

from articles.models import Article, Credit, Issue, Page, Person

TABLES = ["articles_article", "articles_page", "articles_credit", "articles_person", "articles_issue"]


class Command(BaseCommand):
    help = "Print counts of issues, pages, articles, people and the size of each table and index. Changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="machine-readable output")

    def handle(self, *args, **options):
        stats = {
            "issues": Issue.objects.count(),
            "pages": Page.objects.count(),
            "articles": Article.objects.count(),
            "people": Person.objects.count(),
            "credits": Credit.objects.count(),
            "first_issue": str(Issue.objects.order_by("date").values_list("date", flat=True).first() or ""),
            "last_issue": str(Issue.objects.order_by("-date").values_list("date", flat=True).first() or ""),
            "sizes_mb": sizes(),
        }
        if options["json"]:
            self.stdout.write(json.dumps(stats, ensure_ascii=False, indent=1))
            return
        for key, value in stats.items():
            if key != "sizes_mb":
                self.stdout.write(f"{key:12} {value}")
        for name, mb in stats["sizes_mb"].items():
            self.stdout.write(f"{name:40} {mb:10.1f} MB")


def sizes() -> dict[str, float]:
    with connection.cursor() as cur:
        cur.execute(
            "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c WHERE c.relname = ANY(%s) "
            "UNION ALL SELECT i.indexname, pg_relation_size(i.indexname::regclass) FROM pg_indexes i WHERE i.tablename = ANY(%s) "
            "UNION ALL SELECT 'database', pg_database_size(current_database())",
            [TABLES, TABLES],
        )
        return {name: round(size / 2**20, 1) for name, size in cur.fetchall()}
