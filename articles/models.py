"""Newspaper → Issue (a date) → Page (版面, raw text kept verbatim) → Article; Person and Credit."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import ExtractMonth, ExtractYear, Left
from django.urls import reverse
from django.utils import timezone

from articles import links, parsing
from articles.parsing.filenames import valid_label


def choices(vocabulary: type[parsing.Vocabulary], name: str) -> type[models.TextChoices]:
    """Django choices from a vocabulary of the parser: the same member names, values and labels."""
    return models.TextChoices(name, [(m.name, (m.value, m.label)) for m in vocabulary], module=__name__)


ArticleKind = choices(parsing.Kind, "ArticleKind")
Role = choices(parsing.Role, "Role")
SourceFormat = choices(parsing.SourceFormat, "SourceFormat")


def around(items: list, item: models.Model) -> tuple:
    """The items before and after `item` in `items` (None at either end)."""
    i = next(i for i, x in enumerate(items) if x.pk == item.pk)
    return (items[i - 1] if i > 0 else None), (items[i + 1] if i + 1 < len(items) else None)


class Newspaper(models.Model):
    name = models.CharField("报名", max_length=100, unique=True)
    slug = models.SlugField("网址名", unique=True)

    class Meta:
        verbose_name = verbose_name_plural = "报纸"

    def __str__(self) -> str:
        return self.name


class IssueQuerySet(models.QuerySet):
    def newest(self) -> Issue | None:
        """The latest issue with its paper, None in an empty archive. (Not Django's `latest()`,
        which raises then and reads Meta.get_latest_by.)"""
        return self.select_related("newspaper").order_by("-date").first()

    def dated(self, day: date) -> IssueQuerySet:
        """The issues of `day` with their paper, the archive's first paper first (the URLs name
        no paper: a second one printed that day is not the one /2020/03/27/ shows)."""
        return self.select_related("newspaper").filter(date=day).order_by("newspaper_id")

    def after(self, issue: Issue) -> Issue | None:
        """The paper's next issue (the one a reader turns to after its last page)."""
        return self.filter(newspaper_id=issue.newspaper_id, date__gt=issue.date).order_by("date").first()

    def before(self, issue: Issue) -> Issue | None:
        return self.filter(newspaper_id=issue.newspaper_id, date__lt=issue.date).order_by("-date").first()

    def neighbours(self, issue: Issue) -> tuple[Issue | None, Issue | None]:
        return self.before(issue), self.after(issue)

    def between(self, first: date, last: date) -> IssueQuerySet:
        return self.filter(date__range=(first, last))

    def dates_around(self, first: date, last: date) -> tuple[date | None, date | None]:
        """The dates of the nearest issues before and after the period (one query)."""
        earlier = self.filter(date__lt=first).order_by("-date").values("date")[:1]
        later = self.filter(date__gt=last).order_by("date").values("date")[:1]
        rows = list(earlier.union(later, all=True))
        before = [r["date"] for r in rows if r["date"] < first]
        after = [r["date"] for r in rows if r["date"] > last]
        return (before[0] if before else None), (after[0] if after else None)

    def count_by_year(self) -> list[tuple[int, int]]:
        """(year, issues) for every year with an issue, the newest first."""
        rows = self.annotate(y=ExtractYear("date")).values("y").annotate(n=models.Count("id")).order_by("-y")
        return [(r["y"], r["n"]) for r in rows]

    def count_by_month(self, year: int) -> list[tuple[int, int]]:
        """(month, issues) for the months of `year` with an issue."""
        rows = (
            self.filter(date__year=year)
            .annotate(m=ExtractMonth("date"))
            .values("m")
            .annotate(n=models.Count("id"))
            .order_by("m")
        )
        return [(r["m"], r["n"]) for r in rows]

    def with_lead(self) -> IssueQuerySet:
        """Each issue with its page count and its lead article (the first on its first page), in
        one query: a year's 365 issues cost no more than one."""
        lead = Article.objects.filter(page__issue=models.OuterRef("pk")).order_by(
            "page__sequence", "page__label", "order", "pk"
        )
        pages = (
            Page.objects.filter(issue=models.OuterRef("pk")).order_by().values("issue").annotate(n=models.Count("id"))
        )
        return self.annotate(
            page_count=models.Subquery(pages.values("n")[:1]),
            lead_id=models.Subquery(lead.values("pk")[:1]),
            lead_headline=models.Subquery(lead.values("headline")[:1]),
        ).order_by("date")


