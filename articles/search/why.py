"""Why an article matched: the printed fields (标题, 署名, 正文…) that hold a searched string."""

from __future__ import annotations

from articles.search.text import search_form, squeeze

FIELDS = ("标题", "署名", "电头", "正文", "表格", "图片说明", "转版")


def field_texts(article) -> list[tuple[str, str]]:
    """(label, printed text) in the order a reader sees them; credits count as the byline
    (staff may have named a person the printed byline spells otherwise)."""
    credits = article.credit_list()
    credited = [c.person.name for c in credits] + [a for c in credits for a in c.person.aliases]
    return [
        ("标题", "\n".join([article.kicker, article.headline, article.subheadline])),
        ("署名", "\n".join([*article.bylines, *credited])),
        ("电头", article.lead or ""),
        ("正文", "\n".join([(article.lead or "") + article.body, *article.section_headings])),
        ("表格", "\n".join(article.tables)),
        ("图片说明", "\n".join(article.captions)),
        ("转版", article.jump or ""),
    ]


def matched_fields(article, terms: list[str]) -> list[str]:
    """The labels of the fields holding any of the folded terms, compared as search compares
    (text.search_form). A string that runs from the lead into the body (26日，湘江) counts as
    正文; one inside the lead alone as 电头 only."""
    terms = [squeeze(t) for t in terms]
    lead = search_form(article.lead or "")
    out = []
    for label, text in field_texts(article):
        folded = search_form(text)
        if label == "正文":
            hit = any(t in folded and t not in lead for t in terms)
            hit = hit or any(t in body for body in [search_form(article.body)] for t in terms)
        else:
            hit = any(t in folded for t in terms)
        if hit:
            out.append(label)
    return out


def snippet_source(article) -> str:
    """The text a result's snippet is cut from: the body first, then what else was printed."""
    parts = [
        (article.lead or "") + article.body,
        *article.captions,
        *article.tables,
        *article.bylines,
        article.jump or "",
    ]
    return "\n".join(p for p in parts if p) or article.headline
