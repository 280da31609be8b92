"""The page editor through real HTTP: staff only, CSRF, each operation applied and logged,
a stale form refused with a message, bad input never a 500, stored text escaped."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import reverse

from articles.models import Page
from articles.storage import ingest_bytes
from tests.db.test_corrections import MERGED, NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_user(
        "editor", password="a-long-password-1", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return user


@pytest.fixture
def page() -> Page:
    text = MERGED + "<script>alert(1)</script>市民说：“车来得准了。”\n"
    return ingest_bytes(text.encode(), file_name=NAME, paper="株洲日报").page


def url(page: Page) -> str:
    return reverse("admin:articles_page_editor", args=[page.pk])


def key(page: Page, needle: str) -> str:
    page.refresh_from_db()
    return next(p["key"] for p in page.paragraphs if needle in p["text"])


def test_the_editor_shows_paragraphs_and_articles_escaped(client, staff, page):
    html = client.get(url(page)).content.decode()
    assert "本版文字（按原文顺序，7 段）" in html
    assert "读者看到的文章（1 篇）" in html
    assert "文1 · 小标题" in html and "湘江龙舟赛落幕" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_split_retype_review_and_revert_through_forms(client, staff, page):
    response = client.post(url(page), {"version": page.version, "split": key(page, "湘江龙舟赛落幕")})
    assert response.status_code == 302 and response["Location"] == url(page)
    page.refresh_from_db()
    data = {"version": page.version, "op": "role", "kind": "title:headline", "p": [key(page, "湘江龙舟赛落幕")]}
    done = client.post(url(page), data, follow=True).content.decode()
    assert "校正：1 段改为主题" in done
    assert list(page.articles.order_by("order").values_list("headline", flat=True)) == [
        "城区首条智慧公交示范线开通",
        "湘江龙舟赛落幕",
    ]
    messages = list(
        LogEntry.objects.filter(object_id=str(page.pk)).order_by("id").values_list("change_message", flat=True)
    )
    assert (
        messages[0].startswith("校正：《城区首条智慧公交示范线开通》从“湘江龙舟赛落幕”起拆成两篇")
        and len(messages) == 2
    )
    page.refresh_from_db()
    client.post(url(page), {"version": page.version, "op": "review"})
    page.refresh_from_db()
    assert page.reviewed_at is not None and page.reviewed_by == staff
    last = page.corrections.order_by("-id").first()
    client.post(url(page), {"version": page.version, "revert": last.pk})
    assert page.articles.filter(headline="湘江龙舟赛落幕").count() == 0


def test_a_second_editor_with_an_old_form_is_refused(client, staff, page):
    old = page.version
    client.post(url(page), {"version": old, "split": key(page, "湘江龙舟赛落幕")})
    before = list(page.articles.values_list("pk", "headline"))
    html = client.post(url(page), {"version": old, "delete": before[0][0]}, follow=True).content.decode()
    assert "此版面在你打开之后已被修改" in html
    assert list(page.articles.values_list("pk", "headline")) == before


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"version": "x", "op": "move"},
        {"version": "1", "op": "move", "p": ["nope"], "to": "none"},
        {"version": "1", "op": "move", "p": ["nope"], "to": "abc"},
        {"version": "1", "op": "bogus"},
        {"version": "1", "split": "nope"},
        {"version": "1", "delete": "-5"},
        {"version": "1", "revert": "9" * 40},
        {"version": "1", "op": "merge", "first": "1", "second": ""},
        {"version": "1", "op": "role", "p": ["x"], "kind": "evil:x"},
    ],
)
def test_bad_posts_are_a_message_never_a_500(client, staff, page, data):
    response = client.post(url(page), data, follow=True)
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()


def test_unknown_pages_are_404(client, staff):
    assert client.get("/admin/articles/page/999999/editor/").status_code == 404
    assert client.get("/admin/articles/page/abc/editor/").status_code in (302, 404)


def test_staff_login_and_csrf_are_required(page, django_user_model):
    anonymous = Client(enforce_csrf_checks=True)
    assert anonymous.get(url(page)).status_code == 302
    assert anonymous.post(url(page), {"version": page.version, "op": "review"}).status_code in (302, 403)
    reader = Client()
    reader.force_login(django_user_model.objects.create_user("reader", password="a-long-password-1"))
    assert "/admin/login/" in reader.get(url(page))["Location"]
    staff = Client(enforce_csrf_checks=True)
    staff.force_login(
        django_user_model.objects.create_user("s", password="a-long-password-1", is_staff=True, is_superuser=True)
    )
    assert staff.post(url(page), {"version": page.version, "op": "review"}).status_code == 403
    page.refresh_from_db()
    assert page.reviewed_at is None
