"""Which body each title belongs to: where the evidence for pairing titles with bodies is weighed.

Text order is not reading order. In PDF column text a headline usually follows its own body; in
one-paragraph-per-line text it precedes it; a commentary's title stands above its signature;
and a title block may be printed far from its body. Each pairing of title lines with a group of
body text gets a score from named features (`features`), weighted in `WEIGHTS`: a new kind of
evidence is a new feature, not a new branch. Two passes:
1. `assign_titles`: each title run is split between the group before it and the group after it
   by dynamic programming over the page with that score, so that no group takes titles from
   both sides;
2. `reunite_far_titles`: a group left without a title takes the title lines elsewhere on the
   page that fit it far better than the body that took them. This pass compares fits against
   fixed thresholds (FAR_FIT, FAR_GAIN, WEAK_FIT), not the score: moving a title far is a bolder
   guess than splitting a run between neighbours, and the articles it makes get a lower
   confidence. Bylines are placed in grouping.py (set aside under a title, attached to the
   nearest story without one), also by rule.
"""

from __future__ import annotations

from .grouping import Group, Item, TitleRun
from .types import Para, ParaKind, SourceFormat

WEIGHTS = {
    "fit": 1.0,  # share of the title's character pairs found in the body's opening
    "line_fits": 1.0,  # the same, line by line, summed: each title line pulls toward its own body
    "usual_side": 0.35,  # the title stands where this format prints titles (PDF: after its body)
    "above_signature": 0.6,  # the title stands right above a signature: a commentary's title
    "after_unsigned_pdf": 0.1,  # PDF: a title after a body that is not a signed commentary
    "has_title": 0.3,  # a title for a group beats none, where titles stand or where it fits
    "stray": -0.3,  # a title on the unusual side that does not fit: it stays where titles stand
}
UNUSUAL_SIDE_FIT = 0.4  # on the side where this format does not print titles, a title must fit
BOTH_SIDES = 1.0  # the cost of a group taking titles from both sides
FAR_FIT, FAR_GAIN, LOOSE_FIT = 0.5, 0.4, 0.3  # thresholds of reunite_far_titles
WEAK_FIT = 0.25  # a title that shares nothing with its taker's body moves on weaker evidence
# How far a title block may stand from its body, in stories, and how many times the search is
# repeated: a printed page holds a few dozen stories; a long text must not cost quadratic time.
FAR_REACH, FAR_PASSES = 30, 3


def title_fit(titles: list[Para], group: Group) -> float:
    return group.fit("".join(t.text for t in titles))


def features(titles: list[Para], group: Group, before: bool, fmt: SourceFormat) -> dict[str, float]:
    """The evidence for `titles` being the title of `group`, printed before it or after it."""
    first = group.paras[0].kind if group.paras else None
    pdf = fmt == SourceFormat.PDF
    fit = title_fit(titles, group)
    line_fits = sum(group.fit(t.text) for t in titles)
    usual = before != pdf
    signed = before and first == ParaKind.SIGNATURE
    fits = fit >= UNUSUAL_SIDE_FIT
    return {
        "fit": fit,
        "line_fits": line_fits,
        "usual_side": float(usual),
        "above_signature": float(signed),
        "after_unsigned_pdf": float(not before and pdf and first != ParaKind.SIGNATURE),
        "has_title": float(usual or signed or fits),
        "stray": float(not (usual or signed or fits)),
    }


def pairing_score(titles: list[Para], group: Group, before: bool, fmt: SourceFormat) -> float:
    if not titles:
        return 0.0
    return sum(WEIGHTS[name] * value for name, value in features(titles, group, before, fmt).items())


def assign_titles(items: list[Item], fmt: SourceFormat) -> list[Group]:
    """Split each title run between the group before it and the group after it."""
    groups = [it for it in items if isinstance(it, Group)]
    if not groups:
        return []
    runs = _runs_between(items, len(groups))
    cuts = _best_cuts(runs, groups, fmt)
    groups[0].titles = list(runs[0])
    for i in range(1, len(groups)):
        groups[i - 1].titles += runs[i][: cuts[i]]
        groups[i].titles = runs[i][cuts[i] :]
    groups[-1].titles += runs[-1]
    return groups


def _runs_between(items: list[Item], n: int) -> list[list[Para]]:
    """runs[i]: the title lines printed between group i-1 and group i (runs[0] before the first
    group, runs[n] after the last)."""
    runs: list[list[Para]] = [[] for _ in range(n + 1)]
    gi = 0
    for it in items:
        if isinstance(it, TitleRun):
            runs[gi].extend(it.paras)
        else:
            gi += 1
    return runs


