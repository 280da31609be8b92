"""A reader searches in a real browser, on a desktop and at phone width: a name, a traditional
phrase, grouped operators; chips and facets; the trend page; the help page. Screenshots go to
test-artifacts/ for people to look at; axe-core finds no serious violation."""

from __future__ import annotations

import pytest

from articles.storage import ingest_bytes, ingest_file
from tests.browser.conftest import DESKTOP, PHONE, axe_violations, shot
from tests.conftest import fixture_files

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def archive(db):
    for path in fixture_files():
        ingest_file(path, paper="株洲日报")
    for year, title in [(2019, "龙舟赛开幕"), (2021, "湘江治理"), (2022, "龙舟赛落幕")]:
        text = (
            f"株洲日报记者 李华\n\n株洲日报讯 5月3日，{title}活动在株洲举行，市民踊跃参加，经济效益明显。\n\n{title}\n"
        )
        ingest_bytes(text.encode(), file_name=f"{year}-05-04_A1.txt", paper="株洲日报")


def look(page, name: str, found: dict) -> None:
    shot(page, name)
    found[name] = axe_violations(page)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{name} scrolls sideways ({width}px)"


@pytest.mark.parametrize(("viewport", "tag"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_search_as_a_reader(live_server, archive, open_page, viewport, tag):
    found: dict = {}
    page = open_page(viewport)
    page.goto(live_server.url + "/search/?q=李华")
    assert "命中：署名" in page.locator(".hits").inner_text()
    look(page, f"search-name-{tag}", found)
    page.goto(live_server.url + "/search/?q=" + "(龙舟 or 湘江) and 經濟" + "&year=2019&year=2022")
    assert "已按" in page.locator("main").inner_text()
    assert page.locator("a.chip").count() == 2
    facets_top = page.locator(".facets").bounding_box()["y"]
    if tag == "phone":  # one tap from the top of the results: a closed block above them
        assert facets_top < page.locator(".results").bounding_box()["y"]
        assert page.locator(".facets").get_attribute("open") is None
        page.locator(".facets > summary").click()
        assert page.locator(".facets a[aria-current=true]").count() == 2
    else:
        assert page.locator(".facets").get_attribute("open") is not None
    look(page, f"search-chips-{tag}", found)
    page.locator("a.chip").first.click()
    page.wait_for_load_state()
    assert page.locator("a.chip").count() == 1
    page.goto(live_server.url + "/search/trend/?q=龙舟&vs=湘江")
    assert page.locator("h1").inner_text() == "“龙舟”与“湘江”的年度趋势"
    look(page, f"search-trend-{tag}", found)
    page.goto(live_server.url + "/search/help/")
    look(page, f"search-help-{tag}", found)
    assert not page.errors
    assert {k: v for k, v in found.items() if v} == {}
