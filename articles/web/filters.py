"""Search filters through django-filter: a bad value is a 400 with the form's message.

Every facet filter takes several values (year=2019&year=2022: either year); dates may be partial
(2020, 2020-03) and a reversed range is swapped, with a note saying so."""

from __future__ import annotations

import calendar
import re
from datetime import date

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from articles.models import Article, ArticleKind, Credit
from articles.numbers import AsciiIntegerField

SORTS = (("relevance", "相关度"), ("date", "日期（新→旧）"), ("date_asc", "日期（旧→新）"))
MAX_VALUES = 20  # values of one facet filter
PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{1,2}))?(?:-([0-9]{1,2}))?")


class SearchForm(forms.Form):
    q = forms.CharField(label="检索词", required=False, max_length=10000, strip=True)
    sort = forms.ChoiceField(label="排序", choices=SORTS, required=False)
    p = AsciiIntegerField(label="页码", required=False, min_value=1, max_value=50)

    def clean_q(self) -> str:
        return self.cleaned_data["q"].replace("\x00", "")


class PartialDateField(forms.Field):
    """2020, 2020-03 or 2020-03-27 -> (first day, last day) of that year, month or day."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        m = PARTIAL_DATE.fullmatch(str(value).strip())
        try:
            if not m:
                raise ValueError
            year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
            if day:
                return date(year, month, day), date(year, month, day)
            if month:
                return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
            return date(year, 1, 1), date(year, 12, 31)
        except ValueError:
            raise forms.ValidationError("请输入日期，如 2020-03-27、2020-03 或 2020。", code="invalid") from None


class PartialDateFilter(django_filters.Filter):
    field_class = PartialDateField


class MultiValueField(forms.Field):
    """Several values of one parameter (?year=2019&year=2022), each cleaned by `child`."""

    widget = forms.MultipleHiddenInput

    def __init__(self, child: forms.Field, **kwargs):
        super().__init__(**kwargs)
        self.child = child

    def to_python(self, value):
        values = [v for v in (value or []) if v not in self.empty_values]
        if len(values) > MAX_VALUES:
            raise forms.ValidationError(f"最多选 {MAX_VALUES} 个值。", code="too_many")
        return list(dict.fromkeys(self.child.clean(v) for v in values))


class MultiFilter(django_filters.Filter):
    """ORs the values of one parameter; `lookup` turns one value into a Q."""

    field_class = MultiValueField

    def __init__(self, *args, lookup, **kwargs):
        super().__init__(*args, **kwargs)
        self.lookup = lookup

    def filter(self, qs, value):
        if not value:
            return qs
        condition = Q()
        for v in value:
            condition |= self.lookup(v)
        return qs.filter(condition)


def _person(slug: str) -> Q:
    return Q(Exists(Credit.objects.filter(article=OuterRef("pk"), person__slug=slug)))


class ArticleFilter(django_filters.FilterSet):
    date_from = PartialDateFilter(method="filter_dates", label="起始日期")
    date_to = PartialDateFilter(method="filter_dates", label="截止日期")
    year = MultiFilter(
        label="年份", lookup=lambda v: Q(issue_date__year=v), child=AsciiIntegerField(min_value=1900, max_value=2100)
    )
    month = MultiFilter(
        label="月份", lookup=lambda v: Q(issue_date__month=v), child=AsciiIntegerField(min_value=1, max_value=12)
    )
    page = MultiFilter(
        label="版次", lookup=lambda v: Q(page_label=v.strip().upper()), child=forms.CharField(max_length=16)
    )
    person = MultiFilter(label="人物", lookup=_person, child=forms.CharField(max_length=80))
    source = MultiFilter(label="来源", lookup=lambda v: Q(source=v), child=forms.CharField(max_length=50))
    kind = MultiFilter(label="体裁", lookup=lambda v: Q(kind=v), child=forms.ChoiceField(choices=ArticleKind.choices))

    class Meta:
        model = Article
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.notes: list[str] = []

    def filter_dates(self, queryset, name, value):
        return queryset  # both ends at once, in filter_queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        start, end = self.form.cleaned_data.get("date_from"), self.form.cleaned_data.get("date_to")
        if start and end and start[0] > end[1]:
            start, end = end, start
            self.notes.append(f"起始日期晚于截止日期，已对调为 {start[0]:%Y-%m-%d} 至 {end[1]:%Y-%m-%d}。")
        if start:
            queryset = queryset.filter(issue_date__gte=start[0])
        if end:
            queryset = queryset.filter(issue_date__lte=end[1])
        return queryset

    @property
    def active(self) -> bool:
        return any(self.form.cleaned_data.get(name) for name in self.filters)
