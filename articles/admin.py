"""The Django admin, in Chinese, staff only: where archivists correct what the parser got wrong.

Every save marks the fields staff changed (re-ingest never overwrites them), recomputes the
search columns in the same transaction, and writes old → new into the object's history.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from articles import history
from articles.history import field_label
from articles.models import Article, Credit, IngestRun, Issue, Newspaper, Page, Person, PersonRedirect, Role
from articles.numbers import parse_int
from articles.search.conditions import matching
from articles.search.query import parse_query
from articles.storage import (
    delete_article,
    delete_credit,
    delete_rows,
    merge_people,
    reparse_page,
    save_article,
    save_credit,
    save_credits,
    save_issue,
    save_page,
)

admin.site.site_header = "株洲日报数字档案 · 管理"
admin.site.site_title = "档案管理"
admin.site.index_title = "档案内容"


class StorageDeleteMixin:
    """Deletes go through storage (articles give their text back to the page)."""

    def delete_model(self, request, obj):
        delete_rows([obj])

    def delete_queryset(self, request, queryset):
        delete_rows(queryset)


class HistoryMixin:
    """Old → new values in the admin history of every change made through a form."""

    def construct_change_message(self, request, form, formsets, add=False):
        if add:
            return super().construct_change_message(request, form, formsets, add)
        lines = history.change_lines(form) + history.formset_lines(formsets or [])
        return "；".join(lines) or "未修改字段"


@admin.register(Newspaper)
class NewspaperAdmin(HistoryMixin, admin.ModelAdmin):
    list_display = ("name", "slug")


DATE_PARTS = {"year": (1, 9999), "month": (1, 12), "day": (1, 31)}


class CheckedDateHierarchyMixin:
    """The date hierarchy's numbers checked before Django's ChangeList builds a datetime from
    them (a year past 64 bits raised OverflowError there: a 500)."""

    def changelist_view(self, request, extra_context=None):
        for part, (low, high) in DATE_PARTS.items():
            value = request.GET.get(f"{self.date_hierarchy}__{part}")
            if value is not None and parse_int(value, low, high) is None:
                return HttpResponseBadRequest("日期筛选的数值无效。", content_type="text/plain; charset=utf-8")
        return super().changelist_view(request, extra_context)


@admin.register(Issue)
class IssueAdmin(CheckedDateHierarchyMixin, StorageDeleteMixin, HistoryMixin, admin.ModelAdmin):
    list_display = ("date", "newspaper", "number", "date_inferred", "page_count")
    list_filter = ("newspaper", "date_inferred")
    date_hierarchy = "date"
    readonly_fields = ("date_evidence",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_pages=Count("pages"))

    def has_add_permission(self, request) -> bool:
        return False  # issues come from ingest

    def save_model(self, request, obj, form, change):
        save_issue(obj)

    @admin.display(description="版数", ordering="n_pages")
    def page_count(self, obj: Issue) -> int:
        return obj.n_pages


@admin.register(Page)
class PageAdmin(StorageDeleteMixin, HistoryMixin, admin.ModelAdmin):
    list_display = (
        "issue",
        "label",
        "section",
        "source_format",
        "parser_version",
        "file_name",
        "editor_link",
        "public_link",
    )
    list_filter = ("source_format", "parser_version")
    search_fields = ("file_name", "label")
    list_select_related = ("issue__newspaper",)
    fields = (
        "editor_link",
        "issue",
        "label",
        "sequence",
        "section",
        "file_name",
        "source_format",
        "encoding",
        "sha256",
        "parser_version",
        "date_info",
        "unassigned",
        "raw_text_view",
    )
    readonly_fields = (
        "editor_link",
        "issue",
        "file_name",
        "source_format",
        "encoding",
        "sha256",
        "parser_version",
        "date_info",
        "unassigned",
        "raw_text_view",
    )
    actions = ["reparse"]

    def has_add_permission(self, request) -> bool:
        return False  # pages come from ingest

    def get_urls(self):
        from django.urls import path

        from articles.web.editor_views import page_editor
        from articles.web.review_views import review_queue

        return [
            path("review/", self.admin_site.admin_view(review_queue), name="articles_page_review"),
            path("<path:page_id>/editor/", self.admin_site.admin_view(page_editor), name="articles_page_editor"),
            *super().get_urls(),
        ]

    @admin.display(description="校对")
    def editor_link(self, obj: Page) -> str:
        return format_html('<a href="{}">校对结构</a>', reverse("admin:articles_page_editor", args=[obj.pk]))

    def save_model(self, request, obj, form, change):
        save_page(obj)

    @admin.display(description="出版日期")
    def date_info(self, obj: Page) -> str:
        how = f"由文本推断：{obj.issue.date_evidence}" if obj.issue.date_inferred else "导入时给定"
        return f"{obj.issue.date:%Y-%m-%d}（{how}）"

    @admin.display(description="原始文本（只读）")
    def raw_text_view(self, obj: Page) -> str:
        return format_html('<pre class="raw-text">{}</pre>', obj.raw_text)

    @admin.display(description="前台")
    def public_link(self, obj: Page) -> str:
        return format_html('<a href="{}">查看</a>', obj.get_absolute_url())

    @admin.action(description="用当前解析器重新解析所选版面（保留人工修改）")
    def reparse(self, request, queryset):
        total = 0
        for page in queryset.select_related("issue"):
            total += reparse_page(page)
            history.log(request.user, page, f"重新解析，得到 {page.articles.count()} 篇文章")
        self.message_user(request, f"已重新解析 {queryset.count()} 个版面，共 {total} 篇文章；人工修改的字段保持不变。")


class CreditInline(admin.TabularInline):
    model = Credit
    extra = 1
    autocomplete_fields = ("person",)
    fields = ("person", "role", "order")


class YearFilter(admin.SimpleListFilter):
    title = "年份"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = Issue.objects.dates("date", "year", order="DESC")
        return [(str(d.year), f"{d.year}年") for d in years]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        year = parse_int(self.value(), 1, 9999)  # a year the database can hold; anything else matches nothing
        return queryset.filter(issue_date__year=year) if year is not None else queryset.none()


class EditedFilter(admin.SimpleListFilter):
    title = "人工修改"
    parameter_name = "edited"

    def lookups(self, request, model_admin):
        return [("yes", "经人工修改"), ("no", "未修改")]

    def queryset(self, request, queryset):
        edited = Q(credits_edited=True) | ~Q(edited_fields=[])
        if self.value() == "yes":
            return queryset.filter(edited)
        if self.value() == "no":
            return queryset.exclude(edited)
        return queryset


class NoHeadlineFilter(admin.SimpleListFilter):
    title = "标题"
    parameter_name = "headline"

    def lookups(self, request, model_admin):
        return [("missing", "解析后无标题")]

    def queryset(self, request, queryset):
        return queryset.filter(headline="") if self.value() == "missing" else queryset


class TextareaField(forms.CharField):
    """Browsers send textarea lines with CRLF; stored text uses LF. Normalised here so an
    untouched body is not taken for an edit (and flagged as staff-edited)."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