def _best_cuts(runs: list[list[Para]], groups: list[Group], fmt: SourceFormat) -> list[int]:
    """cuts[i]: how many lines of runs[i] go to the group before it (the rest to the group after),
    chosen by dynamic programming; the state is whether the group took titles from before it."""
    n = len(groups)
    best: list[dict[bool, float]] = [{} for _ in range(n + 1)]
    back: list[dict[bool, tuple[bool, int]]] = [{} for _ in range(n + 1)]
    best[1][bool(runs[0])] = pairing_score(runs[0], groups[0], True, fmt)
    for i in range(1, n):
        run = runs[i]
        for took_before, so_far in best[i].items():
            for k in range(len(run) + 1):
                left, right = run[:k], run[k:]
                total = (
                    so_far + pairing_score(left, groups[i - 1], False, fmt) + pairing_score(right, groups[i], True, fmt)
                )
                if left and took_before:
                    total -= BOTH_SIDES
                state = bool(right)
                if total > best[i + 1].get(state, float("-inf")):
                    best[i + 1][state] = total
                    back[i + 1][state] = (took_before, k)
    last = runs[n]

    def final(state: bool) -> float:
        return best[n][state] + pairing_score(last, groups[n - 1], False, fmt) - (BOTH_SIDES if last and state else 0)

    state = max(best[n], key=final)
    cuts = [0] * (n + 1)
    for i in range(n - 1, 0, -1):
        state, cuts[i] = back[i + 1][state]
    return cuts


def reunite_far_titles(groups: list[Group]) -> None:
    """A story whose title block was printed far from its body (PDF text: next to another story's
    title, hundreds of lines away) is left without a title by the pairing of neighbours. The
    title lines another group took that fit this body far better than their taker's body move
    here (a byline printed under them is placed by grouping.place_bylines_under_titles)."""
    for _ in range(FAR_PASSES):  # a move may leave its giver untitled: look again
        moved = False
        for n, group in enumerate(groups):
            if group.titles or not group.body_text:
                continue
            near = groups[max(0, n - FAR_REACH) : n + FAR_REACH + 1]
            found = _best_far_part(group, [g for g in near if g.titles])
            if found is None:
                continue
            other, start, end = found
            while _stack_goes_on_above(other, start, end):
                start -= 1  # a title stack moves whole: its lines that do not fit the taker come too
            while start == 0 and end < len(other.titles) - 1 and _goes_along(other.titles[end], other, group):
                end += 1  # and so do the lines under a stack's first line, short of the giver's own last
            group.titles = other.titles[start:end]
            del other.titles[start:end]
            moved = True
        if not moved:
            return


def _stack_goes_on_above(giver: Group, start: int, end: int) -> bool:
    """Whether the title line above a moving slice (the giver's last lines) is of the same stack:
    it does not fit the giver, and it does not close a block of lines printed together (no blank
    line between) that the slice stands apart from: such a block is a stack of its own. Lines
    that each stand apart (loose text) tell nothing."""
    titles = giver.titles
    if not 1 < start or end != len(titles):
        return False
    if titles[start].gap >= 1 and titles[start - 1].gap == 0:
        return False
    return title_fit(titles[start - 1 : start], giver) < LOOSE_FIT


def _goes_along(line: Para, giver: Group, taker: Group) -> bool:
    """A title line under a moving stack's first line that fits the group giving it no better
    than the group taking it: the rest of the stack."""
    there = title_fit([line], giver)
    return there < LOOSE_FIT and title_fit([line], taker) >= there


def _best_far_part(group: Group, groups: list[Group]) -> tuple[Group, int, int] | None:
    """The slice of another group's titles (a prefix, a suffix, or all of them) that fits this
    group best, if it fits well and far better than where it is. All of them move only on strong
    evidence: the giver is left untitled and looks again."""
    best: tuple[float, Group, int, int] | None = None
    for other in groups:
        n = len(other.titles)
        for start, end in [(k, n) for k in range(n)] + [(0, k) for k in range(1, n)]:
            part, rest = other.titles[start:end], other.titles[:start] + other.titles[end:]
            here, there = title_fit(part, group), title_fit(part, other)
            strong = here >= FAR_FIT and here - there >= FAR_GAIN
            if not rest:
                fits_here = strong
            else:
                weak = here >= WEAK_FIT and there == 0
                fits_here = (strong or weak) and title_fit(rest, other) >= there
            if fits_here:
                if best is None or here - there > best[0]:
                    best = (here - there, other, start, end)
    return best[1:] if best is not None else None
