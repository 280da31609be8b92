"""Two admin edits that used to go quietly wrong: an issue's new date and a page's new label
left the articles' copied columns behind, and a credit fixed in the credit admin was lost at
the next re-parse."""

from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article, Credit, Person
from articles.storage import reparse_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_user(
        "editor", password="a-long-password-1", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return user


def test_a_new_issue_date_moves_its_articles(client, staff, ingested):
    art = Article.objects.get(headline="湘江龙舟赛落幕")
    issue = art.page.issue
    data = {"newspaper": issue.newspaper_id, "date": "2023-07-01", "number": "", "date_inferred": ""}
    response = client.post(reverse("admin:articles_issue_change", args=[issue.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert set(Article.objects.filter(page__issue=issue).values_list("issue_date", flat=True)) == {
        issue.date.replace(month=7, day=1)
    }
    found = client.get("/api/search/", {"q": "龙舟赛", "date_from": "2023-07-01", "date_to": "2023-07-01"}).json()
    assert art.pk in [r["id"] for r in found["results"]]
    assert client.get("/2023/07/01/A1/").status_code == 200


def test_a_new_page_label_moves_its_articles(client, staff, ingested):
    art = Article.objects.get(headline="湘江龙舟赛落幕")
    page = art.page
    data = {"label": "A9", "sequence": page.sequence, "section": page.section}
    response = client.post(reverse("admin:articles_page_change", args=[page.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert set(Article.objects.filter(page=page).values_list("page_label", flat=True)) == {"A9"}


def test_a_credit_fixed_in_the_credit_admin_survives_a_reparse(client, staff, ingested):
    art = Article.objects.get(headline="湘江龙舟赛落幕")
    credit = art.credits.get(person__name="赵丽")
    right = Person.objects.create(name="赵莉", slug="赵莉")
    data = {"article": art.pk, "person": right.pk, "role": credit.role, "order": credit.order}
    response = client.post(reverse("admin:articles_credit_change", args=[credit.pk]), data)
    assert response.status_code == 302
    reparse_page(art.page)
    assert list(Credit.objects.filter(article=art).values_list("person__name", flat=True)) == ["赵莉"]


def test_a_credit_added_or_deleted_in_the_credit_admin_survives_a_reparse(client, staff, ingested):
    art = Article.objects.get(headline="湘江龙舟赛落幕")
    extra = Person.objects.create(name="钱七", slug="钱七")
    response = client.post(
        reverse("admin:articles_credit_add"),
        {"article": art.pk, "person": extra.pk, "role": "photographer", "order": 5},
    )
    assert response.status_code == 302
    old = art.credits.get(person__name="赵丽")
    response = client.post(reverse("admin:articles_credit_delete", args=[old.pk]), {"post": "yes"})
    assert response.status_code == 302
    reparse_page(art.page)
    assert list(Credit.objects.filter(article=art).values_list("person__name", flat=True)) == ["钱七"]


def test_a_page_label_typed_in_lowercase_is_stored_as_printed_and_a_non_label_is_refused(client, staff, ingested):
    """Staff typing `a9` get `A9` (a lowercase label's page would only ever redirect to an `A9`
    that does not exist); `第九版` is no label and the form says so."""
    page = Article.objects.get(headline="湘江龙舟赛落幕").page
    url = reverse("admin:articles_page_change", args=[page.pk])
    response = client.post(url, {"label": "a9", "sequence": page.sequence, "section": page.section})
    assert response.status_code == 302, response.context["adminform"].form.errors
    page.refresh_from_db()
    assert page.label == "A9"
    assert client.get(f"/{page.issue.date:%Y/%m/%d}/A9/").status_code == 200
    refused = client.post(url, {"label": "第九版", "sequence": page.sequence, "section": page.section})
    assert refused.status_code == 200
    assert "版次" in str(refused.context["adminform"].form.errors) or refused.context["adminform"].form.errors
    page.refresh_from_db()
    assert page.label == "A9"