class Issue(models.Model):
    newspaper = models.ForeignKey(Newspaper, on_delete=models.PROTECT, related_name="issues", verbose_name="报纸")
    date = models.DateField("出版日期", db_index=True)
    number = models.PositiveIntegerField("期号", null=True, blank=True)
    date_inferred = models.BooleanField("日期由文本推断", default=False)
    date_evidence = models.TextField("日期依据", blank=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "期"
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["newspaper", "date"], name="issue_one_per_paper_and_date")]

    def __str__(self) -> str:
        return f"{self.newspaper} {self.date:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return links.issue_url(self.date)


class PageQuerySet(models.QuerySet):
    def at(self, day: date, label: str) -> PageQuerySet:
        """The pages `label` of the issues of `day` with their issue and paper, the archive's
        first paper first (as IssueQuerySet.dated)."""
        return (
            self.select_related("issue__newspaper").filter(issue__date=day, label=label).order_by("issue__newspaper_id")
        )

    def without_text(self) -> PageQuerySet:
        """Leave the page's raw text, its largest column, in the database."""
        return self.defer("raw_text")

    def in_print_order(self) -> PageQuerySet:
        return self.order_by("sequence", "label")

    def for_navigation(self) -> PageQuerySet:
        """Labels only, in print order: the 版面导航 and 上一版/下一版 (on an issue's `pages`)."""
        return self.in_print_order().only("id", "label", "sequence", "section", "issue_id")

    def with_headlines(self) -> PageQuerySet:
        """Pages in order, each with its articles' kicker, headline, kind, credits and the opening
        of the body in `article_rows` (three queries; the pages' raw text and paragraphs and the
        articles' whole bodies, the largest things they hold, stay in the database). Plain
        lists (to_attr): a prefetch into the related managers clones a queryset per object."""
        articles = (
            Article.objects.only("id", "page_id", "order", "headline", "kicker", "kind")
            .annotate(opening=Left("body", 80))
            .prefetch_related(models.Prefetch("credits", queryset=Credit.objects.for_cards(), to_attr="credit_rows"))
            .order_by("order")
        )
        pages = self.in_print_order().defer("raw_text", "unassigned", "paragraphs")
        return pages.prefetch_related(models.Prefetch("articles", queryset=articles, to_attr="article_rows"))

    def neighbours(self, page: Page, pages: list[Page] | None = None) -> tuple[Page | None, Page | None]:
        """The pages before and after `page` in its issue; `pages`: the issue's pages
        (for_navigation) when the caller has them already."""
        return around(list(page.issue.pages.for_navigation()) if pages is None else pages, page)

    def continuation(self, article: Article) -> Page | None:
        """The page a jump line (下转A2版) points to, when it exists in the same issue."""
        if not article.continued_to:
            return None
        return (
            self.filter(issue_id=article.page.issue_id, label=article.continued_to)
            .only("id", "label", "issue_id")
            .first()
        )

    def for_review(self) -> PageQuerySet:
        """Pages with their weakest article's confidence, the weakest first (review queue)."""
        return (
            self.select_related("issue__newspaper")
            .annotate(weakest=models.Min("articles__parse_confidence"), n_articles=models.Count("articles"))
            .order_by(models.F("weakest").asc(nulls_first=True), "issue__date", "sequence")
        )


