"""Per-article scoring with exactly the pairing and tests of ../shared/eval/score_parse.py
(greedy one-to-one pairing by title similarity; headline exact; reporters and correspondents
equal on exact pairs; body holds the key's first and last characters), answering for each
article of the key so that a caller can count results by phenomenon."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field


def norm(s: object) -> str:
    if not s:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(s)))


def headline(a: dict) -> str:
    return norm(a.get("headline"))


def full_title(a: dict) -> str:
    return norm((a.get("kicker") or "") + (a.get("headline") or "") + (a.get("subheadline") or ""))


def names(a: dict, key: str) -> list[str]:
    v = a.get(key) or []
    if isinstance(v, str):
        v = [v]
    return sorted(norm(x) for x in v if x)


def body_holds(g: dict, p: dict) -> bool:
    """Whether the parsed body holds the key's first and last characters."""
    body = norm(p.get("body"))
    start, end = norm(g.get("body_start"))[:10], norm(g.get("body_end"))[-10:]
    return bool(start and end and start in body and end in body)


def similarity(g: dict, p: dict) -> float:
    a, b = full_title(g), full_title(p)
    if not a:  # an article printed without a title is recognised by its body
        return 0.95 if body_holds(g, p) else 0.0
    if not b:
        return 0.0
    r = difflib.SequenceMatcher(None, a, b).ratio()
    if headline(g) and headline(g) in b:
        r = max(r, 0.9)
    return r


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing of key and parsed articles by title similarity."""
    pairs = sorted(((similarity(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)), reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for s, i, j in pairs:
        if s < 0.6:
            break
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        out.append((i, j))
    return out


@dataclass
class ArticleResult:
    paired: int | None  # index of the parsed article paired with this one
    exact: bool  # headline (or the whole title) exactly right
    credits: bool  # and reporters and correspondents right
    body: bool  # the paired body holds the key's first and last characters
    roles: bool = False  # kicker, headline and subheadline each exactly right (beyond the scorer)


@dataclass
class PageResult:
    gold: int
    pred: int
    date_ok: bool
    articles: list[ArticleResult] = field(default_factory=list)

    @property
    def exact(self) -> int:
        return sum(a.exact for a in self.articles)

    @property
    def credits(self) -> int:
        return sum(a.credits for a in self.articles)

    @property
    def bodies(self) -> int:
        return sum(a.body for a in self.articles)

    @property
    def roles(self) -> int:
        return sum(a.roles for a in self.articles)

    def totals(self) -> dict:
        """The same dict as score_parse.score()."""
        return {
            "gold": self.gold,
            "pred": self.pred,
            "exact": self.exact,
            "credits": self.credits,
            "bodies": self.bodies,
            "date_ok": self.date_ok,
        }


def score_page(gold_doc: dict, pred_doc: dict) -> PageResult:
    gold = gold_doc["articles"]
    pred = [a for a in (pred_doc.get("articles") or []) if isinstance(a, dict)]
    paired = dict(match(gold, pred))
    result = PageResult(len(gold), len(pred), pred_doc.get("issue_date") == gold_doc.get("issue_date"))
    for i, g in enumerate(gold):
        j = paired.get(i)
        if j is None:
            result.articles.append(ArticleResult(None, False, False, False))
            continue
        p = pred[j]
        exact = headline(g) == headline(p) or full_title(g) == full_title(p)
        credits = exact and all(names(g, k) == names(p, k) for k in ("reporters", "correspondents"))
        roles = all(norm(g.get(k)) == norm(p.get(k)) for k in ("kicker", "headline", "subheadline"))
        result.articles.append(ArticleResult(j, exact, credits, body_holds(g, p), roles))
    return result


def f1(exact: int, n_gold: int, n_pred: int) -> float:
    p = exact / n_pred if n_pred else 0.0
    r = exact / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0
