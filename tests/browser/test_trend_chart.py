"""The trend chart on a 360 px phone (#16): a few years fit without scrolling however long the
compared queries are; their names wrap into legend rows inside the chart."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from articles.storage import ingest_bytes
from tests.browser.conftest import PHONE, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LONG = ["株洲日报记者罗欣报道的龙舟新闻", "湘江风光带建设项目推进情况", "COVID vaccination programme"]


@pytest.fixture
def years(db):
    for year in (2019, 2020, 2021, 2022):
        text = f"株洲日报记者 李华\n\n株洲日报讯 5月3日，龙舟赛在湘江举行，{year}年市民踊跃参加。\n\n龙舟赛{year}\n"
        ingest_bytes(text.encode(), file_name=f"{year}-05-04_A1.txt", paper="株洲日报")


def measure(page) -> dict:
    return page.evaluate(
        """() => {
        const box = document.querySelector('.trend-scroll');
        const svg = box.querySelector('svg');
        const right = box.getBoundingClientRect().right;
        const texts = [...svg.querySelectorAll('text')];
        const years = texts.filter(t => /^[0-9]{4}$/.test(t.textContent));
        const keys = texts.filter(t => t.getAttribute('y') !== null && t.previousElementSibling
                                       && t.previousElementSibling.tagName === 'rect' && !/^[0-9]/.test(t.textContent));
        return {
            scrolls: box.scrollWidth > box.clientWidth,
            lastYear: years[years.length - 1].textContent,
            lastYearInside: years[years.length - 1].getBoundingClientRect().right <= right,
            keysInside: keys.every(t => t.getBBox().x + t.getBBox().width <= svg.viewBox.baseVal.width),
            keys: keys.length,
            width: svg.viewBox.baseVal.width,
        };
    }"""
    )


def trend(page, url: str, q: str, compared: list[str]) -> dict:
    page.goto(url + "/search/trend/?" + urlencode({"q": q, "vs": compared}, doseq=True))
    return measure(page)


@pytest.mark.parametrize("compared", [LONG[:1], LONG[:2]])
def test_a_few_years_fit_a_phone_however_long_the_legend(live_server, years, open_page, compared):
    page = open_page(PHONE)
    found = trend(page, live_server.url, "龙舟赛", compared)
    shot(page, f"trend-legend-{len(compared)}-phone")
    assert {k: v for k, v in found.items() if k != "width"} == {
        "scrolls": False,
        "lastYear": "2022",
        "lastYearInside": True,
        "keysInside": True,
        "keys": 1 + len(compared),
    }
    assert not page.errors


def test_the_years_decide_the_width_not_the_names(live_server, years, open_page):
    """Four series need wider year groups (the chart then scrolls), the same with short names."""
    page = open_page(PHONE)
    long = trend(page, live_server.url, "龙舟赛", LONG)
    short = trend(page, live_server.url, "龙舟", ["湘江", "李华", "株洲"])
    assert long["keysInside"] and long["keys"] == 4
    assert long["width"] == short["width"]
