"""The review queue: weakest pages first with counts, possible duplicate people merged and
names that are no person turned into source notes, in one click each."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article, Credit, Page, Person
from articles.storage import reparse_page

pytestmark = pytest.mark.django_db
URL = "/admin/articles/page/review/"


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_user("s", password="a-long-password-1", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_pages_weakest_first_with_counts(client, staff, ingested):
    html = client.get(URL).content.decode()
    pages = list(Page.objects.for_review())
    assert [p.weakest for p in pages] == sorted(p.weakest for p in pages)
    assert "已校对 <strong>0</strong> 个版面，待校对 <strong>3</strong> 个" in html
    first = pages[0]
    assert html.index(reverse("admin:articles_page_editor", args=[first.pk])) < html.index(
        reverse("admin:articles_page_editor", args=[pages[-1].pk])
    )


def test_merge_a_near_duplicate_and_mark_a_unit_in_one_click(client, staff, ingested):
    art = Article.objects.get(headline="湘江龙舟赛落幕")
    typo = Person.objects.create(name="李桦", slug="李桦")
    Credit.objects.create(article=art, person=typo, role="reporter")
    unit = Person.objects.create(name="市第一医院", slug="市第一医院")
    Credit.objects.create(article=art, person=unit, role="photographer")
    html = client.get(URL).content.decode()
    assert "李华 / 李桦（同一版面上都有署名）" in html and "市第一医院" in html
    keep = Person.objects.get(name="李华")
    client.post(URL, {"merge": "1", "keep": keep.pk, "other": typo.pk})
    assert not Person.objects.filter(pk=typo.pk).exists() and "李桦" in Person.objects.get(pk=keep.pk).aliases
    client.post(URL, {"unit": unit.pk})
    art.refresh_from_db()
    assert art.source == "株洲日报" or art.source == "市第一医院"
    assert not Credit.objects.filter(person=unit).exists()
    reparse_page(art.page)
    assert not Credit.objects.filter(person__name="市第一医院").exists()  # a re-parse does not credit it again


def test_bad_posts_are_messages(client, staff, ingested):
    for data in (
        {},
        {"merge": "1", "keep": "x", "other": "1"},
        {"unit": "99999999"},
        {"merge": "1", "keep": "1", "other": "1"},
    ):
        assert 'class="error"' in client.post(URL, data, follow=True).content.decode()


def test_edited_fields_show_chinese_names(client, staff, ingested):
    art = Article.objects.get(headline="湘江龙舟赛落幕")
    art.edited_fields = ["captions", "headline"]
    art.save()
    html = client.get(reverse("admin:articles_article_change", args=[art.pk])).content.decode()
    assert "图片说明、主题" in html and "captions" not in html.split("人工修改的字段")[1][:200]
