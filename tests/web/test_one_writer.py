"""One writer: Article, Credit, Page and Issue rows are written by articles/storage/ only.

Two proofs: the code outside storage and migrations calls no write method on those models,
and every write the admin makes while staff edit (field edits, credits, an issue's date, a
page's label, the page editor, deletes) runs inside storage."""

from __future__ import annotations

import ast
import traceback

import pytest
from django.db.models.signals import pre_delete, pre_save
from django.urls import reverse

from articles.models import Article, Credit, Issue, Page, Person
from tests.conftest import ROOT
from tests.web.test_admin import article_form

PROTECTED = {"Article", "Credit", "Page", "Issue"}
WRITES = {"save", "delete", "create", "update", "bulk_create", "bulk_update", "get_or_create", "update_or_create"}
STORAGE = ROOT / "articles" / "storage"


def _writes_outside_storage() -> list[str]:
    found = []
    for path in sorted((ROOT / "articles").rglob("*.py")) + sorted((ROOT / "archive").rglob("*.py")):
        if STORAGE in path.parents or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in WRITES:
                names = {n.id for n in ast.walk(node.func.value) if isinstance(n, ast.Name)}
                attrs = {n.attr for n in ast.walk(node.func.value) if isinstance(n, ast.Attribute)}
                if names & PROTECTED or attrs & {"articles", "credits", "pages"}:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_module_outside_storage_calls_a_write_on_the_protected_models():
    assert _writes_outside_storage() == []


def test_the_scan_finds_a_write_when_there_is_one():
    bad = ROOT / "articles" / "_one_writer_probe.py"
    bad.write_text("from articles.models import Article\nArticle.objects.filter(pk=1).update(headline='x')\n")
    try:
        assert _writes_outside_storage() == ["articles/_one_writer_probe.py:2"]
    finally:
        bad.unlink()


@pytest.fixture
def writes():
    """Each write to a protected model, and whether articles/storage/ was on the stack."""
    seen: list[tuple[str, bool]] = []

    def record(sender, **kwargs):
        stack = traceback.extract_stack()
        seen.append((sender.__name__, any(str(STORAGE) in frame.filename for frame in stack)))

    models = (Article, Credit, Issue, Page)
    for model in models:
        pre_save.connect(record, sender=model, dispatch_uid=f"probe-save-{model.__name__}")
        pre_delete.connect(record, sender=model, dispatch_uid=f"probe-delete-{model.__name__}")
    yield seen
    for model in models:
        pre_save.disconnect(sender=model, dispatch_uid=f"probe-save-{model.__name__}")
        pre_delete.disconnect(sender=model, dispatch_uid=f"probe-delete-{model.__name__}")


@pytest.mark.django_db
def test_every_admin_write_goes_through_storage(client, django_user_model, ingested, writes):
    client.force_login(
        django_user_model.objects.create_user("s", password="a-long-password-1", is_staff=True, is_superuser=True)
    )
    art = Article.objects.get(headline="湘江龙舟赛落幕")
    other = Person.objects.create(name="钱七", slug="钱七")
    page, issue = art.page, art.page.issue
    steps = [
        (
            reverse("admin:articles_article_change", args=[art.pk]),
            article_form(art, kicker="体育", **{"credits-0-person": other.pk}),
        ),
        (
            reverse("admin:articles_credit_add"),
            {"article": art.pk, "person": other.pk, "role": "photographer", "order": 3},
        ),
        (
            reverse("admin:articles_issue_change", args=[issue.pk]),
            {"newspaper": issue.newspaper_id, "date": "2023-07-02", "number": ""},
        ),
        (
            reverse("admin:articles_page_change", args=[page.pk]),
            {"label": "A7", "sequence": page.sequence, "section": ""},
        ),
        (reverse("admin:articles_page_changelist"), {"action": "reparse", "_selected_action": [page.pk]}),
    ]
    for url, data in steps:
        assert client.post(url, data).status_code == 302, url
    page.refresh_from_db()
    split_at = next(p["key"] for p in page.paragraphs if p["text"].startswith("比赛设"))
    assert (
        client.post(
            reverse("admin:articles_page_editor", args=[page.pk]), {"version": page.version, "split": split_at}
        ).status_code
        == 302
    )
    credit = Credit.objects.filter(article__page=page).first()
    assert client.post(reverse("admin:articles_credit_delete", args=[credit.pk]), {"post": "yes"}).status_code == 302
    victim = Article.objects.filter(page=page).order_by("-order").first()
    assert client.post(reverse("admin:articles_article_delete", args=[victim.pk]), {"post": "yes"}).status_code == 302
    assert {name for name, _ in writes} == PROTECTED  # each model was written
    assert [w for w in writes if not w[1]] == []
