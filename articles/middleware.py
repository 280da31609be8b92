"""The public can only read: outside the admin, every method but GET and HEAD is a 405, and
OPTIONS is answered here with the allowed methods (the view never runs)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse

SAFE = ("GET", "HEAD", "OPTIONS")
ALLOW = "GET, HEAD, OPTIONS"


class PublicReadOnlyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in SAFE and not request.path.startswith("/admin/"):
            if request.path.startswith("/api/"):
                response = JsonResponse({"error": "只读接口：仅支持 GET 和 HEAD", "status": 405}, status=405)
                response["Allow"] = "GET, HEAD"
                return response
            return HttpResponseNotAllowed(["GET", "HEAD"], content="只读：仅支持 GET 和 HEAD 请求。")
        if request.method == "OPTIONS" and not request.path.startswith("/admin/"):
            response = HttpResponse(status=200)
            response["Allow"] = ALLOW
            response["Content-Length"] = "0"
            return response
        return self.get_response(request)
