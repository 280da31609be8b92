"""The admin in Chinese throughout: every field label and help text of every model it shows
(django-axes' too, through the project's own catalog), the app names, the run record's lines,
and the history of a credit edit."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.utils import translation

from articles.models import Article, Credit, IngestRun, Person

pytestmark = pytest.mark.django_db
CJK = re.compile(r"[\u4e00-\u9fff]")
# Django's own auth models are translated by Django's catalog; their permission names are rows.
OWN = {"articles", "axes"}


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_user("s", password="a-long-password-1", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_every_label_and_help_text_is_chinese():
    english = []
    with translation.override("zh-hans"):
        for model in admin.site._registry:
            if model._meta.app_label not in OWN:
                continue
            names = [model._meta.verbose_name, model._meta.verbose_name_plural, model._meta.app_config.verbose_name]
            for field in model._meta.get_fields():
                if getattr(field, "auto_created", False) or not hasattr(field, "verbose_name"):
                    continue
                names += [field.verbose_name] + ([field.help_text] if field.help_text else [])
            english += [f"{model.__name__}: {name}" for name in map(str, names) if not CJK.search(name)]
    assert english == []


def test_the_admin_pages_read_in_chinese(client, staff, ingested):
    index = client.get("/admin/").content.decode()
    for word in ("登录保护", "登录尝试", "登录记录", "模型名称", "导入记录"):
        assert word in index
    for word in ("Access attempts", "Axes", "Model name", "Add link"):
        assert word not in index
    from axes.models import AccessAttempt

    AccessAttempt.objects.create(
        username="x",
        ip_address="10.0.0.1",
        user_agent="t",
        http_accept="*/*",
        path_info="/admin/login/",
        get_data="",
        post_data="",
        failures_since_start=2,
    )
    attempts = client.get("/admin/axes/accessattempt/").content.decode()
    assert "IP 地址" in attempts and "IP Address" not in attempts


def test_the_run_record_and_edited_fields_by_their_chinese_names(client, staff, ingested):
    run = IngestRun.objects.create(
        files=1, new=1, messages=[{"file": "a.txt", "outcome": "new", "page": "株洲日报 2023-06-15 A1", "articles": 3}]
    )
    html = client.get(f"/admin/articles/ingestrun/{run.pk}/change/").content.decode()
    assert "<td>新增</td>" in html and "3 篇文章" in html and '"outcome"' not in html
    art = Article.objects.filter(headline__gt="").first()
    art.edited_fields = ["captions", "gone_field"]  # a name from an older version: shown, not a 500
    art.save()
    page = client.get(f"/admin/articles/article/{art.pk}/change/")
    assert page.status_code == 200 and "图片说明、gone_field" in page.content.decode()


def test_a_credit_edit_is_in_the_history_by_chinese_field_names(client, staff, ingested):
    credit = Credit.objects.select_related("article").first()
    art = credit.article
    other = Person.objects.exclude(pk=credit.person_id).first()
    form = client.get(f"/admin/articles/article/{art.pk}/change/").context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "captions_text"}
    data["page"], data["captions_text"] = art.page_id, "\n".join(art.captions)
    credits = list(art.credits.order_by("order", "id"))
    data.update(
        {
            "credits-TOTAL_FORMS": len(credits),
            "credits-INITIAL_FORMS": len(credits),
            "credits-MIN_NUM_FORMS": 0,
            "credits-MAX_NUM_FORMS": 1000,
        }
    )
    for i, c in enumerate(credits):
        person = other.pk if c.pk == credit.pk else c.person_id
        data.update(
            {
                f"credits-{i}-id": c.pk,
                f"credits-{i}-article": art.pk,
                f"credits-{i}-person": person,
                f"credits-{i}-role": c.role,
                f"credits-{i}-order": c.order,
            }
        )
    response = client.post(f"/admin/articles/article/{art.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else response
    message = LogEntry.objects.filter(object_id=str(art.pk)).latest("pk").get_change_message()
    assert "人物" in message and "person" not in message
