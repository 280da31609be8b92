"""An archivist logs in through the real admin form, fixes a headline, sees it in public."""

from __future__ import annotations

import pytest

from articles.models import Article
from tests.browser.conftest import DESKTOP, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_fix_a_headline_in_the_admin(live_server, ingested, open_page, django_user_model):
    django_user_model.objects.create_user("editor", password="a-long-password-1", is_staff=True, is_superuser=True)
    art = Article.objects.get(headline="湘江龙舟赛落幕")
    page = open_page(DESKTOP)
    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-password-1")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/admin/")
    page.goto(f"{live_server.url}/admin/articles/article/{art.pk}/change/")
    shot(page, "admin-article-desktop")
    page.fill("#id_headline", "第三届湘江龙舟邀请赛落幕")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/articles/article/")
    page.goto(live_server.url + art.get_absolute_url())
    assert page.locator("h1").inner_text() == "第三届湘江龙舟邀请赛落幕"
    page.goto(live_server.url + "/search/?q=" + "标题:龙舟邀请赛")
    assert page.locator(".hit h3").first.inner_text() == "第三届湘江龙舟邀请赛落幕"
    art.refresh_from_db()
    assert art.edited_fields == ["headline"]
