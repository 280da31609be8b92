"""Selecting a run of paragraphs in the page editor from the keyboard, in the real browser: arrows
move, space ticks, shift + arrows extend and shrink the run, Esc clears; the run then becomes a
new article through the plain form."""

from __future__ import annotations

from pathlib import Path

import pytest

from articles.models import Article, Page
from articles.storage import ingest_bytes
from tests.browser.conftest import DESKTOP, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "editor" / "2023-06-20_A2.txt"


def ticked(tab) -> list[int]:
    return tab.evaluate("""() => Array.from(document.querySelectorAll('#editor-form input[name="p"]'))
                                 .flatMap((b, i) => b.checked ? [i] : [])""")


def focused(tab) -> str:
    return tab.evaluate("() => document.activeElement.id")


def test_keyboard_selects_a_run_of_paragraphs(live_server, open_page, django_user_model):
    page: Page = ingest_bytes(PAGE.read_bytes(), file_name=PAGE.name, paper="株洲日报").page
    django_user_model.objects.create_user("editor", password="a-long-password-1", is_staff=True, is_superuser=True)
    tab = open_page(DESKTOP)
    tab.goto(live_server.url + "/admin/")
    tab.fill("#id_username", "editor")
    tab.fill("#id_password", "a-long-password-1")
    tab.get_by_role("button", name="登录").click()
    tab.wait_for_url("**/admin/")
    tab.goto(f"{live_server.url}/admin/articles/page/{page.pk}/editor/")

    tab.focus("#p1")
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("ArrowDown")
    assert focused(tab) == "p3" and ticked(tab) == []  # arrows move, they do not tick
    tab.keyboard.press("Space")
    tab.keyboard.press("Shift+ArrowDown")
    tab.keyboard.press("Shift+ArrowDown")
    assert ticked(tab) == [2, 3, 4] and focused(tab) == "p5"
    tab.keyboard.press("Shift+ArrowUp")
    assert ticked(tab) == [2, 3]  # the run shrinks back towards its anchor
    assert tab.locator("#selection-status").inner_text() == "已勾选 2 段"
    tab.keyboard.press("End")
    assert focused(tab) == f"p{len(page.paragraphs)}" and ticked(tab) == [2, 3]
    tab.keyboard.press("Escape")
    assert ticked(tab) == [] and tab.locator("#selection-status").inner_text() == "已勾选 0 段"
    tab.keyboard.press("Home")
    tab.keyboard.press("Shift+ArrowDown")  # a run can start without a tick first: here, at the focus
    assert ticked(tab) == [0, 1]
    tab.keyboard.press("Escape")

    tab.focus("#p3")
    tab.keyboard.press("Space")
    tab.keyboard.press("Shift+ArrowDown")
    assert axe_violations(tab) == []
    texts = [page.paragraphs[2]["text"], page.paragraphs[3]["text"]]
    before = set(Article.objects.filter(page=page).values_list("pk", flat=True))
    with tab.expect_navigation():
        tab.get_by_role("button", name="用所选段落新建文章").click()
    assert tab.locator(".messagelist .error").count() == 0
    page.refresh_from_db()
    owners = {p["article"] for p in page.paragraphs if p["text"] in texts}
    assert len(owners) == 1 and None not in owners
    assert owners.pop() not in before  # the two ticked paragraphs are one new article
    assert [e for e in tab.errors if "favicon.ico" not in e] == []
