"""A reader leafs through the archive in a real browser, on a desktop and at phone width."""

from __future__ import annotations

import json

import pytest

from articles.models import Article
from tests.browser.conftest import ARTIFACTS, DESKTOP, PHONE, axe_violations, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def check(page, name: str, found: dict) -> None:
    """Screenshot, axe-core, no sideways scrolling."""
    shot(page, name)
    found[name] = axe_violations(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{name} scrolls sideways ({width}px)"


@pytest.mark.parametrize(("viewport", "tag"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_home_to_issue_to_page_to_article_to_reporter(live_server, ingested, open_page, viewport, tag):
    found: dict = {}
    page = open_page(viewport)
    page.goto(live_server.url + "/")
    check(page, f"home-{tag}", found)
    page.get_by_role("link", name="2023年6月15日").click()
    page.wait_for_url("**/2023/06/15/")
    assert "2023年6月15日 星期四" in page.locator("h1").inner_text()
    check(page, f"issue-{tag}", found)
    page.get_by_role("link", name="A2 版").click()
    page.wait_for_url("**/2023/06/15/A2/")
    assert page.locator('.page-nav a[aria-current="page"]').inner_text() == "A2"
    check(page, f"page-{tag}", found)
    page.get_by_role("link", name="夏粮收购有序推进农民增收有保障").click()
    page.wait_for_url("**/articles/*/")
    assert page.locator("h1").inner_text() == "夏粮收购有序推进农民增收有保障"
    check(page, f"article-{tag}", found)
    page.locator(".byline").get_by_role("link", name="刘建国").click()
    page.wait_for_url("**/people/**")
    assert page.locator("h1").inner_text() == "刘建国"
    check(page, f"person-{tag}", found)
    page.go_back()
    page.wait_for_url("**/articles/*/")
    page.locator("#header-q").fill("龙舟")
    page.locator("#header-q").press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.locator(".hit h3 mark").first.inner_text() == "龙舟"
    check(page, f"search-{tag}", found)
    page.locator(".hit h3 a").first.click()
    page.wait_for_url("**/articles/*/?hl=*")
    assert page.locator(".article h1 mark").inner_text() == "龙舟"  # the search terms highlighted on arrival
    assert page.errors == [], page.errors
    (ARTIFACTS / f"axe-{tag}.json").write_text(json.dumps(found, ensure_ascii=False, indent=1))
    assert {k: v for k, v in found.items() if v} == {}


def test_a_jump_line_leads_to_its_continuation(live_server, ingested, open_page):
    from articles.storage import ingest_bytes

    ingest_bytes(
        "株洲日报记者 刘建国\n\n上接A2版优质稻收购还将持续到月底。\n".encode(),
        file_name="2023-06-15_A3.txt",
        paper="株洲日报",
    )
    page = open_page(DESKTOP)
    art = Article.objects.get(headline="夏粮收购有序推进农民增收有保障")
    page.goto(live_server.url + art.get_absolute_url())
    page.get_by_role("link", name="下转 A3版").click()
    page.wait_for_url("**/2023/06/15/A3/")
    assert page.locator("h1").inner_text().startswith("A3 版")


def test_error_page_and_keyboard_skip_link(live_server, ingested, open_page):
    page = open_page(DESKTOP)
    response = page.goto(live_server.url + "/2020/02/30/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "没有找到这个页面"
    shot(page, "not-found-desktop")
    page.goto(live_server.url + "/2023/06/15/A1/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_axe_harness_reports_real_violations(open_page):
    """The accessibility check can fail: a page with an unlabeled image and input is caught."""
    page = open_page(DESKTOP)
    page.set_content(
        '<html lang="zh-CN"><head><title>t</title></head><body><main><img src="data:,"><input></main></body></html>'
    )
    ids = {v["id"] for v in axe_violations(page, impacts=("serious", "critical"))}
    assert {"image-alt", "label"} <= ids
