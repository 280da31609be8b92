"""An article as a reference: the GB/T 7714-2015 line (print [N] and online [N/OL]), the
Highwire citation_* and Dublin Core meta tags that Zotero's embedded-metadata translator
reads, schema.org NewsArticle JSON-LD, and RIS, BibTeX and CSL-JSON for reference managers.

Everything is built from one `Reference`, so the formats cannot disagree with each other.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import rispy

from articles.models import Article, Role

WRITERS = (Role.REPORTER, Role.CORRESPONDENT, Role.AUTHOR)  # schema.org author; photographers are contributors


@dataclass(frozen=True)
class Credited:
    name: str
    role: str
    url: str  # absolute


@dataclass(frozen=True)
class Reference:
    pk: int
    title: str
    subtitle: str
    people: list[Credited]  # in printed order, every role
    newspaper: str
    day: date
    page: str
    url: str  # absolute permalink
    accessed: date
    agency: str = ""  # the source of agency copy that credits no one: its corporate author

    @property
    def names(self) -> list[str]:
        """The responsible persons in printed order, else the agency (GB/T 7714 §8.1.2: an
        organisation stands as author where no person is named)."""
        return [p.name for p in self.people] or ([self.agency] if self.agency else [])


def reference(article: Article, absolute, accessed: date) -> Reference:
    """`absolute` turns a path into a URL (request.build_absolute_uri); uses prefetched credits."""
    people = [Credited(c.person.name, c.role, absolute(c.person.get_absolute_url())) for c in article.credit_list()]
    issue = article.page.issue
    agency = article.source if not people and article.source and article.source != issue.newspaper.name else ""
    return Reference(
        pk=article.pk,
        title=article.headline or "（无标题）",
        subtitle=article.subheadline.removeprefix("——").strip(),
        people=people,
        newspaper=issue.newspaper.name,
        day=issue.date,
        page=article.page.label,
        url=absolute(article.get_absolute_url()),
        accessed=accessed,
        agency=agency,
    )


def gb7714(ref: Reference, online: bool = False) -> str:
    """GB/T 7714-2015 §4.5 and §8.1.2: up to three responsible persons in the source's order,
    then ", 等"; [N] for print, [N/OL] with the date cited and the URL for the online copy."""
    who = ", ".join(ref.names[:3]) + (", 等" if len(ref.names) > 3 else "")
    head = f"{who}. " if who else ""
    where = f"{ref.newspaper}, {ref.day.isoformat()}({ref.page})"
    if not online:
        return f"{head}{ref.title}[N]. {where}."
    return f"{head}{ref.title}[N/OL]. {where}[{ref.accessed.isoformat()}]. {ref.url}."


def meta_tags(ref: Reference) -> list[tuple[str, str]]:
    """(name, content) pairs for <meta name=… content=…>: Highwire Press tags, then Dublin Core."""
    slashed = ref.day.strftime("%Y/%m/%d")
    tags = [
        ("citation_title", ref.title),
        *(("citation_author", n) for n in ref.names),
        ("citation_publication_date", slashed),
        ("citation_date", slashed),
        ("citation_journal_title", ref.newspaper),
        ("citation_firstpage", ref.page),
        ("citation_public_url", ref.url),
        ("citation_language", "zh"),
    ]
    return tags + [
        ("DC.title", ref.title),
        *(("DC.creator", n) for n in ref.names),
        ("DC.date", ref.day.isoformat()),
        ("DC.source", ref.newspaper),
        ("DC.type", "Text"),
        ("DC.language", "zh-CN"),
        ("DC.identifier", ref.url),
    ]


def json_ld(ref: Reference, issue_url: str, body: str | None = None) -> dict:
    """schema.org NewsArticle; `body` (articleBody) only on the JSON twin, not in every page's head."""

    def person(p: Credited) -> dict:
        return {"@type": "Person", "name": p.name, "url": p.url}

    authors = [person(p) for p in ref.people if p.role in WRITERS]
    contributors = [person(p) for p in ref.people if p.role not in WRITERS]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": ref.title,
        "author": authors or ([{"@type": "Organization", "name": ref.agency}] if ref.agency else []),
        "datePublished": ref.day.isoformat(),
        "pageStart": ref.page,
        "inLanguage": "zh-CN",
        "url": ref.url,
        "isPartOf": {
            "@type": "PublicationIssue",
            "datePublished": ref.day.isoformat(),
            "url": issue_url,
            "isPartOf": {"@type": "Newspaper", "name": ref.newspaper},
        },
    }
    if contributors:
        data["contributor"] = contributors
    if ref.subtitle:
        data["alternativeHeadline"] = ref.subtitle
    if body is not None:
        data["articleBody"] = body
    return data


_SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script_text(data: dict) -> str:
    """JSON that cannot close its <script> element (the escapes Django's json_script uses)."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def ris(ref: Reference) -> str:
    """RIS through rispy (the tag table and line format kept by a maintained library)."""
    entry = {
        "type_of_reference": "NEWS",
        "title": _one_line(ref.title),
        "authors": ref.names,
        "secondary_title": ref.newspaper,
        "year": str(ref.day.year),
        "date": ref.day.strftime("%Y/%m/%d"),
        "start_page": ref.page,
        "urls": [ref.url],
        "access_date": ref.accessed.strftime("%Y/%m/%d"),
        "language": "zh",
        "name_of_database": "株洲日报数字档案",
    }
    if ref.subtitle:
        entry["notes"] = [_one_line(ref.subtitle)]
    text = rispy.dumps([entry])
    # rispy numbers each reference of a list (`1.`); a file of one reference starts at its TY line
    return text.split("\n", 1)[1] if text.startswith("1.") else text


_BIBTEX = {ord(c): "\\" + c for c in "{}%&#$_"} | {
    ord("\\"): "\\textbackslash{}",
    ord("~"): "\\textasciitilde{}",
    ord("^"): "\\textasciicircum{}",
}


def _bib(text: str) -> str:
    return _one_line(text).translate(_BIBTEX)


def bibtex(ref: Reference) -> str:
    """BibTeX written here: a dozen fields and one escaping table need no library (bibtexparser
    parses it back in the tests). Names are braced whole: a Chinese name has no "Last, First"."""
    fields = [
        ("title", "{" + _bib(ref.title) + "}"),
        ("author", " and ".join("{" + _bib(n) + "}" for n in ref.names)),
        ("journal", _bib(ref.newspaper)),
        ("year", str(ref.day.year)),
        ("month", str(ref.day.month)),
        ("day", str(ref.day.day)),
        ("date", ref.day.isoformat()),
        ("pages", _bib(ref.page)),
        ("url", ref.url),
        ("urldate", ref.accessed.isoformat()),
        ("langid", "chinese"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@article{{zhuzhou-{ref.pk},\n{body}\n}}\n"


def csl_json(ref: Reference) -> list[dict]:
    """CSL-JSON (what citeproc processors and Zotero import): a list of one item."""
    return [
        {
            "id": f"zhuzhou-{ref.pk}",
            "type": "article-newspaper",
            "title": ref.title,
            "author": [{"literal": n} for n in ref.names],
            "container-title": ref.newspaper,
            "issued": {"date-parts": [[ref.day.year, ref.day.month, ref.day.day]]},
            "page": ref.page,
            "URL": ref.url,
            "accessed": {"date-parts": [[ref.accessed.year, ref.accessed.month, ref.accessed.day]]},
            "language": "zh-CN",
            **({"note": ref.subtitle} if ref.subtitle else {}),
        }
    ]
