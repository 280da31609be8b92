"""Typed paragraphs to articles: group bodies, pair each title run with the body it belongs to.

Text order is not reading order. In PDF column text a headline usually follows its own body;
in one-paragraph-per-line text it precedes it. Which body a run of title lines belongs to is
decided by evidence (how many of the title's character pairs appear in each candidate body,
a signature or byline standing between them), with the format's usual order as a prior.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .layout import (
    BODY,
    BYLINE,
    CAPTION,
    CREDIT,
    HEADING,
    JUMP,
    PDF,
    SIGNATURE,
    TABLE,
    TITLE,
    Para,
)
from .patterns import parse_lead
from .text import bigrams


@dataclass
class Group:
    paras: list[Para] = field(default_factory=list)
    titles: list[Para] = field(default_factory=list)
    _bigrams: set[str] | None = field(default=None, repr=False)

    def has(self, *kinds: str) -> bool:
        return any(p.kind in kinds for p in self.paras)

    @property
    def has_start(self) -> bool:
        if self.has(BYLINE, SIGNATURE, CREDIT):
            return True
        return any(p.kind == BODY and parse_lead(p.text) for p in self.paras)

    @property
    def body_text(self) -> str:
        return "".join(p.text for p in self.paras if p.kind in (BODY, HEADING, CAPTION))

    def body_bigrams(self) -> set[str]:
        """Character pairs of the opening of the body (computed once: title pairing asks often)."""
        if self._bigrams is None:
            self._bigrams = bigrams(self.body_text[:3000])
        return self._bigrams


def group_paragraphs(paras: list[Para]) -> list[object]:
    """An alternating list: lists of title paragraphs (runs) and Groups."""
    items: list[object] = []
    group: Group | None = None
    run: list[Para] = []

    def flush_run() -> None:
        nonlocal run
        if run:
            items.append(run)
            run = []

    def new_group() -> Group:
        nonlocal group
        flush_run()
        group = Group()
        items.append(group)
        return group

    for i, p in enumerate(paras):
        if p.kind == TITLE:
            group = None
            run.append(p)
            continue
        if p.kind in (BYLINE, SIGNATURE):
            if group is None or group.has(BODY, HEADING, CAPTION, TABLE):
                new_group()
        elif p.kind == BODY and parse_lead(p.text) is not None:
            if group is None or group.has(BODY, HEADING, TABLE) or (run and group is not None):
                new_group()
        elif p.kind == TABLE and group is None and not run and items:
            group = next((it for it in reversed(items) if isinstance(it, Group)), None)
            if group is None:
                new_group()
        if group is None:
            new_group()
        group.paras.append(p)
        if p.kind in (JUMP, CREDIT) and not _credit_leads(i, paras):
            group = None
    flush_run()
    return items


def _credit_leads(i: int, paras: list[Para]) -> bool:
    """A photo credit (paras[i]) ends its group unless it stands right under a title with body
    text right after it (a credit at the top). By position: an equal credit line elsewhere on
    the page must not answer for this one."""
    return (
        paras[i].kind == CREDIT and 0 < i < len(paras) - 1 and paras[i - 1].kind == TITLE and paras[i + 1].kind == BODY
    )


def attach_orphan_bylines(items: list[object]) -> list[object]:
    """A group of bylines and nothing else (printed above its story's title stack, or apart from
    it by a caption) joins the next group that has no byline of its own, else the one before."""
    out = list(items)
    i = 0
    while i < len(out):
        item = out[i]
        if not isinstance(item, Group) or not item.paras or item.has(BODY, HEADING, CAPTION, TABLE, JUMP):
            i += 1
            continue
        groups = [(j, g) for j, g in enumerate(out) if isinstance(g, Group)]
        after = next((g for j, g in groups if j > i), None)
        before = next((g for j, g in reversed(groups) if j < i), None)
        target = after if after is not None and not after.has(BYLINE) else None
        if target is None and before is not None and not before.has(BYLINE, SIGNATURE):
            target = before
        if target is None:
            i += 1
            continue
        if target is after:
            target.paras[:0] = item.paras
        else:
            target.paras.extend(item.paras)
        target._bigrams = None
        del out[i]
    return out


def merge_section_headings(items: list[object]) -> list[object]:
    """Titles-first text: a one-line title followed by a body with no byline, lead or credit is
    a 小标题 inside the article before it."""
    out: list[object] = []
    for item in items:
        if (
            isinstance(item, Group)
            and not item.has_start
            and len(out) >= 2
            and isinstance(out[-1], list)
            and len(out[-1]) == 1
            and isinstance(out[-2], Group)
            and not out[-2].has(JUMP, CREDIT)
        ):
            heading = out.pop()[0]
            prev = out[-1]
            prev.paras.append(Para(HEADING, heading.text, heading.gap))
            prev.paras.extend(item.paras)
            continue
        out.append(item)
    return out


def assign_titles(items: list[object], fmt: str) -> list[Group]:
    """Split each title run between the group before it and the group after it (dynamic programming
    over the runs, so no group takes titles from both sides)."""
    groups = [it for it in items if isinstance(it, Group)]
    if not groups:
        return []
    runs: list[list[Para]] = [[] for _ in range(len(groups) + 1)]
    gi = 0
    for it in items:
        if isinstance(it, Group):
            gi += 1
        else:
            runs[gi].extend(it)
    after_prior = 0.35 if fmt == PDF else 0.0
    before_prior = 0.0 if fmt == PDF else 0.35

    def score(titles: list[Para], group: Group, before: bool) -> float:
        if not titles:
            return 0.0
        text = "".join(t.text for t in titles)
        grams = bigrams(text)
        sim = len(grams & group.body_bigrams()) / len(grams) if grams else 0.0
        prior = before_prior if before else after_prior
        first = group.paras[0].kind if group.paras else None
        if before and first == SIGNATURE:
            prior += 0.6
        if not before and first != SIGNATURE and fmt == PDF:
            prior += 0.1
        return sim + prior + 0.3  # a title for a group beats none

    conflict = 1.0  # a group whose titles would come from both sides
    n = len(groups)
    best: list[dict[bool, float]] = [{} for _ in range(n + 1)]
    back: list[dict[bool, tuple[bool, int]]] = [{} for _ in range(n + 1)]
    best[1][bool(runs[0])] = score(runs[0], groups[0], True)
    for i in range(1, n):
        run = runs[i]
        for took_before, so_far in best[i].items():
            for k in range(len(run) + 1):
                left, right = run[:k], run[k:]
                total = so_far + score(left, groups[i - 1], False) + score(right, groups[i], True)
                if left and took_before:
                    total -= conflict
                state = bool(right)
                if total > best[i + 1].get(state, float("-inf")):
                    best[i + 1][state] = total
                    back[i + 1][state] = (took_before, k)
    last = runs[n]

    def final(state: bool) -> float:
        return best[n][state] + score(last, groups[n - 1], False) - (conflict if last and state else 0)

    state = max(best[n], key=final)
    if last:
        groups[n - 1].titles = list(last)
    for i in range(n - 1, 0, -1):
        prev_state, k = back[i + 1][state]
        if runs[i][k:]:
            groups[i].titles = runs[i][k:] + groups[i].titles
        if runs[i][:k]:
            groups[i - 1].titles = groups[i - 1].titles + runs[i][:k]
        state = prev_state
    if runs[0]:
        groups[0].titles = runs[0] + groups[0].titles
    return groups


def title_fit(titles: list[Para], group: Group) -> float:
    """How much of a title's wording the group's body repeats: the share of its character pairs
    found in the opening of the body (news repeats its headline's words in its first lines)."""
    grams = bigrams("".join(t.text for t in titles))
    return len(grams & group.body_bigrams()) / len(grams) if grams else 0.0


def reunite_far_titles(groups: list[Group]) -> None:
    """A story whose title block was printed far from its body (PDF text: next to another story's
    title, hundreds of lines away) is left without a title by the pairing of neighbours. The
    title lines another group took that fit this body far better than their taker's body move
    here, with the byline printed right after them."""
    for group in groups:
        if group.titles or not group.body_text:
            continue
        best: tuple[float, Group, int, int] | None = None
        for other in groups:
            n = len(other.titles)
            for start, end in [(k, n) for k in range(1, n)] + [(0, k) for k in range(1, n)]:
                part, rest = other.titles[start:end], other.titles[:start] + other.titles[end:]
                gain = title_fit(part, group) - title_fit(part, other)
                if title_fit(part, group) >= 0.5 and gain >= 0.4 and title_fit(rest, other) >= title_fit(part, other):
                    if best is None or gain > best[0]:
                        best = (gain, other, start, end)
        if best is None:
            continue
        _, other, start, end = best
        while start > 1 and end == len(other.titles) and title_fit(other.titles[start - 1 : start], other) < 0.3:
            start -= 1  # a title stack moves whole: its lines that do not fit the taker come too
        group.titles = other.titles[start:end]
        del other.titles[start:end]
        _take_byline_after(group, groups)


def _take_byline_after(group: Group, groups: list[Group]) -> None:
    """The byline printed right after a moved title, if it opens a run of two bylines elsewhere."""
    if group.has(BYLINE) or not group.titles:
        return
    after = group.titles[-1].index + 1
    for other in groups:
        bylines = [p for p in other.paras if p.kind == BYLINE]
        if len(bylines) >= 2 and bylines[0].index == after:
            other.paras.remove(bylines[0])
            other._bigrams = None
            group.paras.insert(0, bylines[0])
            return
