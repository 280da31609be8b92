"""Bad input to ingest: a clear one-line message naming the file, the batch goes on, nothing lost."""

from __future__ import annotations

import codecs
import gzip
import os
import signal
import subprocess
import sys
import time

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, IngestRun, Page
from tests.conftest import INGEST_PAGE as PAGE
from tests.conftest import ROOT
from tests.conftest import run_ingest as ingest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8", PAGE.encode("utf-8")),
        ("utf8-bom", codecs.BOM_UTF8 + PAGE.encode("utf-8")),
        ("utf16-bom", PAGE.encode("utf-16")),
        ("gb18030", PAGE.encode("gb18030")),
        ("crlf", PAGE.replace("\n", "\r\n").encode()),
        ("cr", PAGE.replace("\n", "\r").encode()),
    ],
)
def test_encodings_and_line_ends_give_the_same_articles(tmp_path, name, data):
    path = tmp_path / f"2023-06-15_A{len(name)}.txt"
    path.write_bytes(data)
    out, err, code = ingest(path)
    assert code == 0, err
    page = Page.objects.get()
    assert page.raw_text.replace("\r\n", "\n").replace("\r", "\n") == PAGE  # verbatim, line ends included
    assert ("\r" in page.raw_text) == (name in ("crlf", "cr"))
    assert list(page.articles.values_list("headline", "body")) == [
        ("全市部署防汛工作", "全市防汛工作会议召开。\n会议要求做好准备。")
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file (no text)"),
        (b" \n\t \r\n", "only whitespace, no text"),
        (b"%PDF-1.7\n%\xe2\xe3", "binary file (a PDF file)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (a PNG image)"),
        (gzip.compress(PAGE.encode()), "binary file (a gzip archive)"),
        (PAGE.encode()[:30] + b"\x00\x00" + PAGE.encode()[30:], "binary file (NUL byte at offset 30)"),
        (PAGE.encode()[:27] + b"\xff\xfe\x80" + PAGE.encode()[27:], "invalid byte at offset 27"),
    ],
)
def test_refused_files_get_one_clear_line_and_the_batch_goes_on(tmp_path, data, message):
    bad = tmp_path / "2023-06-15_A1.txt"
    bad.write_bytes(data)
    good = tmp_path / "2023-06-15_A2.txt"
    good.write_text(PAGE, encoding="utf-8")
    out, err, code = ingest(tmp_path)
    assert code == 1
    assert f"{bad}: " in err and message in err
    assert [line for line in err.splitlines() if str(bad) in line] == [
        f"{bad}: " + err.split(f"{bad}: ")[1].splitlines()[0]
    ]
    assert "2 files: 1 new, 0 unchanged, 0 re-parsed, 1 failed" in out
    assert list(Page.objects.values_list("label", flat=True)) == ["A2"]


def test_a_50_megabyte_file_is_refused_with_its_size(tmp_path):
    big = tmp_path / "2023-06-15_A1.txt"
    with open(big, "wb") as f:
        f.write((PAGE * 400_000).encode()[: 50 * 2**20])
    out, err, code = ingest(big)
    assert code == 1 and "file too large (52,428,800 bytes" in err


def test_a_line_beyond_the_limit_and_a_page_without_articles_are_refused(tmp_path):
    long_line = tmp_path / "2023-06-15_A1.txt"
    long_line.write_text("株洲日报讯 6月14日，" + "会议强调要抓好落实，" * 50_000 + "。\n", encoding="utf-8")
    nothing = tmp_path / "2023-06-15_A2.txt"
    nothing.write_text("2023\n\n——\n\n株洲\n", encoding="utf-8")
    invisible = tmp_path / "2023-06-15_A3.txt"
    invisible.write_text("\u200b\u200b\n\u200c\ufeff\u2060\n", encoding="utf-8")
    good = tmp_path / "2023-06-15_A4.txt"
    good.write_text(PAGE, encoding="utf-8")
    out, err, code = ingest(tmp_path)
    assert code == 1
    assert f"{long_line}: a line of 500,013 characters (a page line holds at most 200,000)" in err
    assert f"{nothing}: no article found in 3 lines of text; nothing stored" in err
    assert f"{invisible}: only invisible characters, no text" in err
    assert "4 files: 1 new, 0 unchanged, 0 re-parsed, 3 failed" in out
    assert list(Page.objects.values_list("label", flat=True)) == ["A4"]


