"""Every error response of the site, in one shape: a page in the site's style (in Chinese), or
under /api/ the JSON `{"error": message, "status": status}`. Handlers, middleware and views all
answer errors through `respond()` (or `json_error()` / `page()` when the kind is fixed).

An error page is built from constants and its own arguments only: no template context, no
static-file manifest, no URL reversing and nothing read from the request but its path, so it
renders even when what went wrong is the request itself (more than 1000 parameters make every
read of request.GET raise TooManyFieldsSent) or the deployment (static files not collected).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

MESSAGES = {
    400: "请求有误",
    403: "表单已过期或来源无法验证",
    404: "没有找到这个页面",
    405: "只读：仅支持 GET 和 HEAD 请求",
    429: "登录失败次数过多，账户已暂时锁定",
    500: "服务器出错了",
    503: "数据库暂时不可用，请稍后再试",
}
ADVICE = {
    400: "请求的参数无法理解，请检查后重试。",
    403: "请刷新页面后重新提交（表单在页面打开太久或在另一个标签页登录后会失效）。",
    429: "为保护账户，连续多次登录失败后须等待一小时再试；如忘记密码，请联系管理员。",
    404: mark_safe('这个日期、版面或文章不在档案中。请检查网址，或从<a href="/">首页日历</a>开始浏览。'),  # noqa: S308
}
STYLE = mark_safe(  # noqa: S308 - a constant
    "body{margin:0;font-family:'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;color:#1a1a1a;line-height:1.7}"
    ".skip-link{position:absolute;left:-999px}.skip-link:focus{left:.5rem}"
    "header{border-bottom:3px double #9b1b1b;padding:.6rem 1rem}header a{font-size:1.6rem;font-weight:700;color:#9b1b1b;"
    "text-decoration:none}main{max-width:48rem;margin:1.5rem auto;padding:0 1rem}.error-code{color:#555}"
    "footer{border-top:1px solid #ccc;padding:1rem;color:#555}"
)
PAGE = (
    '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    "<title>{status} {message} · 株洲日报数字档案</title>\n<style>{style}</style>\n</head>\n<body>\n"
    '<a class="skip-link" href="#main">跳到正文</a>\n<header><a href="/">株洲日报数字档案</a></header>\n'
    '<main id="main">\n<h1>{message}</h1>\n<p class="error-code">错误代码 {status}</p>\n<p>{advice}</p>\n'
    '<p><a href="/search/">检索全部文章</a></p>\n</main>\n<footer>株洲日报数字档案</footer>\n</body>\n</html>\n'
)


def page(status: int, message: str | None = None) -> HttpResponse:
    """The error page: HTML from constants, never a template (see the module docstring)."""
    message = message or MESSAGES.get(status, MESSAGES[500])
    html = format_html(PAGE, status=status, message=message, style=STYLE, advice=ADVICE.get(status, "请稍后再试。"))
    return HttpResponse(html, status=status, content_type="text/html; charset=utf-8")


def json_error(message: str, status: int) -> JsonResponse:
    """The API's one error shape."""
    return JsonResponse({"error": message, "status": status}, status=status, json_dumps_params={"ensure_ascii": False})


def respond(request: HttpRequest, status: int, message: str | None = None) -> HttpResponse:
    """The error for this request: JSON under /api/, the site's page elsewhere. Reads only
    request.path (see the module docstring)."""
    if request.path.startswith("/api/"):
        return json_error(message or MESSAGES.get(status, MESSAGES[500]), status)
    return page(status, message)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return respond(request, 400)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return respond(request, 404)


def server_error(request: HttpRequest) -> HttpResponse:
    return respond(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a stale or foreign form, in the site's words (Django's own page is in
    English and advises turning DEBUG on)."""
    return respond(request, 403)


def locked_out(request: HttpRequest, credentials: dict | None = None, *args, **kwargs) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: too many failed logins, 429 in the site's style."""
    return respond(request, 429)