class Page(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="pages", verbose_name="期")
    label = models.CharField("版次", max_length=16)
    sequence = models.PositiveIntegerField("顺序", default=0)
    section = models.CharField("版名", max_length=50, blank=True)
    raw_text = models.TextField("原始文本")
    sha256 = models.CharField(
        "SHA-256 校验值", max_length=64, db_index=True, help_text="文件内容的指纹：相同内容再导入时跳过"
    )
    file_name = models.CharField("文件名", max_length=255, blank=True)
    source_format = models.CharField("格式", max_length=20, choices=SourceFormat.choices)
    encoding = models.CharField("编码", max_length=20, default="utf-8")
    parser_version = models.CharField("解析器版本", max_length=20)
    unassigned = models.JSONField("未归属文本", default=list, blank=True)
    ingested_at = models.DateTimeField("导入时间", auto_now_add=True)
    parsed_at = models.DateTimeField("解析时间", auto_now=True)
    # The page's paragraphs as readers get them (parse + staff corrections), in printed order:
    # [{"key", "kind", "role", "text", "article"}], article an Article id or None (unassigned).
    paragraphs = models.JSONField("段落", default=list, blank=True, editable=False)
    version = models.PositiveIntegerField(
        "版本", default=0, editable=False, help_text="每次重建段落加一：两人同时校对同一版面时，后提交者被拒绝"
    )
    reviewed_at = models.DateTimeField("校对完成时间", null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="校对人",
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "版面"
        ordering = ["issue", "sequence", "label"]
        constraints = [models.UniqueConstraint(fields=["issue", "label"], name="page_one_per_issue_and_label")]

    def __str__(self) -> str:
        return f"{self.issue} {self.label}"

    def get_absolute_url(self) -> str:
        return links.page_url(self.issue.date, self.label)

    def clean(self) -> None:
        """A label as printed (`A1`): typed in lowercase it is raised; anything else is refused,
        since the page's URL is made of it."""
        self.label = self.label.strip().upper()
        if not valid_label(self.label):
            raise ValidationError({"label": "版次应像 A1、B12 这样：一两个字母加数字"})


# Derived for search and large (most of the table's TOAST): never needed to show an article.
SEARCH_COLUMNS = ("search_title", "search_text", "bigrams", "title_bigrams", "words")
# A page's whole text, its parse and what was left unassigned: large, and no article view shows them.
PAGE_TEXT_COLUMNS = ("page__raw_text", "page__paragraphs", "page__unassigned")


class ArticleQuerySet(models.QuerySet):
    def for_listing(self) -> ArticleQuerySet:
        """Articles ready to show: page, issue and paper joined (not the page's own text), credits
        with their people in one more query, the search columns left in the database."""
        return self.for_cards().select_related("page__issue__newspaper").defer(*PAGE_TEXT_COLUMNS)

    def for_cards(self) -> ArticleQuerySet:
        """Articles of one page as cards: their credits and people, no search columns."""
        credits = Credit.objects.for_cards()
        return self.defer(*SEARCH_COLUMNS).prefetch_related(
            models.Prefetch("credits", queryset=credits, to_attr="credit_rows")
        )

    def on_page(self, page: Page) -> ArticleQuerySet:
        """The page's articles in print order. Combined with `page.articles`, so each one holds
        `page` itself: reaching its page, issue and paper costs no query."""
        return (self & page.articles.all()).order_by("order")

    def in_reading_order(self) -> ArticleQuerySet:
        """As the paper is read: by date, then page (print order), then place on the page."""
        return self.order_by("issue_date", "page__sequence", "page__label", "order", "pk")

    def for_links(self) -> ArticleQuerySet:
        """What a 上一篇/下一篇 link shows: the headline, its page and date."""
        return self.only("id", "headline", "order", "page_id", "issue_date", "page_label")

    def in_next_issue(self, day: date) -> ArticleQuerySet:
        """The articles of the nearest later date that has any (the article date index finds it)."""
        later = Article.objects.filter(issue_date__gt=day).order_by("issue_date").values("issue_date")[:1]
        return self.filter(issue_date=models.Subquery(later))

    def in_previous_issue(self, day: date) -> ArticleQuerySet:
        earlier = Article.objects.filter(issue_date__lt=day).order_by("-issue_date").values("issue_date")[:1]
        return self.filter(issue_date=models.Subquery(earlier))

    def neighbours(self, article: Article, pages: list[Page] | None = None) -> tuple[Article | None, Article | None]:
        """上一篇/下一篇 in reading order: on the page, else on the pages around it, else in the
        issues around it, so a reader never meets a dead end. A constant number of queries: the
        page's own articles, then (only at the edge of a page) one for the nearest article on
        another page or in another issue. `pages`: the issue's pages (for_navigation) when the
        caller has them already."""
        siblings = list(self.filter(page_id=article.page_id).for_links().order_by("order", "pk"))
        previous, following = around(siblings, article)
        if previous is not None and following is not None:
            return previous, following
        issue = article.page.issue
        pages = list(issue.pages.for_navigation()) if pages is None else pages
        at = next(i for i, p in enumerate(pages) if p.pk == article.page_id)
        linkable = self.for_links().in_reading_order()
        if previous is None:
            earlier = linkable.filter(page__in=[p.pk for p in pages[:at]]).last() if at > 0 else None
            previous = earlier or linkable.in_previous_issue(issue.date).last()
        if following is None:
            later = linkable.filter(page__in=[p.pk for p in pages[at + 1 :]]).first() if at + 1 < len(pages) else None
            following = later or linkable.in_next_issue(issue.date).first()
        return previous, following

    def by_person(self, person: Person) -> ArticleQuerySet:
        """The person's articles: ids from their credits (no DISTINCT over whole rows)."""
        return self.filter(pk__in=Credit.objects.filter(person=person).values("article_id"))

    def for_rows(self) -> ArticleQuerySet:
        """What a row of an article list shows: headline, kicker, kind, date and page label."""
        return self.only("id", "headline", "kicker", "kind", "issue_date", "page_label", "page_id")

    def newest_first(self) -> ArticleQuerySet:
        return self.order_by("-issue_date", "page__sequence", "order", "id")


class Article(models.Model):
    EDITABLE = ("kind", "kicker", "headline", "subheadline", "source", "dateline", "body", "captions", "order")

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="articles", verbose_name="版面")
    order = models.PositiveIntegerField("版内顺序", default=0)
    kind = models.CharField("体裁", max_length=12, choices=ArticleKind.choices, default=ArticleKind.NEWS)
    kicker = models.TextField("引题", blank=True)
    headline = models.TextField("主题", blank=True)
    subheadline = models.TextField("副题", blank=True)
    source = models.CharField("来源", max_length=50, blank=True)
    dateline = models.CharField("电头", max_length=50, blank=True)
    lead = models.TextField("导语前缀", blank=True, help_text="印在正文前的“株洲日报讯 3月26日，”等")
    body = models.TextField("正文", blank=True, help_text="一段一行")
    section_headings = ArrayField(models.TextField(), default=list, blank=True, verbose_name="小标题")
    captions = ArrayField(models.TextField(), default=list, blank=True, verbose_name="图片说明")
    tables = ArrayField(models.TextField(), default=list, blank=True, verbose_name="表格")
    bylines = ArrayField(models.TextField(), default=list, blank=True, verbose_name="署名原文")
    jump = models.CharField("转版原文", max_length=100, blank=True)
    continued_to = models.CharField("下转版次", max_length=16, blank=True)
    continued_from = models.CharField("上接版次", max_length=16, blank=True)
    edited_fields = ArrayField(models.CharField(max_length=30), default=list, blank=True, verbose_name="人工修改的字段")
    credits_edited = models.BooleanField("署名经人工修改", default=False)
    parse_confidence = models.FloatField(
        "解析置信度",
        default=1.0,
        editable=False,
        help_text="版面证据对标题、署名与正文归属的支持程度（0–1），人工校对从最低者开始",
    )
    # Denormalised from the page so search can filter and sort without joins.
    issue_date = models.DateField("出版日期", null=True, editable=False)
    page_label = models.CharField("版次", max_length=16, blank=True, editable=False)
    # Search columns (articles.search.columns), recomputed on every save that changes text.
    search_title = models.TextField("检索用标题", blank=True, editable=False)
    search_text = models.TextField("检索用全文", blank=True, editable=False)
    bigrams = SearchVectorField("全文二元组索引", null=True, editable=False)
    title_bigrams = SearchVectorField("标题二元组索引", null=True, editable=False)
    words = SearchVectorField("词索引", null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "文章"
        ordering = ["page", "order"]
        indexes = [
            models.Index(fields=["page", "order"], name="article_page_order"),
            models.Index(fields=["issue_date", "id"], name="article_date"),
            # a page label's articles per year (a trend's denominator under 版:A1) without
            # reading the table: 770 ms -> an index-only count at a million articles
            models.Index(fields=["page_label", "issue_date"], name="article_label_date"),
            GinIndex(fields=["bigrams"], name="article_bigrams"),
            GinIndex(fields=["title_bigrams"], name="article_title_bigrams"),
        ]

    def __str__(self) -> str:
        return self.headline or f"（无标题）{self.body[:20]}"

    def get_absolute_url(self) -> str:
        return links.article_url(self.pk)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n") if p.strip()]

    @property
    def excerpt(self) -> str:
        """The body's first 90 characters, as a card shows them."""
        return self.body if len(self.body) <= 90 else self.body[:89] + "…"

    @property
    def first_line(self) -> str:
        """The body's first paragraph, cut short (from the `opening` annotation when a listing made one)."""
        text = getattr(self, "opening", None)
        line = (self.body if text is None else text).split("\n", 1)[0]
        return line if len(line) < 60 else line[:59] + "…"

    def byline_text(self) -> str:
        """ "记者 罗欣、王五　通讯员 李四": the credits as one plain line (uses prefetched credits)."""
        return "　".join(f"{role} {'、'.join(p.name for p in people)}" for role, people in self.credits_by_role())

    def credit_list(self) -> list[Credit]:
        """The credits, from the prefetch when there is one. `credits.all()` clones a queryset
        (deep-copying its select_related) on every call, and so does a prefetch into the
        manager for every article: on an issue page of a hundred articles, 3-5 ms a request."""
        prefetched = getattr(self, "credit_rows", None)  # for_cards, with_headlines
        return list(prefetched if prefetched is not None else self.credits.all())

    def credits_by_role(self) -> list[tuple[str, list[Person]]]:
        """[("记者", [people…]), ("通讯员", […])] in role order; uses prefetched credits."""
        groups: dict[str, list[Person]] = {}
        for credit in self.credit_list():
            groups.setdefault(credit.role, []).append(credit.person)
        return [(Role(role).label, groups[role]) for role in Role.values if role in groups]


class PersonQuerySet(models.QuerySet):
    def credited(self) -> PersonQuerySet:
        """Everyone with at least one credit, with their article count and roles (one grouped query)."""
        return (
            self.annotate(
                articles=models.Count("credits__article", distinct=True),
                roles=ArrayAgg("credits__role", distinct=True, default=[]),
            )
            .filter(articles__gt=0)
            .only("id", "name", "slug")
            .order_by()
        )


class Person(models.Model):
    name = models.CharField("姓名", max_length=50)
    slug = models.SlugField("网址名", max_length=80, unique=True, allow_unicode=True)
    aliases = ArrayField(models.CharField(max_length=50), default=list, blank=True, verbose_name="别名")
    is_person = models.BooleanField(
        "是人名", default=True, help_text="否：署名里的单位等（如“市一医院供图”），不再记为署名，改记为文章来源"
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "人物"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:person", kwargs={"slug": self.slug})


class PersonRedirect(models.Model):
    """The slug of a person merged into another: /people/<old>/ answers 301 to the survivor."""

    old_slug = models.SlugField("旧网址名", max_length=80, unique=True, allow_unicode=True)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="redirects", verbose_name="合并到")

    class Meta:
        verbose_name = verbose_name_plural = "人物合并跳转"

    def __str__(self) -> str:
        return f"{self.old_slug} → {self.person}"


class ArticleRedirect(models.Model):
    """The id of an article a re-parse removed: /articles/<old>/ answers 301 to its page, so a
    citation's permalink never dead-ends."""

    old_id = models.BigIntegerField("旧文章编号", unique=True)
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="article_redirects", verbose_name="版面")

    class Meta:
        verbose_name = verbose_name_plural = "文章跳转"

    def __str__(self) -> str:
        return f"{self.old_id} → {self.page}"


