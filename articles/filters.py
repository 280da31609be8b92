"""Search filters through django-filter: a bad value is a 400 with the form's message."""

from __future__ import annotations

import django_filters
from django import forms

from articles.models import Article, ArticleKind
from articles.numbers import AsciiIntegerField

SORTS = (("relevance", "相关度"), ("date", "日期（新→旧）"), ("date_asc", "日期（旧→新）"))


class SearchForm(forms.Form):
    q = forms.CharField(label="检索词", required=False, max_length=10000, strip=True)
    sort = forms.ChoiceField(label="排序", choices=SORTS, required=False)
    p = AsciiIntegerField(label="页码", required=False, min_value=1, max_value=50)

    def clean_q(self) -> str:
        return self.cleaned_data["q"].replace("\x00", "")


class AsciiNumberFilter(django_filters.NumberFilter):
    field_class = AsciiIntegerField


class ArticleFilter(django_filters.FilterSet):
    date_from = django_filters.DateFilter(field_name="issue_date", lookup_expr="gte", label="起始日期")
    date_to = django_filters.DateFilter(field_name="issue_date", lookup_expr="lte", label="截止日期")
    year = AsciiNumberFilter(field_name="issue_date", lookup_expr="year", label="年份", min_value=1900, max_value=2100)
    month = AsciiNumberFilter(field_name="issue_date", lookup_expr="month", label="月份", min_value=1, max_value=12)
    page = django_filters.CharFilter(field_name="page_label", method="filter_page", label="版次", max_length=16)
    person = django_filters.CharFilter(method="filter_person", label="人物", max_length=80)
    source = django_filters.CharFilter(field_name="source", label="来源", max_length=50)
    kind = django_filters.ChoiceFilter(field_name="kind", choices=ArticleKind.choices, label="体裁")

    class Meta:
        model = Article
        fields: list[str] = []

    def filter_page(self, queryset, name, value):
        return queryset.filter(page_label=value.strip().upper())

    def filter_person(self, queryset, name, value):
        from django.db.models import Exists, OuterRef

        from articles.models import Credit

        return queryset.filter(Exists(Credit.objects.filter(article=OuterRef("pk"), person__slug=value)))
