"""A reader leafs through the archive in a real browser, on a desktop and at phone width."""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, PHONE, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("viewport", "tag"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_home_to_issue_to_page_to_article_to_reporter(live_server, ingested, open_page, viewport, tag):
    page = open_page(viewport)
    page.goto(live_server.url + "/")
    shot(page, f"home-{tag}")
    page.get_by_role("link", name="2023年6月15日").click()
    page.wait_for_url("**/2023/06/15/")
    assert "2023年6月15日 星期四" in page.locator("h1").inner_text()
    shot(page, f"issue-{tag}")
    page.get_by_role("link", name="A2 版").click()
    page.wait_for_url("**/2023/06/15/A2/")
    assert page.locator('.page-nav a[aria-current="page"]').inner_text() == "A2"
    shot(page, f"page-{tag}")
    page.get_by_role("link", name="夏粮收购有序推进农民增收有保障").click()
    page.wait_for_url("**/articles/*/")
    assert page.locator("h1").inner_text() == "夏粮收购有序推进农民增收有保障"
    shot(page, f"article-{tag}")
    page.locator(".byline").get_by_role("link", name="刘建国").click()
    page.wait_for_url("**/people/**")
    assert page.locator("h1").inner_text() == "刘建国"
    shot(page, f"person-{tag}")
    page.go_back()
    page.wait_for_url("**/articles/*/")
    assert page.errors == [], page.errors
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"]  # nothing forces sideways scrolling


def test_error_page_and_keyboard_skip_link(live_server, ingested, open_page):
    page = open_page(DESKTOP)
    response = page.goto(live_server.url + "/2020/02/30/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "没有找到这个页面"
    shot(page, "not-found-desktop")
    page.goto(live_server.url + "/2023/06/15/A1/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "跳到正文"
