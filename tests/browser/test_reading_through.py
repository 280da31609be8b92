"""Reading straight through and citing, in a real browser: 下一篇 only from the first article of
an issue to the next issue, a citation copied, and the new pages on a desktop and a phone."""

from __future__ import annotations

import json

import pytest

from articles.models import Article
from tests.browser.conftest import ARTIFACTS, DESKTOP, PHONE, axe_violations, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_read_an_issue_by_next_only_across_pages_into_the_next_issue(live_server, ingested, open_page):
    page = open_page(DESKTOP)
    first = Article.objects.get(headline="公交出行更便捷")
    page.goto(live_server.url + first.get_absolute_url())
    read = [page.locator("h1").inner_text()]
    while "2023年6月16日" not in page.locator(".article .meta").inner_text():
        page.locator('a[rel="next"]').click()
        page.wait_for_load_state()
        read.append(page.locator("h1").inner_text())
    assert read == [
        "公交出行更便捷",
        "以绣花功夫推进老旧小区改造",
        "湘江龙舟赛落幕",
        "入汛以来南方降雨偏多",  # A1
        "夏粮收购有序推进农民增收有保障",
        "稻田里的“新农人”",
        "黄桃挂满枝果农采摘忙",  # A2
        "全市中小学暑期安全教育全面启动",  # the next issue
    ]
    page.get_by_role("link", name="返回本版（B1版）").click()
    page.wait_for_url("**/2023/06/16/B1/")
    assert page.errors == [], page.errors


def test_the_last_page_leads_to_the_next_issue(live_server, ingested, open_page):
    page = open_page(PHONE)
    page.goto(live_server.url + "/2023/06/15/A2/")
    page.locator('a[rel="next"]').first.click()
    page.wait_for_url("**/2023/06/16/")


def test_copy_a_citation(live_server, ingested, browser):
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    art = Article.objects.get(headline="公交出行更便捷")
    page.goto(live_server.url + art.get_absolute_url())
    page.locator('button[data-copy="citation-online"]').click()
    page.wait_for_function("document.querySelector('button[data-copy=\"citation-online\"]').textContent === '已复制'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("李华, 王明, 张小兵. 公交出行更便捷[N/OL]. 株洲日报, 2023-06-15(A1)[")
    assert copied.endswith(f"{live_server.url}{art.get_absolute_url()}.")
    context.close()


def _line_length(page) -> float:
    """Characters a body line holds: the paragraph's width over the font size (a CJK character is 1em)."""
    return page.evaluate("""() => { const p = document.querySelector('.article .body p');
        return p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize); }""")


@pytest.mark.parametrize(("viewport", "tag"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_new_pages_look_right_and_pass_axe(live_server, ingested, open_page, viewport, tag):
    page = open_page(viewport)
    art = Article.objects.get(headline="稻田里的“新农人”")
    found = {}
    for name, path in [
        ("reading-article", art.get_absolute_url()),
        ("reading-issue", "/2023/06/15/"),
        ("reading-year", "/2023/"),
        ("reading-month", "/2023/06/"),
        ("reading-people", "/people/"),
        ("reading-about", "/about/"),
        ("reading-home", "/"),
        ("reading-search-help", "/search/help/"),
    ]:
        page.goto(live_server.url + path)
        shot(page, f"{name}-{tag}")
        found[name] = axe_violations(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{name} scrolls sideways ({width}px)"
        if name == "reading-article" and tag == "desktop":
            assert 30 <= _line_length(page) <= 40
        if name == "reading-home" and tag == "phone":
            sizes = page.evaluate(
                "[...document.querySelectorAll('.month td a')].map(a => [a.offsetWidth, a.offsetHeight])"
            )
            assert sizes and all(w >= 44 and h >= 44 for w, h in sizes), sizes
    (ARTIFACTS / f"axe-reading-{tag}.json").write_text(json.dumps(found, ensure_ascii=False, indent=1))
    assert {k: v for k, v in found.items() if v} == {}
    assert page.errors == [], page.errors
