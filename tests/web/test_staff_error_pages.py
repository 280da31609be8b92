"""Staff meet the site's own error pages, in Chinese, not Django's or a library's stock ones: a
form posted without a valid CSRF token (a stale editor tab) and a login locked after too many
failed attempts (found by a fresh-eyes check)."""

from __future__ import annotations

from django.test import Client


def _is_site_page(response) -> bool:
    html = response.content.decode()
    return '<html lang="zh-CN">' in html and "<title>" in html and "株洲日报数字档案" in html


def test_a_form_posted_without_its_csrf_token_gets_the_sites_403(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "editor", "password": "x"})
    assert response.status_code == 403
    assert _is_site_page(response)
    assert "DEBUG" not in response.content.decode()
    assert "刷新" in response.content.decode()