class CreditQuerySet(models.QuerySet):
    def for_cards(self) -> CreditQuerySet:
        """Credits with their people, in credit order (not Meta's article→page→issue joins)."""
        return self.select_related("person").order_by("order", "id")


class Credit(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="credits", verbose_name="文章")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="credits", verbose_name="人物")
    role = models.CharField("角色", max_length=15, choices=Role.choices)
    order = models.PositiveSmallIntegerField("顺序", default=0)

    objects = CreditQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "署名"
        ordering = ["article", "order"]
        constraints = [
            models.UniqueConstraint(fields=["article", "person", "role"], name="credit_one_per_article_person_role")
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.person}"


class IngestRun(models.Model):
    """One `ingest` command: what it was given, what became of each file. A run killed before it
    finished keeps finished_at empty, so staff can see it never completed."""

    started_at = models.DateTimeField("开始", auto_now_add=True)
    finished_at = models.DateTimeField("结束", null=True, blank=True)
    arguments = models.TextField("参数", blank=True)
    files = models.PositiveIntegerField("文件数", default=0)
    new = models.PositiveIntegerField("新增", default=0)
    unchanged = models.PositiveIntegerField("未变", default=0)
    reparsed = models.PositiveIntegerField("重新解析", default=0)
    failed = models.PositiveIntegerField("失败", default=0)
    messages = models.JSONField("逐个文件的结果", default=list, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "导入记录"
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.started_at):%Y-%m-%d %H:%M} · {self.files} 个文件"  # as the admin shows times


