"""Staff corrections of a page's structure: applied at once, replayed on every later parse,
kept and marked when their text is gone, refused when the page moved on."""

from __future__ import annotations

import pytest

from articles.models import Article, Correction, Page
from articles.storage import EditorError, apply_operation, ingest_bytes, reparse_page, revert_correction

pytestmark = pytest.mark.django_db

MERGED = (
    "城区首条智慧公交示范线开通\n株洲日报记者 李华\n"
    "株洲日报讯 6月14日，城区首条智慧公交示范线在河西正式开通，沿途设站26个，全部站台配备了电子站牌。\n"
    "开通首日乘客量超过4000人次，市民周女士说，以前等车心里没底，现在打开手机就知道车还有几分钟到。\n"
    "湘江龙舟赛落幕\n"
    "第十届湘江龙舟赛在株洲落幕，24支队伍同场竞技，醴陵队夺得直道竞速冠军，数万市民到江边观战。\n"
)
NAME = "2023-06-20_A1.txt"


def ingest(text: str):
    return ingest_bytes(text.encode(), file_name=NAME, paper="株洲日报")


def key_of(page: Page, needle: str) -> str:
    return next(p["key"] for p in page.paragraphs if needle in p["text"])


def headlines(page: Page) -> list[str]:
    return list(page.articles.order_by("order").values_list("headline", flat=True))


def fix_merged_story(page: Page, user=None) -> None:
    """The parser read the second story's title as a section heading of the first."""
    apply_operation(page, "split", user=user, version=page.version, keys=[key_of(page, "湘江龙舟赛落幕")])
    page.refresh_from_db()
    apply_operation(
        page,
        "role",
        user=user,
        version=page.version,
        keys=[key_of(page, "湘江龙舟赛落幕")],
        kind="title",
        role="headline",
    )
    page.refresh_from_db()


def test_a_split_and_a_retyped_title_survive_a_reingest_with_a_changed_line():
    page = ingest(MERGED).page
    assert headlines(page) == ["城区首条智慧公交示范线开通"]
    first = page.articles.get().pk
    fix_merged_story(page)
    assert headlines(page) == ["城区首条智慧公交示范线开通", "湘江龙舟赛落幕"]
    bus, boat = page.articles.order_by("order")
    assert bus.pk == first and "龙舟" not in bus.body and boat.body.startswith("第十届湘江龙舟赛")
    assert page.corrections.filter(status="applied").count() == 2

    again = ingest(MERGED.replace("4000人次", "4500人次"))
    assert again.status == "reparsed"
    page.refresh_from_db()
    assert headlines(page) == ["城区首条智慧公交示范线开通", "湘江龙舟赛落幕"]
    assert list(page.articles.order_by("order").values_list("pk", flat=True)) == [bus.pk, boat.pk]
    assert "4500人次" in page.articles.get(pk=bus.pk).body
    assert set(page.corrections.values_list("status", flat=True)) == {"applied"}


def test_a_correction_whose_text_is_gone_is_kept_and_marked():
    page = ingest(MERGED).page
    fix_merged_story(page)
    ingest(MERGED.replace("湘江龙舟赛落幕\n", "").replace("第十届", "第十一届"))
    page.refresh_from_db()
    assert Correction.objects.filter(page=page).count() == 2
    assert set(page.corrections.values_list("status", flat=True)) == {"missing"}


def test_merge_in_the_chosen_order_move_and_delete():
    text = MERGED
    page = ingest(text).page
    fix_merged_story(page)
    bus, boat = page.articles.order_by("order")
    apply_operation(page, "merge", user=None, version=page.version, first=boat.pk, second=bus.pk)
    page.refresh_from_db()
    merged = page.articles.get()
    assert merged.pk == boat.pk and merged.headline == "湘江龙舟赛落幕"
    assert merged.body.index("第十届") < merged.body.index("城区首条")  # the second article reads after the first
    apply_operation(page, "move", user=None, version=page.version, keys=[key_of(page, "开通首日")], to=None)
    page.refresh_from_db()
    assert any("开通首日" in t for t in page.unassigned) and "开通首日" not in page.articles.get().body
    apply_operation(page, "delete", user=None, version=page.version, article=merged.pk)
    page.refresh_from_db()
    assert not page.articles.exists()
    assert any("第十届湘江龙舟赛" in t for t in page.unassigned)  # never lost
    assert reparse_page(page) == 0  # the corrections hold at a re-parse


def test_a_new_article_from_unassigned_text_and_revert():
    page = ingest(MERGED).page
    apply_operation(
        page,
        "move",
        user=None,
        version=page.version,
        keys=[key_of(page, "湘江龙舟赛落幕"), key_of(page, "第十届")],
        to=None,
    )
    page.refresh_from_db()
    assert len(page.unassigned) == 2
    apply_operation(
        page, "new", user=None, version=page.version, keys=[key_of(page, "湘江龙舟赛落幕"), key_of(page, "第十届")]
    )
    page.refresh_from_db()
    assert page.unassigned == [] and len(headlines(page)) == 2
    newest = page.corrections.order_by("-id").first()
    revert_correction(page, newest.pk, version=page.version)
    page.refresh_from_db()
    assert len(page.unassigned) == 2 and page.corrections.filter(active=False).count() == 1


def test_a_stale_form_or_a_gone_paragraph_changes_nothing():
    page = ingest(MERGED).page
    stale = page.version
    fix_merged_story(page)
    before = (page.version, headlines(page), Correction.objects.count())
    with pytest.raises(EditorError, match="已被修改"):
        apply_operation(page, "delete", user=None, version=stale, article=page.articles.first().pk)
    with pytest.raises(EditorError, match="已不在本版"):
        apply_operation(page, "move", user=None, version=page.version, keys=["0000-1"], to=None)
    with pytest.raises(EditorError, match="已不在本版"):
        apply_operation(page, "delete", user=None, version=page.version, article=999999)
    page.refresh_from_db()
    assert (page.version, headlines(page), Correction.objects.count()) == before


def test_field_edits_and_corrections_live_together():
    page = ingest(MERGED).page
    fix_merged_story(page)
    boat = page.articles.get(headline="湘江龙舟赛落幕")
    boat.kicker = "体育"
    boat.edited_fields = ["kicker"]
    boat.save()  # a field edit as the admin stores it
    ingest(MERGED.replace("4000人次", "4500人次"))
    boat.refresh_from_db()
    assert (boat.kicker, boat.headline) == ("体育", "湘江龙舟赛落幕")
    assert Article.objects.filter(page=page).count() == 2
