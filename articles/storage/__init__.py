"""The only writer of the archive's rows (Issue, Page, Article, Credit, people): ingest, re-parse,
every staff save in the admin and every operation of the page editor go through here, so the
copied columns, search columns, staff-edit flags and corrections always follow.

    ingest.py   page files -> a parse -> pages.write_page, one transaction per page
    batch.py    many files (the ingest command, the admin's upload) and their run record
    pages.py    parse + replayed corrections -> rows (rows.py), paragraphs stored on the page
    replay.py   staff corrections applied to a parse (pure), by paragraph fingerprints (fingerprints.py)
    editor.py   the page editor's operations, recorded as corrections
    staff.py    the admin's saves of issues, pages, articles and credits
    people.py   people from names; merges; "not a person"
"""

from .batch import BatchOutcome, ingest_batch, run_uploads
from .editor import EditorError, apply_operation, mark_reviewed, refresh_page, revert_correction
from .ingest import MAX_BYTES, IngestError, IngestOutcome, ingest_bytes, ingest_file, reparse_page
from .people import merge_people, not_a_person, people_for_names, person_for_name
from .staff import (
    delete_article,
    delete_credit,
    delete_rows,
    save_article,
    save_credit,
    save_credits,
    save_issue,
    save_page,
)

__all__ = [
    "MAX_BYTES",
    "BatchOutcome",
    "EditorError",
    "IngestError",
    "IngestOutcome",
    "apply_operation",
    "delete_article",
    "delete_credit",
    "delete_rows",
    "ingest_batch",
    "ingest_bytes",
    "ingest_file",
    "mark_reviewed",
    "merge_people",
    "not_a_person",
    "people_for_names",
    "person_for_name",
    "refresh_page",
    "reparse_page",
    "revert_correction",
    "run_uploads",
    "save_article",
    "save_credit",
    "save_credits",
    "save_issue",
    "save_page",
]
