"""The review queue (admin, staff only): pages by their weakest article, possible duplicate
people with a one-click merge, names that are no person with a one-click "不是人名"."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from articles import history, review
from articles.models import Page, Person
from articles.numbers import parse_int
from articles.storage import merge_people, not_a_person


def _person(value: str | None) -> Person | None:
    pk = parse_int(value or "", 1, 2**63 - 1)
    return Person.objects.filter(pk=pk).first() if pk else None


def review_queue(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        _post(request)
        return redirect(reverse("admin:articles_page_review"))
    reviewed, left = review.page_counts()
    context = {
        **admin.site.each_context(request),
        "title": "校对队列",
        "opts": Page._meta,
        "reviewed": reviewed,
        "left": left,
        "pages": review.weakest_pages(),
        "pairs": review.duplicate_people(),
        "units": review.not_people(),
    }
    return TemplateResponse(request, "admin/articles/page/review.html", context)


def _post(request: HttpRequest) -> None:
    if "merge" in request.POST:
        keep, other = _person(request.POST.get("keep")), _person(request.POST.get("other"))
        if keep is None or other is None or keep.pk == other.pk:
            messages.error(request, "这两位人物已不存在或已合并。没有做任何修改。")
            return
        moved = merge_people(keep, [other])
        history.log(request.user, keep, f"合并：{other.name} → {keep.name}，移交署名 {moved} 条")
        messages.success(request, f"已把 {other.name} 合并到 {keep.name}（{moved} 条署名）。")
    elif "unit" in request.POST:
        person = _person(request.POST.get("unit"))
        if person is None:
            messages.error(request, "这位人物已不存在。没有做任何修改。")
            return
        moved = not_a_person(person)
        history.log(request.user, person, f"标记为不是人名：{moved} 条署名改为文章来源")
        messages.success(request, f"“{person.name}”不再记为人物：{moved} 条署名改为文章来源。")
    else:
        messages.error(request, "未知的操作。")