class CorrectionOp(models.TextChoices):
    MOVE = "move", "移动段落"
    NEW = "new", "新建文章"
    SPLIT = "split", "拆分文章"
    MERGE = "merge", "合并文章"
    ROLE = "role", "更改段落角色"
    DELETE = "delete", "删除文章（文字退回未归属）"


class CorrectionStatus(models.TextChoices):
    APPLIED = "applied", "已应用"
    PARTIAL = "partial", "部分文字已不在本版"
    MISSING = "missing", "文字已不在本版，未应用"


class Correction(models.Model):
    """What staff decided about which text of a page: replayed on every later parse of the page.

    Paragraphs are named by fingerprints of their text (articles.storage.fingerprints), not by
    row ids, so a re-ingest or a new parser finds them again; a correction whose text is gone
    stays here, marked, for staff to see."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="corrections", verbose_name="版面")
    op = models.CharField("操作", max_length=10, choices=CorrectionOp.choices)
    data = models.JSONField("内容", default=dict)
    status = models.CharField("状态", max_length=10, choices=CorrectionStatus.choices, default=CorrectionStatus.APPLIED)
    active = models.BooleanField("生效", default=True, help_text="撤销后不再重放，记录保留")
    created_at = models.DateTimeField("时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="校对人"
    )

    class Meta:
        verbose_name = verbose_name_plural = "结构校正"
        ordering = ["page", "id"]

    def __str__(self) -> str:
        return f"{self.get_op_display()} · {self.data.get('summary', '')}"