class ArticleForm(forms.ModelForm):
    captions_text = TextareaField(
        label="图片说明", required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="一行一条"
    )

    class Meta:
        model = Article
        fields = ("page", "order", "kind", "kicker", "headline", "subheadline", "source", "dateline", "body")
        field_classes = {"body": TextareaField}
        widgets = {
            "body": forms.Textarea(attrs={"rows": 18, "cols": 90}),
            "kicker": forms.TextInput(attrs={"size": 60}),
            "headline": forms.TextInput(attrs={"size": 60}),
            "subheadline": forms.TextInput(attrs={"size": 80}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["captions_text"] = "\n".join(self.instance.captions)

    def clean_captions_text(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["captions_text"].splitlines() if line.strip()]


@admin.register(Article)
class ArticleAdmin(HistoryMixin, admin.ModelAdmin):
    form = ArticleForm
    list_display = (
        "headline_or_opening",
        "issue_date",
        "page_label",
        "order",
        "kind",
        "reporters",
        "parse_confidence",
        "edited",
    )
    list_filter = (YearFilter, "page_label", "kind", "source", EditedFilter, NoHeadlineFilter)
    search_fields = ("headline",)
    search_help_text = "与前台检索相同：按标题、正文中的任意文字查找"
    list_select_related = ("page__issue",)
    raw_id_fields = ("page",)
    inlines = [CreditInline]
    fieldsets = (
        (None, {"fields": ("public_link", "page", "order", "kind")}),
        ("标题", {"fields": ("kicker", "headline", "subheadline")}),
        ("来源", {"fields": ("source", "dateline", "lead", "bylines")}),
        ("正文", {"fields": ("body", "captions_text")}),
        ("修改记录", {"fields": ("edited_labels", "credits_edited")}),
        ("本版原始文本", {"fields": ("raw_text_view",), "classes": ("collapse",)}),
    )
    readonly_fields = ("public_link", "lead", "bylines", "edited_labels", "credits_edited", "raw_text_view")

    @admin.display(description="人工修改的字段")
    def edited_labels(self, obj: Article) -> str:
        """The fields staff edited, by their Chinese names (图片说明, not captions)."""
        return "、".join(field_label(Article, name) for name in obj.edited_fields) or "无"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("credits__person")

    def get_search_results(self, request, queryset, search_term):
        """The public search engine, so staff find exactly what readers find."""
        if not search_term.strip():
            return queryset, False
        return matching(parse_query(search_term), queryset), False

    @admin.display(description="标题", ordering="headline")
    def headline_or_opening(self, obj: Article) -> str:
        return obj.headline or f"（无标题）{obj.body[:24]}"

    @admin.display(description=Role.REPORTER.label)
    def reporters(self, obj: Article) -> str:
        return "、".join(c.person.name for c in obj.credits.all() if c.role == Role.REPORTER)

    @admin.display(description="人工修改", boolean=True)
    def edited(self, obj: Article) -> bool:
        return bool(obj.edited_fields) or obj.credits_edited

    @admin.display(description="前台页面")
    def public_link(self, obj: Article) -> str:
        return (
            format_html('<a href="{}" target="_blank">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())
            if obj.pk
            else "-"
        )

    @admin.display(description="原始文本（只读，供对照）")
    def raw_text_view(self, obj: Article) -> str:
        return (
            format_html(
                '<pre class="raw-text" style="white-space:pre-wrap;max-height:40em;overflow:auto">{}</pre>',
                obj.page.raw_text,
            )
            if obj.pk
            else "-"
        )

    def has_add_permission(self, request) -> bool:
        return False  # articles come from ingest, or from the page editor (新建文章)

    def save_model(self, request, obj: Article, form, change):
        """Storage marks what staff changed and recomputes the search columns."""
        obj.captions = form.cleaned_data["captions_text"]
        save_article(obj, {"captions" if f == "captions_text" else f for f in form.changed_data})

    def save_formset(self, request, form, formset, change):
        saved = formset.save(commit=False)
        save_credits(form.instance, saved, formset.deleted_objects)

    def delete_model(self, request, obj):
        delete_article(obj, request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset.select_related("page"):
            delete_article(obj, request.user)


class MergeForm(forms.Form):
    survivor = forms.ModelChoiceField(queryset=Person.objects.none(), label="保留", widget=forms.RadioSelect)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["survivor"].queryset = people


def _credit_count(role: Role):
    """A column of the person's credits in one role (annotated by PersonAdmin.get_queryset)."""

    @admin.display(description=role.label, ordering=f"n_{role}")
    def column(obj: Person) -> int:
        return getattr(obj, f"n_{role}")

    return column


@admin.register(Person)
class PersonAdmin(HistoryMixin, admin.ModelAdmin):
    list_display = ("name", "slug", "alias_list", *(_credit_count(role) for role in Role))
    search_fields = ("name", "aliases")
    ordering = ("name",)
    actions = ["merge_into"]

    def get_queryset(self, request):
        counts = {f"n_{role}": Count("credits", filter=Q(credits__role=role)) for role in Role.values}
        return super().get_queryset(request).annotate(**counts)

    @admin.display(description="别名")
    def alias_list(self, obj: Person) -> str:
        return "、".join(obj.aliases)

    @admin.action(description="合并所选人物到其中一位…")
    def merge_into(self, request, queryset):
        people = queryset.order_by("name")
        if people.count() < 2:
            self.message_user(request, "请至少选择两位人物再合并。", messages.WARNING)
            return None
        form = MergeForm(request.POST if "apply" in request.POST else None, people=people)
        if form.is_valid():
            survivor = form.cleaned_data["survivor"]
            others = [p for p in people if p.pk != survivor.pk]
            names = "、".join(p.name for p in others)
            moved = merge_people(survivor, others)
            history.log(
                request.user, survivor, f"合并：{names} → {survivor.name}，移交署名 {moved} 条；旧网址 301 跳转到此"
            )
            self.message_user(request, f"已把 {names} 合并到 {survivor.name}（{moved} 条署名），旧名保留为别名。")
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "合并人物",
            "people": people,
            "form": form,
            "opts": self.model._meta,
            "action": "merge_into",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/articles/person/merge.html", context)


@admin.register(PersonRedirect)
class PersonRedirectAdmin(admin.ModelAdmin):
    list_display = ("old_slug", "person")
    search_fields = ("old_slug", "person__name")
    autocomplete_fields = ("person",)


@admin.register(Credit)
class CreditAdmin(StorageDeleteMixin, admin.ModelAdmin):
    list_display = ("article", "person", "role")
    list_filter = ("role",)
    raw_id_fields = ("article",)
    autocomplete_fields = ("person",)

    def save_model(self, request, obj, form, change):
        save_credit(obj)

    def delete_model(self, request, obj):
        delete_credit(obj)


OUTCOMES = {"new": "新增", "unchanged": "未变（内容相同，跳过）", "reparsed": "重新解析", "failed": "失败"}


def _made(line: dict) -> str:
    """What a file became: "株洲日报 2020-03-27 A1，8 篇文章"."""
    return f"{line.get('page', '')}，{line.get('articles', 0)} 篇文章" if line.get("page") else ""


@admin.register(IngestRun)
class IngestRunAdmin(admin.ModelAdmin):
    list_display = ("started_at", "finished_at", "files", "new", "unchanged", "reparsed", "failed", "arguments")
    readonly_fields = [f.name for f in IngestRun._meta.fields if f.name not in ("id", "messages")] + ["file_report"]
    exclude = ("messages",)

    def has_add_permission(self, request) -> bool:
        return False  # a run is recorded by `ingest` or by an upload (上传版面文件)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # the record of what was loaded stays

    def get_urls(self):
        from django.urls import path

        from articles.web.upload_views import upload_pages

        return [
            path("upload/", self.admin_site.admin_view(upload_pages), name="articles_ingestrun_upload"),
            *super().get_urls(),
        ]

    @admin.display(description="逐个文件的结果")
    def file_report(self, obj: IngestRun) -> str:
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    m.get("file", ""),
                    OUTCOMES.get(m.get("outcome", ""), m.get("outcome", "")),
                    m.get("message") or _made(m),
                )
                for m in obj.messages
            ),
        )
        return format_html(
            "<table><thead><tr><th>文件</th><th>结果</th><th>说明</th></tr></thead><tbody>{}</tbody></table>", rows
        )
