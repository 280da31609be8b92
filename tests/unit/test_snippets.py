"""Marking hits: left to right, the longer term first where two start together, escaped, capped."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from articles.search.snippets import MAX_MARKS, MarkBudget, _folded_with_map, hit_spans, mark, snippet
from articles.search.text import HAN_SPACE, fold, squeeze


def test_marks_are_left_to_right_longest_first_and_folded():
    assert hit_spans("株洲市长在株洲", ["株洲", "株洲市"]) == [(0, 3), (5, 7)]
    assert hit_spans("ＡＢＣ abc", ["abc"]) == [(0, 3), (4, 7)]
    assert hit_spans("１㎡面积", ["m2"]) == [(1, 2)]  # one character folded to two
    assert str(mark("<株洲>", ["株洲"])) == "&lt;<mark>株洲</mark>&gt;"


def test_a_million_hits_give_at_most_the_cap():
    assert len(hit_spans("株洲" * 1_000_000, ["株洲", "洲株"])) == MAX_MARKS
    html, text = snippet("开头" * 100 + "株洲" * 500_000, ["株洲"])
    assert text.startswith("…") and html.count("<mark>") == 45  # 90 of the 120 characters shown


def test_one_budget_is_shared_by_the_fields_of_an_article():
    budget = MarkBudget(["株洲"], limit=5)
    assert str(budget.mark("株洲株洲株洲")).count("<mark>") == 3
    assert str(budget.mark("株洲株洲株洲")).count("<mark>") == 2
    assert str(budget.mark("株洲")) == "株洲" and budget.left == 0


@given(st.text(alphabet=st.sampled_from("株洲ＡＢａ，。“” \n\u3000Ab1１㎡é\u0301\uf900丽-"), max_size=40))
def test_folding_with_a_map_is_folding_one_character_at_a_time(text):
    """The runs folded at once give what folding every character alone gives, mapped back."""
    folded, where = _folded_with_map(text)
    pieces = [(fold(ch), i) for i, ch in enumerate(text)]
    one_by_one = "".join(f for f, _ in pieces)
    origin = [i for f, i in pieces for _ in f]
    assert folded == squeeze(one_by_one)
    gaps = [m.span() for m in HAN_SPACE.finditer(one_by_one)]
    kept = [i for i in range(len(one_by_one)) if not any(a <= i < b for a, b in gaps)]
    assert list(where) == [origin[i] for i in kept]
