"""The page editor (admin, staff only): a page's paragraphs in source order with their role and
article, next to the articles readers see; each operation a plain form POST, applied at once
through storage and logged in the page's history."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from articles import history
from articles.models import Article, Page
from articles.numbers import parse_int
from articles.storage import EditorError, apply_operation, mark_reviewed, refresh_page, revert_correction
from articles.storage.editor import PARA_LABELS

# What the role menu offers: value "kind" or "kind:role" -> label.
ROLE_CHOICES = [
    ("title:kicker", "引题"),
    ("title:headline", "主题"),
    ("title:subheadline", "副题"),
    ("body", "正文"),
    ("byline", "署名（记者、通讯员）"),
    ("caption", "图片说明"),
    ("credit", "图片署名（摄、供图）"),
    ("heading", "小标题"),
    ("jump", "转版行"),
    ("signature", "作者署名"),
    ("table", "表格"),
    ("furniture", "版面杂项"),
]
ROLE_LABELS = {"kicker": "引题", "headline": "主题", "subheadline": "副题"}
COLOURS = 8


def _article_id(value: str | None) -> int | None:
    return parse_int(value or "", 1, 2**63 - 1)


def _operation(request: HttpRequest) -> tuple[str, dict]:
    """The operation a POST asks for, and its parameters (EditorError when incomplete)."""
    post = request.POST
    keys = post.getlist("p")
    if "split" in post:
        return "split", {"keys": [post["split"]]}
    if "delete" in post:
        return "delete", {"article": _article_id(post["delete"])}
    op = post.get("op", "")
    if op in ("move", "new", "role") and not keys:
        raise EditorError("请先勾选段落。")
    if op == "move":
        to = post.get("to", "")
        if to != "none" and _article_id(to) is None:
            raise EditorError("请选择要移到的文章。")
        return "move", {"keys": keys, "to": None if to == "none" else _article_id(to)}
    if op == "new":
        return "new", {"keys": keys}
    if op == "role":
        kind, _, role = post.get("kind", "").partition(":")
        return "role", {"keys": keys, "kind": kind, "role": role or None}
    if op == "merge":
        first, second = _article_id(post.get("first")), _article_id(post.get("second"))
        if first is None or second is None:
            raise EditorError("请选择要合并的两篇文章。")
        return "merge", {"first": first, "second": second}
    raise EditorError("未知的操作。")


def page_editor(request: HttpRequest, page_id: str) -> HttpResponse:
    page = Page.objects.select_related("issue__newspaper").filter(pk=parse_int(page_id, 1, 2**63 - 1) or 0).first()
    if page is None:
        raise Http404("没有这个版面")
    if request.method == "POST":
        _post(request, page)
        return redirect(reverse("admin:articles_page_editor", args=[page.pk]))
    return TemplateResponse(request, "admin/articles/page/editor.html", _context(request, page))


def _post(request: HttpRequest, page: Page) -> None:
    version = parse_int(request.POST.get("version", ""), 0, 2**31 - 1)
    try:
        if "revert" in request.POST:
            correction = revert_correction(page, parse_int(request.POST["revert"], 1, 2**63 - 1) or 0, version=version)
            done = f"撤销校正：{correction.data.get('summary', '')}"
        elif request.POST.get("op") == "review":
            reviewed = request.POST.get("reviewed", "1") == "1"
            mark_reviewed(page, user=request.user, version=version, reviewed=reviewed)
            done = "标记为已校对" if reviewed else "取消已校对标记"
        elif request.POST.get("op") == "reparse":
            written = refresh_page(page, version=version)
            done = f"用当前解析器重新解析，重放全部校正，得到 {written.articles} 篇文章"
        else:
            op, params = _operation(request)
            correction, written = apply_operation(page, op, user=request.user, version=version, **params)
            done = f"校正：{correction.data['summary']}"
            if written.deleted:
                done += f"（移除文章：{'、'.join(written.deleted)}）"
    except EditorError as exc:
        messages.error(request, str(exc))
        return
    history.log(request.user, page, done)
    messages.success(request, done + "。")


def _context(request: HttpRequest, page: Page) -> dict:
    from django.contrib import admin

    articles = list(Article.objects.filter(page=page).for_cards().order_by("order"))
    number = {a.pk: n for n, a in enumerate(articles, 1)}
    rows = [
        {
            "n": i + 1,
            "key": p["key"],
            "text": p["text"],
            "article": p.get("article"),
            "number": number.get(p.get("article")),
            "colour": (number.get(p.get("article"), 0) - 1) % COLOURS,
            "role": ROLE_LABELS.get(p.get("role") or "") or PARA_LABELS.get(p["kind"], p["kind"]),
        }
        for i, p in enumerate(page.paragraphs)
    ]
    seen: set[int] = set()
    for r in rows:  # a split needs text before it: none on an article's first paragraph
        r["can_split"] = r["article"] is not None and r["article"] in seen
        seen.add(r["article"])
    for a in articles:
        a.number, a.colour = number[a.pk], (number[a.pk] - 1) % COLOURS
    corrections = page.corrections.select_related("created_by").order_by("-id")
    return {
        **admin.site.each_context(request),
        "title": f"校对版面 {page}",
        "opts": Page._meta,
        "original": page,
        "page": page,
        "rows": rows,
        "articles": articles,
        "corrections": corrections,
        "not_applied": [c for c in corrections if c.active and c.status != "applied"],
        "role_choices": ROLE_CHOICES,
    }
