"""Error pages in the site's style, in Chinese; JSON errors of one shape under /api/."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from articles.api import error

MESSAGES = {400: "请求有误", 404: "没有找到这个页面", 500: "服务器出错了"}


def _respond(request: HttpRequest, status: int, detail: str = "") -> HttpResponse:
    if request.path.startswith("/api/"):
        return error(MESSAGES[status], status)
    # error_page: no absolute URLs, which need a valid Host header (a bad one is why some 400s happen)
    context = {"status": status, "message": MESSAGES[status], "detail": detail, "error_page": True}
    return render(request, "error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _respond(request, 400)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _respond(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _respond(request, 500)
