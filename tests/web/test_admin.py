"""Staff edits that last, through the real admin; the public can only read."""

from __future__ import annotations

import subprocess
import sys
from urllib.parse import quote

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from articles.models import Article, Credit, Person
from articles.storage import ingest_file
from tests.conftest import FIXTURE_PAGES, ROOT
from tests.servers import clean_env

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_user(
        "editor", password="a-long-password-1", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return user


def article_form(article: Article, **changes) -> dict:
    """The change form's POST data for an article and its credits, with `changes` applied."""
    data = {
        "page": article.page_id,
        "order": article.order,
        "kind": article.kind,
        "kicker": article.kicker,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "source": article.source,
        "dateline": article.dateline,
        "body": article.body,
        "captions_text": "\n".join(article.captions),
    }
    credits = list(article.credits.order_by("order"))
    data.update(
        {
            "credits-TOTAL_FORMS": len(credits) + 1,
            "credits-INITIAL_FORMS": len(credits),
            "credits-MIN_NUM_FORMS": 0,
            "credits-MAX_NUM_FORMS": 1000,
        }
    )
    for i, c in enumerate(credits):
        data.update(
            {
                f"credits-{i}-id": c.pk,
                f"credits-{i}-article": article.pk,
                f"credits-{i}-person": c.person_id,
                f"credits-{i}-role": c.role,
                f"credits-{i}-order": c.order,
            }
        )
    data.update({f"credits-{len(credits)}-{k}": "" for k in ("id", "person", "role")})
    data[f"credits-{len(credits)}-order"] = "0"  # the extra form left as rendered
    data[f"credits-{len(credits)}-article"] = article.pk
    data.update(changes)
    return data


def test_a_fix_is_public_searchable_logged_and_survives_reingest(client, staff, ingested, tmp_path):
    art = Article.objects.get(headline="公交出行更便捷")
    new_reporter = Person.objects.create(name="李桦", slug="李桦")
    data = article_form(art, headline="城区智慧公交示范线开通", **{"credits-0-person": new_reporter.pk})
    response = client.post(reverse("admin:articles_article_change", args=[art.pk]), data)
    assert response.status_code == 302, (
        response.context["adminform"].form.errors,
        [f.errors for f in response.context["inline_admin_formsets"][0].formset.forms],
    )
    art.refresh_from_db()
    assert art.headline == "城区智慧公交示范线开通" and art.edited_fields == ["headline"] and art.credits_edited
    assert "<h1>城区智慧公交示范线开通</h1>" in client.get(art.get_absolute_url()).content.decode()
    found = client.get("/api/search/", {"q": "标题:智慧公交示范线开通"}).json()
    assert [r["id"] for r in found["results"]] == [art.pk]  # search sees the fix at once
    entry = LogEntry.objects.get(object_id=str(art.pk))
    assert entry.user == staff and "主题：公交出行更便捷 → 城区智慧公交示范线开通" in entry.change_message

    changed = tmp_path / "2023-06-15_A1.txt"
    changed.write_text((FIXTURE_PAGES / "2023-06-15_A1.txt").read_text().replace("4000人次", "4500人次"))
    assert ingest_file(changed, paper="株洲日报").status == "reparsed"
    art.refresh_from_db()
    assert art.headline == "城区智慧公交示范线开通"  # the staff fix is still there
    assert "4500人次" in art.body  # the field staff did not touch follows the new text
    assert sorted(c.person.name for c in art.credits.all()) == ["张小兵", "李桦", "王明"]  # edited credits kept whole
    assert client.get(f"/articles/{art.pk}/").status_code == 200  # the permanent URL still answers


def test_reparse_action_keeps_edits_and_ids(client, staff, ingested):
    art = Article.objects.get(headline="湘江龙舟赛落幕")
    client.post(reverse("admin:articles_article_change", args=[art.pk]), article_form(art, kicker="体育"))
    ids = sorted(Article.objects.filter(page=art.page).values_list("pk", flat=True))
    response = client.post(
        reverse("admin:articles_page_changelist"), {"action": "reparse", "_selected_action": [art.page_id]}, follow=True
    )
    assert "已重新解析 1 个版面" in response.content.decode()
    assert sorted(Article.objects.filter(page=art.page).values_list("pk", flat=True)) == ids
    art.refresh_from_db()
    assert art.kicker == "体育" and art.headline == "湘江龙舟赛落幕"


def test_merge_two_spellings_redirects_the_old_url(client, staff, ingested):
    keep = Person.objects.get(name="李华")
    typo = Person.objects.create(name="李 华", slug="李-华")
    art = Article.objects.get(headline="湘江龙舟赛落幕")
    Credit.objects.create(article=art, person=typo, role="reporter")
    url = reverse("admin:articles_person_changelist")
    step = client.post(url, {"action": "merge_into", "_selected_action": [keep.pk, typo.pk]})
    assert "确认合并" in step.content.decode()
    done = client.post(
        url,
        {"action": "merge_into", "_selected_action": [keep.pk, typo.pk], "apply": "1", "survivor": keep.pk},
        follow=True,
    )
    assert "已把 李 华 合并到 李华" in done.content.decode()
    keep.refresh_from_db()
    assert keep.aliases == ["李 华"] and not Person.objects.filter(pk=typo.pk).exists()
    assert set(Credit.objects.filter(person=keep).values_list("article__headline", flat=True)) == {
        "公交出行更便捷",
        "湘江龙舟赛落幕",
    }
    old = client.get("/people/" + quote("李-华") + "/")
    assert old.status_code == 301 and old["Location"] == keep.get_absolute_url()
    assert client.get("/api/people/" + quote("李-华") + "/").status_code == 301
    assert "合并：李 华 → 李华" in LogEntry.objects.filter(object_id=str(keep.pk)).latest("action_time").change_message


def test_the_admin_lists_filters_and_searches(client, staff, ingested):
    page = client.get(reverse("admin:articles_article_changelist"), {"q": "龙舟"}).content.decode()
    assert "湘江龙舟赛落幕" in page and "公交出行更便捷" not in page
    page = client.get(reverse("admin:articles_article_changelist"), {"kind": "commentary"}).content.decode()
    assert "以绣花功夫推进老旧小区改造" in page and "湘江龙舟赛落幕" not in page
    for flt in ({"edited": "yes"}, {"headline": "missing"}, {"year": "2023"}, {"page_label": "A1"}):
        assert client.get(reverse("admin:articles_article_changelist"), flt).status_code == 200
    art = Article.objects.get(headline="湘江龙舟赛落幕")
    form = client.get(reverse("admin:articles_article_change", args=[art.pk])).content.decode()
    assert "原始文本（只读，供对照）" in form and "株洲日报讯 6月14日，第三届湘" in form
    people = client.get(reverse("admin:articles_person_changelist")).content.decode()
    assert "李华" in people
    found = client.get(
        "/admin/autocomplete/", {"app_label": "articles", "model_name": "credit", "field_name": "person", "term": "李"}
    )
    assert [r["text"] for r in found.json()["results"]] == ["李华"]


def test_non_staff_and_anonymous_are_refused(client, django_user_model):
    assert client.get("/admin/").status_code == 302
    client.force_login(django_user_model.objects.create_user("reader", password="a-long-password-1"))
    response = client.get("/admin/", follow=True)
    assert "/admin/login/" in response.redirect_chain[-1][0]


def test_login_attempts_are_limited(client, django_user_model):
    django_user_model.objects.create_user("editor", password="right-password-1", is_staff=True)
    for _ in range(5):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    locked = client.post("/admin/login/", {"username": "editor", "password": "right-password-1"})
    assert locked.status_code == 429
    from tests.web.test_staff_error_pages import _is_site_page

    assert _is_site_page(locked) and "锁定" in locked.content.decode()  # the site's page, not a bare one


PUBLIC_URLS = [
    "/",
    "/2023/06/15/",
    "/2023/06/15/A1/",
    "/2023/06/15/A1/raw/",
    "/articles/1/",
    "/people/x/",
    "/search/",
    "/opensearch.xml",
    "/api/",
    "/api/2023/06/15/",
    "/api/2023/06/15/A1/",
    "/api/articles/1/",
    "/api/people/x/",
    "/api/search/",
    "/api/search/facets/",
    "/api/search.csv",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_anonymous_writes_to_every_public_url_are_405(client, url):
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(url, data="x", content_type="text/plain")
        assert response.status_code == 405, (method, url)


def test_check_deploy_is_clean_with_production_settings():
    env = clean_env(
        DATABASE_URL="postgresql://archive:pw@db.example:5432/archive",
        DEBUG="false",
        SECRET_KEY="k" * 20 + "Zx9-" * 10 + "q" * 20,
        ALLOWED_HOSTS="archive.example.org",
    )
    proc = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no issues" in proc.stdout
