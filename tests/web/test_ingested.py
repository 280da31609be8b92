"""What the ingest command stored, seen through the site: the run record in the admin, and a
word beyond the index limit found by the search API."""

from __future__ import annotations

import pytest

from articles.models import IngestRun
from tests.conftest import INGEST_PAGE as PAGE
from tests.conftest import run_ingest as ingest

pytestmark = pytest.mark.django_db


def test_every_run_is_recorded_for_staff(client, django_user_model, tmp_path):
    (tmp_path / "2023-06-15_A1.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "2023-06-15_A2.txt").write_bytes(b"")
    ingest(tmp_path)
    run = IngestRun.objects.get()
    assert (run.files, run.new, run.failed) == (2, 1, 1) and run.finished_at is not None
    assert [m["outcome"] for m in run.messages] == ["new", "failed"]
    client.force_login(django_user_model.objects.create_user("s", is_staff=True, is_superuser=True))
    page = client.get(f"/admin/articles/ingestrun/{run.pk}/change/").content.decode()
    assert "2023-06-15_A2.txt" in page and "empty file (no text)" in page


def test_a_word_beyond_the_index_limit_is_stored_and_found(tmp_path, client):
    word = "0123456789abcdef" * 375  # one 6000-character "word": PostgreSQL's tsvector limit is 2046 bytes
    page = tmp_path / "2023-06-15_A1.txt"
    page.write_text(PAGE.replace("会议要求做好准备。", f"会议要求做好准备。校验码{word}。"), encoding="utf-8")
    out, err, code = ingest(page)
    assert code == 0, err
    assert client.get("/api/search/", {"q": word[:40]}).json()["total"] == 1
