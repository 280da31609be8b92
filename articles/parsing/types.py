"""Plain dataclasses that a page parse produces; no Django import anywhere in this package."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


class Kind:
    NEWS = "news"
    PHOTO = "photo"
    COMMENTARY = "commentary"
    TABLE = "table"
    TEASER = "teaser"
    AGENCY = "agency"
    FEATURE = "feature"


@dataclass
class ParsedArticle:
    kind: str = Kind.NEWS
    kicker: str | None = None
    headline: str = ""
    subheadline: str | None = None
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    source: str | None = None
    dateline: str | None = None
    body: str = ""
    captions: list[str] = field(default_factory=list)
    continued_to: str | None = None
    # Beyond the scored contract: what was printed around the body, kept so nothing is lost.
    lead: str | None = None  # the printed lead-in ("株洲日报讯 3月26日，") removed from the body
    bylines: list[str] = field(default_factory=list)  # byline / credit / signature lines as printed
    section_headings: list[str] = field(default_factory=list)  # body paragraphs that are 小标题
    tables: list[str] = field(default_factory=list)  # table text, one cell per line
    jump: str | None = None  # the printed jump line ("下转 A2 版")
    confidence: float = 0.0  # how strongly the page's evidence holds this article together (confidence.py)

    def to_dict(self) -> dict:
        return asdict(self)

    def texts(self) -> list[str]:
        """Every string this article holds, for the nothing-lost check."""
        out = [self.kicker or "", self.headline, self.subheadline or "", self.body, self.lead or ""]
        out += self.captions + self.bylines + self.section_headings + self.tables + [self.jump or ""]
        return out


@dataclass
class ParseResult:
    source: dict
    issue_date: date | None
    date_inferred: bool
    date_evidence: str
    page: str | None
    articles: list[ParsedArticle]
    unassigned: list[str]
    normalised_text: str = ""
    raw_text: str = ""  # the decoded page exactly as given, kept verbatim by storage

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "date_inferred": self.date_inferred,
            "date_evidence": self.date_evidence,
            "page": self.page,
            "articles": [a.to_dict() for a in self.articles],
            "unassigned": self.unassigned,
        }
