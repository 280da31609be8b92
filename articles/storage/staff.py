"""The admin's saves of issues, pages, articles and credits: the copied columns, the search
columns and the staff-edit flags follow every change, in the admin's transaction."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models, transaction

from articles import freshness
from articles.models import Article, Credit, Issue, Page
from articles.search.columns import apply_search_columns


@transaction.atomic
def save_issue(issue: Issue) -> None:
    """Save an issue; its articles' copied date follows a new date."""
    issue.save()
    if Article.objects.filter(page__issue=issue).exclude(issue_date=issue.date).update(issue_date=issue.date):
        freshness.changed()  # update() sends no signal


@transaction.atomic
def save_page(page: Page) -> None:
    """Save a page; its articles' copied label and date follow."""
    page.save()
    moved = Article.objects.filter(page=page).exclude(page_label=page.label, issue_date=page.issue.date)
    if moved.update(page_label=page.label, issue_date=page.issue.date):
        freshness.changed()


@transaction.atomic
def save_article(article: Article, changed: Iterable[str]) -> None:
    """Save a staff edit: the changed fields are marked (re-ingest never overwrites them), the
    copied and search columns recomputed."""
    article.edited_fields = sorted(set(article.edited_fields) | (set(changed) & set(Article.EDITABLE)))
    article.issue_date, article.page_label = article.page.issue.date, article.page.label
    apply_search_columns(article)
    article.save()


def _credits_edited(*article_ids: int | None) -> None:
    ids = [pk for pk in article_ids if pk is not None]
    if ids and Article.objects.filter(pk__in=ids, credits_edited=False).update(credits_edited=True):
        freshness.changed()


@transaction.atomic
def save_credit(credit: Credit) -> None:
    """Save a credit staff added or fixed; its article (and the one it left) keep their credits
    as staff left them at every re-parse."""
    before = Credit.objects.filter(pk=credit.pk).values_list("article_id", flat=True).first() if credit.pk else None
    credit.save()
    _credits_edited(credit.article_id, before)


@transaction.atomic
def delete_credit(credit: Credit) -> None:
    article_id = credit.article_id
    credit.delete()
    _credits_edited(article_id)


@transaction.atomic
def save_credits(article: Article, saved: Iterable[Credit], deleted: Iterable[Credit]) -> None:
    """The credits of one article edited together (the article form's credit rows)."""
    saved, deleted = list(saved), list(deleted)
    for credit in deleted:
        credit.delete()
    for credit in saved:
        credit.article = article
        credit.save()
    if saved or deleted:
        _credits_edited(article.pk)


@transaction.atomic
def delete_article(article: Article, user=None) -> None:
    """An article deleted by staff: its text goes back to the page's unassigned text, recorded
    as a correction so a re-ingest does not bring it back; never lost."""
    from .editor import apply_operation

    page = article.page
    if any(p.get("article") == article.pk for p in page.paragraphs):
        apply_operation(page, "delete", user=user, version=page.version, article=article.pk)
    else:  # stored before paragraphs were kept: nothing to give back but its fields
        page.unassigned = [*page.unassigned, *(t for t in (article.headline, article.body) if t)]
        page.save(update_fields=["unassigned"])
        article.delete()


@transaction.atomic
def delete_rows(objs: Iterable[models.Model]) -> int:
    """Delete issues, pages or credits chosen in the admin (articles go through delete_article)."""
    n = 0
    for obj in objs:
        if isinstance(obj, Article):
            delete_article(obj)
        elif isinstance(obj, Credit):
            delete_credit(obj)
        else:
            obj.delete()
        n += 1
    return n
