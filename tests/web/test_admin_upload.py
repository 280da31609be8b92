"""Ingest from the admin: page files or a zip uploaded by staff go through the ingest pipeline,
each bad file is one line of the run record and the rest of the upload goes on."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from articles.models import Article, IngestRun, Page
from articles.storage import MAX_BYTES
from tests.conftest import FIXTURE_PAGES

pytestmark = pytest.mark.django_db
URL = "/admin/articles/ingestrun/upload/"
A1 = (FIXTURE_PAGES / "2023-06-15_A1.txt").read_bytes()
A2 = (FIXTURE_PAGES / "2023-06-15_A2.txt").read_bytes()


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_user("s", password="a-long-password-1", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def upload(client: Client, *files: tuple[str, bytes], **fields) -> IngestRun | None:
    data = {"files": [SimpleUploadedFile(name, body) for name, body in files], "paper": "株洲日报", **fields}
    response = client.post(URL, data)
    assert response.status_code in (200, 302)
    return IngestRun.objects.order_by("-pk").first() if response.status_code == 302 else None


def lines(run: IngestRun) -> dict[str, dict]:
    return {m["file"]: m for m in run.messages}


def make_zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return buf.getvalue()


def test_files_are_ingested_and_the_run_record_shows_each(client, staff):
    run = upload(client, ("2023-06-15_A1.txt", A1), ("2023-06-15_A2.txt", A2))
    assert (run.files, run.new, run.failed) == (2, 2, 0)
    assert set(Page.objects.values_list("label", flat=True)) == {"A1", "A2"}
    assert Article.objects.filter(issue_date="2023-06-15").count() == sum(m["articles"] for m in run.messages)
    html = client.get(f"/admin/articles/ingestrun/{run.pk}/change/").content.decode()
    assert "2023-06-15_A1.txt" in html and "<td>新增</td>" in html and "后台上传（s）" in html
    again = upload(client, ("2023-06-15_A1.txt", A1))
    assert (again.unchanged, again.new) == (1, 0)  # identical bytes: a no-op, as with the command


def test_date_page_and_paper_from_the_form(client, staff):
    run = upload(client, ("scan.txt", A1), issue_date="2021-02-03", page="b3", paper="株洲晚报")
    assert run.new == 1
    page = Page.objects.get()
    assert (str(page.issue.date), page.label, page.issue.newspaper.name) == ("2021-02-03", "B3", "株洲晚报")


def test_a_page_label_with_several_files_is_refused_before_anything_is_stored(client, staff):
    html = client.post(
        URL, {"files": [SimpleUploadedFile("a.txt", A1), SimpleUploadedFile("b.txt", A2)], "page": "A1", "paper": "x"}
    ).content.decode()
    assert "版次只能配单个版面文件" in html and not IngestRun.objects.exists() and not Page.objects.exists()


def test_each_bad_file_is_one_line_and_the_rest_goes_on(client, staff):
    run = upload(
        client,
        ("2023-06-15_A1.txt", A1),
        ("2023-06-16_A1.txt", b""),  # empty
        ("2023-06-16_A2.txt", b"\x00\x01\x02\xff" * 50),  # binary
        ("2023-06-16_A3.txt", b"x" * (MAX_BYTES + 1)),  # too large
        ("photo.jpg", b"\xff\xd8\xff"),  # not a page name
        ("2023-06-16_ZZZ9.txt", A2),  # a label that is no label
        ("notes.txt", A2),  # no date anywhere
        ("2023-06-15_A2.txt", A2),
    )
    by = lines(run)
    assert (run.files, run.new, run.failed) == (8, 2, 6)
    assert by["2023-06-16_A1.txt"]["message"] == "empty file (no text)"
    assert "binary file" in by["2023-06-16_A2.txt"]["message"]
    assert by["2023-06-16_A3.txt"]["message"].startswith("文件过大")
    assert by["photo.jpg"]["message"].startswith("不是版面文件名")
    assert "is not a label like A1" in by["2023-06-16_ZZZ9.txt"]["message"]
    assert by["notes.txt"]["message"].startswith("no issue date")
    assert all("\n" not in m.get("message", "") for m in run.messages)  # one line each
    assert sorted(Page.objects.values_list("label", flat=True)) == ["A1", "A2"]


def test_a_zip_with_nested_folders_is_walked(client, staff):
    body = make_zip(
        {
            "2023/06/2023-06-15_A1.txt": A1,
            "2023/06/15/2023-06-15_A2.txt": A2,
            "2023/readme.pdf": b"%PDF",
            "__MACOSX/2023/._2023-06-15_A1.txt": b"junk",
            "inner.zip": make_zip({"2023-06-15_B1.txt": A1}),
        }
    )
    run = upload(client, ("pages.zip", body))
    by = lines(run)
    assert by["pages.zip/2023/06/2023-06-15_A1.txt"]["outcome"] == "new"
    assert by["pages.zip/2023/06/15/2023-06-15_A2.txt"]["outcome"] == "new"
    assert by["pages.zip/2023/readme.pdf"]["message"].startswith("不是版面文件名")
    assert by["pages.zip/inner.zip"]["message"] == "zip 里的 zip 不解压；请单独上传"
    assert not any("MACOSX" in name for name in by)  # a Mac's resource forks are no pages
    assert Page.objects.get(label="A1").file_name == "2023-06-15_A1.txt"


def test_a_zip_bomb_is_refused_before_it_is_inflated(client, staff):
    bomb = make_zip({"2023-06-17_A1.txt": b"0" * (MAX_BYTES - 1)})  # 20 MB of zeros in ~20 KB
    assert len(bomb) * 100 < MAX_BYTES
    run = upload(client, ("bomb.zip", bomb), ("2023-06-15_A1.txt", A1))
    by = lines(run)
    assert by["bomb.zip"]["message"].startswith("疑似 zip 炸弹") and by["2023-06-15_A1.txt"]["outcome"] == "new"


def test_one_bomb_member_among_good_ones_is_its_own_line(client, staff):
    pad = os.urandom(1024 * 1024)  # incompressible: the zip as a whole is no bomb
    body = make_zip({"2023-06-15_A1.txt": A1, "2023-06-17_A1.txt": b" " * (5 * 1024 * 1024), "pad.bin": pad})
    by = lines(upload(client, ("mixed.zip", body)))
    assert by["mixed.zip/2023-06-17_A1.txt"]["message"].startswith("疑似 zip 炸弹")
    assert by["mixed.zip/2023-06-15_A1.txt"]["outcome"] == "new"


def test_a_member_too_large_and_a_broken_zip(client, staff):
    big = make_zip({"2023-06-17_A1.txt": bytes(range(256)) * (MAX_BYTES // 256 + 1)}, zipfile.ZIP_STORED)
    run = upload(client, ("big.zip", big), ("broken.zip", b"PK\x03\x04 not really"), ("2023-06-15_A1.txt", A1))
    by = lines(run)
    assert by["big.zip/2023-06-17_A1.txt"]["message"].startswith("文件过大")
    assert by["broken.zip"]["message"] == "不是有效的 zip 文件"
    assert run.new == 1


def test_a_corrupt_member_is_a_line_not_a_500(client, staff):
    body = bytearray(make_zip({"2023-06-15_A1.txt": A1 * 3, "2023-06-15_A2.txt": A2}))
    start = body.index(b"2023-06-15_A1.txt") + len("2023-06-15_A1.txt") + 10
    body[start : start + 40] = b"\xff" * 40  # the first member's compressed bytes damaged
    by = lines(upload(client, ("hurt.zip", bytes(body))))
    assert by["hurt.zip/2023-06-15_A1.txt"]["outcome"] == "failed"
    assert "无法解压" in by["hurt.zip/2023-06-15_A1.txt"]["message"]
    assert by["hurt.zip/2023-06-15_A2.txt"]["outcome"] == "new"


def test_a_gbk_member_name_from_a_windows_zip(client, staff):
    gbk = "版面/".encode("gbk")  # a Windows zip tool writes GBK names without the UTF-8 flag
    body = make_zip({"X" * (len(gbk) - 1) + "/2023-06-15_A1.txt": A1}).replace(b"XXXX/", gbk)
    assert "pages.zip/版面/2023-06-15_A1.txt" in lines(upload(client, ("pages.zip", body)))


def test_names_with_markup_are_escaped(client, staff):
    run = upload(client, ("<b>2023-06-15_A1.txt", A1))
    html = client.get(f"/admin/articles/ingestrun/{run.pk}/change/").content.decode()
    assert "<b>2023" not in html and "&lt;b&gt;2023-06-15_A1.txt" in html


def test_nothing_chosen_is_a_form_error(client, staff):
    html = client.post(URL, {"paper": "株洲日报"}).content.decode()
    assert "请选择至少一个文件" in html and not IngestRun.objects.exists()


def test_an_upload_beyond_the_limit_is_refused_unread(client, staff):
    from articles.web.upload_views import MAX_REQUEST

    response = client.post(URL, {"paper": "x"}, CONTENT_LENGTH=str(MAX_REQUEST + 1), follow=True)
    assert "上传过大" in response.content.decode() and not IngestRun.objects.exists()


def test_staff_only_and_csrf(client, django_user_model):
    assert client.get(URL).status_code == 302  # the public is sent to the login page
    reader = django_user_model.objects.create_user("r", password="a-long-password-1", is_staff=True)
    client.force_login(reader)
    assert client.get(URL).status_code == 403  # staff without the right to change pages
    admin_user = django_user_model.objects.create_user(
        "a", password="a-long-password-1", is_staff=True, is_superuser=True
    )
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(admin_user)
    page = strict.get(URL)
    assert page.status_code == 200 and "csrfmiddlewaretoken" in page.content.decode()
    response = strict.post(URL, {"files": [SimpleUploadedFile("2023-06-15_A1.txt", A1)], "paper": "x"})
    assert response.status_code == 403 and not Page.objects.exists()


def test_run_records_are_read_only(client, staff):
    run = upload(client, ("2023-06-15_A1.txt", A1))
    assert client.post(f"/admin/articles/ingestrun/{run.pk}/delete/", {"post": "yes"}).status_code == 403
    assert client.post(f"/admin/articles/ingestrun/{run.pk}/change/", {"files": 0}).status_code == 403
    assert IngestRun.objects.get(pk=run.pk).files == 1
    listing = client.get("/admin/articles/ingestrun/").content.decode()
    assert URL in listing and "上传版面文件" in listing


def test_a_member_name_with_a_newline_stays_one_line(client, staff):
    by = lines(upload(client, ("pages.zip", make_zip({"a\nb/2023-06-15_A1.txt": A1}))))
    assert (
        list(by) == ["pages.zip/a\\nb/2023-06-15_A1.txt"]
        and by["pages.zip/a\\nb/2023-06-15_A1.txt"]["outcome"] == "new"
    )


def test_a_runs_name_gives_its_start_in_the_sites_time_zone(db):
    """The admin shows 开始 in local time (TIME_ZONE); the run's name said the same moment in UTC."""
    from datetime import UTC, datetime

    from django.utils import timezone

    from articles.models import IngestRun

    run = IngestRun.objects.create(files=2)
    IngestRun.objects.filter(pk=run.pk).update(started_at=datetime(2026, 12, 6, 10, 32, tzinfo=UTC))
    run.refresh_from_db()
    local = timezone.localtime(run.started_at)
    assert str(run).startswith(f"{local:%Y-%m-%d %H:%M}") and local.hour != 10
