"""Plain dataclasses that a page parse produces; no Django import anywhere in this package."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum


class Vocabulary(StrEnum):
    """A fixed vocabulary of the archive: each member a stored value with the Chinese label readers
    and staff see (`Kind.NEWS.label` is 消息). The models' choices are derived from these
    (articles.models.choices), so a value or a label is written once, here."""

    label: str

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Kind(Vocabulary):
    """What an article is (体裁)."""

    NEWS = "news", "消息"
    PHOTO = "photo", "图片新闻"
    COMMENTARY = "commentary", "评论"
    TABLE = "table", "表格"
    TEASER = "teaser", "导读"
    AGENCY = "agency", "通讯社稿"
    FEATURE = "feature", "通讯"


class Role(Vocabulary):
    """What a person named in a credit did for the article."""

    REPORTER = "reporter", "记者"
    CORRESPONDENT = "correspondent", "通讯员"
    PHOTOGRAPHER = "photographer", "摄影"
    AUTHOR = "author", "作者"

    @property
    def plural(self) -> str:
        """The ParsedArticle list (and JSON key) holding this role's names: `reporters` for REPORTER."""
        return f"{self.value}s"


class SourceFormat(Vocabulary):
    """How the page's text came out of extraction."""

    PDF = "pdf-columns", "PDF 分栏文本"  # hard-wrapped at the column width, columns broken by blank lines
    LINES = "paragraph-lines", "每行一段"  # one paragraph per line
    MARKDOWN = "markdown", "Markdown"  # `##` headlines


class ParaKind(StrEnum):
    """The role of one paragraph of page text."""

    TITLE = "title"  # a line of a title block (kicker, headline or subheadline: titles.py decides)
    BODY = "body"
    BYLINE = "byline"  # 株洲日报记者 罗欣 / 通讯员/芷榕
    CREDIT = "credit"  # a photo credit: … 摄 / 供图
    CAPTION = "caption"
    JUMP = "jump"  # 下转A2版 / 详见B3版
    SIGNATURE = "signature"  # a commentary's author, alone on a line
    HEADING = "heading"  # a section heading (小标题) inside a story
    TABLE = "table"
    FURNITURE = "furniture"  # page furniture: promotion lines, column labels
    H2 = "h2"  # Markdown `##`
    H3 = "h3"  # Markdown `###`
    BULLET = "bullet"  # Markdown `-`


@dataclass
class Para:
    """One paragraph of page text with its role."""

    kind: ParaKind
    text: str
    gap: int = 1  # blank lines before it
    lines: list[str] = field(default_factory=list)
    index: int = -1  # position on the page, among its paragraphs
    role: str | None = None  # a title line's role when the text marks it (Markdown): kicker, headline, subheadline


@dataclass
class ParsedParagraph:
    """One paragraph of the page as the parser read it: its role and the article it went to.

    The list of them is the parse in its most basic form: the articles are built from it
    (build.articles_from), so staff can correct the parse by changing it."""

    index: int
    kind: ParaKind
    text: str
    article: int | None  # position in ParseResult.articles; None: the page's unassigned text
    role: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


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

    def credits(self) -> list[tuple[Role, list[str]]]:
        """Each role with the names credited in it, in role order."""
        return [(role, getattr(self, role.plural)) for role in Role]

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
    paragraphs: list[ParsedParagraph] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "issue_date": self.issue_date.isoformat() if self.issue_date else None,
            "date_inferred": self.date_inferred,
            "date_evidence": self.date_evidence,
            "page": self.page,
            "articles": [a.to_dict() for a in self.articles],
            "unassigned": self.unassigned,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
        }
