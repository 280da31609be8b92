"""The page editor's operations. Each one is checked against the page as the editor showed it
(the page's version), recorded as a Correction that names paragraphs by fingerprint, and applied
at once by rebuilding the page from its text: the same path a re-ingest takes, so a fix made
here is replayed on every later parse."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from articles.models import Article, Correction, CorrectionStatus, Page
from articles.parsing import PARSER_VERSION, ParaKind, parse_text

from .pages import Written, write_page
from .replay import TITLE_ROLES

STALE = "此版面在你打开之后已被修改（他人校对或重新导入）。你的操作没有保存，请重新打开编辑器再试。"
GONE = "所选段落或文章已不在本版（可能已被他人修改或重新导入）。没有做任何修改。"


class EditorError(Exception):
    """An operation refused; the message is for staff, and nothing was changed."""


def rebuild(page: Page) -> Written:
    """Parse the page's text with the current parser and replay its corrections."""
    result = parse_text(page.raw_text, file_name=page.file_name, issue_date=page.issue.date, page=page.label)
    page.source_format, page.parser_version = result.source["format"], PARSER_VERSION
    return write_page(page, result.paragraphs, staff=True)


def _locked(page: Page, version: int | None) -> Page:
    fresh = Page.objects.select_for_update().select_related("issue__newspaper").get(pk=page.pk)
    if version is not None and fresh.version != version:
        raise EditorError(STALE)
    return fresh


def _refs(page: Page, keys: list[str]) -> list[dict]:
    by_key = {p["key"]: p for p in page.paragraphs}
    if not keys or any(k not in by_key for k in keys):
        raise EditorError(GONE)
    return [{"key": k, "text": by_key[k]["text"]} for k in keys]


def _anchor(page: Page, article_id: int, avoid: set[str] = frozenset()) -> dict:
    """A paragraph of the article that names it in a correction."""
    for p in page.paragraphs:
        if p.get("article") == article_id and p["key"] not in avoid:
            return {"key": p["key"], "text": p["text"]}
    raise EditorError(GONE)


def _title(article_id: int | None) -> str:
    if article_id is None:
        return "未归属文字"
    art = Article.objects.filter(pk=article_id).only("headline", "body").first()
    return f"《{art}》" if art else "（已不在本版的文章）"


def _kind_label(kind: str, role: str | None) -> str:
    return {"kicker": "引题", "headline": "主题", "subheadline": "副题"}.get(role or "", PARA_LABELS.get(kind, kind))


PARA_LABELS = {
    "title": "标题",
    "body": "正文",
    "byline": "署名",
    "credit": "图片署名",
    "caption": "图片说明",
    "jump": "转版",
    "signature": "作者署名",
    "heading": "小标题",
    "table": "表格",
    "furniture": "版面杂项",
    "h2": "标题",
    "h3": "小标题",
    "bullet": "要点",
}


def _data(page: Page, op: str, params: dict) -> dict:
    """The correction's content: references by fingerprint, and a summary for the history."""
    keys = list(dict.fromkeys(params.get("keys") or []))
    if op == "move":
        refs = _refs(page, keys)
        to = params.get("to")
        if to is None:
            return {"paras": refs, "to": None, "summary": f"{len(refs)} 段移到未归属文字"}
        return {"paras": refs, "to": _anchor(page, to, set(keys)), "summary": f"{len(refs)} 段移到{_title(to)}"}
    if op == "new":
        refs = _refs(page, keys)
        return {"paras": refs, "summary": f"用 {len(refs)} 段新建文章：{refs[0]['text'][:20]}"}
    if op == "split":
        at = _refs(page, keys[:1])[0]
        owner = next(p["article"] for p in page.paragraphs if p["key"] == at["key"])
        first = next(p["key"] for p in page.paragraphs if p["article"] == owner) if owner is not None else None
        if owner is None or first == at["key"]:
            raise EditorError("只能在文章的第一段之后拆分：请选一篇文章中间的段落。")
        return {"at": at, "summary": f"{_title(owner)}从“{at['text'][:15]}”起拆成两篇"}
    if op == "merge":
        first, second = params.get("first"), params.get("second")
        if first == second:
            raise EditorError("请选择两篇不同的文章合并。")
        return {
            "first": _anchor(page, first),
            "second": _anchor(page, second),
            "summary": f"{_title(second)}并入{_title(first)}（接在其后）",
        }
    if op == "role":
        kind, role = params.get("kind"), params.get("role")
        if kind not in ParaKind.__members__.values() or (role is not None and role not in TITLE_ROLES):
            raise EditorError("未知的段落角色。")
        refs = _refs(page, keys)
        return {"paras": refs, "kind": kind, "role": role, "summary": f"{len(refs)} 段改为{_kind_label(kind, role)}"}
    if op == "delete":
        article = params.get("article")
        return {"article": _anchor(page, article), "summary": f"删除{_title(article)}，文字退回未归属"}
    raise EditorError("未知的操作。")


@transaction.atomic
def apply_operation(page: Page, op: str, *, user, version: int | None, **params) -> tuple[Correction, Written]:
    """Record and apply one editor operation; EditorError (and nothing changed) when the page
    moved on since the editor showed it or what it names is gone."""
    page = _locked(page, version)
    if not page.paragraphs:
        raise EditorError("本版还没有段落记录：请先用“重新解析”生成。")
    data = _data(page, op, params)
    correction = Correction.objects.create(page=page, op=op, data=data, created_by=user if user and user.pk else None)
    written = rebuild(page)
    correction.refresh_from_db()
    if correction.status != CorrectionStatus.APPLIED:
        raise EditorError(GONE)  # rolls the whole operation back
    return correction, written


@transaction.atomic
def revert_correction(page: Page, correction_id: int, *, version: int | None) -> Correction:
    """Stop replaying a correction (kept in the list, marked 撤销) and rebuild the page."""
    page = _locked(page, version)
    correction = Correction.objects.filter(pk=correction_id, page=page, active=True).first()
    if correction is None:
        raise EditorError("这条校正已撤销或不属于本版。")
    correction.active = False
    correction.save(update_fields=["active"])
    rebuild(page)
    return correction


@transaction.atomic
def mark_reviewed(page: Page, *, user, version: int | None, reviewed: bool = True) -> Page:
    page = _locked(page, version)
    page.reviewed_at, page.reviewed_by = (timezone.now(), user) if reviewed else (None, None)
    page.save(update_fields=["reviewed_at", "reviewed_by"])
    return page


@transaction.atomic
def refresh_page(page: Page, *, version: int | None) -> Written:
    """Re-parse the page's text with the current parser, corrections replayed."""
    return rebuild(_locked(page, version))
