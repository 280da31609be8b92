"""The Django admin for every model; staff only (Django admin's own rule)."""

from django.contrib import admin

from articles.models import Article, Credit, Issue, Newspaper, Page, Person


@admin.register(Newspaper)
class NewspaperAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ("date", "newspaper", "number", "date_inferred")
    list_filter = ("newspaper", "date_inferred")
    date_hierarchy = "date"
    readonly_fields = ("date_evidence",)


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("issue", "label", "section", "source_format", "parser_version", "file_name")
    list_filter = ("source_format", "parser_version")
    search_fields = ("file_name", "label")
    readonly_fields = ("raw_text", "sha256", "file_name", "source_format", "encoding", "parser_version", "unassigned")
    list_select_related = ("issue__newspaper",)


class CreditInline(admin.TabularInline):
    model = Credit
    extra = 0
    raw_id_fields = ("person",)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("headline", "page", "order", "kind", "source")
    list_filter = ("kind", "source")
    search_fields = ("headline", "body")
    list_select_related = ("page__issue__newspaper",)
    raw_id_fields = ("page",)
    inlines = [CreditInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "aliases")


@admin.register(Credit)
class CreditAdmin(admin.ModelAdmin):
    list_display = ("article", "person", "role")
    list_filter = ("role",)
    raw_id_fields = ("article", "person")
