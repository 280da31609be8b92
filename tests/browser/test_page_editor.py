"""Staff fix a merged story, a split story and a misplaced caption through the page editor in
the real browser, then the page is re-ingested with one changed line: every fix is still there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from articles.models import Article, Page
from articles.storage import ingest_bytes
from tests.browser.conftest import ARTIFACTS, DESKTOP, axe_violations, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE = Path(__file__).resolve().parents[1] / "fixtures" / "editor" / "2023-06-20_A2.txt"


def ingest(text: str) -> Page:
    return ingest_bytes(text.encode(), file_name=PAGE.name, paper="株洲日报").page


def headlines(page: Page) -> list[str]:
    return list(Article.objects.filter(page=page).order_by("order").values_list("headline", flat=True))


def article(page: Page, headline: str) -> Article:
    return Article.objects.get(page=page, headline=headline)


def submit(tab, locator) -> None:
    with tab.expect_navigation():
        locator.click()
    assert tab.locator(".messagelist .error").count() == 0, tab.locator(".messagelist").inner_text()


def tick(tab, text: str) -> None:
    tab.locator("li.para", has_text=text).locator("input[type=checkbox]").check()


def test_fix_a_page_in_the_editor_and_the_fixes_survive_reingest(live_server, open_page, django_user_model):
    text = PAGE.read_text(encoding="utf-8")
    page = ingest(text)
    wrong = [
        "城区首条智慧公交示范线开通",
        "神农城夜市开市",
        "荷塘区新增三所幼儿园",
        "家长可于7月1日起登录教育局网站报名",
    ]
    assert headlines(page) == wrong, "the parser now reads this page right: choose a page it gets wrong"
    django_user_model.objects.create_user("editor", password="a-long-password-1", is_staff=True, is_superuser=True)
    tab = open_page(DESKTOP)
    tab.goto(live_server.url + "/admin/")
    tab.fill("#id_username", "editor")
    tab.fill("#id_password", "a-long-password-1")
    tab.get_by_role("button", name="登录").click()
    tab.wait_for_url("**/admin/")
    tab.goto(f"{live_server.url}/admin/articles/page/{page.pk}/editor/")

    # a merged story: split at the second title, which becomes a headline
    submit(tab, tab.locator("li.para", has_text="湘江龙舟赛落幕").locator("button.split"))
    tick(tab, "湘江龙舟赛落幕")
    tab.select_option("#kind", "title:headline")
    submit(tab, tab.get_by_role("button", name="更改角色"))
    # a misplaced caption: to the story it shows
    tick(tab, "龙舟队员奋力划桨")
    tab.select_option("#to", str(article(page, "湘江龙舟赛落幕").pk))
    submit(tab, tab.get_by_role("button", name="移动", exact=True))
    # a split story: merged back, its second title a subheadline
    tab.select_option("#first", str(article(page, "荷塘区新增三所幼儿园").pk))
    tab.select_option("#second", str(article(page, "家长可于7月1日起登录教育局网站报名").pk))
    submit(tab, tab.get_by_role("button", name="合并", exact=True))
    tick(tab, "家长可于7月1日起")
    tab.select_option("#kind", "title:subheadline")
    submit(tab, tab.get_by_role("button", name="更改角色"))

    fixed = ["城区首条智慧公交示范线开通", "湘江龙舟赛落幕", "神农城夜市开市", "荷塘区新增三所幼儿园"]
    assert headlines(page) == fixed
    shot(tab, "page-editor-desktop")
    violations = axe_violations(tab)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-page-editor.json").write_text(json.dumps(violations, ensure_ascii=False, indent=1))
    assert violations == []
    assert [e for e in tab.errors if "favicon.ico" not in e] == []  # the admin links no favicon

    ingest(text.replace("4000人次", "4500人次"))  # one changed line
    assert headlines(page) == fixed
    bus, boat = article(page, fixed[0]), article(page, fixed[1])
    assert "4500人次" in bus.body and "龙舟" not in bus.body
    assert boat.captions == ["龙舟队员奋力划桨。 通讯员 供图"] and boat.body.startswith("第十届湘江龙舟赛")
    assert article(page, fixed[2]).captions == ["市民在夜市选购文创产品。 株洲日报记者 王晨摄"]
    school = article(page, fixed[3])
    assert school.subheadline == "家长可于7月1日起登录教育局网站报名" and "区教育局相关负责人" in school.body
    tab.goto(live_server.url + boat.get_absolute_url())
    assert tab.locator("h1").inner_text() == "湘江龙舟赛落幕"
    tab.goto(f"{live_server.url}/admin/articles/page/{page.pk}/editor/")
    assert tab.locator("text=未能完全重放的校正").count() == 0
    assert tab.locator("td", has_text="已应用").count() == 5