def test_an_article_beyond_the_limit_is_refused(tmp_path):
    big = tmp_path / "2023-06-15_A1.txt"
    big.write_text("株洲日报讯 6月14日，会议召开。\n" + ("会议强调要抓好落实，" * 9_000 + "。\n") * 3, encoding="utf-8")
    out, err, code = ingest(big)
    assert code == 1 and "an article of 270,0" in err and "(an article holds at most 200,000)" in err
    assert not Page.objects.exists()


def test_bad_names_and_options(tmp_path):
    page = tmp_path / "2023-06-15_A1.txt"
    page.write_text(PAGE, encoding="utf-8")
    with pytest.raises(CommandError, match="invalid fromisoformat value: '2020-02-30'"):
        call_command("ingest", str(page), "--date", "2020-02-30")
    out, err, code = ingest(page, "--page", "A" * 200)
    assert code == 1 and "is not a label like A1 or B12" in err
    undated = tmp_path / "notes.txt"
    undated.write_text("没有日期的一段文字。\n", encoding="utf-8")
    out, err, code = ingest(undated)
    assert code == 1 and f"{undated}: no issue date" in err
    missing = tmp_path / "nowhere.txt"
    out, err, code = ingest(missing, page)
    assert code == 1 and f"{missing}: no such file or folder" in err and "1 new" in out


def test_the_same_file_twice_in_one_batch(tmp_path):
    page = tmp_path / "2023-06-15_A1.txt"
    page.write_text(PAGE, encoding="utf-8")
    out, err, code = ingest(page, page, tmp_path)
    assert code == 0 and "1 files: 1 new" in out


def _command(*args: str) -> list[str]:
    return [sys.executable, "manage.py", "ingest", *args]


def _env() -> dict:
    from django.db import connection

    env = dict(os.environ)
    name = connection.settings_dict["NAME"]  # the test database, not the real one
    env["ARCHIVE_DB_NAME"] = name
    if env.get("DATABASE_URL"):
        base, _, _ = env["DATABASE_URL"].rpartition("/")
        env["DATABASE_URL"] = f"{base}/{name}"
    return env


def _snapshot() -> list[tuple]:
    return sorted(Article.objects.values_list("page__issue__date", "page__label", "order", "headline", "body"))


def many_pages(folder, n: int = 60):
    for i in range(n):
        text = PAGE.replace("全市部署防汛工作", f"全市部署防汛工作第{i}号").replace("6月14日", f"6月{i % 28 + 1}日")
        (folder / f"2023-07-{i % 28 + 1:02d}_A{i // 28 + 1}.txt").write_text(text, encoding="utf-8")


def test_two_ingests_at_once_give_the_rows_of_one(tmp_path):
    many_pages(tmp_path)
    procs = [
        subprocess.Popen(_command(str(tmp_path)), cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    for p in procs:
        p.wait(timeout=300)
    assert [p.returncode for p in procs] == [0, 0], [p.stderr.read() for p in procs]
    together = _snapshot()
    assert len(together) == 60 and Page.objects.count() == 60
    Article.objects.all().delete()
    Page.objects.all().delete()
    subprocess.run(_command(str(tmp_path)), cwd=ROOT, env=_env(), check=True, capture_output=True)
    assert _snapshot() == together


def test_a_batch_killed_midway_is_whole_files_and_a_rerun_completes_it(tmp_path):
    many_pages(tmp_path, 120)
    proc = subprocess.Popen(
        _command(str(tmp_path)), cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.time() + 120
    while Page.objects.count() < 10 and time.time() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = Page.objects.count()
    assert 10 <= partial < 120
    for page in Page.objects.all():  # each stored file is whole: its article is there
        assert page.articles.count() == 1
    assert IngestRun.objects.get().finished_at is None  # the record shows the run never finished
    subprocess.run(_command(str(tmp_path)), cwd=ROOT, env=_env(), check=True, capture_output=True)
    assert Page.objects.count() == 120 and Article.objects.count() == 120
    assert IngestRun.objects.order_by("started_at").last().new == 120 - partial


def test_parallel_ingest_gives_the_rows_of_a_serial_one(tmp_path):
    many_pages(tmp_path, 40)
    subprocess.run(_command(str(tmp_path), "--jobs", "2"), cwd=ROOT, env=_env(), check=True, capture_output=True)
    parallel = _snapshot()
    assert len(parallel) == 40
    Article.objects.all().delete()
    Page.objects.all().delete()
    subprocess.run(_command(str(tmp_path)), cwd=ROOT, env=_env(), check=True, capture_output=True)
    assert _snapshot() == parallel


def test_a_file_name_that_is_not_utf8_is_that_files_error(tmp_path):
    bad = tmp_path / os.fsdecode(b"2023-06-15_A1\xff.txt")
    bad.write_text(PAGE, encoding="utf-8")
    (tmp_path / "2023-06-15_A2.txt").write_text(PAGE, encoding="utf-8")
    out, err, code = ingest(tmp_path)
    assert code == 1 and f"{tmp_path}/2023-06-15_A1\ufffd.txt: the file name is not UTF-8; rename the file" in err
    assert "2 files: 1 new, 0 unchanged, 0 re-parsed, 1 failed" in out
    run = IngestRun.objects.get()
    assert (run.new, run.failed) == (1, 1) and run.finished_at is not None


def test_new_people_are_created_in_one_fixed_order(tmp_path):
    """Two ingests creating the same new people in opposite orders deadlocked (7 of 9 trials);
    created in name order, the second waits for the first instead."""
    from articles.models import Person

    names = ["赵一", "钱二", "孙三", "李四"]
    (tmp_path / "2023-06-15_A1.txt").write_text(f"株洲日报记者 {' '.join(names[::-1])}\n\n" + PAGE, encoding="utf-8")
    out, err, code = ingest(tmp_path)
    assert code == 0, err
    created = list(Person.objects.filter(name__in=names).order_by("pk").values_list("name", flat=True))
    assert created == sorted(names)


def test_fifos_symlink_loops_and_bad_labels_each_get_a_line(tmp_path):
    (tmp_path / "2023-06-15_A1.txt").write_text(PAGE, encoding="utf-8")
    os.mkfifo(tmp_path / "2023-06-15_A2.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "2023-06-15_ZZZ1.txt").write_text(PAGE, encoding="utf-8")
    newline = tmp_path / "2023-06-15_A5\nx.txt"
    newline.write_bytes(b"")
    out, err, code = ingest(tmp_path)
    assert code == 1
    assert f"{tmp_path}/2023-06-15_A2.txt: not a regular file (a FIFO); skipped" in err
    assert f"{sub}/up: a symlink loop (back to {tmp_path}); skipped" in err
    assert (
        f"{tmp_path}/2023-06-15_ZZZ1.txt: the page label 'ZZZ1' in the file name is not a label like A1 or B12" in err
    )
    assert f"{tmp_path}/2023-06-15_A5\\nx.txt: empty file (no text)" in err  # one line, the newline shown as \n
    assert list(Page.objects.values_list("label", flat=True)) == ["A1"]
    run = IngestRun.objects.get()
    assert run.failed == 4 and run.finished_at is not None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folders_get_a_line(tmp_path):
    (tmp_path / "2023-06-15_A1.txt").write_text(PAGE, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "2023-06-15_A2.txt").write_text(PAGE, encoding="utf-8")
    locked.chmod(0)
    try:
        out, err, code = ingest(tmp_path, locked / "2023-06-15_A2.txt")
    finally:
        locked.chmod(0o700)
    assert code == 1 and f"{locked}: cannot read" in err and f"{locked}/2023-06-15_A2.txt: cannot read" in err
    assert IngestRun.objects.get().finished_at is not None


def _waiting_for_a_lock(proc: subprocess.Popen) -> None:
    """Until another backend of the test database waits for a lock (the ingest `proc`)."""
    from django.db import connection

    deadline = time.time() + 120
    with connection.cursor() as cursor:
        while time.time() < deadline and proc.poll() is None:
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # else a transaction sees its first snapshot again
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.05)
    proc.kill()
    raise AssertionError(f"the ingest never waited for a lock: {proc.communicate()}")


def test_new_people_are_the_people_this_run_created(tmp_path):
    """Another ingest creates a person while this one runs: this run's count of new people is
    the two it created, not the growth of the table. The other ingest holds the issue's row
    lock, so this one waits inside its page's transaction while the person is created."""
    from django.db import transaction

    from articles.models import Issue, Person
    from articles.storage import ingest_bytes, person_for_name

    ingest_bytes(PAGE.encode(), file_name="2023-06-15_A1.txt", paper="株洲日报")  # the issue exists
    (tmp_path / "2023-06-15_A2.txt").write_text("株洲日报记者 赵一 钱二\n\n" + PAGE, encoding="utf-8")
    with transaction.atomic():
        Issue.objects.select_for_update().get(date="2023-06-15")
        proc = subprocess.Popen(
            _command(str(tmp_path)), cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        _waiting_for_a_lock(proc)  # for the issue
        person_for_name("孙三")  # created by the other ingest, committed as this block ends
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert set(Person.objects.values_list("name", flat=True)) >= {"赵一", "钱二", "孙三"}
    assert "1 files: 1 new, 0 unchanged, 0 re-parsed, 0 failed; 1 articles stored, 2 new people" in out


def test_a_deadlock_with_another_ingest_is_retried(tmp_path):
    """The other ingest holds a new person the page credits, then creates the issue the page
    has just created: a deadlock. PostgreSQL ends this ingest's transaction (its check runs
    first: deadlock_timeout 3 s against the other's 60 s); the file is ingested again and stored."""
    from django.db import connection, transaction

    from articles.models import Issue, Newspaper, Person
    from articles.storage import person_for_name

    paper = Newspaper.objects.create(name="株洲日报", slug="株洲日报")
    (tmp_path / "2023-06-15_A1.txt").write_text(PAGE.replace("罗欣", "周五"), encoding="utf-8")
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL deadlock_timeout = '60s'")
        person_for_name("周五")
        env = {**_env(), "PGOPTIONS": "-c deadlock_timeout=3s"}
        proc = subprocess.Popen(
            _command(str(tmp_path)), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        _waiting_for_a_lock(proc)  # for 周五, holding its new issue
        Issue.objects.create(newspaper=paper, date="2023-06-15")  # waits for that issue: the deadlock
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "1 files: 1 new, 0 unchanged, 0 re-parsed, 0 failed; 1 articles stored, 0 new people" in out
    assert Page.objects.get().issue.date.isoformat() == "2023-06-15" and Person.objects.filter(name="周五").count() == 1
    assert [m["outcome"] for m in IngestRun.objects.get().messages] == ["new"]


def test_a_terminal_gets_a_progress_bar_and_the_log_gets_each_files_json_line(tmp_path):
    import json
    import pty

    pages = tmp_path / "pages"
    pages.mkdir()
    many_pages(pages, 3)
    (pages / "2023-08-01_A1.txt").write_bytes(b"")
    log = tmp_path / "log" / "ingest.log"
    leader, follower = pty.openpty()
    env = {**_env(), "INGEST_LOG": str(log), "COLUMNS": "100"}
    proc = subprocess.Popen(_command(str(pages)), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: the command closed its end
            break
        if not chunk:
            break
        screen += chunk
    os.close(leader)
    out = proc.communicate(timeout=60)[0].decode()
    text = screen.decode()
    assert proc.returncode == 1 and "4 files: 3 new, 0 unchanged, 0 re-parsed, 1 failed" in out
    assert "\r\x1b[K[" in text and "] 4/4 100%" in text and "files/s" in text
    assert "2023-08-01_A1.txt: empty file (no text)" in text
    assert '"logger"' not in text  # no JSON line on the terminal
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [(line["level"], line["message"]) for line in lines] == [("INFO", "ingested")] * 3 + [
        ("WARNING", "ingest failed")
    ]
    assert lines[0]["file"].endswith("2023-07-01_A1.txt") and lines[0]["outcome"] == "new" and lines[0]["people"] == 1
    assert lines[3]["reason"] == "empty file (no text)"
